/**
 * What every appointment message says about an appointment, read when its job runs.
 */
import { and, asc, eq, ne, or } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { appointments, clinics, locations, patients } from '../db/schema/index';

/** How a message names each appointment type. */
export const TYPE_LABEL: Record<string, string> = {
  'consult-telemedicine': 'video consultation',
  infusion: 'ketamine infusion',
  'esketamine-session': 'esketamine nasal spray session',
  'follow-up': 'follow-up visit',
};

/** What a notice says about an appointment; `null` when there is nobody to send it to. */
export interface AppointmentNoticeFacts {
  readonly appointmentId: string;
  readonly type: (typeof appointments.$inferSelect)['type'];
  readonly status: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly patientId: string;
  readonly email: string | null;
  readonly givenName: string;
  readonly timeZone: string;
  readonly place: string;
  readonly videoUrl: string | null;
  /** The appointment this one replaced, when rescheduled. */
  readonly rescheduledFrom: string | null;
}

/** Reads what a notice needs about one appointment. */
export async function loadNoticeFacts(
  executor: Executor,
  appointmentId: string,
): Promise<AppointmentNoticeFacts | null> {
  const [row] = await executor
    .select({ appointment: appointments, patient: patients, location: locations })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .leftJoin(locations, eq(locations.id, appointments.locationId))
    .where(eq(appointments.id, appointmentId));
  if (!row) return null;
  const [clinic] = await executor.select().from(clinics).orderBy(asc(clinics.name)).limit(1);
  const timeZone = row.location?.timeZone ?? clinic?.timeZone ?? 'UTC';
  const place = row.location
    ? [row.location.name, row.location.addressLine].filter(Boolean).join(', ')
    : 'Video visit (online)';
  return {
    appointmentId,
    type: row.appointment.type,
    status: row.appointment.status,
    startsAt: row.appointment.startsAt,
    endsAt: row.appointment.endsAt,
    patientId: row.appointment.patientId,
    email: row.patient.email,
    givenName: row.patient.givenName,
    timeZone,
    place,
    videoUrl: row.appointment.videoUrl,
    rescheduledFrom: row.appointment.rescheduledFrom,
  };
}

/**
 * Whether a cancelled appointment has been replaced by then: rescheduled, or booked again for the
 * same patient, type and time (e.g. a course whose sessions were re-planned at the same times).
 */
export async function rebooked(
  executor: Executor,
  facts: AppointmentNoticeFacts,
): Promise<boolean> {
  const [row] = await executor
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.status, 'booked'),
        ne(appointments.id, facts.appointmentId),
        or(
          eq(appointments.rescheduledFrom, facts.appointmentId),
          and(
            eq(appointments.patientId, facts.patientId),
            eq(appointments.type, facts.type),
            eq(appointments.startsAt, facts.startsAt),
          ),
        ),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Earliest first. */
export const byStart = (a: AppointmentNoticeFacts, b: AppointmentNoticeFacts) =>
  a.startsAt.getTime() - b.startsAt.getTime();
