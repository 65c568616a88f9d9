/**
 * One message for a course change (booked, stopped, paused, completed, resumed or re-planned)
 * listing the session times it cancelled and the new ones, instead of one message per session.
 */
import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { courses, patients } from '../db/schema/index';
import { enqueueJob, type JobRow } from '../lib/jobs';
import type { Mailer } from '../lib/mailer';
import { formatClinicTime } from './clinic-time';
import {
  byStart,
  loadNoticeFacts,
  rebooked,
  TYPE_LABEL,
  type AppointmentNoticeFacts,
} from './notice-facts';

export const COURSE_CHANGE_JOB = 'appointment.course-change';

/** What happened to a treatment course that changed its sessions (`booked`: it was created). */
export const COURSE_CHANGES = [
  'booked',
  'stopped',
  'paused',
  'completed',
  'resumed',
  'replanned',
] as const;
export type CourseChange = (typeof COURSE_CHANGES)[number];

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

const COURSE_SUBJECT: Record<CourseChange, string> = {
  booked: 'your treatment course is booked',
  stopped: 'your treatment course is stopped',
  paused: 'your treatment course is paused',
  completed: 'your treatment course is completed',
  resumed: 'your treatment course is resumed',
  replanned: 'your treatment course has new session times',
};

const COURSE_OPENING: Record<CourseChange, string> = {
  booked: 'Your treatment course has been booked.',
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
  // A new course's sessions are simply its sessions; after a change they are the new ones.
  const fresh = change === 'booked' ? '' : 'new ';
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
            ? `Your ${fresh}${what} session:`
            : `Your ${String(booked.length)} ${fresh}${what} sessions:`,
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

/** The job handler: reads the sessions as they are when it runs. */
export function courseChangeHandler(options: {
  readonly db: Database;
  readonly mailer: Mailer;
  readonly clinicName: string;
}): (job: JobRow) => Promise<void> {
  return async (job: JobRow) => {
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
}
