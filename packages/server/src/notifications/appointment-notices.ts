/**
 * Confirmation, reminder and cancellation messages for appointments, sent by the job queue. Jobs
 * carry ids only; the handler reads the appointment when it runs and sends nothing for one whose
 * state changed since (rescheduling and cancelling also remove the pending jobs). A rescheduled
 * appointment's confirmation names the time it replaces (`rescheduledFrom`). A course stopped,
 * paused, completed, resumed or re-planned sends one message for all its sessions
 * (`scheduleCourseChangeNotice`), not one per cancelled session.
 */
import { knowledgeBase } from '@ketaflow/core';
import { and, asc, eq, gt, ne, notExists, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { appointments, clinics, courses, jobs, locations, patients } from '../db/schema/index';
import { cancelPendingJobs, enqueueJob, type JobHandlers, type JobRow } from '../lib/jobs';
import type { Mailer } from '../lib/mailer';
import { formatClinicTime } from './clinic-time';

/** The knowledge base's default (`scheduling.reminderLeadHours`, a clinic setting). */
export const DEFAULT_REMINDER_LEAD_HOURS = knowledgeBase.scheduling.reminderLeadHours;

export const CONFIRMATION_JOB = 'appointment.confirmation';
export const REMINDER_JOB = 'appointment.reminder';
export const CANCELLATION_JOB = 'appointment.cancellation';
export const COURSE_CHANGE_JOB = 'appointment.course-change';

/** What happened to a treatment course that changed its sessions. */
export const COURSE_CHANGES = ['stopped', 'paused', 'completed', 'resumed', 'replanned'] as const;
export type CourseChange = (typeof COURSE_CHANGES)[number];

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
): Promise<void> {
  const payload = { appointmentId: appointment.id, startsAt: appointment.startsAt.toISOString() };
  if (confirm)
    await enqueueJob(executor, {
      kind: CONFIRMATION_JOB,
      runAt: now,
      payload,
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

export interface CourseChangeNotice {
  readonly courseId: string;
  /** Unique to this change (e.g. its status-change row), so each change is told once. */
  readonly changeId: string;
  readonly change: CourseChange;
  /** The cancelled sessions the patient had been told of (booked, not held). */
  readonly cancelledIds: readonly string[];
  /** The sessions booked by the change (a re-plan or a resume). */
  readonly bookedIds: readonly string[];
}

/**
 * Queues the one message telling the patient what a course change did to their sessions: the
 * cancelled times and, for a re-plan or a resume, the new ones. The sessions' own cancellation
 * messages are not queued (`cancelAppointment(…, { notify: false })`). Call it in the changing
 * transaction; nothing is queued when no session the patient knew of or a new one is involved.
 */
export async function scheduleCourseChangeNotice(
  executor: Executor,
  notice: CourseChangeNotice,
  now: Date,
): Promise<void> {
  if (notice.cancelledIds.length === 0 && notice.bookedIds.length === 0) return;
  await enqueueJob(executor, {
    kind: COURSE_CHANGE_JOB,
    runAt: now,
    payload: {
      courseId: notice.courseId,
      change: notice.change,
      cancelledIds: [...notice.cancelledIds],
      bookedIds: [...notice.bookedIds],
    },
    dedupeKey: `course-change:${notice.courseId}:${notice.changeId}`,
  });
}

/** A rescheduled appointment: the old one's reminders go, the new one's are queued. */
export async function replaceAppointmentNotices(
  executor: Executor,
  oldAppointmentId: string,
  replacement: AppointmentRef,
  now: Date,
  leadHours: number = DEFAULT_REMINDER_LEAD_HOURS,
): Promise<void> {
  await cancelAppointmentNotices(executor, oldAppointmentId);
  await scheduleAppointmentNotices(executor, replacement, now, leadHours);
}

/** The video-visit link from a prescriber's template (`{appointmentId}` is replaced). */
export function videoUrlFor(template: string | null, appointmentId: string): string | null {
  if (!template) return null;
  return template.replaceAll('{appointmentId}', encodeURIComponent(appointmentId));
}

const TYPE_LABEL: Record<string, string> = {
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

const COURSE_SUBJECT: Record<CourseChange, string> = {
  stopped: 'your treatment course is stopped',
  paused: 'your treatment course is paused',
  completed: 'your treatment course is completed',
  resumed: 'your treatment course is resumed',
  replanned: 'your treatment course has new session times',
};

const COURSE_OPENING: Record<CourseChange, string> = {
  stopped: 'Your treatment course has been stopped.',
  paused: 'Your treatment course has been paused.',
  completed: 'Your treatment course has been completed.',
  resumed: 'Your treatment course has been resumed.',
  replanned: 'Your treatment course has been re-planned with new session times.',
};

/**
 * The text of a course change: the cancelled session times and the new ones, each in its own
 * location's zone. `cancelled` and `booked` are in time order; at least one is non-empty.
 */
export function composeCourseChangeNotice(
  givenName: string,
  change: CourseChange,
  cancelled: readonly AppointmentNoticeFacts[],
  booked: readonly AppointmentNoticeFacts[],
  clinicName: string,
): { subject: string; body: string } {
  const first = cancelled[0] ?? booked[0];
  const what = (first && TYPE_LABEL[first.type]) ?? 'treatment';
  const list = (facts: readonly AppointmentNoticeFacts[]) =>
    facts.map((f) => `- ${formatClinicTime(f.startsAt, f.timeZone)}`);
  const places = [...new Set([...booked, ...cancelled].map((f) => f.place))];
  const lines = [
    `Hello ${givenName},`,
    '',
    COURSE_OPENING[change],
    ...(cancelled.length > 0
      ? [
          '',
          cancelled.length === 1
            ? `This ${what} session is cancelled; please do not come then:`
            : `These ${String(cancelled.length)} ${what} sessions are cancelled; please do not come then:`,
          ...list(cancelled),
        ]
      : []),
    ...(booked.length > 0
      ? [
          '',
          booked.length === 1
            ? `Your new ${what} session:`
            : `Your ${String(booked.length)} new ${what} sessions:`,
          ...list(booked),
          'You will get a reminder before each one.',
        ]
      : []),
    '',
    `Where: ${places.join('; ')}`,
    '',
    'To ask about your course, log in to the patient portal or call the clinic.',
  ];
  return { subject: `${clinicName}: ${COURSE_SUBJECT[change]}`, body: lines.join('\n') };
}

/**
 * The replaced time of a rescheduled appointment, in the replaced appointment's own zone (it may
 * have been at another location); `null` for a first booking.
 */
async function movedFromTime(
  executor: Executor,
  facts: AppointmentNoticeFacts,
): Promise<string | null> {
  if (!facts.rescheduledFrom) return null;
  const previous = await loadNoticeFacts(executor, facts.rescheduledFrom);
  return previous ? formatClinicTime(previous.startsAt, previous.timeZone) : null;
}

/**
 * Whether a cancelled appointment has been replaced by then: rescheduled, or booked again for the
 * same patient, type and time (e.g. a course whose sessions were re-planned at the same times).
 */
async function rebooked(executor: Executor, facts: AppointmentNoticeFacts): Promise<boolean> {
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

function courseChangePayloadOf(job: JobRow): {
  courseId: string;
  change: CourseChange;
  cancelledIds: string[];
  bookedIds: string[];
} {
  const p = job.payload as {
    courseId?: unknown;
    change?: unknown;
    cancelledIds?: unknown;
    bookedIds?: unknown;
  };
  const ids = (v: unknown): v is string[] =>
    Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (
    typeof p.courseId !== 'string' ||
    !COURSE_CHANGES.includes(p.change as CourseChange) ||
    !ids(p.cancelledIds) ||
    !ids(p.bookedIds)
  )
    throw new Error(`job ${job.id} has a malformed payload`);
  return {
    courseId: p.courseId,
    change: p.change as CourseChange,
    cancelledIds: p.cancelledIds,
    bookedIds: p.bookedIds,
  };
}

const byStart = (a: AppointmentNoticeFacts, b: AppointmentNoticeFacts) =>
  a.startsAt.getTime() - b.startsAt.getTime();

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
    const movedFrom = kind === 'confirmation' ? await movedFromTime(options.db, facts) : null;
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
  const courseChanged = async (job: JobRow) => {
    const payload = courseChangePayloadOf(job);
    const [row] = await options.db
      .select({ email: patients.email, givenName: patients.givenName })
      .from(courses)
      .innerJoin(patients, eq(patients.id, courses.patientId))
      .where(eq(courses.id, payload.courseId));
    if (!row?.email) return;
    // One at a time: the executor may be a single connection.
    const load = async (ids: readonly string[]) => {
      const found: AppointmentNoticeFacts[] = [];
      for (const id of ids) {
        const facts = await loadNoticeFacts(options.db, id);
        if (facts) found.push(facts);
      }
      return found;
    };
    const all = await load(payload.cancelledIds);
    // As they are now: a session restored or booked again at its time is not reported cancelled,
    // and a new one cancelled since is not announced.
    const cancelledNow: AppointmentNoticeFacts[] = [];
    for (const f of all)
      if (f.status === 'cancelled' && !(await rebooked(options.db, f))) cancelledNow.push(f);
    const bookedNow = (await load(payload.bookedIds)).filter((f) => f.status === 'booked');
    // A re-plan that kept every time changed nothing the patient sees.
    const oldTimes = new Set(all.map((f) => f.startsAt.getTime()));
    if (cancelledNow.length === 0 && bookedNow.every((f) => oldTimes.has(f.startsAt.getTime())))
      return;
    const message = composeCourseChangeNotice(
      row.givenName,
      payload.change,
      cancelledNow.sort(byStart),
      bookedNow.sort(byStart),
      options.clinicName,
    );
    await options.mailer.send({ to: row.email, ...message });
  };
  return {
    [CONFIRMATION_JOB]: send('confirmation'),
    [REMINDER_JOB]: send('reminder'),
    [CANCELLATION_JOB]: cancelled,
    [COURSE_CHANGE_JOB]: courseChanged,
  };
}
