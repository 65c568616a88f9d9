import type { InfusionProtocol } from '../knowledge/schema/protocol';
import { err, ok, type Problem, type Result } from '../result';
import { closureOn, openingIntervalsOn } from '../scheduling/calendar';
import { isCovered } from '../scheduling/intervals';
import {
  HOUR_MS,
  MINUTE_MS,
  WEEKDAYS,
  addLocalDays,
  formatInstant,
  formatLocalInstant,
  isLocalDate,
  localToMs,
  msToLocal,
  parseInstant,
  parseLocalTime,
  resolveLocalTime,
  weekdayOf,
  type Instant,
  type LocalDate,
  type LocalTime,
  type Weekday,
} from '../scheduling/time';
import type { Location } from '../scheduling/types';

/** The patient's other appointments, which sessions must neither overlap nor crowd. */
export interface ExistingAppointment {
  readonly id: string;
  readonly start: Instant;
  readonly end: Instant;
  /** Whether it is a treatment session that counts for the minimum spacing (default true). */
  readonly countsForSpacing?: boolean;
}

export interface PlanCourseRequest {
  readonly protocol: Pick<InfusionProtocol, 'id' | 'sessionsPerWeek' | 'courseLength'>;
  /** `null` for an as-needed course (protocols without `sessionsPerWeek`). */
  readonly sessionsPerWeek: number | null;
  readonly weeks: number | null;
  /** First day of week 1 (clinic-local); week n covers `startDate + 7(n-1)` and the next 6 days. */
  readonly startDate: LocalDate;
  /** Days tried first, in date order; other open days only when these cannot hold the sessions. */
  readonly preferredWeekdays?: readonly Weekday[];
  /** Local start time; without it, the start of each opening period of the day is tried. */
  readonly preferredTime?: LocalTime;
  readonly location: Location;
  /** Whole appointment, pre-check to end of recovery. */
  readonly durationMinutes: number;
  /** `kb.scheduling.minSpacingHours`. */
  readonly minSpacingHours: number;
  readonly existingAppointments?: readonly ExistingAppointment[];
  /**
   * Without `preferredTime`, try a start every this many minutes from each opening (e.g.
   * `kb.scheduling.slotGranularityMinutes`) instead of only the opening times.
   */
  readonly granularityMinutes?: number;
  /**
   * Whether the resources are free for `[startMs, endMs)`, e.g. `explainConflictIn(index, ...)`
   * with no conflicts. Times it refuses are not proposed; without it, only hours, closures and
   * spacing are checked.
   */
  readonly isAvailable?: (startMs: number, endMs: number) => boolean;
}

/** A proposed session: clinic-local date and time, and its instants. */
export interface ProposedSession {
  /** 1-based week of the course. */
  readonly week: number;
  readonly localDate: LocalDate;
  readonly localTime: LocalTime;
  /** `2026-03-09T09:00-04:00`. */
  readonly localStart: string;
  readonly start: string;
  readonly end: string;
  readonly startMs: number;
  readonly endMs: number;
}

export interface CoursePlan {
  readonly asNeeded: boolean;
  readonly sessions: readonly ProposedSession[];
}

/** Sessions already fixed (past, or kept while replanning) and the earliest new start. */
export interface PlanConstraints {
  readonly keep?: readonly ProposedSession[];
  readonly notBefore?: number;
}

const MAX_WEEKS_WITHOUT_PROTOCOL_LENGTH = 52;

