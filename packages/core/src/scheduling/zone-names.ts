import { tzScan } from '@date-fns/tz';
import {
  addLocalDays,
  formatLocalTime,
  HOUR_MS,
  localToMs,
  memo,
  MINUTE_MS,
  msToLocal,
  type LocalDate,
  type LocalTime,
  type TimeZone,
} from './time';

/**
 * Naming the zone beside a clinic time. A page usually says its zone once ("Times in
 * America/New_York"); a bare `01:30` is then unambiguous except on the day the clocks change,
 * when 01:30 happens twice (fall back) and a list shows two identical buttons, or when a time
 * falls in another part of the year than the one the page named.
 */

/** One formatter per zone: a slot list asks for hundreds of times in the same zone. */
const abbreviationFormat = memo(
  (zone) => new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }),
);

/**
 * `EDT`, or `GMT-4` where the runtime's tz data has no abbreviation for the zone (most zones
 * outside the Americas in `en-US`): the zone's short name at that instant.
 */
export function zoneAbbreviation(ms: number, zone: TimeZone): string {
  const part = abbreviationFormat(zone)
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/**
 * Whether the clocks change on local `date` in `zone`: the day does not last 24 hours (23 or 25
 * in New York), so one wall-clock time can occur twice or not at all.
 */
export function isClockChangeDay(date: LocalDate, zone: TimeZone): boolean {
  const start = localToMs(date, '00:00', zone);
  const end = localToMs(addLocalDays(date, 1), '00:00', zone);
  return end - start !== 24 * HOUR_MS;
}

/**
 * Whether a time shown as a bare `HH:mm` must carry its own zone abbreviation: on a clock-change
 * day, or when its abbreviation is not the one the page names (`pageAbbreviation`; leave it out
 * when the page names the zone without an abbreviation).
 */
export function needsZoneAbbreviation(
  ms: number,
  zone: TimeZone,
  pageAbbreviation?: string,
): boolean {
  if (isClockChangeDay(msToLocal(ms, zone).date, zone)) return true;
  return pageAbbreviation !== undefined && zoneAbbreviation(ms, zone) !== pageAbbreviation;
}

/** The zone abbreviations in force at `instants`, each once, in the order they first occur. */
export function zoneAbbreviationsAt(instants: readonly number[], zone: TimeZone): string[] {
  return [...new Set(instants.map((ms) => zoneAbbreviation(ms, zone)))];
}

/** A moment when the clocks change, as a clock on the wall shows it. */
export interface ClockChange {
  /** The instant of the change. */
  readonly atMs: number;
  /** What the clock reached on the old time (`02:00` EDT as New York falls back). */
  readonly fromTime: LocalTime;
  /** What it shows from then on (`01:00` EST). */
  readonly toTime: LocalTime;
  /** How far the clocks move, in minutes: −60 back, +60 forward. */
  readonly shiftMinutes: number;
}

/**
 * The clock changes during local `date` in `zone`, in order; none on an ordinary day. The tz
 * database is scanned by the hour (`tzScan`) from an hour before local midnight. Its steps then
 * fall on the zone's own half hours, so a change on the half hour (Australia/Lord_Howe's 02:00 →
 * 02:30 in October, at 15:30Z) is found at its minute; a scan started on a UTC hour would report
 * that one at 16:00Z.
 */
export function clockChangesOn(date: LocalDate, zone: TimeZone): ClockChange[] {
  if (!isClockChangeDay(date, zone)) return [];
  const start = localToMs(date, '00:00', zone);
  const end = localToMs(addLocalDays(date, 1), '00:00', zone);
  // From an hour early: a change at the day's first instant (Santiago skips midnight) counts.
  return tzScan(zone, { start: new Date(start - HOUR_MS), end: new Date(end) })
    .filter((c) => start <= c.date.getTime() && c.date.getTime() < end)
    .map((c) => {
      const atMs = c.date.getTime();
      // The old time's reading at the change: a minute before it, plus that minute (and
      // midnight, where Santiago changes, reads 00:00 rather than 24:00).
      const before = (msToLocal(atMs - MINUTE_MS, zone).minutes + 1) % (24 * 60);
      return {
        atMs,
        fromTime: formatLocalTime(before),
        toTime: msToLocal(atMs, zone).time,
        shiftMinutes: c.change,
      };
    });
}
