import type { Amendment, Reading, Session, VitalKey } from '../api/session-types';
import { vitalFields } from './labels';

/** The vitals of a reading the server (or one of its alerts) marks out of range. */
export function outOfRangeKeys(session: Session, reading: Reading): Set<string> {
  const keys = new Set<string>(reading.outOfRange ?? []);
  for (const alert of session.alerts)
    if (alert.readingId === reading.id && alert.vital !== undefined) keys.add(alert.vital);
  return keys;
}

/** The amendments that correct `reading`, oldest first. */
export function amendmentsOf(session: Session, reading: Reading): Amendment[] {
  return session.amendments
    .filter((a) => a.readingId === reading.id || a.target?.id === reading.id)
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** The corrected value of one vital after every amendment, or `undefined` when none changed it. */
export function correctedValue(
  amendments: readonly Amendment[],
  key: VitalKey,
): number | undefined {
  let value: number | undefined;
  for (const a of amendments) {
    const changed = a.changes?.[key];
    if (typeof changed === 'number') value = changed;
  }
  return value;
}

/** Readings in time order (the server may receive a monitor's readings late). */
export function sortedReadings(session: Session): Reading[] {
  return [...session.readings].sort((a, b) => a.takenAt.localeCompare(b.takenAt));
}

/** When the next reading is due: the server's answer, else the last reading plus the interval. */
export function nextReadingDue(session: Session): number | null {
  if (session.nextReadingDueAt !== undefined && session.nextReadingDueAt !== null)
    return Date.parse(session.nextReadingDueAt);
  const last = sortedReadings(session).at(-1);
  const interval = session.readingIntervalMinutes ?? null;
  if (last === undefined || interval === null) return null;
  return Date.parse(last.takenAt) + interval * 60_000;
}

export const vitalKeys: readonly VitalKey[] = vitalFields.map((f) => f.key);
