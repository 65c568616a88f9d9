import type { Problem } from '../result';
import { WEEKDAYS, isLocalDate, isTimeZone, parseLocalTime } from './time';
import type { ClinicCalendar, LocalHours } from './types';

/**
 * Every problem in a clinic calendar, each with its path (`locations[0].openingHours.mon[0].close`):
 * unknown zones, malformed dates and times, periods that end before they start, chairs or
 * periods at unknown locations, duplicate ids. The slot search refuses a calendar with problems.
 */
export function validateCalendar(calendar: ClinicCalendar): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string): void => {
    problems.push({ code: 'SCHEDULE.INVALID_CALENDAR', message, path });
  };
  const period = (path: string, start: string, end: string): void => {
    const a = parseLocalTime(start);
    const b = parseLocalTime(end);
    if (a === null) add(`${path}.start`, 'must be a time HH:mm');
    if (b === null) add(`${path}.end`, 'must be a time HH:mm (24:00 allowed)');
    if (a !== null && b !== null && b <= a) add(`${path}.end`, 'must be after the start');
  };
  const zone = (path: string, value: string): void => {
    if (!isTimeZone(value))
      add(path, `'${value}' is not an IANA time zone such as America/New_York`);
  };
  const date = (path: string, value: string): void => {
    if (!isLocalDate(value)) add(path, 'must be a date YYYY-MM-DD');
  };
  const locationIds = new Set<string>();
  const ids = new Set<string>();
  const unique = (path: string, id: string): void => {
    if (ids.has(id)) add(path, `id '${id}' is used twice`);
    ids.add(id);
  };
  calendar.locations.forEach((l, i) => {
    const p = `locations[${String(i)}]`;
    unique(`${p}.id`, l.id);
    locationIds.add(l.id);
    zone(`${p}.timeZone`, l.timeZone);
    for (const [day, hours] of Object.entries<readonly LocalHours[] | undefined>(l.openingHours)) {
      if (!(WEEKDAYS as readonly string[]).includes(day))
        add(`${p}.openingHours.${day}`, 'not a weekday (mon..sun)');
      (hours ?? []).forEach((h, k) => {
        period(`${p}.openingHours.${day}[${String(k)}]`, h.open, h.close);
      });
    }
    l.closures.forEach((c, k) => {
      const cp = `${p}.closures[${String(k)}]`;
      if ('date' in c) date(`${cp}.date`, c.date);
      else {
        date(`${cp}.from`, c.from);
        date(`${cp}.to`, c.to);
        if (c.to < c.from) add(`${cp}.to`, 'must not be before from');
      }
    });
  });
  const known = (path: string, locationId: string | undefined): void => {
    if (locationId !== undefined && !locationIds.has(locationId))
      add(path, `no location '${locationId}'`);
  };
  calendar.chairs.forEach((c, i) => {
    unique(`chairs[${String(i)}].id`, c.id);
    known(`chairs[${String(i)}].locationId`, c.locationId);
  });
  calendar.staff.forEach((s, i) => {
    const p = `staff[${String(i)}]`;
    unique(`${p}.id`, s.id);
    zone(`${p}.timeZone`, s.timeZone);
    s.schedule.forEach((w, k) => {
      const wp = `${p}.schedule[${String(k)}]`;
      if (!WEEKDAYS.includes(w.weekday)) add(`${wp}.weekday`, 'not a weekday (mon..sun)');
      period(wp, w.start, w.end);
      known(`${wp}.locationId`, w.locationId);
    });
    s.exceptions.forEach((e, k) => {
      const ep = `${p}.exceptions[${String(k)}]`;
      date(`${ep}.date`, e.date);
      if (e.kind === 'extra') {
        period(ep, e.start, e.end);
        known(`${ep}.locationId`, e.locationId);
      } else if (e.start !== undefined || e.end !== undefined) {
        period(ep, e.start ?? '00:00', e.end ?? '24:00');
      }
    });
  });
  return problems;
}
