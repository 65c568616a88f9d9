/**
 * The booked appointments a new absence or closure falls on. Recording one does not move them:
 * they keep their nurse, prescriber or day until someone reschedules them, so the answer names
 * them for the administrator (and the set-up screen lists them with a link to the day board).
 */
import { addLocalDays, localToMs, msToLocal, type LocalDate } from '@ketaflow/core';
import { and, asc, eq, gt, gte, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client';
import {
  APPOINTMENT_TYPES,
  appointmentResources,
  appointments,
  clinics,
  locations,
} from '../../db/schema/index';

export const AffectedAppointmentSchema = z.object({
  id: z.uuid(),
  type: z.enum(APPOINTMENT_TYPES),
  startsAt: z.string(),
  endsAt: z.string(),
  locationId: z.uuid().nullable(),
  /** The zone the appointment is kept in: its location's, or the clinic's for a video visit. */
  timeZone: z.string(),
  /** The local date of the start in that zone (the day board to open). */
  date: z.string(),
});
export type AffectedAppointment = z.infer<typeof AffectedAppointmentSchema>;

/** Booked, or held and not expired; not yet over at `now`. */
const live = (now: Date) =>
  and(
    gt(appointments.endsAt, now),
    or(
      eq(appointments.status, 'booked'),
      and(eq(appointments.status, 'held'), gt(appointments.holdExpiresAt, now)),
    ),
  );

async function toAffected(
  executor: Executor,
  rows: readonly {
    id: string;
    type: AffectedAppointment['type'];
    startsAt: Date;
    endsAt: Date;
    locationId: string | null;
  }[],
): Promise<AffectedAppointment[]> {
  if (rows.length === 0) return [];
  // A video consult has no location: its day is the clinic's.
  const [clinic] = await executor
    .select({ tz: clinics.timeZone })
    .from(clinics)
    .orderBy(asc(clinics.name))
    .limit(1);
  const clinicZone = clinic?.tz ?? 'UTC';
  const zones = new Map(
    (await executor.select({ id: locations.id, tz: locations.timeZone }).from(locations)).map(
      (l) => [l.id, l.tz],
    ),
  );
  return rows.map((r) => {
    const timeZone = (r.locationId === null ? undefined : zones.get(r.locationId)) ?? clinicZone;
    return {
      id: r.id,
      type: r.type,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      locationId: r.locationId,
      timeZone,
      date: msToLocal(r.startsAt.getTime(), timeZone).date,
    };
  });
}

const columns = {
  id: appointments.id,
  type: appointments.type,
  startsAt: appointments.startsAt,
  endsAt: appointments.endsAt,
  locationId: appointments.locationId,
};

/** Appointments that hold `userId` (as nurse or prescriber) during [from, to). */
export async function appointmentsOfStaffDuring(
  executor: Executor,
  userId: string,
  from: Date,
  to: Date,
  now: Date,
): Promise<AffectedAppointment[]> {
  const rows = await executor
    .selectDistinct(columns)
    .from(appointments)
    .innerJoin(appointmentResources, eq(appointmentResources.appointmentId, appointments.id))
    .where(
      and(
        eq(appointmentResources.resourceId, userId),
        eq(appointmentResources.active, true),
        lt(appointments.startsAt, to),
        gt(appointments.endsAt, from),
        live(now),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  return toAffected(executor, rows);
}

/** Appointments at `locationId` that start on the local days `startsOn`..`endsOn`. */
export async function appointmentsAtLocationOn(
  executor: Executor,
  location: { readonly id: string; readonly timeZone: string },
  startsOn: LocalDate,
  endsOn: LocalDate,
  now: Date,
): Promise<AffectedAppointment[]> {
  const from = new Date(localToMs(startsOn, '00:00', location.timeZone));
  const to = new Date(localToMs(addLocalDays(endsOn, 1), '00:00', location.timeZone));
  const rows = await executor
    .select(columns)
    .from(appointments)
    .where(
      and(
        eq(appointments.locationId, location.id),
        lt(appointments.startsAt, to),
        gte(appointments.startsAt, from),
        live(now),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  return toAffected(executor, rows);
}