function checkRequest(r: PlanCourseRequest): Problem[] {
  const problems: Problem[] = [];
  const add = (code: string, message: string, path: string): void => {
    problems.push({ code, message, path });
  };
  const spw = r.protocol.sessionsPerWeek;
  if (spw === null) {
    if (r.sessionsPerWeek !== null)
      add(
        'COURSE.AS_NEEDED',
        `protocol ${r.protocol.id} is given as needed: no sessions per week`,
        'sessionsPerWeek',
      );
  } else if (r.sessionsPerWeek === null) {
    add(
      'COURSE.FIELD_REQUIRED',
      `protocol ${r.protocol.id} needs ${String(spw.min)}-${String(spw.max)} sessions a week`,
      'sessionsPerWeek',
    );
  } else if (
    !Number.isInteger(r.sessionsPerWeek) ||
    r.sessionsPerWeek < spw.min ||
    r.sessionsPerWeek > spw.max
  ) {
    add(
      'COURSE.OUTSIDE_PROTOCOL',
      `${String(r.sessionsPerWeek)} sessions a week is outside protocol ${r.protocol.id}'s ${String(spw.min)}-${String(spw.max)}`,
      'sessionsPerWeek',
    );
  }
  if (spw !== null) {
    const len = r.protocol.courseLength;
    const maxWeeks = len?.maxWeeks ?? MAX_WEEKS_WITHOUT_PROTOCOL_LENGTH;
    const minWeeks = len?.minWeeks ?? 1;
    if (r.weeks === null || !Number.isInteger(r.weeks) || r.weeks < minWeeks || r.weeks > maxWeeks)
      add(
        r.weeks === null ? 'COURSE.FIELD_REQUIRED' : 'COURSE.OUTSIDE_PROTOCOL',
        `${r.weeks === null ? 'no' : String(r.weeks)} weeks: protocol ${r.protocol.id} allows ${String(minWeeks)}-${String(maxWeeks)}${len === null ? ' (its length varies; this is KetaFlow’s cap)' : ''}`,
        'weeks',
      );
    if (r.sessionsPerWeek !== null && r.sessionsPerWeek * r.minSpacingHours > 7 * 24)
      add(
        'COURSE.IMPOSSIBLE',
        `${String(r.sessionsPerWeek)} sessions a week cannot all be ${String(r.minSpacingHours)} h apart`,
        'sessionsPerWeek',
      );
  } else if (r.weeks !== null) {
    add(
      'COURSE.AS_NEEDED',
      `protocol ${r.protocol.id} is given as needed: no course length`,
      'weeks',
    );
  }
  if (!isLocalDate(r.startDate))
    add('COURSE.INVALID_DATE', 'must be a date YYYY-MM-DD', 'startDate');
  if (r.preferredTime !== undefined && parseLocalTime(r.preferredTime) === null)
    add('COURSE.INVALID_TIME', 'must be a time HH:mm', 'preferredTime');
  (r.preferredWeekdays ?? []).forEach((d, i) => {
    if (!WEEKDAYS.includes(d))
      add('COURSE.INVALID_WEEKDAY', `'${d}' is not mon..sun`, `preferredWeekdays[${String(i)}]`);
  });
  if (!Number.isInteger(r.durationMinutes) || r.durationMinutes <= 0)
    add('COURSE.INVALID_DURATION', 'must be a positive whole number of minutes', 'durationMinutes');
  if (
    r.granularityMinutes !== undefined &&
    (!Number.isInteger(r.granularityMinutes) || r.granularityMinutes <= 0)
  )
    add(
      'COURSE.INVALID_GRANULARITY',
      'must be a positive whole number of minutes',
      'granularityMinutes',
    );
  return problems;
}

interface Busy {
  readonly start: number;
  readonly end: number;
  readonly spaced: boolean;
}

/** Candidate sessions on one date, in time order: the preferred time or each opening start. */
function sessionsOn(r: PlanCourseRequest, date: LocalDate, week: number): ProposedSession[] {
  const zone = r.location.timeZone;
  if (closureOn(r.location, date) !== undefined) return [];
  const open = openingIntervalsOn(r.location, date);
  const durationMs = r.durationMinutes * MINUTE_MS;
  const starts: number[] = [];
  if (r.preferredTime !== undefined) {
    // A time in the spring-forward gap does not exist that day: skip it rather than move it.
    const resolved = resolveLocalTime(date, r.preferredTime, zone);
    if (resolved.kind !== 'gap') starts.push(resolved.ms);
  } else if (r.granularityMinutes !== undefined && r.granularityMinutes > 0) {
    const stepMs = r.granularityMinutes * MINUTE_MS;
    for (const o of open)
      for (let t = o.start; t + durationMs <= o.end; t += stepMs) starts.push(t);
  } else {
    starts.push(...open.map((o) => o.start));
  }
  const out: ProposedSession[] = [];
  for (const startMs of starts) {
    const endMs = startMs + durationMs;
    if (!isCovered(open, startMs, endMs)) continue;
    if (r.isAvailable !== undefined && !r.isAvailable(startMs, endMs)) continue;
    out.push({
      week,
      localDate: date,
      localTime: msToLocal(startMs, zone).time,
      localStart: formatLocalInstant(startMs, zone),
      start: formatInstant(startMs),
      end: formatInstant(endMs),
      startMs,
      endMs,
    });
  }
  return out;
}

function fits(s: ProposedSession, busy: readonly Busy[], spacingMs: number): boolean {
  return busy.every(
    (b) =>
      !(b.start < s.endMs && b.end > s.startMs) &&
      (!b.spaced || Math.abs(b.start - s.startMs) >= spacingMs),
  );
}

