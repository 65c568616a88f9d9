import { and, asc, eq, gt, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  appointmentResources,
  appointments,
  chairs,
  locations,
  patients,
  users,
  type AppointmentStatus,
  type AppointmentType,
} from '../../db/schema/index';

/** One appointment as the API shows it: who, when, where and the resources it holds. */
export interface AppointmentDto {
  readonly id: string;
  readonly patientId: string;
  readonly patient: { readonly id: string; readonly name: string; readonly mrn: string };
  readonly type: AppointmentType;
  readonly status: AppointmentStatus;
  readonly location: {
    readonly id: string;
    readonly name: string;
    readonly timeZone: string;
  } | null;
  readonly courseId: string | null;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly holdExpiresAt: string | null;
  readonly videoUrl: string | null;
  readonly rescheduledFrom: string | null;
  readonly cancelReason: string | null;
  readonly cancelledAt: string | null;
  readonly createdAt: string;
  readonly chair: { readonly id: string; readonly name: string } | null;
  readonly nurse: { readonly id: string; readonly name: string; readonly lane: number } | null;
  readonly prescriber: { readonly id: string; readonly name: string } | null;
}

export interface AppointmentFilter {
  readonly ids?: readonly string[];
  /** Appointments overlapping `[from, to)`. */
  readonly from?: Date;
  readonly to?: Date;
  readonly locationId?: string;
  /** Appointments holding this nurse or prescriber. */
  readonly staffId?: string;
  readonly patientId?: string;
  readonly includeCancelled?: boolean;
  /** Holds that expired by then are left out (they block nothing). */
  readonly now?: Date;
  readonly limit?: number;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Appointments matching the filter, ordered by start, each with its resources and names. */
export async function loadAppointments(
  executor: Executor,
  filter: AppointmentFilter,
): Promise<AppointmentDto[]> {
  const where: SQL[] = [];
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    where.push(inArray(appointments.id, [...filter.ids]));
  }
  if (filter.from) where.push(gt(appointments.endsAt, filter.from));
  if (filter.to) where.push(lt(appointments.startsAt, filter.to));
  if (filter.locationId) where.push(eq(appointments.locationId, filter.locationId));
  if (filter.patientId) where.push(eq(appointments.patientId, filter.patientId));
  if (filter.staffId) {
    where.push(sql`exists (select 1 from appointment_resources r
      where r.appointment_id = ${appointments.id} and r.resource_id = ${filter.staffId})`);
  }
  if (!filter.includeCancelled) where.push(ne(appointments.status, 'cancelled'));
  if (filter.now) {
    const heldAndLive = and(
      eq(appointments.status, 'held'),
      gt(appointments.holdExpiresAt, filter.now),
    );
    const notHeld = ne(appointments.status, 'held');
    const visible = or(notHeld, heldAndLive);
    if (visible) where.push(visible);
  }

  const rows = await executor
    .select({
      appointment: appointments,
      patient: {
        id: patients.id,
        given: patients.givenName,
        family: patients.familyName,
        mrn: patients.mrn,
      },
      location: { id: locations.id, name: locations.name, timeZone: locations.timeZone },
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .leftJoin(locations, eq(locations.id, appointments.locationId))
    .where(and(...where))
    .orderBy(asc(appointments.startsAt), asc(appointments.createdAt))
    .limit(filter.limit ?? 2000);
  if (rows.length === 0) return [];

  const resources = await executor
    .select({
      appointmentId: appointmentResources.appointmentId,
      kind: appointmentResources.kind,
      resourceId: appointmentResources.resourceId,
      lane: appointmentResources.lane,
      chairName: chairs.name,
      staffName: users.displayName,
    })
    .from(appointmentResources)
    .leftJoin(chairs, eq(chairs.id, appointmentResources.resourceId))
    .leftJoin(users, eq(users.id, appointmentResources.resourceId))
    .where(
      inArray(
        appointmentResources.appointmentId,
        rows.map((r) => r.appointment.id),
      ),
    );
  const byAppointment = new Map<string, typeof resources>();
  for (const r of resources) {
    const list = byAppointment.get(r.appointmentId) ?? [];
    list.push(r);
    byAppointment.set(r.appointmentId, list);
  }

  return rows.map(({ appointment: a, patient, location }) => {
    const held = byAppointment.get(a.id) ?? [];
    const chair = held.find((r) => r.kind === 'chair');
    const nurse = held.find((r) => r.kind === 'nurse');
    const prescriber = held.find((r) => r.kind === 'prescriber');
    return {
      id: a.id,
      patientId: a.patientId,
      patient: { id: patient.id, name: `${patient.given} ${patient.family}`, mrn: patient.mrn },
      type: a.type,
      status: a.status,
      location,
      courseId: a.courseId,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      holdExpiresAt: iso(a.holdExpiresAt),
      videoUrl: a.videoUrl,
      rescheduledFrom: a.rescheduledFrom,
      cancelReason: a.cancelReason,
      cancelledAt: iso(a.cancelledAt),
      createdAt: a.createdAt.toISOString(),
      chair: chair ? { id: chair.resourceId, name: chair.chairName ?? 'Chair' } : null,
      nurse: nurse
        ? { id: nurse.resourceId, name: nurse.staffName ?? 'Nurse', lane: nurse.lane }
        : null,
      prescriber: prescriber
        ? { id: prescriber.resourceId, name: prescriber.staffName ?? 'Prescriber' }
        : null,
    };
  });
}

/** One appointment by id, with its resources; `undefined` when there is none. */
export async function loadAppointment(
  executor: Executor,
  id: string,
): Promise<AppointmentDto | undefined> {
  const [dto] = await loadAppointments(executor, { ids: [id], includeCancelled: true });
  return dto;
}

/** The appointment row locked for update inside a transaction. */
export async function lockAppointment(executor: Executor, id: string) {
  const [row] = await executor
    .select()
    .from(appointments)
    .where(eq(appointments.id, id))
    .for('update');
  return row;
}
