import type { Interval } from './intervals';
import { mergeIntervals, subtractIntervals } from './intervals';
import {
  addLocalDays,
  localToMs,
  msToLocal,
  weekdayOf,
  type LocalDate,
  type TimeZone,
} from './time';
import type { Closure, Location, StaffMember } from './types';

/** The closure covering a local date, if any. */
export function closureOn(location: Location, date: LocalDate): Closure | undefined {
  return location.closures.find((c) =>
    'date' in c ? c.date === date : c.from <= date && date <= c.to,
  );
}

/** Local dates in `zone` touched by `[fromMs, toMs)`, with a day of margin on each side. */
export function localDatesSpanning(
  fromMs: number,
  toMs: number,
  zone: TimeZone,
): readonly LocalDate[] {
  // Every resource of a search asks for the same span: remember the last answer.
  if (lastSpan?.zone === zone && lastSpan.fromMs === fromMs && lastSpan.toMs === toMs)
    return lastSpan.dates;
  const dates = computeDatesSpanning(fromMs, toMs, zone);
  lastSpan = { zone, fromMs, toMs, dates };
  return dates;
}

let lastSpan:
  { zone: TimeZone; fromMs: number; toMs: number; dates: readonly LocalDate[] } | undefined;

function computeDatesSpanning(fromMs: number, toMs: number, zone: TimeZone): LocalDate[] {
  const first = addLocalDays(msToLocal(fromMs, zone).date, -1);
  const last = addLocalDays(msToLocal(toMs, zone).date, 1);
  const out: LocalDate[] = [];
  for (let d = first; d <= last; d = addLocalDays(d, 1)) out.push(d);
  return out;
}

/** Opening intervals of a location on one local date; none when closed. */
export function openingIntervalsOn(location: Location, date: LocalDate): Interval[] {
  if (closureOn(location, date) !== undefined) return [];
  const hours = location.openingHours[weekdayOf(date)] ?? [];
  return mergeIntervals(
    hours.map((h) => ({
      start: localToMs(date, h.open, location.timeZone),
      end: localToMs(date, h.close, location.timeZone),
    })),
  );
}

/** Opening intervals of a location over `[fromMs, toMs)` (whole days), sorted. */
export function openingIntervals(location: Location, fromMs: number, toMs: number): Interval[] {
  return mergeIntervals(
    localDatesSpanning(fromMs, toMs, location.timeZone).flatMap((d) =>
      openingIntervalsOn(location, d),
    ),
  );
}

/** Where one staff member works: on site at a location (`locationId`) or remotely (`null`). */
export interface WorkIntervals {
  readonly onSite: ReadonlyMap<string, readonly Interval[]>;
  /** Every working interval, on site or remote: a consult can be held from anywhere. */
  readonly any: readonly Interval[];
}

/**
 * A staff member's working intervals over `[fromMs, toMs)`: the weekly pattern in each period's
 * zone (the location's, or the staff member's for remote work), plus extra periods, minus
 * absences (dates and times in the staff member's zone).
 */
export function workIntervals(
  staff: StaffMember,
  locations: ReadonlyMap<string, Location>,
  fromMs: number,
  toMs: number,
): WorkIntervals {
  const byLocation = new Map<string, Interval[]>();
  const remote: Interval[] = [];
  const add = (locationId: string | undefined, i: Interval): void => {
    if (locationId === undefined) {
      remote.push(i);
      return;
    }
    const list = byLocation.get(locationId) ?? [];
    list.push(i);
    byLocation.set(locationId, list);
  };
  const zoneOf = (locationId: string | undefined): TimeZone =>
    (locationId === undefined ? undefined : locations.get(locationId)?.timeZone) ?? staff.timeZone;

  const zones = new Set<TimeZone>([staff.timeZone]);
  for (const p of staff.schedule) zones.add(zoneOf(p.locationId));
  for (const zone of zones) {
    for (const date of localDatesSpanning(fromMs, toMs, zone)) {
      const weekday = weekdayOf(date);
      for (const p of staff.schedule) {
        if (p.weekday !== weekday || zoneOf(p.locationId) !== zone) continue;
        add(p.locationId, {
          start: localToMs(date, p.start, zone),
          end: localToMs(date, p.end, zone),
        });
      }
    }
  }
  const absences: Interval[] = [];
  for (const e of staff.exceptions) {
    if (e.kind === 'extra') {
      const zone = zoneOf(e.locationId);
      add(e.locationId, {
        start: localToMs(e.date, e.start, zone),
        end: localToMs(e.date, e.end, zone),
      });
      continue;
    }
    absences.push({
      start: localToMs(e.date, e.start ?? '00:00', staff.timeZone),
      end: localToMs(e.date, e.end ?? '24:00', staff.timeZone),
    });
  }
  const onSite = new Map<string, Interval[]>();
  for (const [id, list] of byLocation) onSite.set(id, subtractIntervals(list, absences));
  const any = mergeIntervals([
    ...subtractIntervals(remote, absences),
    ...[...onSite.values()].flat(),
  ]);
  return { onSite, any };
}
