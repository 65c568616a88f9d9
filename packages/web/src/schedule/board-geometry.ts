import type { Appointment, Location } from '../api/scheduling-types';
import { minutesIntoDay, weekdayOf } from '../format/zoned-time';

/** Pixels per minute on the day board: a 3-hour infusion is 216 px tall. */
export const PX_PER_MINUTE = 1.2;

const toMinutes = (hhmm: string) => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

export interface DayFrame {
  /** Minutes after local midnight where the board starts and ends (whole hours). */
  startMinutes: number;
  endMinutes: number;
  /** Opening intervals of the day, in minutes; empty when closed. */
  open: { from: number; to: number }[];
  closure: { reason: string } | null;
}

/** The hours the board shows: opening hours, widened to every appointment, in whole hours. */
export function dayFrame(
  location: Location,
  date: string,
  appointments: readonly Appointment[],
): DayFrame {
  const weekday = weekdayOf(date);
  const open = location.hours
    .filter((h) => h.weekday === weekday)
    .map((h) => ({ from: toMinutes(h.opensAt), to: toMinutes(h.closesAt) }));
  const closed = location.closures.find((c) => c.startsOn <= date && date <= c.endsOn);
  const tz = location.timeZone;
  const edges = [
    ...open.flatMap((o) => [o.from, o.to]),
    ...appointments.flatMap((a) => [
      minutesIntoDay(a.startsAt, date, tz),
      minutesIntoDay(a.endsAt, date, tz),
    ]),
  ];
  const lo = edges.length === 0 ? 8 * 60 : Math.max(0, Math.min(...edges));
  const hi = edges.length === 0 ? 18 * 60 : Math.min(24 * 60, Math.max(...edges));
  return {
    startMinutes: Math.floor(lo / 60) * 60,
    endMinutes: Math.max(Math.ceil(hi / 60) * 60, Math.floor(lo / 60) * 60 + 60),
    open,
    closure: closed === undefined ? null : { reason: closed.reason },
  };
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
