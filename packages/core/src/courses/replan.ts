import { err, ok, type Problem, type Result } from '../result';
import { parseInstant, type Instant } from '../scheduling/time';
import { planCourse, type PlanCourseRequest, type ProposedSession } from './plan-course';

/** A planned course: the request it was planned from and its sessions. */
export interface PlannedCourse {
  readonly request: PlanCourseRequest;
  readonly sessions: readonly ProposedSession[];
}

/** What may change in a course; the rest of the request stays. */
export type CourseChanges = Partial<
  Pick<
    PlanCourseRequest,
    | 'sessionsPerWeek'
    | 'weeks'
    | 'preferredWeekdays'
    | 'preferredTime'
    | 'location'
    | 'durationMinutes'
    | 'minSpacingHours'
    | 'existingAppointments'
  >
>;

/** The new plan, and what to book and cancel to get there. */
export interface Replan {
  readonly request: PlanCourseRequest;
  readonly sessions: readonly ProposedSession[];
  /** Sessions before `from`, unchanged. */
  readonly kept: readonly ProposedSession[];
  /** Future sessions of the old plan that are also in the new one (same start and end). */
  readonly unchanged: readonly ProposedSession[];
  readonly cancel: readonly ProposedSession[];
  readonly add: readonly ProposedSession[];
}

const same = (a: ProposedSession, b: ProposedSession): boolean =>
  a.startMs === b.startMs && a.endMs === b.endMs;

/**
 * Replans a changed course from `from` on: sessions that start before `from` stay (they count
 * towards their week and for spacing); later ones are proposed again with the changes applied,
 * keeping any old session the new plan also chooses. Same rules and errors as `planCourse`.
 */
export function replanFutureSessions(
  course: PlannedCourse,
  changes: CourseChanges,
  from: Instant,
): Result<Replan, Problem[]> {
  const fromMs = parseInstant(from);
  if (fromMs === null)
    return err([{ code: 'COURSE.INVALID_INSTANT', message: 'unreadable instant', path: 'from' }]);
  const request: PlanCourseRequest = { ...course.request, ...changes };
  const kept = course.sessions.filter((s) => s.startMs < fromMs);
  const future = course.sessions.filter((s) => s.startMs >= fromMs);
  const planned = planCourse(request, { keep: kept, notBefore: fromMs });
  if (!planned.ok) return planned;
  const fresh = planned.value.sessions.filter((s) => s.startMs >= fromMs);
  return ok({
    request,
    sessions: planned.value.sessions,
    kept,
    unchanged: future.filter((s) => fresh.some((n) => same(n, s))),
    cancel: future.filter((s) => !fresh.some((n) => same(n, s))),
    add: fresh.filter((n) => !future.some((s) => same(n, s))),
  });
}
