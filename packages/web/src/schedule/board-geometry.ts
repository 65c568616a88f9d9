import { clockChangesOn, isClockChangeDay, type ClockChange } from '@ketaflow/core';
import type { Appointment, Location } from '../api/scheduling-types';
import {
  addLocalDays,
  formatZonedTime,
  localToMs,
  minutesSinceDayStart,
  weekdayOf,
  zoneAbbreviation,
} from '../format/zoned-time';

/** Pixels per minute on the day board: a 3-hour infusion is 216 px tall. */
export const PX_PER_MINUTE = 1.2;

const MINUTE_MS = 60_000;

/**
 * The board runs down in time elapsed since the day began, not in wall-clock minutes: on the night
 * the clocks go back the two 01:30s are an hour apart (wall clock would draw them on top of each
 * other), and on the night they go forward there is no 02:00 row. On an ordinary day the two are
 * the same, and the board looks as it always has.
 */
export interface DayFrame {
  /** Minutes after the day began where the board starts and ends (whole hours). */
  startMinutes: number;
  endMinutes: number;
  /** Opening intervals of the day, in minutes; empty when closed. */
  open: { from: number; to: number }[];
  closure: { reason: string } | null;
  /** The hour rules down the side, each with its label. */
  hours: HourMark[];
  /** Where the clocks change on the board, if they do that day. */
  changes: ChangeMark[];
  /** Whether the hour labels name their zone (a clock-change day: the axis needs more room). */
  zoned: boolean;
}

export interface HourMark {
  minutes: number;
  /** `09:00`; on a clock-change day `01:00 EDT`, then `01:00 EST`. */
  label: string;
}

export interface ChangeMark {
  minutes: number;
  label: string;
}

/** The hours the board shows: opening hours, widened to every appointment, in whole hours. */
export function dayFrame(
  location: Location,
  date: string,
  appointments: readonly Appointment[],
): DayFrame {
  const tz = location.timeZone;
  const at = (time: string) => minutesSinceDayStart(localToMs(date, time, tz), date, tz);
  const weekday = weekdayOf(date);
  // Opening hours as the scheduler reads them (core's openingIntervalsOn): so the white band
  // is where a booking can go, on a clock-change day too.
  const open = location.hours
    .filter((h) => h.weekday === weekday)
    .map((h) => ({ from: at(h.opensAt), to: at(h.closesAt) }));
  const closed = location.closures.find((c) => c.startsOn <= date && date <= c.endsOn);
  const dayMinutes = minutesSinceDayStart(localToMs(addLocalDays(date, 1), '00:00', tz), date, tz);
  const edges = [
    ...open.flatMap((o) => [o.from, o.to]),
    ...appointments.flatMap((a) => [
      minutesSinceDayStart(a.startsAt, date, tz),
      minutesSinceDayStart(a.endsAt, date, tz),
    ]),
  ];
  const lo = edges.length === 0 ? at('08:00') : Math.max(0, Math.min(...edges));
  const hi = edges.length === 0 ? at('18:00') : Math.min(dayMinutes, Math.max(...edges));
  const startMinutes = Math.floor(lo / 60) * 60;
  const endMinutes = Math.max(Math.ceil(hi / 60) * 60, startMinutes + 60);
  const zoned = isClockChangeDay(date, tz);
  const dayStartMs = localToMs(date, '00:00', tz);
  const hours: HourMark[] = [];
  for (let m = startMinutes; m < endMinutes; m += 60) {
    const iso = new Date(dayStartMs + m * MINUTE_MS).toISOString();
    const time = formatZonedTime(iso, tz);
    hours.push({ minutes: m, label: zoned ? `${time} ${zoneAbbreviation(iso, tz)}` : time });
  }
  const changes = clockChangesOn(date, tz)
    .map((c) => ({
      minutes: minutesSinceDayStart(c.atMs, date, tz),
      label: describeClockChange(c, tz),
    }))
    .filter((c) => startMinutes <= c.minutes && c.minutes <= endMinutes);
  return {
    startMinutes,
    endMinutes,
    open,
    closure: closed === undefined ? null : { reason: closed.reason },
    hours,
    changes,
    zoned,
  };
}

const amount = (minutes: number) => {
  const m = Math.abs(minutes);
  if (m % 60 !== 0) return `${String(m)} minutes`;
  return m === 60 ? '1 hour' : `${String(m / 60)} hours`;
};

/**
 * `Clocks go back 1 hour at 02:00 EDT, to 01:00 EST: 01:00–02:00 happens twice`, or forward
 * `…: there is no 02:00–03:00`: what changes on the board that day, in words.
 */
export function describeClockChange(change: ClockChange, zone: string): string {
  const before = zoneAbbreviation(new Date(change.atMs - MINUTE_MS).toISOString(), zone);
  const after = zoneAbbreviation(new Date(change.atMs).toISOString(), zone);
  const { fromTime, toTime } = change;
  return change.shiftMinutes < 0
    ? `Clocks go back ${amount(change.shiftMinutes)} at ${fromTime} ${before}, to ${toTime} ${after}: ${toTime}–${fromTime} happens twice`
    : `Clocks go forward ${amount(change.shiftMinutes)} at ${fromTime} ${before}, to ${toTime} ${after}: there is no ${fromTime}–${toTime}`;
}

/** What the clocks do on local `date` in `zone`, in words; nothing on an ordinary day. */
export function clockChangeNotes(date: string, zone: string): string[] {
  return clockChangesOn(date, zone).map((c) => describeClockChange(c, zone));
}

export interface Lane {
  id: string;
  name: string;
  appointments: Appointment[];
}

/** One lane per chair, in the location's order, and one for appointments without a chair. */
export function chairLanes(location: Location, appointments: readonly Appointment[]): Lane[] {
  const lanes: Lane[] = location.chairs.map((c) => ({
    id: c.id,
    name: c.name,
    appointments: appointments.filter((a) => a.chair?.id === c.id),
  }));
  const known = new Set(location.chairs.map((c) => c.id));
  const others = appointments.filter((a) => a.chair === null || !known.has(a.chair.id));
  if (others.length > 0) lanes.push({ id: 'none', name: 'No chair', appointments: others });
  return lanes;
}
