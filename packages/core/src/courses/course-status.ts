import { err, ok, type Problem, type Result } from '../result';
import { parseInstant, type Instant } from '../scheduling/time';

export const COURSE_STATUSES = ['planned', 'active', 'paused', 'completed', 'stopped'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

/**
 * Allowed status changes. A course starts `planned`; `completed` and `stopped` are final.
 * `planned → stopped` covers a course called off before its first session.
 */
export const COURSE_TRANSITIONS: Readonly<Record<CourseStatus, readonly CourseStatus[]>> = {
  planned: ['active', 'stopped'],
  active: ['paused', 'completed', 'stopped'],
  paused: ['active', 'stopped'],
  completed: [],
  stopped: [],
};

/** One status change, with who made it, when and why. */
export interface CourseStatusChange {
  readonly from: CourseStatus;
  readonly to: CourseStatus;
  readonly reason: string;
  /** ISO instant in UTC. */
  readonly at: string;
  readonly by?: string;
}

export interface CourseState {
  readonly status: CourseStatus;
  readonly history: readonly CourseStatusChange[];
}

export interface StatusChangeRequest {
  readonly to: CourseStatus;
  readonly reason: string;
  /** When the change happens (the server's clock, passed in). */
  readonly at: Instant;
  readonly by?: string;
}

export function canChangeCourseStatus(from: CourseStatus, to: CourseStatus): boolean {
  return COURSE_TRANSITIONS[from].includes(to);
}

/** A new course state, `planned` with no history. */
export function newCourseState(): CourseState {
  return { status: 'planned', history: [] };
}

/**
 * Moves a course to another status, appending the change to its history. Every change needs a
 * reason; changes not in `COURSE_TRANSITIONS` are `COURSE.INVALID_TRANSITION`. All problems at once.
 */
export function changeCourseStatus(
  state: CourseState,
  request: StatusChangeRequest,
): Result<CourseState, Problem[]> {
  const problems: Problem[] = [];
  if (!canChangeCourseStatus(state.status, request.to)) {
    const allowed = COURSE_TRANSITIONS[state.status];
    problems.push({
      code: 'COURSE.INVALID_TRANSITION',
      message: `a ${state.status} course cannot become ${request.to}${allowed.length === 0 ? ` (${state.status} is final)` : `; allowed: ${allowed.join(', ')}`}`,
      path: 'to',
    });
  }
  if (request.reason.trim().length === 0)
    problems.push({
      code: 'COURSE.REASON_REQUIRED',
      message: 'say why the status changes',
      path: 'reason',
    });
  const at = parseInstant(request.at);
  if (at === null)
    problems.push({
      code: 'COURSE.INVALID_INSTANT',
      message: 'must be an ISO 8601 date-time with an offset or Z, or epoch milliseconds',
      path: 'at',
    });
  if (problems.length > 0 || at === null) return err(problems);
  const change: CourseStatusChange = {
    from: state.status,
    to: request.to,
    reason: request.reason.trim(),
    at: new Date(at).toISOString(),
    ...(request.by === undefined ? {} : { by: request.by }),
  };
  return ok({ status: request.to, history: [...state.history, change] });
}
