import { describe, expect, test } from 'vitest';
import { explainConflict, type ExplainConflictInput } from './explain-conflict';
import { twoLocationClinic } from './fixtures';

const base: ExplainConflictInput = {
  appointmentType: 'infusion',
  start: '2026-03-09T09:00:00-04:00',
  durationMinutes: 115,
  locationId: 'main',
  calendar: twoLocationClinic(),
  bookings: [],
  nurseCapacity: 2,
};

describe('explainConflict', () => {
  test('a free time has no conflicts and names the resources to use', () => {
    expect(explainConflict(base)).toEqual({
      ok: true,
      value: { conflicts: [], assignment: { chairId: 'A', nurseId: 'N1', prescriberId: 'P1' } },
    });
  });

  test('says which booking holds the chair', () => {
    const r = explainConflict({
      ...base,
      chairId: 'A',
      bookings: [
        {
          id: 'b7',
          appointmentType: 'infusion',
          start: '2026-03-09T08:30:00-04:00',
          end: '2026-03-09T10:25:00-04:00',
          chairId: 'A',
        },
      ],
    });
    expect(r.ok && r.value.conflicts).toEqual([
      {
        code: 'SCHEDULE.CHAIR_BUSY',
        message: 'chair A is booked (b7)',
        path: 'chairId',
        resourceId: 'A',
        bookingId: 'b7',
      },
    ]);
  });

  test('gives the closure’s and the absence’s reasons', () => {
    const c = twoLocationClinic();
    const calendar = {
      ...c,
      locations: c.locations.map((l) =>
        l.id === 'main' ? { ...l, closures: [{ date: '2026-03-09', reason: 'flooded' }] } : l,
      ),
      staff: c.staff.map((s) =>
        s.id === 'P1'
          ? {
              ...s,
              exceptions: [{ kind: 'absent' as const, date: '2026-03-09', reason: 'jury duty' }],
            }
          : s,
      ),
    };
    const r = explainConflict({ ...base, calendar, prescriberId: 'P1' });
    expect(r.ok && r.value.conflicts.map((x) => [x.code, x.reason])).toEqual([
      ['SCHEDULE.CLOSED', 'flooded'],
      ['SCHEDULE.PRESCRIBER_ABSENT', 'jury duty'],
    ]);
  });

  test('a chair at another location is named as such', () => {
    const r = explainConflict({ ...base, chairId: 'C' });
    expect(r.ok && r.value.conflicts.map((x) => x.code)).toEqual(['SCHEDULE.CHAIR_ELSEWHERE']);
  });

  test('with several locations, a chair appointment must say where', () => {
    const { locationId: _omit, ...rest } = base;
    const r = explainConflict(rest);
    expect(r.ok && r.value.conflicts.map((x) => `${x.code} ${x.path ?? ''}`)).toEqual([
      'SCHEDULE.UNKNOWN_LOCATION locationId',
    ]);
  });

  test('names the nurse’s own capacity, not the clinic’s', () => {
    const infusion = (id: string, start: string, end: string, chairId: string) => ({
      id,
      appointmentType: 'infusion' as const,
      start,
      end,
      chairId,
      nurseId: 'N1',
    });
    const one = explainConflict({
      ...base,
      nurseCapacityById: { N1: 1 },
      bookings: [infusion('b1', '2026-03-09T08:30:00-04:00', '2026-03-09T10:25:00-04:00', 'A')],
    });
    expect(one.ok && one.value.conflicts).toEqual([
      {
        code: 'SCHEDULE.NURSE_CAPACITY',
        message: 'nurse N1 is at capacity (1 chair) for part of this time',
        path: 'start',
        resourceId: 'N1',
      },
    ]);
    const calendar = twoLocationClinic();
    const three = explainConflict({
      ...base,
      calendar: { ...calendar, chairs: [...calendar.chairs, { id: 'D', locationId: 'main' }] },
      chairId: 'D',
      nurseCapacityById: { N1: 3 },
      bookings: [
        infusion('b1', '2026-03-09T08:30:00-04:00', '2026-03-09T10:25:00-04:00', 'A'),
        infusion('b2', '2026-03-09T08:45:00-04:00', '2026-03-09T10:40:00-04:00', 'B'),
      ],
    });
    expect(three.ok && three.value).toEqual({
      conflicts: [],
      assignment: { chairId: 'D', nurseId: 'N1', prescriberId: 'P1' },
    });
    // Without her own capacity the clinic default (2) applies and names itself.
    const two = explainConflict({
      ...base,
      calendar: { ...calendar, chairs: [...calendar.chairs, { id: 'D', locationId: 'main' }] },
      chairId: 'D',
      bookings: [
        infusion('b1', '2026-03-09T08:30:00-04:00', '2026-03-09T10:25:00-04:00', 'A'),
        infusion('b2', '2026-03-09T08:45:00-04:00', '2026-03-09T10:40:00-04:00', 'B'),
      ],
    });
    expect(two.ok && two.value.conflicts.map((c) => c.message)).toEqual([
      'nurse N1 is at capacity (2 chairs) for part of this time',
    ]);
  });

  test('a capacity that is not a positive whole number is an input problem with its field', () => {
    const r = explainConflict({ ...base, nurseCapacity: 0, nurseCapacityById: { N1: 1.5 } });
    expect(!r.ok && r.error.map((p) => `${p.code} ${p.path ?? ''}`)).toEqual([
      'SCHEDULE.INVALID_CAPACITY nurseCapacity',
      'SCHEDULE.INVALID_CAPACITY nurseCapacityById.N1',
    ]);
  });

  test('an unreadable start is an input problem, not a conflict', () => {
    expect(explainConflict({ ...base, start: 'tomorrow' })).toEqual({
      ok: false,
      error: [expect.objectContaining({ code: 'SCHEDULE.INVALID_INSTANT', path: 'start' })],
    });
  });
});
