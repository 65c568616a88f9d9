import { formatPath } from '../knowledge/path';
import type { OutcomeCriteria } from '../knowledge/schema/outcomes';
import { err, ok, type Problem, type Result } from '../result';
import {
  compareTimePoints,
  daysBetween,
  isSessionBefore,
  parseTimePoint,
  type TimePoint,
} from './time-points';

/** One scored scale: when it was filled in (ISO 8601 date or date-time) and its total. */
export interface ScorePoint {
  readonly at: string;
  readonly total: number;
}

/** A patient's scores on one instrument during one course. */
export interface ScoreSeries {
  readonly instrumentId: string;
  readonly points: readonly ScorePoint[];
  /** A baseline chosen by the clinician; otherwise the first score of the course. */
  readonly baseline?: ScorePoint;
}

/** A treatment session (infusion or nasal-spray session) that took place. */
export interface SessionMark {
  readonly at: string;
}

export type CriterionStatus =
  | { readonly status: 'met' }
  | { readonly status: 'not-met' }
  | { readonly status: 'undefined'; readonly reason: string };

export interface ProgressPoint {
  readonly at: string;
  readonly total: number;
  readonly isBaseline: boolean;
  /** `total - baseline`: negative is better. */
  readonly changeFromBaseline: number;
  /** Percentage change from baseline (negative is better); `null` when the baseline is 0. */
  readonly percentChange: number | null;
  readonly response: CriterionStatus;
  readonly remission: CriterionStatus;
  /** Calendar days since the baseline. */
  readonly daysFromBaseline: number;
  /** Sessions after the baseline and before this score. */
  readonly sessionsBefore: number;
}

/** When a criterion was first met after the baseline. */
export interface FirstMet {
  readonly at: string;
  readonly daysFromBaseline: number;
  /** Number of sessions (infusions) before it. */
  readonly sessionsBefore: number;
}

export interface Progress {
  readonly instrumentId: string;
  readonly baseline: ScorePoint & { readonly chosen: 'first-score' | 'given' };
  readonly points: readonly ProgressPoint[];
  readonly firstResponse: FirstMet | null;
  readonly firstRemission: FirstMet | null;
  /** Status at the latest score (the baseline's when there is no later score). */
  readonly latest: { readonly response: CriterionStatus; readonly remission: CriterionStatus };
  /** False when response cannot be judged for this course (baseline 0, no threshold...). */
  readonly responseDefined: boolean;
  /** The baseline already lies in the remission range: remission is not a treatment outcome. */
  readonly baselineInRemission: boolean;
  readonly criteria: OutcomeCriteria;
}

const MET: CriterionStatus = { status: 'met' };
const NOT_MET: CriterionStatus = { status: 'not-met' };

/**
 * Response against a baseline. "At least" is inclusive: exactly 50% below counts. Integer
 * cross-multiplication, so 10 -> 5 is a response with no rounding doubt.
 */
export function responseStatus(
  criteria: OutcomeCriteria,
  baseline: number,
  total: number,
): CriterionStatus {
  const rule = criteria.response.rule;
  if (rule === null)
    return { status: 'undefined', reason: 'no response threshold is defined for this instrument' };
  if (rule.kind === 'percent-decrease') {
    if (baseline === 0)
      return { status: 'undefined', reason: 'the baseline is 0: a percentage fall is not defined' };
    return (baseline - total) * 100 >= rule.percent * baseline ? MET : NOT_MET;
  }
  if (baseline < rule.points)
    return {
      status: 'undefined',
      reason: `the baseline is below the ${rule.points}-point change that defines response`,
    };
  return baseline - total >= rule.points ? MET : NOT_MET;
}

/** Remission: a total below the threshold [S110 for the PHQ-9: below 5]. */
export function remissionStatus(criteria: OutcomeCriteria, total: number): CriterionStatus {
  const below = criteria.remission.belowScore;
  if (below === null)
    return { status: 'undefined', reason: 'no remission threshold is defined for this instrument' };
  return total < below ? MET : NOT_MET;
}

interface Parsed {
  readonly point: ScorePoint;
  readonly time: TimePoint;
}