/** The first (in candidate order) set of `count` candidates that fit together, or `undefined`. */
function choose(
  candidates: readonly ProposedSession[],
  count: number,
  busy: readonly Busy[],
  spacingMs: number,
): ProposedSession[] | undefined {
  if (count === 0) return [];
  for (let i = 0; i < candidates.length; i += 1) {
    const c = candidates[i];
    if (c === undefined || !fits(c, busy, spacingMs)) continue;
    const rest = choose(
      candidates.slice(i + 1),
      count - 1,
      [...busy, { start: c.startMs, end: c.endMs, spaced: true }],
      spacingMs,
    );
    if (rest !== undefined) return [c, ...rest];
  }
  return undefined;
}

/**
 * Proposes the session dates of a course: `sessionsPerWeek` sessions in each of `weeks` weeks
 * from `startDate`, each inside the location's opening hours, on no closure, at least
 * `minSpacingHours` from every other session (planned or existing), overlapping nothing. The
 * local time stays the same across a daylight-saving change (09:00 stays 09:00; the instant
 * moves); a preferred time that falls in a spring-forward gap is not used that day.
 *
 * Errors name the field: sessions per week or weeks outside the protocol's range
 * (`COURSE.OUTSIDE_PROTOCOL`), spacing that cannot fit, or a week with no room
 * (`COURSE.NO_ROOM`, path `weeks`, saying which week). An as-needed protocol gives no dates.
 */
export function planCourse(
  request: PlanCourseRequest,
  constraints: PlanConstraints = {},
): Result<CoursePlan, Problem[]> {
  const problems = checkRequest(request);
  if (problems.length > 0) return err(problems);
  if (
    request.protocol.sessionsPerWeek === null ||
    request.sessionsPerWeek === null ||
    request.weeks === null
  )
    return ok({ asNeeded: true, sessions: [] });
  const spacingMs = request.minSpacingHours * HOUR_MS;
  const busy: Busy[] = [];
  for (const a of request.existingAppointments ?? []) {
    const start = parseInstant(a.start);
    const end = parseInstant(a.end);
    if (start === null || end === null)
      return err([
        {
          code: 'COURSE.INVALID_INSTANT',
          message: 'unreadable appointment time',
          path: `existingAppointments.${a.id}`,
        },
      ]);
    busy.push({ start, end, spaced: a.countsForSpacing ?? true });
  }
  const keep = constraints.keep ?? [];
  for (const k of keep) busy.push({ start: k.startMs, end: k.endMs, spaced: true });
  const notBefore = constraints.notBefore ?? Number.NEGATIVE_INFINITY;
  const preferred = new Set(request.preferredWeekdays ?? []);
  const sessions: ProposedSession[] = [...keep];
  for (let week = 1; week <= request.weeks; week += 1) {
    const first = addLocalDays(request.startDate, 7 * (week - 1));
    const days = Array.from({ length: 7 }, (_, i) => addLocalDays(first, i));
    const ordered = [
      ...days.filter((d) => preferred.has(weekdayOf(d))),
      ...days.filter((d) => !preferred.has(weekdayOf(d))),
    ];
    const candidates = ordered
      .flatMap((d) => sessionsOn(request, d, week))
      .filter((s) => s.startMs >= notBefore);
    const needed = request.sessionsPerWeek - keep.filter((k) => k.week === week).length;
    const weekEndMs = localToMs(addLocalDays(first, 7), '00:00', request.location.timeZone);
    // Weeks already over when replanning are left as they were.
    if (needed <= 0 || weekEndMs <= notBefore) continue;
    // The week under way when replanning takes what still fits; later weeks must be whole.
    const underway = localToMs(first, '00:00', request.location.timeZone) < notBefore;
    let chosen = choose(candidates, needed, busy, spacingMs);
    for (let n = needed - 1; underway && chosen === undefined && n >= 0; n -= 1)
      chosen = choose(candidates, n, busy, spacingMs);
    if (chosen === undefined)
      return err([
        {
          code: 'COURSE.NO_ROOM',
          message: `week ${String(week)} (${first} to ${addLocalDays(first, 6)}) has no room for ${String(needed)} session(s) ${String(request.minSpacingHours)} h apart within opening hours`,
          path: 'weeks',
        },
      ]);
    for (const c of chosen) busy.push({ start: c.startMs, end: c.endMs, spaced: true });
    sessions.push(...chosen);
  }
  sessions.sort((a, b) => a.startMs - b.startMs);
  return ok({ asNeeded: false, sessions });
}
