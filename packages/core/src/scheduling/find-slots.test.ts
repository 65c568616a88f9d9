import { describe, expect, test } from 'vitest';
import { findSlots } from './find-slots';
import type { ClinicCalendar } from './types';

const weekdays = { open: '08:00', close: '18:00' };
const calendar: ClinicCalendar = {
  locations: [
    {
      id: 'main',
      timeZone: 'America/New_York',
      openingHours: {
        mon: [weekdays],
        tue: [weekdays],
        wed: [weekdays],
        thu: [weekdays],
        fri: [weekdays],
      },
      closures: [{ date: '2026-12-25', reason: 'Christmas Day' }],
    },
  ],
  chairs: [
    { id: 'A', locationId: 'main' },
    { id: 'B', locationId: 'main' },
  ],
  staff: [
    {
      id: 'N1',
      role: 'nurse',
      timeZone: 'America/New_York',
      schedule: [{ weekday: 'mon', start: '08:00', end: '16:00', locationId: 'main' }],
      exceptions: [],
    },
    {
      id: 'P1',
      role: 'prescriber',
      timeZone: 'America/New_York',
      schedule: [{ weekday: 'mon', start: '08:00', end: '18:00', locationId: 'main' }],
      exceptions: [],
    },
  ],
};

describe('findSlots', () => {
  test('offers the first chair, nurse and prescriber from 08:00 local on a Monday', () => {
    const result = findSlots({
      appointmentType: 'infusion',
      durationMinutes: 115,
      window: { from: '2026-03-09T00:00:00-04:00', to: '2026-03-10T00:00:00-04:00' },
      granularityMinutes: 15,
      calendar,
      bookings: [],
      nurseCapacity: 2,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value[0]).toMatchObject({
      start: '2026-03-09T12:00:00.000Z',
      chairId: 'A',
      nurseId: 'N1',
      prescriberId: 'P1',
    });
    // The nurse leaves at 16:00: the last start is 16:00 - 1 h 55 min = 14:05, so 14:00.
    expect(result.value.at(-1)?.start).toBe('2026-03-09T18:00:00.000Z');
  });
});
