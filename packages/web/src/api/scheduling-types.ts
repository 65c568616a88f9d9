/** Wire types of the scheduling API: appointments, slots, consults, courses and clinic set-up. */

export type AppointmentType =
  'consult-telemedicine' | 'infusion' | 'esketamine-session' | 'follow-up';
export type AppointmentStatus = 'held' | 'booked' | 'cancelled' | 'completed' | 'no-show';

export interface Named {
  id: string;
  name: string;
}

/** `GET /api/appointments/:id`: an appointment with the chair, nurse and prescriber it holds. */
export interface Appointment {
  id: string;
  patientId: string;
  patient: { id: string; name: string; mrn: string };
  type: AppointmentType;
  status: AppointmentStatus;
  location: { id: string; name: string; timeZone: string } | null;
  courseId: string | null;
  startsAt: string;
  endsAt: string;
  holdExpiresAt: string | null;
  videoUrl: string | null;
  rescheduledFrom: string | null;
  cancelReason: string | null;
  cancelledAt: string | null;
  createdAt: string;
  chair: Named | null;
  nurse: (Named & { lane: number }) | null;
  prescriber: Named | null;
}

/** A bookable time: pass its resources back when booking. */
export interface Slot {
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  locationId: string | null;
  chairId: string | null;
  nurseId: string | null;
  prescriberId: string;
}

export interface SlotSearch {
  type: AppointmentType;
  from: string;
  to: string;
  locationId?: string;
  patientId?: string;
  /** Infusion length follows the protocol; or give the length outright (a reschedule keeps it). */
  protocolId?: string;
  durationMinutes?: number;
  limit?: number;
}

export interface NewAppointment {
  patientId: string;
  type: AppointmentType;
  startsAt: string;
  protocolId?: string;
  locationId?: string;
  chairId?: string;
  nurseId?: string;
  prescriberId?: string;
}

export interface Reschedule {
  startsAt: string;
  reason: string;
  locationId?: string;
  chairId?: string;
  nurseId?: string;
  prescriberId?: string;
}

/** `GET /api/public/consult-slots`: an offered video-consult time. */
export interface ConsultSlot {
  startsAt: string;
  endsAt: string;
  prescriber: { id: string; displayName: string };
}

/** `POST /api/me/consults` answers with the booking, its video link and its calendar file. */
export interface ConsultConfirmation {
  appointment: Appointment;
  videoUrl: string | null;
  calendarUrl: string;
}

export type Weekday = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';

export interface OpeningHours {
  weekday: Weekday;
  opensAt: string;
  closesAt: string;
}

export interface Closure {
  id: string;
  startsOn: string;
  endsOn: string;
  reason: string;
}

/** A booking an absence or closure falls on (`affectedAppointments` of their 201 answers). */
export interface AffectedAppointment {
  id: string;
  type: AppointmentType;
  startsAt: string;
  endsAt: string;
  locationId: string | null;
  /** The location's zone (the clinic's for a video visit): times are shown in it. */
  timeZone: string;
  /** The local date of the start, for the day board. */
  date: string;
}

/** What recording an absence or a closure answers. */
export interface RecordedUnavailability {
  id: string;
  affectedAppointments: AffectedAppointment[];
}

export interface Location {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  addressLine: string | null;
  hours: OpeningHours[];
  closures: Closure[];
  chairs: Named[];
}

export interface SchedulePeriod {
  id: string;
  locationId: string;
  weekday: Weekday;
  startsAt: string;
  endsAt: string;
}

export type StaffRole = 'nurse' | 'prescriber' | 'admin';

export interface StaffMember {
  id: string;
  displayName: string;
  role: StaffRole;
  videoUrlTemplate: string | null;
  nurseCapacity: number | null;
  schedule: SchedulePeriod[];
  absences: { id: string; startsAt: string; endsAt: string; reason: string }[];
}

export type CourseStatus = 'planned' | 'active' | 'paused' | 'completed' | 'stopped';
export type CourseProduct = 'ketamine-iv' | 'esketamine-nasal';

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface Course {
  id: string;
  patientId: string;
  screeningId: string;
  indication: string;
  product: CourseProduct;
  dose: { value: number; unit: string };
  sessionsPerWeek: number | null;
  weeks: number | null;
  startDate: string;
  /** The days and local time asked for when planning; re-bookings keep them. */
  preferredWeekdays: Weekday[] | null;
  preferredTime: string | null;
  location: { id: string; name: string; timeZone: string };
  status: CourseStatus;
  createdAt: string;
  createdBy: PersonRef;
  history: {
    from: string | null;
    to: string;
    reason: string;
    changedAt: string;
    changedBy: PersonRef;
  }[];
  sessions: Appointment[];
}

export interface NewCourse {
  screeningId: string;
  indication: string;
  product: CourseProduct;
  dose: { value: number; unit: 'mg/kg' | 'mg' };
  sessionsPerWeek: number | null;
  weeks: number | null;
  startDate: string;
  locationId: string;
  preferredWeekdays?: Weekday[];
  preferredTime?: string;
}
