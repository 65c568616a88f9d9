import type { ClinicCalendar, LocalHours, StaffMember, Weekday } from './index';

/** Synthetic clinics for scheduling tests (fixed dates, New York and London). */
const weekdays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

export function weekdayHours(open: string, close: string): Partial<Record<Weekday, LocalHours[]>> {
  return Object.fromEntries(weekdays.map((d) => [d, [{ open, close }]]));
}

export function onSite(
  id: string,
  role: 'nurse' | 'prescriber',
  locationId: string,
  start = '08:00',
  end = '18:00',
  timeZone = 'America/New_York',
): StaffMember {
  return {
    id,
    role,
    timeZone,
    schedule: weekdays.map((weekday) => ({ weekday, start, end, locationId })),
    exceptions: [],
  };
}

/** Two New York locations, `main` (chairs A, B) and `north` (chair C), a nurse and prescriber each. */
export function twoLocationClinic(): ClinicCalendar {
  return {
    locations: [
      {
        id: 'north',
        timeZone: 'America/New_York',
        openingHours: weekdayHours('08:00', '18:00'),
        closures: [],
      },
      {
        id: 'main',
        timeZone: 'America/New_York',
        openingHours: weekdayHours('08:00', '18:00'),
        closures: [],
      },
    ],
    chairs: [
      { id: 'B', locationId: 'main' },
      { id: 'A', locationId: 'main' },
      { id: 'C', locationId: 'north' },
    ],
    staff: [
      onSite('N1', 'nurse', 'main'),
      onSite('N2', 'nurse', 'north'),
      onSite('P1', 'prescriber', 'main'),
      onSite('P2', 'prescriber', 'north'),
    ],
  };
}
