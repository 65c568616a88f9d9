import { describe, expect, test } from 'vitest';
import { findSlots } from './find-slots';
import { twoLocationClinic } from './fixtures';
import type { ClinicCalendar } from './types';
import { validateCalendar } from './validate-calendar';

describe('validateCalendar', () => {
  test('a well-formed clinic has no problems', () => {
    expect(validateCalendar(twoLocationClinic())).toEqual([]);
  });

  test('lists every problem with its path', () => {
    const c = twoLocationClinic();
    const bad: ClinicCalendar = {
      locations: [
        {
          id: 'main',
          timeZone: 'Mars/Olympus',
          openingHours: {
            mon: [{ open: '18:00', close: '08:00' }],
            tue: [{ open: '8', close: '18:00' }],
          },
          closures: [
            { date: '2026-02-30', reason: 'x' },
            { from: '2026-12-31', to: '2026-12-24', reason: 'y' },
          ],
        },
      ],
      chairs: [{ id: 'A', locationId: 'south' }],
      staff: [
        {
          ...c.staff[0]!,
          id: 'A',
          schedule: [{ weekday: 'mon', start: '09:00', end: '17:00', locationId: 'north' }],
        },
      ],
    };
    expect(validateCalendar(bad).map((p) => p.path)).toEqual([
      'locations[0].timeZone',
      'locations[0].openingHours.mon[0].end',
      'locations[0].openingHours.tue[0].start',
      'locations[0].closures[0].date',
      'locations[0].closures[1].to',
      'chairs[0].locationId',
      'staff[0].id',
      'staff[0].schedule[0].locationId',
    ]);
  });

  test('the slot search reports calendar problems instead of throwing', () => {
    const c = twoLocationClinic();
    const r = findSlots({
      appointmentType: 'infusion',
      durationMinutes: 115,
      window: { from: '2026-03-09T00:00:00Z', to: '2026-03-10T00:00:00Z' },
      granularityMinutes: 15,
      calendar: {
        ...c,
        locations: c.locations.map((l) => ({
          ...l,
          openingHours: { mon: [{ open: 'noon', close: '18:00' }] },
        })),
      },
      bookings: [],
      nurseCapacity: 2,
    });
    expect(r.ok ? [] : r.error.map((p) => `${p.code} ${p.path ?? ''}`)).toEqual([
      'SCHEDULE.INVALID_CALENDAR calendar.locations[0].openingHours.mon[0].start',
      'SCHEDULE.INVALID_CALENDAR calendar.locations[1].openingHours.mon[0].start',
    ]);
  });
});
