import {
  addLocalDays,
  HOUR_MS,
  localToMs,
  memo,
  msToLocal,
  type LocalDate,
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
