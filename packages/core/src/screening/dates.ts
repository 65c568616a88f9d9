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

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since 1970 of an ISO date-time with a time zone (FHIR requires one whenever a
 * time is given); undefined for a plain date or a time without a zone, whose instant is unknown.
 */
function instantOf(iso: string): number | undefined {
  const ymd = readYmd(iso);
  const m = DATE_TIME.exec(iso);
  if (ymd === undefined || m === null) return undefined;
  const [, hh = '', mm = '', ss = '0', frac = '', zone = 'Z'] = m;
  const offsetMin =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  const minutes = dayNumber(ymd) * 1440 + Number(hh) * 60 + Number(mm) - offsetMin;
  return minutes * 60_000 + Number(ss) * 1000 + (frac === '' ? 0 : Number(frac) * 1000);
}

/**
 * Which of two ISO dates or date-times is later: positive when `a` is, negative when `b` is, 0
 * when they are the same or cannot be told apart (the same day, one of them without a time).
 * Full instants are compared when both have a time and a zone, so 18:00 beats 09:00 that day.
 */
export function compareDateTimes(a: string, b: string): number {
  const ia = instantOf(a);
  const ib = instantOf(b);
  if (ia !== undefined && ib !== undefined) return Math.sign(ia - ib);
  const days = daysBetween(b, a);
  return Number.isNaN(days) ? 0 : Math.sign(days);
}

/** True when the calendar day of `date` comes after `asOf`: a record from the future. */
export function isAfterDay(date: string, asOf: string): boolean {
  return daysBetween(asOf, date) > 0;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2}))?$/;

/**
 * Whole years from a birth date to `asOf`, also for FHIR's partial dates (`1990`, `1990-05`):
 * those are read as the last day they allow, the youngest age the patient can be, so an age
 * limit such as "under 18" is never passed by a guess. Undefined when it is no date at all.
 */
export function youngestAgeInYears(birthDate: string, asOf: string): number | undefined {
  if (isIsoDate(birthDate)) return ageInYears(birthDate, asOf);
  const m = PARTIAL_DATE.exec(birthDate);
  if (m === null) return undefined;
  const [, year = '', month] = m;
  if (month === undefined) return ageInYears(`${year}-12-31`, asOf);
  for (const day of ['31', '30', '29', '28']) {
    const last = `${year}-${month}-${day}`;
    if (isIsoDate(last)) return ageInYears(last, asOf);
  }
  return undefined;
}

/** True for an ISO date or a FHIR partial date (`1990`, `1990-05`), as a birth date may be. */
export function isFullOrPartialDate(value: string): boolean {
  return isIsoDate(value) || youngestAgeInYears(value, '2000-01-01') !== undefined;
}
