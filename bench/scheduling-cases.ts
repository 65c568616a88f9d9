/** Benchmark cases for scheduling (appended to `BENCHMARKS`). */
import { explainConflict } from '../packages/core/src/scheduling/explain-conflict';
import { findSlots, findSlotsIn } from '../packages/core/src/scheduling/find-slots';
import { indexSchedule } from '../packages/core/src/scheduling/schedule-index';
import { addLocalDays, localToMs } from '../packages/core/src/scheduling/time';
import type { Booking, ClinicCalendar, StaffMember } from '../packages/core/src/scheduling/types';

interface Case {
  readonly name: string;
  readonly inputs: readonly unknown[];
  readonly run: (input: never) => unknown;
  readonly target?: number;
}

const hours = { open: '08:00', close: '18:00' };
const week = { mon: [hours], tue: [hours], wed: [hours], thu: [hours], fri: [hours] };
const days = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

function member(id: string, role: 'nurse' | 'prescriber', locationId: string): StaffMember {
  return {
    id,
    role,
    timeZone: 'America/New_York',
    schedule: days.map((weekday) => ({ weekday, start: '08:00', end: '18:00', locationId })),
    exceptions: [],
  };
}

/** Two locations, 3 chairs each, 2 nurses and 1 prescriber each. */
const calendar: ClinicCalendar = {
  locations: ['main', 'north'].map((id) => ({
    id,
    timeZone: 'America/New_York',
    openingHours: week,
    closures: [{ date: '2026-03-13', reason: 'staff training' }],
  })),
  chairs: ['A', 'B', 'C', 'D', 'E', 'F'].map((id, i) => ({
    id,
    locationId: i < 3 ? 'main' : 'north',
  })),
  staff: [
    member('N1', 'nurse', 'main'),
    member('N2', 'nurse', 'main'),
    member('N3', 'nurse', 'north'),
    member('N4', 'nurse', 'north'),
    member('P1', 'prescriber', 'main'),
    member('P2', 'prescriber', 'north'),
  ],
};

/** 200 infusions over Mon-Thu 2026-03-09..12 (the week after the US spring change), seeded. */
function bookings(): Booking[] {
  const out: Booking[] = [];
  let seed = 42;
  const next = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  for (let i = 0; i < 200; i += 1) {
    const chair = calendar.chairs[next(6)] ?? { id: 'A', locationId: 'main' };
    const date = addLocalDays('2026-03-09', next(4));
    const minute = 8 * 60 + 15 * next(24);
    const start = localToMs(
      date,
      `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
      'America/New_York',
    );
    const main = chair.locationId === 'main';
    out.push({
      id: `b${String(i)}`,
      appointmentType: 'infusion',
      start,
      end: start + 115 * 60_000,
      locationId: chair.locationId,
      chairId: chair.id,
      nurseId: main ? (i % 2 === 0 ? 'N1' : 'N2') : i % 2 === 0 ? 'N3' : 'N4',
      prescriberId: main ? 'P1' : 'P2',
      patientId: `patient-${String(i % 50)}`,
    });
  }
  return out;
}

const input = {
  appointmentType: 'infusion' as const,
  durationMinutes: 115,
  window: { from: '2026-03-09T00:00:00-04:00', to: '2026-03-16T00:00:00-04:00' },
  granularityMinutes: 15,
  calendar,
  bookings: bookings(),
  nurseCapacity: 2,
};
const { index } = indexSchedule({ ...input, range: input.window });

export const SCHEDULING_BENCHMARKS: readonly Case[] = [
  {
    name: 'findSlots (1 week, 2 locations, 6 chairs, 6 staff, 200 bookings)',
    inputs: [input],
    run: (i: typeof input) => findSlots(i),
    target: 2_000,
  },
  {
    name: 'findSlotsIn (same week, index built once)',
    inputs: [input],
    run: (i: typeof input) => findSlotsIn(index, i),
    target: 5_000,
  },
  {
    name: 'explainConflict (one request, same clinic)',
    inputs: [
      { ...input, start: '2026-03-10T10:00:00-04:00', locationId: 'main', chairId: 'A' },
      { ...input, start: '2026-03-13T10:00:00-05:00', locationId: 'north' },
    ],
    run: (i: Parameters<typeof explainConflict>[0]) => explainConflict(i),
  },
];
