import { describe, expect, test } from 'vitest';
import {
  clockChangesOn,
  isClockChangeDay,
  needsZoneAbbreviation,
  zoneAbbreviation,
  zoneAbbreviationsAt,
} from './zone-names';

const at = (iso: string) => Date.parse(iso);

describe('isClockChangeDay', () => {
  test.each([
    // zone, local date, clocks change that day (the day's length in hours)
    ['America/New_York', '2026-11-01', true], // fall back: 25 h
    ['America/New_York', '2026-03-08', true], // spring forward: 23 h
    ['America/New_York', '2026-10-31', false],
    ['America/New_York', '2026-11-02', false],
    ['Europe/London', '2026-10-25', true], // 25 h
    ['Europe/London', '2026-10-26', false],
    ['America/Santiago', '2026-09-06', true], // midnight itself skipped: 00:00 becomes 01:00, 23 h
    ['Asia/Tokyo', '2026-11-01', false], // no summer time
    ['UTC', '2026-11-01', false],
  ] as const)('%s %s: %s', (zone, date, expected) => {
    expect(isClockChangeDay(date, zone)).toBe(expected);
  });
});

describe('needsZoneAbbreviation', () => {
  test('both 01:30s of a fall-back night carry their abbreviation, which tells them apart', () => {
    const first = at('2026-11-01T05:30:00Z'); // 01:30 EDT
    const second = at('2026-11-01T06:30:00Z'); // 01:30 EST
    expect(needsZoneAbbreviation(first, 'America/New_York')).toBe(true);
    expect(needsZoneAbbreviation(second, 'America/New_York')).toBe(true);
    expect(zoneAbbreviation(first, 'America/New_York')).toBe('EDT');
    expect(zoneAbbreviation(second, 'America/New_York')).toBe('EST');
  });

  test('every time of a clock-change day carries it, not only the repeated hour', () => {
    expect(needsZoneAbbreviation(at('2026-11-01T15:00:00Z'), 'America/New_York')).toBe(true); // 10:00 EST
    expect(needsZoneAbbreviation(at('2026-03-08T14:00:00Z'), 'America/New_York')).toBe(true); // 10:00 EDT
  });

  test('an ordinary day stays bare when the page names the zone or the same abbreviation', () => {
    expect(needsZoneAbbreviation(at('2026-11-02T15:00:00Z'), 'America/New_York')).toBe(false);
    expect(needsZoneAbbreviation(at('2026-11-02T15:00:00Z'), 'America/New_York', 'EST')).toBe(
      false,
    );
  });

  test('a time in another abbreviation than the page names carries its own', () => {
    // The page says EDT (its first time, in October); 2 November is EST.
    expect(needsZoneAbbreviation(at('2026-11-02T15:00:00Z'), 'America/New_York', 'EDT')).toBe(true);
  });

  test('a zone without summer time never needs it', () => {
    expect(needsZoneAbbreviation(at('2026-11-01T01:30:00Z'), 'Asia/Tokyo')).toBe(false);
  });
});

describe('zoneAbbreviationsAt', () => {
  test('a two-week range across the autumn change names both, in order', () => {
    const instants = [
      at('2026-10-26T14:00:00Z'),
      at('2026-10-30T14:00:00Z'),
      at('2026-11-02T15:00:00Z'),
      at('2026-11-06T15:00:00Z'),
    ];
    expect(zoneAbbreviationsAt(instants, 'America/New_York')).toEqual(['EDT', 'EST']);
  });

  test('a range without a change names one', () => {
    const instants = [at('2026-11-02T15:00:00Z'), at('2026-11-13T15:00:00Z')];
    expect(zoneAbbreviationsAt(instants, 'America/New_York')).toEqual(['EST']);
  });
});

describe('clockChangesOn', () => {
  test.each([
    // zone, local date, instant of the change, clock before, clock after, minutes moved
    ['America/New_York', '2026-11-01', '2026-11-01T06:00:00Z', '02:00', '01:00', -60],
    ['America/New_York', '2026-03-08', '2026-03-08T07:00:00Z', '02:00', '03:00', 60],
    ['Europe/London', '2026-10-25', '2026-10-25T01:00:00Z', '02:00', '01:00', -60],
    // Midnight itself is skipped: the change is the day's first instant.
    ['America/Santiago', '2026-09-06', '2026-09-06T04:00:00Z', '00:00', '01:00', 60],
    // Half-hour changes: back at 02:00 to 01:30, forward at 02:00 to 02:30 (a tzScan started on
    // a UTC hour reports the October one at 16:00Z, half an hour late).
    ['Australia/Lord_Howe', '2026-04-05', '2026-04-04T15:00:00Z', '02:00', '01:30', -30],
    ['Australia/Lord_Howe', '2026-10-04', '2026-10-03T15:30:00Z', '02:00', '02:30', 30],
  ] as const)('%s %s: %s, %s becomes %s', (zone, date, iso, fromTime, toTime, shift) => {
    expect(clockChangesOn(date, zone)).toEqual([
      { atMs: at(iso), fromTime, toTime, shiftMinutes: shift },
    ]);
  });

  test.each([
    ['America/New_York', '2026-10-31'],
    ['America/New_York', '2026-11-02'],
    ['America/New_York', '2026-03-07'],
    ['Asia/Tokyo', '2026-11-01'],
    ['UTC', '2026-11-01'],
  ])('%s %s: none', (zone, date) => {
    expect(clockChangesOn(date, zone)).toEqual([]);
  });
});
