import { describe, expect, test } from 'vitest';
import type { Appointment, Location, Weekday } from '../api/scheduling-types';
import { clockChangeNotes, dayFrame, PX_PER_MINUTE } from './board-geometry';
import { formatLocalPeriod, minutesSinceDayStart } from '../format/zoned-time';

const ZONE = 'America/New_York';
const FALL_BACK = '2026-11-01'; // a Sunday: 01:00–02:00 happens twice, 25 hours
const SPRING_FORWARD = '2026-03-08'; // a Sunday: 02:00–03:00 does not happen, 23 hours

function givenLocation(opensAt: string, closesAt: string, weekdays: Weekday[] = ['sun']): Location {
  return {
    id: 'loc-1',
    code: 'DT',
    name: 'Downtown',
    timeZone: ZONE,
    addressLine: null,
    hours: weekdays.map((weekday) => ({ weekday, opensAt, closesAt })),
    closures: [],
    chairs: [{ id: 'chair-1', name: 'Chair 1' }],
  };
}

function appointmentAt(id: string, startsAt: string, endsAt: string): Appointment {
  return {
    id,
    patientId: `patient-${id}`,
    patient: { id: `patient-${id}`, name: `Patient ${id}`, mrn: id },
    type: 'infusion',
    status: 'booked',
    location: { id: 'loc-1', name: 'Downtown', timeZone: ZONE },
    courseId: null,
    startsAt,
    endsAt,
    holdExpiresAt: null,
    videoUrl: null,
    rescheduledFrom: null,
    cancelReason: null,
    cancelledAt: null,
    createdAt: '2026-10-01T12:00:00.000Z',
    chair: { id: 'chair-1', name: 'Chair 1' },
    nurse: null,
    prescriber: null,
  };
}

const labels = (location: Location, date: string, appointments: Appointment[] = []) =>
  dayFrame(location, date, appointments).hours.map((h) => h.label);

describe('the day board on the night the clocks go back (New York, November)', () => {
  const location = givenLocation('00:00', '23:59');
  const early = appointmentAt('a', '2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z'); // 01:30 EDT
  const again = appointmentAt('b', '2026-11-01T06:30:00Z', '2026-11-01T07:30:00Z'); // 01:30 EST

  test('01:30 EDT and 01:30 EST lie an hour apart, not on top of each other', () => {
    const top = (a: Appointment) => minutesSinceDayStart(a.startsAt, FALL_BACK, ZONE);
    expect([top(early), top(again)]).toEqual([90, 150]);
    expect((top(again) - top(early)) * PX_PER_MINUTE).toBe(72);
  });

  test('the axis shows the repeated hour twice, each time with its zone', () => {
    const frame = dayFrame(location, FALL_BACK, [early, again]);
    expect(frame.zoned).toBe(true);
    expect(frame.hours.slice(0, 5)).toEqual([
      { minutes: 0, label: '00:00 EDT' },
      { minutes: 60, label: '01:00 EDT' },
      { minutes: 120, label: '01:00 EST' },
      { minutes: 180, label: '02:00 EST' },
      { minutes: 240, label: '03:00 EST' },
    ]);
    // 25 hours: the last rule is 23:00 EST, 24 hours after the first.
    expect(frame.hours).toHaveLength(25);
    expect(frame.hours.at(-1)).toEqual({ minutes: 1440, label: '23:00 EST' });
    expect([frame.startMinutes, frame.endMinutes]).toEqual([0, 1500]);
  });

  test('the change is marked where the second 01:00 begins, and said in words', () => {
    const frame = dayFrame(location, FALL_BACK, [early, again]);
    const words = 'Clocks go back 1 hour at 02:00 EDT, to 01:00 EST: 01:00–02:00 happens twice';
    expect(frame.changes).toEqual([{ minutes: 120, label: words }]);
    expect(clockChangeNotes(FALL_BACK, ZONE)).toEqual([words]);
  });

  test('opening hours are placed as the scheduler reads them: 08:00 is 08:00 EST, 9 hours in', () => {
    const frame = dayFrame(givenLocation('08:00', '18:00'), FALL_BACK, []);
    expect(frame.open).toEqual([{ from: 540, to: 1140 }]);
    expect(frame.hours[0]).toEqual({ minutes: 540, label: '08:00 EST' });
    expect(frame.changes).toEqual([]); // 02:00 is off the board that starts at 08:00
    expect(formatLocalPeriod(FALL_BACK, '00:00', '23:59', ZONE)).toBe('00:00 EDT–23:59 EST');
    expect(formatLocalPeriod(FALL_BACK, '08:00', '18:00', ZONE)).toBe('08:00 EST–18:00 EST');
  });
});

