import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addLocalDays,
  formatInstant,
  formatLocalInstant,
  isWithinLocalDays,
  localToMs,
  msToLocal,
  parseInstant,
  parseLocalTime,
  resolveLocalTime,
  wallMinutesFrom,
  weekdayOf,
} from './time';

describe('resolveLocalTime', () => {
  test.each([
    // zone, date, time, kind, UTC instant (the arithmetic: local minus the offset then in force)
    ['America/New_York', '2026-03-06', '09:00', 'exact', '2026-03-06T14:00:00.000Z'], // EST -5
    ['America/New_York', '2026-03-09', '09:00', 'exact', '2026-03-09T13:00:00.000Z'], // EDT -4
    ['America/New_York', '2026-03-08', '02:30', 'gap', '2026-03-08T07:30:00.000Z'], // = 03:30 EDT
    ['America/New_York', '2026-11-01', '01:30', 'ambiguous', '2026-11-01T05:30:00.000Z'], // EDT first
    ['America/New_York', '2026-11-01', '02:00', 'exact', '2026-11-01T07:00:00.000Z'], // EST
    ['Europe/London', '2026-03-29', '01:30', 'gap', '2026-03-29T01:30:00.000Z'], // = 02:30 BST
    ['Europe/London', '2026-10-25', '01:30', 'ambiguous', '2026-10-25T00:30:00.000Z'], // BST first
    ['Europe/London', '2026-03-30', '09:00', 'exact', '2026-03-30T08:00:00.000Z'],
  ] as const)('%s %s %s is %s at %s', (zone, date, time, kind, iso) => {
    const r = resolveLocalTime(date, time, zone);
    expect(r.kind).toBe(kind);
    expect(formatInstant(r.ms)).toBe(iso);
  });

  test('a gap says which local time it became', () => {
    expect(resolveLocalTime('2026-03-08', '02:30', 'America/New_York')).toMatchObject({
      kind: 'gap',
      shiftedTo: '03:30',
    });
  });

  test('an ambiguous time gives the later occurrence too, one hour on', () => {
    const r = resolveLocalTime('2026-11-01', '01:30', 'America/New_York');
    expect(r.kind === 'ambiguous' && formatInstant(r.laterMs)).toBe('2026-11-01T06:30:00.000Z');
  });

  test('24:00 is midnight at the start of the next day', () => {
    expect(formatInstant(resolveLocalTime('2026-03-09', '24:00', 'America/New_York').ms)).toBe(
      '2026-03-10T04:00:00.000Z',
    );
  });
});

describe('local dates and instants', () => {
  test('msToLocal reads the wall clock and offset in the zone', () => {
    expect(msToLocal(Date.parse('2026-11-01T06:30:00Z'), 'America/New_York')).toEqual({
      date: '2026-11-01',
      time: '01:30',
      minutes: 90,
      offsetMinutes: -300,
    });
    expect(formatLocalInstant(Date.parse('2026-03-09T13:00:00Z'), 'America/New_York')).toBe(
      '2026-03-09T09:00-04:00',
    );
  });

  test('parseInstant takes offsets, Z and epoch ms, and refuses local times without an offset', () => {
    expect(parseInstant('2026-03-09T09:00:00-04:00')).toBe(Date.parse('2026-03-09T13:00:00Z'));
    expect(parseInstant('2026-03-09T13:00Z')).toBe(Date.parse('2026-03-09T13:00:00Z'));
    expect(parseInstant(0)).toBe(0);
    expect(parseInstant('2026-03-09T09:00:00')).toBeNull();
    expect(parseInstant('next tuesday')).toBeNull();
    expect(parseInstant(Number.NaN)).toBeNull();
  });

  test('parseLocalTime accepts HH:mm up to 24:00', () => {
    expect(parseLocalTime('08:30')).toBe(510);
    expect(parseLocalTime('24:00')).toBe(1440);
    expect(parseLocalTime('24:30')).toBeNull();
    expect(parseLocalTime('8:30')).toBeNull();
  });

  test('calendar days do not depend on any zone', () => {
    expect(addLocalDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addLocalDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weekdayOf('2026-03-08')).toBe('sun');
    expect(weekdayOf('2026-03-09')).toBe('mon');
  });

  test('formatInstant matches Date.prototype.toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 4e12 }), (ms) => {
        expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
      }),
    );
  });
});

describe('isWithinLocalDays', () => {
  const localDays = (date: string, days: number, zone: string): [number, number] => [
    localToMs(date, '00:00', zone),
    localToMs(addLocalDays(date, days), '00:00', zone),
  ];

  test.each<[string, string, number]>([
    // zone, first day, days: whole local days always fit, however long the change makes them
    ['America/New_York', '2026-10-15', 31], // 31 × 24 + 1 = 745 h (1 Nov has 25 h)
    ['America/New_York', '2026-09-30', 62], // 1489 h
    ['Europe/London', '2026-10-10', 31], // 25 Oct has 25 h
    ['Antarctica/Troll', '2026-10-10', 31], // 25 Oct: UTC+2 → UTC+0, a 26-hour day
    ['America/Phoenix', '2026-10-15', 31], // no change: 744 h
  ])('%s: from %s, %i local days fit', (zone, date, days) => {
    const [from, to] = localDays(date, days, zone);
    expect(isWithinLocalDays(from, to, days)).toBe(true);
  });

  test('a window longer than its days and any clock change does not fit', () => {
    const [from, to] = localDays('2026-10-15', 32, 'America/New_York');
    expect(isWithinLocalDays(from, to, 31)).toBe(false);
  });
});

describe('wallMinutesFrom', () => {
  test.each<[string, string, string, number]>([
    // zone, local date, instant, minutes on that date's wall clock
    ['America/New_York', '2026-03-08', '2026-03-08T13:00:00Z', 540], // 09:00 EDT, 8 h after midnight
    ['America/New_York', '2026-11-01', '2026-11-01T14:00:00Z', 540], // 09:00 EST, 10 h after midnight
    ['America/New_York', '2026-11-01', '2026-11-01T05:30:00Z', 90], // 01:30 EDT
    ['America/New_York', '2026-11-01', '2026-11-01T06:30:00Z', 90], // 01:30 EST, an hour later
    ['America/New_York', '2026-11-01', '2026-11-02T04:30:00Z', 1410], // 23:30 EST
    ['America/New_York', '2026-11-01', '2026-11-02T05:30:00Z', 1470], // 00:30 the next day
    ['America/New_York', '2026-11-01', '2026-11-01T03:00:00Z', -60], // 23:00 the evening before
    ['Europe/London', '2026-03-29', '2026-03-29T08:00:00Z', 540], // 09:00 BST
    ['America/Phoenix', '2026-03-08', '2026-03-08T16:00:00Z', 540], // 09:00 MST, no change
  ])('%s on %s: %s is %i', (zone, date, iso, minutes) => {
    expect(wallMinutesFrom(date, Date.parse(iso), zone)).toBe(minutes);
  });
});
