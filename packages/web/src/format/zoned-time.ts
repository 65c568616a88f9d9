import {
  addLocalDays,
  isClockChangeDay,
  localToMs,
  msToLocal,
  needsZoneAbbreviation,
  resolveLocalTime,
  weekdayOf,
  zoneAbbreviation as coreZoneAbbreviation,
  zoneAbbreviationsAt,
  type LocalDate,
} from '@ketaflow/core';

/**
 * Times of appointments shown in the clinic's (or the location's) time zone, never the browser's:
 * a nurse on a laptop set to another zone, or a patient travelling, sees the clinic's wall clock.
 * Built from core's tz conversion rather than `Intl` date styles, so every browser prints the
 * same text (the browser tests compare it with the API's instants).
 */

const MINUTE_MS = 60_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAY_LABELS = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
} as const;

/** `Tue 12 May 2026` for a local date `2026-05-12`. */
export function formatLocalDate(date: LocalDate): string {
  const [year = '', month = '1', day = '1'] = date.split('-');
  return `${WEEKDAY_LABELS[weekdayOf(date)]} ${String(Number(day))} ${MONTHS[Number(month) - 1] ?? ''} ${year}`;
}

/** `12 May` for a local date `2026-05-12`: a chart axis, where the year and weekday crowd. */
export function formatLocalDayMonth(date: LocalDate): string {
  const [, month = '1', day = '1'] = date.split('-');
  return `${String(Number(day))} ${MONTHS[Number(month) - 1] ?? ''}`;
}

/** `10:00`: the wall-clock time of an instant in `zone`. */
export function formatZonedTime(iso: string, zone: string): string {
  return msToLocal(Date.parse(iso), zone).time;
}

/** The local date of an instant in `zone`. */
export function zonedDate(iso: string | number, zone: string): LocalDate {
  return msToLocal(typeof iso === 'number' ? iso : Date.parse(iso), zone).date;
}

/** `Tue 12 May 2026, 10:00`. */
export function formatZonedDateTime(iso: string, zone: string): string {
  const local = msToLocal(Date.parse(iso), zone);
  return `${formatLocalDate(local.date)}, ${local.time}`;
}

/** `Tue 12 May 2026, 10:00–10:45`. */
export function formatZonedRange(startsAt: string, endsAt: string, zone: string): string {
  return `${formatZonedDateTime(startsAt, zone)}–${formatZonedTime(endsAt, zone)}`;
}

/** `EDT` (or `GMT-4` where the runtime has no abbreviation) at that instant. */
export function zoneAbbreviation(iso: string, zone: string): string {
  return coreZoneAbbreviation(Date.parse(iso), zone);
}

/**
 * `Tue 12 May 2026, 10:00 EDT`: a clinic time on a page that does not name the zone, or read by
 * someone whose browser may be set to another one.
 */
export function formatZonedDateTimeWithZone(iso: string, zone: string): string {
  return `${formatZonedDateTime(iso, zone)} ${zoneAbbreviation(iso, zone)}`;
}

/**
 * `10:00` in a list whose page names the zone, but `01:30 EDT` / `01:30 EST` on a day the clocks
 * change (the two 01:30s of a fall-back night would otherwise read the same), and whenever the
 * abbreviation is not `pageAbbreviation`, the one the page names (if it names one).
 */
export function formatZonedTimeInList(
  iso: string,
  zone: string,
  pageAbbreviation?: string,
): string {
  const time = formatZonedTime(iso, zone);
  return needsZoneAbbreviation(Date.parse(iso), zone, pageAbbreviation)
    ? `${time} ${zoneAbbreviation(iso, zone)}`
    : time;
}

/** `Sun 1 Nov 2026, 01:30 EDT` on a clock-change day, else as `formatZonedDateTime`: a picked time. */
export function formatZonedDateTimeInList(iso: string, zone: string): string {
  return `${formatLocalDate(zonedDate(iso, zone))}, ${formatZonedTimeInList(iso, zone)}`;
}

