import type { Progress, SeverityBand } from '../api/outcomes-types';
import { addLocalDays, formatLocalDayMonth, localToMs, zonedDate } from '../format/zoned-time';

const DAY_MS = 86_400_000;

/** Light tints from "none" (green) to "severe" (red); bands are ordered by score. */
const BAND_TINTS = ['#d3f9d8', '#e9fac8', '#fff3bf', '#ffe8cc', '#ffe3e3', '#ffc9c9'];

export function bandTint(index: number, count: number): string {
  if (count <= 1) return BAND_TINTS[0] ?? '#eee';
  const at = Math.round((index / (count - 1)) * (BAND_TINTS.length - 2));
  return BAND_TINTS[at] ?? '#eee';
}

/** A band's area on the score axis: integer ranges touch half-way between them. */
export function bandArea(
  band: SeverityBand,
  range: { min: number; max: number },
): { y1: number; y2: number } {
  return { y1: Math.max(range.min, band.min - 0.5), y2: Math.min(range.max, band.max + 0.5) };
}

/**
 * The score at or below which a score counts as a response, from the criteria core applied:
 * `percent`% below baseline, or `points` below it. `null` when response is not defined.
 */
export function responseThreshold(progress: Progress): number | null {
  const rule = progress.criteria.response.rule;
  if (rule === null || !progress.responseDefined) return null;
  const base = progress.baseline.total;
  if (rule.kind === 'percent-decrease' && rule.percent !== undefined)
    return (base * (100 - rule.percent)) / 100;
  if (rule.kind === 'points-decrease' && rule.points !== undefined) return base - rule.points;
  return null;
}

/** The time axis: every score and session, with a day's margin either side. */
export function timeDomain(times: readonly number[]): [number, number] {
  if (times.length === 0) return [0, 1];
  return [Math.min(...times) - DAY_MS, Math.max(...times) + DAY_MS];
}

/**
 * `12 May`: the calendar date of an instant in the clinic's zone, so a session or a score is on
 * the clinic's day, not the day it was in the browser's zone.
 */
export function formatShortDate(ms: number, zone: string): string {
  return formatLocalDayMonth(zonedDate(ms, zone));
}

/** Ticks at the clinic's midnights (`zone`), at most `count` of them. */
export function dayTicks([from, to]: [number, number], count: number, zone: string): number[] {
  const first = zonedDate(from, zone);
  const start = localToMs(first, '00:00', zone);
  const days = Math.max(1, Math.ceil((to - start) / DAY_MS));
  const step = Math.max(1, Math.ceil(days / count));
  const ticks: number[] = [];
  // Counted in calendar days, not 24-hour steps: a day the clocks change is 23 or 25 hours long.
  for (let d = step; d < days; d += step)
    ticks.push(localToMs(addLocalDays(first, d), '00:00', zone));
  return ticks;
}
