/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`, or a date-time whose first 10 characters are
 * one), read by character codes: screening runs on hot paths and has no clock.
 */

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i += 1) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

function readYmd(iso: string): Ymd | undefined {
  if (iso.length < 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return undefined;
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  if (Number.isNaN(y + m + d) || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return { y, m, d };
}

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
function dayNumber({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days from the calendar day of `from` to that of `to`, or NaN when either is not a date. */
export function daysBetween(from: string, to: string): number {
  const a = readYmd(from);
  const b = readYmd(to);
  return a === undefined || b === undefined ? Number.NaN : dayNumber(b) - dayNumber(a);
}

/** True when `value` starts with a valid ISO calendar date (the day exists in its month). */
export function isIsoDate(value: string): boolean {
  const ymd = readYmd(value);
  if (ymd === undefined) return false;
  const next = ymd.m === 12 ? { y: ymd.y + 1, m: 1, d: 1 } : { y: ymd.y, m: ymd.m + 1, d: 1 };
  return dayNumber(ymd) < dayNumber(next);
}

/** Whole years from `birthDate` to `asOf`, or undefined when either is not a date. */
export function ageInYears(birthDate: string, asOf: string): number | undefined {
  const b = readYmd(birthDate);
  const a = readYmd(asOf);
  if (b === undefined || a === undefined) return undefined;
  const before = a.m < b.m || (a.m === b.m && a.d < b.d);
  return a.y - b.y - (before ? 1 : 0);
}