/** `Sun 7 Nov 2027, 01:30 EDT–02:45 EST` on a clock-change day, else as `formatZonedRange`. */
export function formatZonedRangeInList(startsAt: string, endsAt: string, zone: string): string {
  return `${formatZonedDateTimeInList(startsAt, zone)}–${formatZonedTimeInList(endsAt, zone)}`;
}

/** The abbreviations a list of times spans, in order: `['EDT']`, or `['EDT', 'EST']` across a change. */
export function zoneAbbreviationsOf(isos: readonly string[], zone: string): string[] {
  return zoneAbbreviationsAt(
    isos.map((iso) => Date.parse(iso)),
    zone,
  );
}

const LOCAL_INPUT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/**
 * A `datetime-local` value (`2026-11-01T01:30`) read as the wall clock in `zone`, not the
 * browser's, as an ISO instant for the API. In an hour that occurs twice a start takes the first
 * and an end the second occurrence, so a period is never shorter than typed. An empty or
 * malformed value is passed on unchanged for the server to refuse with the field's name.
 */
export function zonedInputToIso(value: string, zone: string, edge: 'start' | 'end'): string {
  const m = LOCAL_INPUT.exec(value);
  if (m?.[1] === undefined || m[2] === undefined) return value;
  const r = resolveLocalTime(m[1], m[2], zone);
  return new Date(r.kind === 'ambiguous' && edge === 'end' ? r.laterMs : r.ms).toISOString();
}

/**
 * `2026-05-12T10:00`: an instant on the wall clock in `zone`, to prefill a `datetime-local`
 * input that `zonedInputToIso` reads back in the same zone.
 */
export function zonedInputAt(ms: number, zone: string): string {
  const local = msToLocal(ms, zone);
  return `${local.date}T${local.time}`;
}

/** Today's date in `zone`. */
export function todayIn(zone: string, nowMs = Date.now()): LocalDate {
  return msToLocal(nowMs, zone).date;
}

/** The instants that bound local `date` … `date + days` in `zone`, as ISO strings for the API. */
export function localDaysWindow(
  date: LocalDate,
  zone: string,
  days = 1,
): { from: string; to: string } {
  return {
    from: new Date(localToMs(date, '00:00', zone)).toISOString(),
    to: new Date(localToMs(addLocalDays(date, days), '00:00', zone)).toISOString(),
  };
}

/**
 * Minutes from the first instant of local `date` in `zone` to an instant: time elapsed, so on the
 * night the clocks go back 01:30 EDT is 90 and 01:30 EST 150, and on the night they go forward
 * 03:30 EDT is 150 (02:00–03:00 never happens). On an ordinary day it reads as the wall clock
 * (09:00 is 540). Before the day it is negative; after it, past the day's 1380, 1440 or 1500.
 */
export function minutesSinceDayStart(iso: string | number, date: LocalDate, zone: string): number {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  return (ms - localToMs(date, '00:00', zone)) / MINUTE_MS;
}

/**
 * `08:00–18:00`: a period of local `date` given as wall-clock times (opening hours, working
 * hours). On a clock-change day each end names its zone (`00:00 EDT–23:59 EST`), read as the
 * scheduler reads it: a time that happens twice is its first occurrence, and one that does not
 * happen moves on by the change (02:30 on the night the clocks go forward is 03:30 EDT).
 */
export function formatLocalPeriod(
  date: LocalDate,
  startsAt: string,
  endsAt: string,
  zone: string,
): string {
  if (!isClockChangeDay(date, zone)) return `${startsAt}–${endsAt}`;
  const at = (time: string) => {
    const r = resolveLocalTime(date, time, zone);
    return `${r.kind === 'gap' ? r.shiftedTo : time} ${coreZoneAbbreviation(r.ms, zone)}`;
  };
  return `${at(startsAt)}–${at(endsAt)}`;
}

/** The Monday on or before `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  const order = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  return addLocalDays(date, -order.indexOf(weekdayOf(date)));
}

export { addLocalDays, localToMs, weekdayOf };
