/**
 * Booking a course's sessions: core proposes the dates (opening hours, closures, spacing), the
 * booking engine books each one (chair, nurse lane, prescriber on site). All of a course's new
 * sessions are booked in one savepoint or none. When the engine refuses a proposed time (staff
 * not on duty, chairs taken), that time is blocked and core proposes again, a few times, before
 * the refusal is explained session by session.
 */
import {
  appointmentDuration,
  err,
  msToLocal,
  ok,
  planCourse,
  type ExistingAppointment,
  type KnowledgeBase,
  type Location,
  type Problem,
  type ProposedSession,
  type ProtocolId,
  type Result,
} from '@ketaflow/core';
import { and, eq, gt, inArray, notExists } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { appointments, courses, treatmentSessions } from '../../db/schema/index';
import { AppError, bodyFieldErrors, type ErrorCode, type FieldError } from '../../errors/catalog';
import {
  cancelAppointmentNotices,
  scheduleAppointmentNotices,
} from '../../notifications/appointment-notices';
import { bookAppointmentIn, inSavepoint, type BookingDeps } from '../appointments/booking';
import { cancelAppointment } from '../appointments/changes';
import { loadClinicState } from '../appointments/clinic-state';

type CourseRow = typeof courses.$inferSelect;

const MAX_REPLANS = 12;
const DAY_MS = 86_400_000;

export const sessionTypeOf = (product: CourseRow['product']) =>
  product === 'esketamine-nasal' ? ('esketamine-session' as const) : ('infusion' as const);

const OUT_OF_PROTOCOL = new Set([
  'COURSE.OUTSIDE_PROTOCOL',
  'COURSE.FIELD_REQUIRED',
  'COURSE.AS_NEEDED',
  'COURSE.IMPOSSIBLE',
]);

