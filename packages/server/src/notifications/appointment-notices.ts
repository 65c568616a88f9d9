/**
 * Confirmation, reminder and cancellation messages for appointments, sent by the job queue. Jobs
 * carry ids only; the handler reads the appointment when it runs and sends nothing for one whose
 * state changed since (rescheduling and cancelling also remove the pending jobs). A rescheduled
 * appointment's confirmation names the time it replaces (`movedFromId`), skipping a time that was
 * moved again before its own confirmation went out. Course changes send
 * one message for all their sessions (course-change-notice.ts).
 */
import { knowledgeBase } from '@ketaflow/core';
import { and, eq, gt, notExists, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { appointments, jobs } from '../db/schema/index';
import { cancelPendingJobs, enqueueJob, type JobHandlers, type JobRow } from '../lib/jobs';
import type { Mailer } from '../lib/mailer';
import { formatClinicTime } from './clinic-time';
import { COURSE_CHANGE_JOB, courseChangeHandler } from './course-change-notice';
import { loadNoticeFacts, rebooked, TYPE_LABEL, type AppointmentNoticeFacts } from './notice-facts';

/** The knowledge base's default (`scheduling.reminderLeadHours`, a clinic setting). */
export const DEFAULT_REMINDER_LEAD_HOURS = knowledgeBase.scheduling.reminderLeadHours;

export const CONFIRMATION_JOB = 'appointment.confirmation';
export const REMINDER_JOB = 'appointment.reminder';
export const CANCELLATION_JOB = 'appointment.cancellation';

export interface AppointmentRef {
  readonly id: string;
  readonly startsAt: Date;
}

const confirmationKey = (id: string) => `confirmation:${id}`;
const reminderPrefix = (id: string) => `reminder:${id}:`;
const cancellationKey = (id: string) => `cancellation:${id}`;

/**
 * Queues the confirmation (now) and the reminder (`leadHours` before the start, as elapsed time,
 * so it runs at the right instant across a daylight-saving change). A reminder that would already
 * be due is not queued: the confirmation says the same.
 */
export async function scheduleAppointmentNotices(
  executor: Executor,
  appointment: AppointmentRef,
  now: Date,
  leadHours: number = DEFAULT_REMINDER_LEAD_HOURS,
  confirm = true,
  movedFromId: string | null = null,
): Promise<void> {
  const payload = { appointmentId: appointment.id, startsAt: appointment.startsAt.toISOString() };
  if (confirm)
    await enqueueJob(executor, {
      kind: CONFIRMATION_JOB,
      runAt: now,
      payload: { ...payload, movedFromId },
      dedupeKey: confirmationKey(appointment.id),
    });
  const runAt = new Date(appointment.startsAt.getTime() - leadHours * 3_600_000);
  if (runAt.getTime() <= now.getTime()) return;
  await enqueueJob(executor, {
    kind: REMINDER_JOB,
    runAt,
    payload,
    dedupeKey: `${reminderPrefix(appointment.id)}${String(leadHours)}h`,
  });
}

/**
 * Queues the reminder of every booked appointment that has none yet, however it was booked
 * (bookings through the routes queue their own; this catches the rest, e.g. after the lead time
 * changed or rows written outside the routes). The worker runs it before each pass; the
 * dedupe key makes it safe on several instances. Returns how many were queued.
 */
export async function syncAppointmentReminders(
  db: Database,
  now: Date,
  leadHours: number = DEFAULT_REMINDER_LEAD_HOURS,
): Promise<number> {
  const suffix = `:${String(leadHours)}h`;
  const missing = await db
    .select({ id: appointments.id, startsAt: appointments.startsAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.status, 'booked'),
        gt(appointments.startsAt, new Date(now.getTime() + leadHours * 3_600_000)),
        notExists(
          db
            .select({ id: jobs.id })
            .from(jobs)
            .where(eq(jobs.dedupeKey, sql`'reminder:' || ${appointments.id}::text || ${suffix}`)),
        ),
      ),
    )
    .limit(500);
  for (const a of missing) await scheduleAppointmentNotices(db, a, now, leadHours, false);
  return missing.length;
}

