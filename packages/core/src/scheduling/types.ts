import type { AppointmentTypeId } from '../knowledge/schema/scheduling';
import type { Instant, LocalDate, LocalTime, TimeZone, Weekday } from './time';

/**
 * The clinic calendar model. Plain data, JSON-friendly, as the server stores it and the admin
 * screens edit it. Local times are wall-clock times in the location's (or staff member's) zone.
 */

/** An interval of one day, `08:00`–`18:00` local. `close` may be `24:00`. */
export interface LocalHours {
  readonly open: LocalTime;
  readonly close: LocalTime;
}

/** A whole-day closure (`date`) or a range of whole days (`from`..`to`, both included). */
export type Closure =
  | { readonly date: LocalDate; readonly reason: string }
  | { readonly from: LocalDate; readonly to: LocalDate; readonly reason: string };

export interface Location {
  readonly id: string;
  readonly name?: string;
  readonly timeZone: TimeZone;
  /** Opening hours per weekday; a missing or empty weekday is closed. */
  readonly openingHours: Partial<Readonly<Record<Weekday, readonly LocalHours[]>>>;
  readonly closures: readonly Closure[];
}

export interface Chair {
  readonly id: string;
  /** Shown in conflict explanations; the id when absent. */
  readonly name?: string;
  readonly locationId: string;
}

export type StaffRole = 'nurse' | 'prescriber';

/**
 * A weekly working period. With `locationId` the person is on site there (times in that
 * location's zone); without, they work remotely (telemedicine) in the staff member's `timeZone`.
 */
export interface WorkPeriod {
  readonly weekday: Weekday;
  readonly start: LocalTime;
  readonly end: LocalTime;
  readonly locationId?: string;
}

/**
 * A change to the weekly pattern on one date: an absence (whole day, or `start`–`end`), or an
 * extra period (`kind: 'extra'`).
 */
export type ScheduleException =
  | {
      readonly kind: 'absent';
      readonly date: LocalDate;
      readonly start?: LocalTime;
      readonly end?: LocalTime;
      readonly reason: string;
    }
  | {
      readonly kind: 'extra';
      readonly date: LocalDate;
      readonly start: LocalTime;
      readonly end: LocalTime;
      readonly locationId?: string;
      readonly reason: string;
    };

export interface StaffMember {
  readonly id: string;
  /** Shown in conflict explanations; the id when absent. */
  readonly name?: string;
  readonly role: StaffRole;
  /** Zone of remote work periods (those without `locationId`). */
  readonly timeZone: TimeZone;
  readonly schedule: readonly WorkPeriod[];
  readonly exceptions: readonly ScheduleException[];
}

/** Everything the slot search reads about the clinic. */
export interface ClinicCalendar {
  readonly locations: readonly Location[];
  readonly chairs: readonly Chair[];
  readonly staff: readonly StaffMember[];
}

export { APPOINTMENT_TYPE_IDS, type AppointmentTypeId } from '../knowledge/schema/scheduling';

/** Resources an appointment of a type holds for its whole length. */
export interface ResourceNeeds {
  /** A chair at the location. */
  readonly chair: boolean;
  /** A nurse on site with spare monitoring capacity (counts one of their chairs). */
  readonly nurse: boolean;
  /**
   * `on-site`: a prescriber scheduled at the location for the whole appointment (supervision:
   * not exclusive, one prescriber may supervise several chairs). `exclusive`: the prescriber's own
   * time (a consult), on site or remote, with no other exclusive appointment at once.
   */
  readonly prescriber: 'on-site' | 'exclusive';
}

/** An appointment's length from its parts, in minutes. */
export interface AppointmentDuration {
  readonly preCheckMinutes: number;
  readonly treatmentMinutes: number;
  readonly recoveryMinutes: number;
  readonly totalMinutes: number;
}

/** An existing appointment (or a hold), with the resources it uses. */
export interface Booking {
  readonly id: string;
  readonly appointmentType: AppointmentTypeId;
  readonly start: Instant;
  readonly end: Instant;
  readonly locationId?: string;
  readonly chairId?: string;
  readonly nurseId?: string;
  readonly prescriberId?: string;
  readonly patientId?: string;
}

/** A short hold on a slot while someone books it; ignored once `expiresAt` has passed. */
export interface Hold extends Booking {
  readonly expiresAt: Instant;
}

/**
 * A resource blocked for a reason other than an appointment (chair maintenance, a meeting). On a
 * nurse it blocks monitoring; on a prescriber it blocks their own appointments (consults) but not
 * on-site supervision: a prescriber who leaves the site is recorded as an absence instead.
 */
export interface ResourceBlock {
  readonly resourceId: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly reason: string;
}

/** One bookable time with the resources assigned to it. Instants are ISO strings in UTC. */
export interface Slot {
  readonly start: string;
  readonly end: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly locationId?: string;
  readonly chairId?: string;
  readonly nurseId?: string;
  readonly prescriberId: string;
}
