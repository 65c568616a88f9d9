import { tzOffset } from '@date-fns/tz';
import { addDays, format, getISODay, parseISO } from 'date-fns';

/**
 * Time for scheduling. Instants are epoch milliseconds inside core (ISO strings with an offset
 * or `Z` at the edges); clinic-local times are `HH:mm` on a `YYYY-MM-DD` date in an IANA zone.
 * Time-zone rules come from the runtime's tz database through `@date-fns/tz`; nothing here
 * hard-codes an offset.
 */

/** An instant: an ISO 8601 string with an offset or `Z` (`2026-03-09T09:00:00-04:00`), or epoch ms. */
export type Instant = string | number;
/** A clinic-local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;
/** A clinic-local wall-clock time, `HH:mm` (24 h). `24:00` is allowed as a closing time. */
export type LocalTime = string;
/** An IANA time zone such as `America/New_York`. */
export type TimeZone = string;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

const MEMO_LIMIT = 50_000;

/**
 * A bounded memo for pure conversions: tz look-ups go through `Intl` and dominate a slot
 * search, while a clinic asks for the same few dates and times again and again. Cleared when
 * full, so a long-running server cannot grow it without bound.
 */
export function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    if (cache.size >= MEMO_LIMIT) cache.clear();
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

/** Epoch ms of an instant, or `null` when it is not a finite number or an ISO string with offset. */
export function parseInstant(value: Instant): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (!ISO_WITH_OFFSET.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** `2026-03-09T13:00:00.000Z` */
export function formatInstant(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  // The date part comes from Date once per day; the time of day is plain arithmetic (UTC).
  const rest = ms - day * DAY_MS;
  if (!Number.isInteger(rest) || ms < 0 || ms >= MAX_FOUR_DIGIT_YEAR_MS)
    return new Date(ms).toISOString();
  const h = Math.floor(rest / HOUR_MS);
  const m = Math.floor((rest % HOUR_MS) / MINUTE_MS);
  const sec = Math.floor((rest % MINUTE_MS) / 1000);
  const milli = rest % 1000;
  return `${dayPrefix(String(day))}${pad2(h)}:${pad2(m)}:${pad2(sec)}.${String(milli).padStart(3, '0')}Z`;
}

const DAY_MS = 24 * 60 * 60_000;
/** 10000-01-01T00:00Z: beyond it ISO years take more digits. */
const MAX_FOUR_DIGIT_YEAR_MS = 253_402_300_800_000;
const pad2 = (n: number): string => (n < 10 ? `0${String(n)}` : String(n));
const dayPrefix = memo((day) => new Date(Number(day) * DAY_MS).toISOString().slice(0, 11));

export function isLocalDate(value: string): boolean {
  const m = DATE.exec(value);
  if (m === null) return false;
  const d = parseISO(value);
  return !Number.isNaN(d.getTime()) && format(d, 'yyyy-MM-dd') === value;
}

/** Minutes after local midnight of `HH:mm`, or `null` when malformed (`24:00` = 1440). */
export function parseLocalTime(value: LocalTime): number | null {
  const m = TIME.exec(value);
  if (m === null) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes > 24 * 60 ? null : minutes;
}

export function formatLocalTime(minutes: number): LocalTime {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Whether the runtime knows the IANA zone. */
export function isTimeZone(zone: string): boolean {
  return zoneMemo(zone);
}

const zoneMemo = memo((zone) => IANA_ZONE.test(zone) && !Number.isNaN(tzOffset(zone, new Date(0))));

const IANA_ZONE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** The local date `days` after `date` (calendar days, independent of any zone). */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  return addDaysMemo(`${date}|${String(days)}`);
}

const addDaysMemo = memo((key) => {
  const [date = '', days = '0'] = key.split('|');
  return format(addDays(parseISO(date), Number(days)), 'yyyy-MM-dd');
});

/** ISO weekday of a local date. */
export function weekdayOf(date: LocalDate): Weekday {
  return weekdayMemo(date);
}

const weekdayMemo = memo((date): Weekday => {
  const day = WEEKDAYS[getISODay(parseISO(date)) - 1];
  if (day === undefined) throw new Error(`not a date: ${date}`);
  return day;
});

/** Whole calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((parseISO(b).getTime() - parseISO(a).getTime()) / (24 * HOUR_MS));
}

/**
 * How a local wall-clock time maps to an instant:
 * - `exact`: it exists once.
 * - `gap`: it does not exist (spring forward, e.g. 02:30 on 2026-03-08 in New York). It is moved
 *   forward by the length of the gap (02:30 → 03:30 EDT), so the appointment keeps its length
 *   and never starts before the time asked for.
 * - `ambiguous`: it exists twice (fall back, e.g. 01:30 on 2026-11-01 in New York). The earlier
 *   occurrence (daylight time, 01:30 EDT) is used; `laterMs` is the other one.
 */
export type LocalResolution =
  | { readonly kind: 'exact'; readonly ms: number }
  | { readonly kind: 'gap'; readonly ms: number; readonly shiftedTo: LocalTime }
  | { readonly kind: 'ambiguous'; readonly ms: number; readonly laterMs: number };

/** Resolves a clinic-local date and `HH:mm` in `zone` to an instant, saying how (see `LocalResolution`). */
export function resolveLocalTime(
  date: LocalDate,
  time: LocalTime,
  zone: TimeZone,
): LocalResolution {
  return resolveMemo(`${zone}|${date}|${time}`);
}

const resolveMemo = memo((key): LocalResolution => {
  const [zone = '', date = '', time = ''] = key.split('|');
  const m = DATE.exec(date);
  const minutes = parseLocalTime(time);
  if (m === null || minutes === null) throw new Error(`bad local date/time ${date} ${time}`);
  // `24:00` is midnight at the start of the next day.
  const day = minutes === 24 * 60 ? addLocalDays(date, 1) : date;
  const dm = DATE.exec(day) ?? m;
  const hh = Math.floor(minutes / 60) % 24;
  const mm = minutes % 60;
  // The wall-clock reading as if it were UTC; an instant with offset o shows it when
  // instant = wall - o. Offsets come from the tz database (tzOffset). Looking 20 h either side
  // (more than any UTC offset, and zone changes are months apart) finds the offsets on both
  // sides of a change; each that really applies at its instant gives one occurrence.
  const wall = Date.UTC(Number(dm[1]), Number(dm[2]) - 1, Number(dm[3]), hh, mm);
  const before = tzOffset(zone, new Date(wall - 6 * HOUR_MS - 14 * HOUR_MS));
  const after = tzOffset(zone, new Date(wall + 6 * HOUR_MS + 14 * HOUR_MS));
  const valid = [...new Set([before, after])]
    .map((o) => wall - o * MINUTE_MS)
    .filter((ms) => tzOffset(zone, new Date(ms)) * MINUTE_MS === wall - ms)
    .sort((a, b) => a - b);
  const [first, second] = valid;
  if (first === undefined) {
    // A gap: read with the offset before the change, which lands as far after the gap's start
    // as the time asked for (02:30 EST = 03:30 EDT).
    const ms = wall - before * MINUTE_MS;
    return { kind: 'gap', ms, shiftedTo: msToLocal(ms, zone).time };
  }
  if (second !== undefined) return { kind: 'ambiguous', ms: first, laterMs: second };
  const ms = first;
  return { kind: 'exact', ms };
});

/** Epoch ms of a clinic-local date and time (gap: moved forward; ambiguous: earlier; see above). */
export function localToMs(date: LocalDate, time: LocalTime, zone: TimeZone): number {
  return resolveLocalTime(date, time, zone).ms;
}

/** The clinic-local date, time and weekday of an instant. */
export interface LocalDateTime {
  readonly date: LocalDate;
  readonly time: LocalTime;
  /** Minutes after local midnight. */
  readonly minutes: number;
  /** UTC offset in minutes (−240 for EDT). */
  readonly offsetMinutes: number;
}

export function msToLocal(ms: number, zone: TimeZone): LocalDateTime {
  const offsetMinutes = tzOffset(zone, new Date(ms));
  // Shift by the zone's offset and read the UTC fields: the wall clock at that instant.
  const wall = new Date(ms + offsetMinutes * MINUTE_MS);
  const date = wall.toISOString().slice(0, 10);
  const minutes = wall.getUTCHours() * 60 + wall.getUTCMinutes();
  return { date, time: formatLocalTime(minutes), minutes, offsetMinutes };
}

/**
 * The longest clock change in the tz database: Antarctica/Troll moves 2 h between UTC+0 and UTC+2.
 * US and EU summer time move 1 h.
 */
const LONGEST_CLOCK_CHANGE_MS = 2 * HOUR_MS;

/**
 * Whether `[fromMs, toMs)` fits in `days` local days in every zone. A local day across a clock
 * change lasts 23 or 25 h (New York), so 31 days from 15 October are 745 h; a window limited to
 * `days` days must take that, or a calendar asking for whole local days is refused once a year.
 * A window of under half a year holds at most one change of any zone.
 */
export function isWithinLocalDays(fromMs: number, toMs: number, days: number): boolean {
  return toMs - fromMs <= days * 24 * HOUR_MS + LONGEST_CLOCK_CHANGE_MS;
}

/**
 * Minutes from the start of local `date` to the wall-clock time of `ms` in `zone`: 09:00 is 540
 * on every day, a 23- or 25-hour one too (the time elapsed since midnight would be 480 or 600
 * there). An instant on another local date counts 1440 a day (the evening before is negative).
 * The two 01:30s of a fall-back night both give 90.
 */
export function wallMinutesFrom(date: LocalDate, ms: number, zone: TimeZone): number {
  const local = msToLocal(ms, zone);
  return daysBetween(date, local.date) * 24 * 60 + local.minutes;
}

/** `2026-03-09T09:00-04:00`: a local time with its offset, for people and for `.ics` files. */
export function formatLocalInstant(ms: number, zone: TimeZone): string {
  const l = msToLocal(ms, zone);
  const sign = l.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(l.offsetMinutes);
  return `${l.date}T${l.time}${sign}${formatLocalTime(abs)}`;
}

export { MINUTE_MS, HOUR_MS };