/** Removes the messages of a cancelled appointment that have not gone out yet. */
export async function cancelAppointmentNotices(
  executor: Executor,
  appointmentId: string,
): Promise<void> {
  await cancelPendingJobs(executor, reminderPrefix(appointmentId));
  await cancelPendingJobs(executor, confirmationKey(appointmentId));
}

/**
 * Queues the message telling the patient that a booked appointment was cancelled. Call it in the
 * cancelling transaction, for booked appointments only: a hold was never confirmed to the patient,
 * a rescheduled one is covered by the new confirmation, and a no-show needs no message. The dedupe
 * key makes a second call (a replayed request) a no-op.
 */
export async function scheduleCancellationNotice(
  executor: Executor,
  appointment: AppointmentRef,
  now: Date,
): Promise<void> {
  await enqueueJob(executor, {
    kind: CANCELLATION_JOB,
    runAt: now,
    payload: { appointmentId: appointment.id, startsAt: appointment.startsAt.toISOString() },
    dedupeKey: cancellationKey(appointment.id),
  });
}

/**
 * A rescheduled appointment: the old one's messages go, the new one's are queued. The new
 * confirmation names the old time; but when the old one's own confirmation had not gone out yet
 * and it was itself a move, it names the time that move came from, so a time moved twice in
 * quick succession is reported from the time the patient had in writing (or first booked).
 */
export async function replaceAppointmentNotices(
  executor: Executor,
  oldAppointmentId: string,
  replacement: AppointmentRef,
  now: Date,
  leadHours: number = DEFAULT_REMINDER_LEAD_HOURS,
): Promise<void> {
  const [unsent] = await executor
    .select({ payload: jobs.payload })
    .from(jobs)
    .where(and(eq(jobs.dedupeKey, confirmationKey(oldAppointmentId)), eq(jobs.status, 'pending')));
  const movedFromId = (unsent && movedFromIdOf(unsent.payload)) ?? oldAppointmentId;
  await cancelAppointmentNotices(executor, oldAppointmentId);
  await scheduleAppointmentNotices(executor, replacement, now, leadHours, true, movedFromId);
}

/**
 * The appointment a confirmation says it replaces: `movedFromId` in its payload (null for a
 * first booking); confirmations queued before it was recorded name `rescheduledFrom`.
 */
function movedFromIdOf(payload: unknown, rescheduledFrom: string | null = null): string | null {
  const p = payload as { movedFromId?: unknown };
  if (typeof p.movedFromId === 'string') return p.movedFromId;
  if (p.movedFromId === null) return null;
  return rescheduledFrom;
}

/** The video-visit link from a prescriber's template (`{appointmentId}` is replaced). */
export function videoUrlFor(template: string | null, appointmentId: string): string | null {
  if (!template) return null;
  return template.replaceAll('{appointmentId}', encodeURIComponent(appointmentId));
}

/**
 * The text of a confirmation or reminder. `movedFrom` (a confirmation of a rescheduled
 * appointment) is the replaced time, already formatted in its own location's zone.
 */
export function composeNotice(
  facts: AppointmentNoticeFacts,
  kind: 'confirmation' | 'reminder',
  clinicName: string,
  calendarUrl: string,
  movedFrom: string | null = null,
): { subject: string; body: string } {
  const what = TYPE_LABEL[facts.type] ?? 'appointment';
  const when = formatClinicTime(facts.startsAt, facts.timeZone);
  const moved = kind === 'confirmation' && movedFrom !== null;
  const subject = moved
    ? `${clinicName}: your ${what} is moved from ${movedFrom} to ${when}`
    : kind === 'confirmation'
      ? `${clinicName}: your ${what} is booked for ${when}`
      : `${clinicName}: reminder of your ${what} on ${when}`;
  const lines = [
    `Hello ${facts.givenName},`,
    '',
    ...(moved
      ? [
          `Your ${what} has been moved from ${movedFrom} to ${when}.`,
          `The earlier time (${movedFrom}) is cancelled: please do not come then.`,
        ]
      : [
          kind === 'confirmation'
            ? `Your ${what} is booked for ${when}.`
            : `This is a reminder of your ${what} on ${when}.`,
        ]),
    `Where: ${facts.place}`,
    ...(facts.videoUrl ? [`Join the video visit: ${facts.videoUrl}`] : []),
    `Add it to your calendar: ${calendarUrl}`,
    '',
    'To cancel or reschedule, log in to the patient portal or call the clinic.',
  ];
  return { subject, body: lines.join('\n') };
}

