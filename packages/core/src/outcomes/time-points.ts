/** `YYYY-MM-DD`, or a date-time with seconds optional and a `Z` or `±HH:MM` offset. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A point in time as written: its calendar date (as the writer saw it) and, if given, an instant. */
export interface TimePoint {
  /** Days since 1970-01-01 of the calendar date as written (no time-zone conversion). */
  readonly day: number;
  /** Milliseconds since the epoch, or `null` for a date without a time. */
  readonly instant: number | null;
}

/** Parses an ISO 8601 date or date-time with offset; `null` when it is not one or not real. */
export function parseTimePoint(text: string): TimePoint | null {
  const m = DATE.exec(text) ?? DATE_TIME.exec(text);
  if (m === null) return null;
  const [, y, mo, d] = m;
  const year = Number(y);
  const month = Number(mo);
  const date = Number(d);
  const utc = Date.UTC(year, month - 1, date);
  const check = new Date(utc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  const day = Math.round(utc / 86_400_000);
  if (text.length === 10) return { day, instant: null };
  const instant = Date.parse(text);
  return Number.isNaN(instant) ? null : { day, instant };
}

/** Whole calendar days from `a` to `b`, each on the date as written. */
export function daysBetween(a: TimePoint, b: TimePoint): number {
  return b.day - a.day;
}

/** Order of two time points: exact instants when both have one, else calendar dates. */
export function compareTimePoints(a: TimePoint, b: TimePoint): number {
  if (a.instant !== null && b.instant !== null) return a.instant - b.instant;
  return a.day - b.day;
}

/**
 * True when a session happened before a scale was filled in. Scales are filled in before each
 * session, so on the same calendar date without both times known the scale comes first and that
 * day's session is not counted.
 */
export function isSessionBefore(session: TimePoint, scale: TimePoint): boolean {
  if (session.instant !== null && scale.instant !== null) return session.instant < scale.instant;
  return session.day < scale.day;
}