describe('the day board on the night the clocks go forward (New York, March)', () => {
  const location = givenLocation('00:00', '06:00');

  test('the axis has no 02:00: 01:00 EST is followed by 03:00 EDT', () => {
    expect(labels(location, SPRING_FORWARD)).toEqual([
      '00:00 EST',
      '01:00 EST',
      '03:00 EDT',
      '04:00 EDT',
      '05:00 EDT',
    ]);
  });

  test('an hour from 01:30 EST to 03:30 EDT is drawn an hour tall', () => {
    const a = appointmentAt('c', '2026-03-08T06:30:00Z', '2026-03-08T07:30:00Z');
    const start = minutesSinceDayStart(a.startsAt, SPRING_FORWARD, ZONE);
    const end = minutesSinceDayStart(a.endsAt, SPRING_FORWARD, ZONE);
    expect([start, end]).toEqual([90, 150]);
    const frame = dayFrame(location, SPRING_FORWARD, [a]);
    expect(frame.open).toEqual([{ from: 0, to: 300 }]); // 06:00 EDT is 5 hours in
    expect(frame.endMinutes).toBe(300);
  });

  test('the change is marked at 03:00 EDT and said in words', () => {
    const words = 'Clocks go forward 1 hour at 02:00 EST, to 03:00 EDT: there is no 02:00–03:00';
    expect(dayFrame(location, SPRING_FORWARD, []).changes).toEqual([
      { minutes: 120, label: words },
    ]);
    expect(clockChangeNotes(SPRING_FORWARD, ZONE)).toEqual([words]);
  });

  test('an opening time inside the missing hour is shown where the scheduler puts it', () => {
    expect(formatLocalPeriod(SPRING_FORWARD, '02:30', '18:00', ZONE)).toBe('03:30 EDT–18:00 EDT');
    const frame = dayFrame(givenLocation('02:30', '18:00'), SPRING_FORWARD, []);
    expect(frame.open).toEqual([{ from: 150, to: 1020 }]);
  });
});

describe('an ordinary day looks as it always has', () => {
  test.each([
    // date, weekday: the day after each change, in winter and in summer time
    ['2026-11-02', 'mon'],
    ['2026-03-09', 'mon'],
    ['2026-07-15', 'wed'],
  ] as const)('%s: wall-clock hours, bare labels, no change marked', (date, weekday) => {
    const location = givenLocation('08:00', '18:00', [weekday]);
    const frame = dayFrame(location, date, []);
    expect(frame).toEqual({
      startMinutes: 480,
      endMinutes: 1080,
      open: [{ from: 480, to: 1080 }],
      closure: null,
      hours: Array.from({ length: 10 }, (_, i) => ({
        minutes: 480 + i * 60,
        label: `${String(8 + i).padStart(2, '0')}:00`,
      })),
      changes: [],
      zoned: false,
    });
    expect(clockChangeNotes(date, ZONE)).toEqual([]);
    expect(formatLocalPeriod(date, '08:00', '18:00', ZONE)).toBe('08:00–18:00');
  });

  test('an appointment at 09:00 sits at 09:00 and widens the board to an evening visit', () => {
    const location = givenLocation('08:00', '18:00', ['mon']);
    const late = appointmentAt('d', '2026-11-03T00:00:00Z', '2026-11-03T01:30:00Z'); // 19:00 EST
    const nine = appointmentAt('e', '2026-11-02T14:00:00Z', '2026-11-02T15:00:00Z'); // 09:00 EST
    expect(minutesSinceDayStart(nine.startsAt, '2026-11-02', ZONE)).toBe(540);
    const frame = dayFrame(location, '2026-11-02', [nine, late]);
    expect([frame.startMinutes, frame.endMinutes]).toEqual([480, 1260]);
    expect(frame.hours.at(-1)?.label).toBe('20:00');
  });
});
