import { describe, expect, test } from 'vitest';
import { twoLocationClinic } from './fixtures';
import { findSlots, type FindSlotsInput } from './find-slots';

const monday = { from: '2026-03-09T00:00:00-04:00', to: '2026-03-10T00:00:00-04:00' };
const base: FindSlotsInput = {
  appointmentType: 'infusion',
  durationMinutes: 115,
  window: monday,
  granularityMinutes: 15,
  calendar: twoLocationClinic(),
  bookings: [],
  nurseCapacity: 2,
};

function slotsOf(
  input: FindSlotsInput,
): readonly { start: string; locationId?: string; chairId?: string }[] {
  const r = findSlots(input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('findSlots', () => {
  test('orders by start, then location id, with the first free chair by id', () => {
    const slots = slotsOf(base);
    expect(slots.slice(0, 2)).toMatchObject([
      {
        start: '2026-03-09T12:00:00.000Z',
        locationId: 'main',
        chairId: 'A',
        nurseId: 'N1',
        prescriberId: 'P1',
      },
      {
        start: '2026-03-09T12:00:00.000Z',
        locationId: 'north',
        chairId: 'C',
        nurseId: 'N2',
        prescriberId: 'P2',
      },
    ]);
    // 08:00 to 16:05 every 15 min (recovery must end by 18:00): 33 starts per location.
    expect(slots).toHaveLength(66);
  });

  test('is deterministic whatever the order of the input lists', () => {
    const c = twoLocationClinic();
    const shuffled = {
      ...c,
      locations: [...c.locations].reverse(),
      chairs: [...c.chairs].reverse(),
      staff: [...c.staff].reverse(),
    };
    expect(slotsOf({ ...base, calendar: shuffled })).toEqual(slotsOf(base));
  });

  test('a location, a limit and a chosen chair narrow the search', () => {
    const slots = slotsOf({ ...base, locationId: 'main', limit: 3, only: { chairIds: ['B'] } });
    expect(slots.map((s) => `${s.start} ${s.chairId ?? ''}`)).toEqual([
      '2026-03-09T12:00:00.000Z B',
      '2026-03-09T12:15:00.000Z B',
      '2026-03-09T12:30:00.000Z B',
    ]);
  });

  test('a live hold blocks its chair; an expired one does not', () => {
    const hold = {
      id: 'h1',
      appointmentType: 'infusion' as const,
      start: '2026-03-09T08:00:00-04:00',
      end: '2026-03-09T09:55:00-04:00',
      chairId: 'A',
      expiresAt: '2026-03-01T10:10:00Z',
    };
    const live = slotsOf({
      ...base,
      locationId: 'main',
      limit: 1,
      holds: [hold],
      asOf: '2026-03-01T10:05:00Z',
    });
    expect(live[0]?.chairId).toBe('B');
    const expired = slotsOf({
      ...base,
      locationId: 'main',
      limit: 1,
      holds: [hold],
      asOf: '2026-03-01T10:10:00Z',
    });
    expect(expired[0]?.chairId).toBe('A');
  });

  test('a blocked chair is skipped for the block', () => {
    const slots = slotsOf({
      ...base,
      locationId: 'north',
      blocks: [
        {
          resourceId: 'C',
          start: '2026-03-09T08:00:00-04:00',
          end: '2026-03-09T12:00:00-04:00',
          reason: 'pump service',
        },
      ],
    });
    expect(slots[0]?.start).toBe('2026-03-09T16:00:00.000Z');
  });

  test('a consult is offered from any prescriber’s working time, without a chair', () => {
    const slots = slotsOf({
      ...base,
      appointmentType: 'consult-telemedicine',
      durationMinutes: 45,
      limit: 2,
    });
    expect(slots).toEqual([
      expect.objectContaining({ start: '2026-03-09T12:00:00.000Z', prescriberId: 'P1' }),
      expect.objectContaining({ start: '2026-03-09T12:15:00.000Z', prescriberId: 'P1' }),
    ]);
    expect(slots[0]).not.toHaveProperty('chairId');
  });

  test('lists every input problem with its path', () => {
    const r = findSlots({
      ...base,
      durationMinutes: 0,
      granularityMinutes: 7.5,
      window: { from: '2026-03-09T00:00:00-04:00', to: '2026-03-08T00:00:00-04:00' },
      locationId: 'south',
    });
    expect(r.ok ? [] : r.error.map((p) => `${p.code} ${p.path ?? ''}`)).toEqual([
      'SCHEDULE.INVALID_DURATION durationMinutes',
      'SCHEDULE.INVALID_GRANULARITY granularityMinutes',
      'SCHEDULE.INVALID_WINDOW window.to',
      'SCHEDULE.UNKNOWN_LOCATION locationId',
    ]);
    const bad = findSlots({
      ...base,
      bookings: [{ id: 'b', appointmentType: 'infusion', start: '2026-03-09 09:00', end: 'x' }],
    });
    expect(bad.ok ? [] : bad.error.map((p) => p.path)).toEqual([
      'bookings[0].start',
      'bookings[0].end',
    ]);
  });
});