/** Core's planning problems as one problem+json error, each naming its body field. */
export function planningError(problems: readonly Problem[]): AppError {
  const errors = bodyFieldErrors(problems, 'startDate');
  const code: ErrorCode = problems.some((p) => OUT_OF_PROTOCOL.has(p.code))
    ? 'COURSE.OUT_OF_PROTOCOL'
    : problems.some((p) => p.code === 'COURSE.NO_ROOM')
      ? 'COURSE.UNSCHEDULABLE'
      : 'VALIDATION.FAILED';
  return new AppError(code, errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}

/** The week of the course (1-based) a local date falls in. */
function weekOf(startDate: string, localDate: string): number {
  const days = Math.round((Date.parse(localDate) - Date.parse(startDate)) / DAY_MS);
  return Math.floor(days / 7) + 1;
}

function asProposed(
  row: { startsAt: Date; endsAt: Date },
  startDate: string,
  zone: string,
): ProposedSession {
  const local = msToLocal(row.startsAt.getTime(), zone);
  return {
    week: weekOf(startDate, local.date),
    localDate: local.date,
    localTime: local.time,
    localStart: row.startsAt.toISOString(),
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    startMs: row.startsAt.getTime(),
    endMs: row.endsAt.getTime(),
  };
}

/** A course session cancelled by a course change; `told` when the patient had been told of it. */
export interface CancelledSession {
  readonly id: string;
  readonly startsAt: Date;
  /** Booked, so the patient knew of it (a hold never was confirmed to them). */
  readonly told: boolean;
}

/**
 * Cancels a course's sessions that start after `now`, with the reason, and returns them; a
 * session the patient was already checked in for (early, before its start) is not future: it
 * stays, to be finished or stopped on the chart. No
 * cancellation message per session: the course change tells the patient once
 * (`scheduleCourseChangeNotice`).
 */
export async function cancelFutureSessions(
  tx: Transaction,
  deps: BookingDeps,
  course: CourseRow,
  reason: string,
  userId: string,
): Promise<CancelledSession[]> {
  const future = await tx
    .select({ id: appointments.id, startsAt: appointments.startsAt, status: appointments.status })
    .from(appointments)
    .where(
      and(
        eq(appointments.courseId, course.id),
        inArray(appointments.status, ['booked', 'held']),
        gt(appointments.startsAt, deps.now),
        notExists(
          tx
            .select({ id: treatmentSessions.id })
            .from(treatmentSessions)
            .where(eq(treatmentSessions.appointmentId, appointments.id)),
        ),
      ),
    );
  for (const a of future) {
    const done = await cancelAppointment(
      tx,
      deps,
      a.id,
      reason,
      { userId, patientId: null },
      { notify: false },
    );
    if (!done.ok) throw new AppError(done.error.code, done.error.message);
    await cancelAppointmentNotices(tx, a.id);
  }
  return future.map((a) => ({ id: a.id, startsAt: a.startsAt, told: a.status === 'booked' }));
}

/**
 * Plans and books the course's sessions from `deps.now` on (sessions already held before then
 * count toward their week and for spacing). All or nothing; on refusal throws the explanation.
 * Returns the booked sessions.
 */
export async function bookCourseSessions(
  tx: Transaction,
  deps: BookingDeps,
  course: CourseRow,
  userId: string,
): Promise<{ id: string; startsAt: Date }[]> {
  const kb: KnowledgeBase = deps.kb;
  const protocol = kb.protocols[course.indication as ProtocolId];
  const type = sessionTypeOf(course.product);
  const duration = appointmentDuration(kb, {
    appointmentType: type,
    protocolId: course.indication as ProtocolId,
  });
  if (!duration.ok) throw planningError([duration.error]);
  const horizon = new Date(Date.parse(course.startDate) + ((course.weeks ?? 1) + 2) * 7 * DAY_MS);
  const state = await loadClinicState(tx, kb, { from: deps.now, to: horizon, now: deps.now });
  const location: Location | undefined = state.input.calendar.locations.find(
    (l) => l.id === course.locationId,
  );
  if (!location) throw new AppError('RESOURCE.NOT_FOUND', 'No such location.');

  const patientRows = await tx
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.patientId, course.patientId),
        inArray(appointments.status, ['booked', 'held', 'completed']),
      ),
    );
  // Sessions that started, and any the patient is already checked in for, stay as they are.
  const checkedIn = new Set(
    (
      await tx
        .select({ id: treatmentSessions.appointmentId })
        .from(treatmentSessions)
        .where(eq(treatmentSessions.patientId, course.patientId))
    ).map((r) => r.id),
  );
  const kept = patientRows
    .filter(
      (a) =>
        a.courseId === course.id &&
        (a.startsAt.getTime() < deps.now.getTime() || checkedIn.has(a.id)),
    )
    .map((a) => asProposed(a, course.startDate, location.timeZone));
  const keptStarts = new Set(kept.map((k) => k.startMs));
  const others: ExistingAppointment[] = patientRows
    .filter((a) => a.courseId !== course.id)
    .map((a) => ({
      id: a.id,
      start: a.startsAt.toISOString(),
      end: a.endsAt.toISOString(),
      countsForSpacing: a.type === 'infusion' || a.type === 'esketamine-session',
    }));

  const blocked: ExistingAppointment[] = [];
  let lastRefusals: FieldError[] = [];
  for (let attempt = 0; attempt < MAX_REPLANS; attempt++) {
    const plan = planCourse(
      {
        protocol,
        sessionsPerWeek: course.sessionsPerWeek,
        weeks: course.weeks,
        startDate: course.startDate,
        location,
        durationMinutes: duration.value.totalMinutes,
        minSpacingHours: kb.scheduling.minSpacingHours,
        existingAppointments: [...others, ...blocked],
        // The course's own preferences, kept with it, on every (re)booking.
        ...(course.preferredWeekdays ? { preferredWeekdays: course.preferredWeekdays } : {}),
        ...(course.preferredTime ? { preferredTime: course.preferredTime } : {}),
      },
      { keep: kept, notBefore: deps.now.getTime() },
    );
    if (!plan.ok) {
      if (lastRefusals.length > 0) break;
      throw planningError(plan.error);
    }
    const fresh = plan.value.sessions.filter(
      (s) => s.startMs >= deps.now.getTime() && !keptStarts.has(s.startMs),
    );
    const booked: Result<{ id: string; startsAt: Date }[], FieldError[]> = await inSavepoint(
      tx,
      async (sp) => {
        const ids: { id: string; startsAt: Date }[] = [];
        for (const session of fresh) {
          const result = await bookAppointmentIn(
            sp,
            deps,
            {
              type,
              patientId: course.patientId,
              startsAt: new Date(session.startMs),
              locationId: course.locationId,
              courseId: course.id,
              protocolId: course.indication as ProtocolId,
            },
            { userId },
          );
          if (!result.ok) {
            blocked.push({
              id: `blocked-${String(blocked.length)}`,
              start: session.start,
              end: session.end,
              countsForSpacing: false,
            });
            const why = result.error.problems.map((p) => p.message).join('; ');
            return err({
              code: result.error.code,
              message: result.error.message,
              problems: [
                {
                  code: result.error.code,
                  message: `${session.localDate} ${session.localTime}: ${why || result.error.message}`,
                  path: `sessions.${session.localDate}`,
                },
              ],
            });
          }
          ids.push({ id: result.value.id, startsAt: new Date(result.value.startsAt) });
        }
        return ok(ids);
      },
    ).then((r) => (r.ok ? r : err(bodyFieldErrors(r.error.problems, 'startDate'))));
    if (booked.ok) {
      for (const a of booked.value)
        await scheduleAppointmentNotices(
          tx,
          a,
          deps.now,
          deps.kb.scheduling.reminderLeadHours,
          false,
        );
      return booked.value;
    }
    lastRefusals = [...lastRefusals, ...booked.error];
  }
  throw new AppError(
    'COURSE.UNSCHEDULABLE',
    `The sessions could not all be booked: ${lastRefusals.map((e) => e.message).join('; ')}`,
    lastRefusals,
  );
}