function parsePoint(point: ScorePoint, path: readonly PropertyKey[], problems: Problem[]) {
  const time = parseTimePoint(point.at);
  if (time === null)
    problems.push({
      code: 'OUTCOME.INVALID_DATE',
      message: 'must be an ISO 8601 date (2025-03-01) or date-time with offset',
      path: formatPath([...path, 'at']),
    });
  if (!Number.isInteger(point.total) || point.total < 0)
    problems.push({
      code: 'OUTCOME.INVALID_TOTAL',
      message: 'must be a whole number, 0 or more',
      path: formatPath([...path, 'total']),
    });
  return time;
}

/**
 * A patient's progress on one instrument: per score, the change from baseline, response and
 * remission status, days since baseline and sessions before it; and when response and remission
 * were first reached (time in days, number of infusions).
 *
 * - Baseline: `series.baseline` if given, else the earliest score.
 * - Response and remission are judged at each score on its own (single time point, as in the
 *   HEDIS-style measures of S110); nothing requires them to be sustained. `latest` shows whether
 *   they still hold at the last score.
 * - Sessions count when they are after the baseline and before the score; a session on the same
 *   date as a scale without both times known is taken to follow it (scales are filled in before
 *   each session).
 */
export function progress(
  series: ScoreSeries,
  sessions: readonly SessionMark[],
  criteria: OutcomeCriteria,
): Result<Progress, Problem[]> {
  const problems: Problem[] = [];
  const parsed: Parsed[] = [];
  series.points.forEach((point, index) => {
    const time = parsePoint(point, ['series', 'points', index], problems);
    if (time !== null) parsed.push({ point, time });
  });
  const sessionTimes: TimePoint[] = [];
  sessions.forEach((s, index) => {
    const time = parseTimePoint(s.at);
    if (time === null)
      problems.push({
        code: 'OUTCOME.INVALID_DATE',
        message: 'must be an ISO 8601 date (2025-03-01) or date-time with offset',
        path: formatPath(['sessions', index, 'at']),
      });
    else sessionTimes.push(time);
  });
  const givenTime =
    series.baseline === undefined
      ? undefined
      : parsePoint(series.baseline, ['series', 'baseline'], problems);
  if (series.points.length === 0 && series.baseline === undefined)
    problems.push({
      code: 'OUTCOME.NO_SCORES',
      message: 'a series needs at least one score',
      path: 'series.points',
    });
  if (problems.length > 0) return err(problems);

  const ordered = [...parsed].sort((a, b) => compareTimePoints(a.time, b.time));
  const first = ordered[0];
  const base: Parsed | undefined =
    series.baseline !== undefined && givenTime != null
      ? { point: series.baseline, time: givenTime }
      : first;
  if (base === undefined) return err([{ code: 'OUTCOME.NO_SCORES', message: 'no baseline' }]);
  const baseTotal = base.point.total;

  const sessionsBetween = (to: TimePoint): number =>
    sessionTimes.filter((s) => !isSessionBefore(s, base.time) && isSessionBefore(s, to)).length;

  const points: ProgressPoint[] = ordered.map(({ point, time }) => {
    const change = point.total - baseTotal;
    return {
      at: point.at,
      total: point.total,
      isBaseline: series.baseline === undefined && point === base.point,
      changeFromBaseline: change,
      percentChange: baseTotal === 0 ? null : (change * 100) / baseTotal,
      response: responseStatus(criteria, baseTotal, point.total),
      remission: remissionStatus(criteria, point.total),
      daysFromBaseline: daysBetween(base.time, time),
      sessionsBefore: sessionsBetween(time),
    };
  });

  const after = points.filter((p) => !p.isBaseline && p.daysFromBaseline >= 0);
  const firstMet = (key: 'response' | 'remission'): FirstMet | null => {
    const hit = after.find((p) => p[key].status === 'met');
    return hit === undefined
      ? null
      : { at: hit.at, daysFromBaseline: hit.daysFromBaseline, sessionsBefore: hit.sessionsBefore };
  };
  const baselineResponse = responseStatus(criteria, baseTotal, baseTotal);
  const baselineInRemission = remissionStatus(criteria, baseTotal).status === 'met';
  const last = after.at(-1);
  return ok({
    instrumentId: series.instrumentId,
    baseline: { ...base.point, chosen: series.baseline === undefined ? 'first-score' : 'given' },
    points,
    firstResponse: firstMet('response'),
    firstRemission: baselineInRemission ? null : firstMet('remission'),
    latest: {
      response: last?.response ?? baselineResponse,
      remission: last?.remission ?? remissionStatus(criteria, baseTotal),
    },
    responseDefined: baselineResponse.status !== 'undefined',
    baselineInRemission,
    criteria,
  });
}
