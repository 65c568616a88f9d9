/**
 * Strict ISO 8601 dates for weight age: `YYYY-MM-DD` (read as midnight UTC) or a date-time with
 * an explicit offset (`2025-03-01T09:30:00Z`, `...+01:00`). A date-time without an offset would
 * depend on the machine's time zone, so it is refused. Parsed by hand: no clock, no locale.
 */

const MS_PER_DAY = 86_400_000;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2})))?$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Milliseconds since the Unix epoch, or undefined when `text` is not a strict ISO date. */
export function parseIsoInstant(text: string): number | undefined {
  const m = ISO.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  let ms = daysFromCivil(year, month, day) * MS_PER_DAY;
  if (m[4] !== undefined) {
    const hour = Number(m[4]);
    const minute = Number(m[5]);
    const second = m[6] === undefined ? 0 : Number(m[6]);
    if (hour > 23 || minute > 59 || second > 59) return undefined;
    const fraction = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
    let offsetMin = 0;
    if (m[8] !== 'Z') {
      const offsetHour = Number(m[10]);
      const offsetMinute = Number(m[11]);
      if (offsetHour > 23 || offsetMinute > 59) return undefined;
      offsetMin = (m[9] === '-' ? -1 : 1) * (offsetHour * 60 + offsetMinute);
    }
    ms += ((hour * 60 + minute - offsetMin) * 60 + second) * 1000 + fraction;
  }
  return ms;
}

/** Whole days elapsed from `fromMs` to `toMs` (floor; negative if `to` is earlier). */
export function wholeDaysBetween(fromMs: number, toMs: number): number {
  return Math.floor((toMs - fromMs) / MS_PER_DAY);
}
