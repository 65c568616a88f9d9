import { err, ok, type Result } from '@ketaflow/core';
import { eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { appointmentResources, appointments, treatmentSessions } from '../../db/schema/index';
import {
  cancelAppointmentNotices,
  replaceAppointmentNotices,
  scheduleAppointmentNotices,
  scheduleCancellationNotice,
} from '../../notifications/appointment-notices';
import {
  bookAppointmentIn,
  inSavepoint,
  type BookingActor,
  type BookingDeps,
  type BookingProblem,
  type BookingResult,
} from './booking';
import { HOLD_EXPIRED_REASON, releaseExpiredHolds } from './holds';
import { loadAppointment, lockAppointment, type AppointmentDto } from './repository';

/** Why a change to an existing appointment was refused. */
export type ChangeProblem = BookingProblem;

export type ChangeResult = Result<AppointmentDto, ChangeProblem>;

/** Who asks: a patient may change only their own appointments, and only before the cut-off. */
export interface ChangeActor extends BookingActor {
  /** Set for a patient account: the record they may act on. */
  readonly patientId: string | null;
}

const refuse = (
  code: ChangeProblem['code'],
  message: string,
): { ok: false; error: ChangeProblem } => err({ code, message, problems: [] });

const notFound = () => refuse('RESOURCE.NOT_FOUND', 'No such appointment.');

async function frees(tx: Transaction, appointmentId: string): Promise<void> {
  await tx
    .update(appointmentResources)
    .set({ active: false })
    .where(eq(appointmentResources.appointmentId, appointmentId));
}

/**
 * Refuses a change to an appointment whose patient was checked in: the session (running, or
 * stopped or discharged) belongs to this appointment, and the chair and nurse stay held by it.
 */
async function refuseIfCheckedIn(
  tx: Transaction,
  appointmentId: string,
  what: string,
): Promise<{ ok: false; error: ChangeProblem } | undefined> {
  const [session] = await tx
    .select({ id: treatmentSessions.id, state: treatmentSessions.state })
    .from(treatmentSessions)
    .where(eq(treatmentSessions.appointmentId, appointmentId))
    .limit(1);
  if (!session) return undefined;
  return refuse(
    'RESOURCE.CONFLICT',
    `The patient was checked in (session ${session.id}, ${session.state}): it cannot be ${what}; stop or finish the session instead.`,
  );
}

async function reload(tx: Transaction, id: string): Promise<ChangeResult> {
  const dto = await loadAppointment(tx, id);
  if (!dto) throw new Error(`appointment ${id} vanished`);
  return ok(dto);
}

/** Whether a patient may still change an appointment online (clinic cut-off before the start). */
function withinCutoff(startsAt: Date, now: Date, cutoffHours: number): boolean {
  return startsAt.getTime() - now.getTime() >= cutoffHours * 3_600_000;
}

/** Turns a live hold into a booking; a hold that has lapsed is refused and released. */
export async function confirmHold(
  tx: Transaction,
  deps: BookingDeps,
  appointmentId: string,
  actor: ChangeActor,
): Promise<ChangeResult> {
  const row = await lockAppointment(tx, appointmentId);
  if (!row || (actor.patientId !== null && row.patientId !== actor.patientId)) return notFound();
  if (row.status === 'booked') return reload(tx, row.id);
  if (row.status === 'cancelled' && row.cancelReason === HOLD_EXPIRED_REASON)
    return refuse('SCHEDULE.HOLD_EXPIRED', 'The hold has expired; search again and book.');
  if (row.status !== 'held' || !row.holdExpiresAt)
    return refuse('RESOURCE.CONFLICT', `A ${row.status} appointment cannot be confirmed.`);
  if (row.holdExpiresAt.getTime() <= deps.now.getTime())
    return refuse('SCHEDULE.HOLD_EXPIRED', 'The hold has expired; search again and book.');
  await tx
    .update(appointments)
    .set({ status: 'booked', holdExpiresAt: null, updatedAt: deps.now })
    .where(eq(appointments.id, row.id));
  // Booked only now: its confirmation and reminder are queued with it.
  await scheduleAppointmentNotices(
    tx,
    { id: row.id, startsAt: row.startsAt },
    deps.now,
    deps.kb.scheduling.reminderLeadHours,
  );
  await deps.audit?.(tx, {
    action: 'appointment.confirm',
    resourceType: 'Appointment',
    resourceId: row.id,
    patientId: row.patientId,
    outcome: 'success',
  });
  return reload(tx, row.id);
}

async function cancelRow(
  tx: Transaction,
  deps: BookingDeps,
  row: NonNullable<Awaited<ReturnType<typeof lockAppointment>>>,
  reason: string,
  actor: ChangeActor,
): Promise<void> {
  await tx
    .update(appointments)
    .set({
      status: 'cancelled',
      holdExpiresAt: null,
      cancelReason: reason,
      cancelledBy: actor.userId,
      cancelledAt: deps.now,
      updatedAt: deps.now,
    })
    .where(eq(appointments.id, row.id));
  await frees(tx, row.id);
}

export interface CancelOptions {
  /**
   * Whether the patient is told by a cancellation message of its own (the default). A caller that
   * cancels several at once (a course stopped, paused or re-planned) passes `false` and tells the
   * patient once, in its own message.
   */
  readonly notify?: boolean;
}

/** Cancels a held or booked appointment with a reason, freeing its resources. */
export async function cancelAppointment(
  tx: Transaction,
  deps: BookingDeps,
  appointmentId: string,
  reason: string,
  actor: ChangeActor,
  options: CancelOptions = {},
): Promise<ChangeResult> {
  await releaseExpiredHolds(tx, deps.now);
  const row = await lockAppointment(tx, appointmentId);
  if (!row || (actor.patientId !== null && row.patientId !== actor.patientId)) return notFound();
  if (row.status !== 'booked' && row.status !== 'held')
    return refuse('RESOURCE.CONFLICT', `A ${row.status} appointment cannot be cancelled.`);
  const checkedIn = await refuseIfCheckedIn(tx, row.id, 'cancelled');
  if (checkedIn) return checkedIn;
  if (
    actor.patientId !== null &&
    row.status === 'booked' &&
    !withinCutoff(row.startsAt, deps.now, deps.kb.scheduling.patientCancellationCutoffHours)
  )
    return refuse(
      'APPOINTMENT.CUTOFF_PASSED',
      `Online cancellation closes ${String(deps.kb.scheduling.patientCancellationCutoffHours)} h before the start; please call the clinic.`,
    );
  await cancelRow(tx, deps, row, reason, actor);
  await cancelAppointmentNotices(tx, row.id);
  // A booking the patient was told about: they are told it is off (a hold never was).
  if (row.status === 'booked' && options.notify !== false)
    await scheduleCancellationNotice(tx, { id: row.id, startsAt: row.startsAt }, deps.now);
  await deps.audit?.(tx, {
    action: 'appointment.cancel',
    resourceType: 'Appointment',
    resourceId: row.id,
    patientId: row.patientId,
    outcome: 'success',
    detail: { by: actor.patientId === null ? 'staff' : 'patient' },
  });
  return reload(tx, row.id);
}

export interface RescheduleRequest {
  readonly startsAt: Date;
  readonly reason: string;
  /** Another location (chair appointments); the same one by default. */
  readonly locationId?: string;
  readonly chairId?: string;
  readonly nurseId?: string;
  readonly prescriberId?: string;
}

/**
 * Moves an appointment: the old one is cancelled with the reason and a new one booked with
 * `rescheduledFrom`, atomically. If the new time is taken or breaks a rule, nothing changes.
 * A hold stays a hold, to be confirmed, and keeps its expiry: moving it must not keep a chair
 * blocked past the clinic's hold time. The patient was told nothing of a hold, so a moved hold
 * sends nothing; its confirmation goes out when it is confirmed.
 */
export async function rescheduleAppointment(
  tx: Transaction,
  deps: BookingDeps,
  appointmentId: string,
  request: RescheduleRequest,
  actor: ChangeActor,
): Promise<BookingResult> {
  return inSavepoint(tx, async (sp) => {
    await releaseExpiredHolds(sp, deps.now);
    const row = await lockAppointment(sp, appointmentId);
    if (!row || (actor.patientId !== null && row.patientId !== actor.patientId)) return notFound();
    if (row.status === 'cancelled' && row.cancelReason === HOLD_EXPIRED_REASON)
      return refuse('SCHEDULE.HOLD_EXPIRED', 'The hold has expired; search again and book.');
    if (row.status !== 'booked' && row.status !== 'held')
      return refuse('RESOURCE.CONFLICT', `A ${row.status} appointment cannot be rescheduled.`);
    const holdExpiresAt = row.status === 'held' ? row.holdExpiresAt : null;
    if (row.status === 'held' && (!holdExpiresAt || holdExpiresAt <= deps.now))
      return refuse('SCHEDULE.HOLD_EXPIRED', 'The hold has expired; search again and book.');
    const checkedIn = await refuseIfCheckedIn(sp, row.id, 'moved');
    if (checkedIn) return checkedIn;
    if (
      actor.patientId !== null &&
      !withinCutoff(row.startsAt, deps.now, deps.kb.scheduling.patientRescheduleCutoffHours)
    )
      return refuse(
        'APPOINTMENT.CUTOFF_PASSED',
        `Online rescheduling closes ${String(deps.kb.scheduling.patientRescheduleCutoffHours)} h before the start; please call the clinic.`,
      );
    await cancelRow(sp, deps, row, request.reason, actor);
    const booked = await bookAppointmentIn(
      sp,
      deps,
      {
        type: row.type,
        patientId: row.patientId,
        startsAt: request.startsAt,
        durationMinutes: Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000),
        locationId: request.locationId ?? row.locationId,
        courseId: row.courseId,
        ...(request.chairId ? { chairId: request.chairId } : {}),
        ...(request.nurseId ? { nurseId: request.nurseId } : {}),
        ...(request.prescriberId ? { prescriberId: request.prescriberId } : {}),
        ...(holdExpiresAt ? { hold: true, holdExpiresAt } : {}),
        rescheduledFrom: row.id,
      },
      actor,
    );
    if (!booked.ok) return booked;
    if (holdExpiresAt)
      // The patient was told nothing of the hold: no message for the old time or the new one.
      await cancelAppointmentNotices(sp, row.id);
    else
      // The old time's pending messages go; the new one is confirmed and will be reminded.
      await replaceAppointmentNotices(
        sp,
        row.id,
        { id: booked.value.id, startsAt: new Date(booked.value.startsAt) },
        deps.now,
        deps.kb.scheduling.reminderLeadHours,
      );
    await deps.audit?.(sp, {
      action: 'appointment.reschedule',
      resourceType: 'Appointment',
      resourceId: row.id,
      patientId: row.patientId,
      outcome: 'success',
      detail: { newAppointmentId: booked.value.id },
    });
    return booked;
  });
}

/** Records that the patient did not come; frees the rest of the slot. Staff only, once started. */
export async function recordNoShow(
  tx: Transaction,
  deps: BookingDeps,
  appointmentId: string,
  actor: BookingActor,
): Promise<ChangeResult> {
  const row = await lockAppointment(tx, appointmentId);
  if (!row) return notFound();
  if (row.status !== 'booked')
    return refuse('RESOURCE.CONFLICT', `A ${row.status} appointment cannot be a no-show.`);
  if (row.startsAt.getTime() > deps.now.getTime())
    return refuse('RESOURCE.CONFLICT', 'The appointment has not started yet.');
  const checkedIn = await refuseIfCheckedIn(tx, row.id, 'a no-show');
  if (checkedIn) return checkedIn;
  await tx
    .update(appointments)
    .set({ status: 'no-show', noShowRecordedBy: actor.userId, updatedAt: deps.now })
    .where(eq(appointments.id, row.id));
  await frees(tx, row.id);
  await cancelAppointmentNotices(tx, row.id);
  await deps.audit?.(tx, {
    action: 'appointment.no-show',
    resourceType: 'Appointment',
    resourceId: row.id,
    patientId: row.patientId,
    outcome: 'success',
  });
  return reload(tx, row.id);
}
