import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { explainConflict } from './explain-conflict';
import { findSlots } from './find-slots';
import { onSite, weekdayHours } from './fixtures';
import { msToLocal } from './time';
import type { Booking, ClinicCalendar } from './types';

/** One New York location across the 2026-03-08 change; the nurses leave before closing. */
const calendar: ClinicCalendar = {
  locations: [
    {
      id: 'main',
      timeZone: 'America/New_York',
      openingHours: weekdayHours('08:00', '18:00'),
      closures: [{ date: '2026-03-10', reason: 'training' }],
    },
  ],
  chairs: ['A', 'B', 'C'].map((id) => ({ id, locationId: 'main' })),
  staff: [
    onSite('N1', 'nurse', 'main', '08:00', '16:00'),
    onSite('N2', 'nurse', 'main', '10:00', '18:00'),
    onSite('P1', 'prescriber', 'main', '09:00', '17:00'),
  ],
};
const zone = 'America/New_York';
const weekStart = Date.parse('2026-03-05T00:00:00-05:00');
const window = { from: weekStart, to: Date.parse('2026-03-12T00:00:00-04:00') };

const bookingArb = fc
  .record({
    offset5: fc.integer({ min: 0, max: (7 * 24 * 60) / 5 }),
    minutes: fc.integer({ min: 6, max: 48 }),
    chair: fc.constantFrom('A', 'B', 'C'),
    nurse: fc.constantFrom('N1', 'N2'),
  })
  .map(({ offset5, minutes, chair, nurse }): Booking => {
    const start = weekStart + offset5 * 5 * 60_000;
    return {
      id: `b${String(offset5)}${chair}${nurse}`,
      appointmentType: 'infusion',
      start,
      end: start + minutes * 5 * 60_000,
      chairId: chair,
      nurseId: nurse,
      prescriberId: 'P1',
    };
  });

const inputArb = fc.record({
  bookings: fc.array(bookingArb, { maxLength: 40 }),
  capacity: fc.integer({ min: 1, max: 3 }),
  duration: fc.constantFrom(45, 115, 195),
});

const overlaps = (b: Booking, s: number, e: number): boolean =>
  (b.start as number) < e && (b.end as number) > s;

function maxLoad(bookings: readonly Booking[], nurse: string, s: number, e: number): number {
  const mine = bookings.filter((b) => b.nurseId === nurse && overlaps(b, s, e));
  const points = [s, ...mine.map((b) => b.start as number).filter((t) => t > s && t < e)];
  return Math.max(0, ...points.map((t) => mine.filter((b) => overlaps(b, t, t + 1)).length));
}

describe('slot search properties', () => {
  test('no slot overlaps a booking of its chair, and its nurse stays within capacity', () => {
    fc.assert(
      fc.property(inputArb, ({ bookings, capacity, duration }) => {
        const r = findSlots({
          appointmentType: 'infusion',
          durationMinutes: duration,
          window,
          granularityMinutes: 15,
          calendar,
          bookings,
          nurseCapacity: capacity,
        });
        expect(r.ok).toBe(true);
        for (const slot of r.ok ? r.value : []) {
          const chairClash = bookings.filter(
            (b) => b.chairId === slot.chairId && overlaps(b, slot.startMs, slot.endMs),
          );
          expect(chairClash).toEqual([]);
          expect(maxLoad(bookings, slot.nurseId ?? '', slot.startMs, slot.endMs)).toBeLessThan(
            capacity,
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  test('every slot lies within opening hours and the staff’s schedules, never on a closure', () => {
    fc.assert(
      fc.property(inputArb, ({ bookings, capacity, duration }) => {
        const r = findSlots({
          appointmentType: 'infusion',
          durationMinutes: duration,
          window,
          granularityMinutes: 15,
          calendar,
          bookings,
          nurseCapacity: capacity,
        });
        for (const slot of r.ok ? r.value : []) {
          const start = msToLocal(slot.startMs, zone);
          const end = msToLocal(slot.endMs, zone);
          expect(end.date).toBe(start.date);
          expect(start.date).not.toBe('2026-03-10');
          expect(['2026-03-07', '2026-03-08']).not.toContain(start.date); // weekend
          expect(start.time >= '08:00' && end.time <= '18:00').toBe(true);
          const nurseHours = slot.nurseId === 'N1' ? ['08:00', '16:00'] : ['10:00', '18:00'];
          expect(start.time >= (nurseHours[0] ?? '') && end.time <= (nurseHours[1] ?? '')).toBe(
            true,
          );
          expect(start.time >= '09:00' && end.time <= '17:00').toBe(true); // P1 on site
        }
      }),
      { numRuns: 60 },
    );
  });

  test('the search offers a start exactly when explainConflict finds no conflict there', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 7 * 24 * 4 - 1 }), (input, quarter) => {
        const start = weekStart + quarter * 15 * 60_000;
        const common = { calendar, bookings: input.bookings, nurseCapacity: input.capacity };
        const slots = findSlots({
          ...common,
          appointmentType: 'infusion',
          durationMinutes: input.duration,
          window: { from: start, to: start + 1 },
          granularityMinutes: 15,
        });
        const why = explainConflict({
          ...common,
          appointmentType: 'infusion',
          start,
          durationMinutes: input.duration,
          locationId: 'main',
        });
        const offered = slots.ok && slots.value.some((s) => s.startMs === start);
        const free = why.ok && why.value.conflicts.length === 0;
        expect(offered).toBe(free);
      }),
      { numRuns: 200 },
    );
  });
});