/** The text telling the patient that an appointment was cancelled. */
export function composeCancellationNotice(
  facts: AppointmentNoticeFacts,
  clinicName: string,
  calendarUrl: string,
): { subject: string; body: string } {
  const what = TYPE_LABEL[facts.type] ?? 'appointment';
  const when = formatClinicTime(facts.startsAt, facts.timeZone);
  const lines = [
    `Hello ${facts.givenName},`,
    '',
    `Your ${what} on ${when} has been cancelled.`,
    `Where: ${facts.place}`,
    facts.videoUrl
      ? 'You do not need to join the video visit.'
      : 'You do not need to come to the clinic at that time.',
    `If you added it to your calendar, this updates it: ${calendarUrl}`,
    '',
    'To book a new appointment, log in to the patient portal or call the clinic.',
  ];
  return {
    subject: `${clinicName}: your ${what} on ${when} is cancelled`,
    body: lines.join('\n'),
  };
}

/**
 * The replaced time a confirmation names, in the replaced appointment's own zone (it may have
 * been at another location); `null` for a first booking.
 */
async function movedFromTime(
  executor: Executor,
  job: JobRow,
  facts: AppointmentNoticeFacts,
): Promise<string | null> {
  const movedFromId = movedFromIdOf(job.payload, facts.rescheduledFrom);
  if (!movedFromId) return null;
  const previous = await loadNoticeFacts(executor, movedFromId);
  return previous ? formatClinicTime(previous.startsAt, previous.timeZone) : null;
}

export interface NoticeHandlerOptions {
  readonly db: Database;
  readonly mailer: Mailer;
  readonly clinicName: string;
  readonly publicUrl: string;
}

function payloadOf(job: JobRow): { appointmentId: string; startsAt: string } {
  const p = job.payload as { appointmentId?: unknown; startsAt?: unknown };
  if (typeof p.appointmentId !== 'string' || typeof p.startsAt !== 'string')
    throw new Error(`job ${job.id} has a malformed payload`);
  return { appointmentId: p.appointmentId, startsAt: p.startsAt };
}

/** Job handlers for confirmations, reminders, cancellations and course changes. */
export function appointmentNoticeHandlers(options: NoticeHandlerOptions): JobHandlers {
  const calendarUrlOf = (appointmentId: string) =>
    `${options.publicUrl}/api/me/appointments/${appointmentId}/calendar.ics`;
  const send = (kind: 'confirmation' | 'reminder') => async (job: JobRow) => {
    const { appointmentId, startsAt } = payloadOf(job);
    const facts = await loadNoticeFacts(options.db, appointmentId);
    // Cancelled, moved or gone since the job was queued: nothing to say.
    if (!facts || facts.status !== 'booked' || facts.startsAt.toISOString() !== startsAt) return;
    if (!facts.email) return;
    const movedFrom = kind === 'confirmation' ? await movedFromTime(options.db, job, facts) : null;
    const message = composeNotice(
      facts,
      kind,
      options.clinicName,
      calendarUrlOf(appointmentId),
      movedFrom,
    );
    await options.mailer.send({ to: facts.email, ...message });
  };
  const cancelled = async (job: JobRow) => {
    const { appointmentId, startsAt } = payloadOf(job);
    const facts = await loadNoticeFacts(options.db, appointmentId);
    // Restored, moved or gone since, or replaced by a new booking: nothing to say.
    if (!facts || facts.status !== 'cancelled' || facts.startsAt.toISOString() !== startsAt) return;
    if (!facts.email || (await rebooked(options.db, facts))) return;
    const message = composeCancellationNotice(
      facts,
      options.clinicName,
      calendarUrlOf(appointmentId),
    );
    await options.mailer.send({ to: facts.email, ...message });
  };
  return {
    [CONFIRMATION_JOB]: send('confirmation'),
    [REMINDER_JOB]: send('reminder'),
    [CANCELLATION_JOB]: cancelled,
    [COURSE_CHANGE_JOB]: courseChangeHandler(options),
  };
}
