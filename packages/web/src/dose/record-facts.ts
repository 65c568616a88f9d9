/** Facts the calculator takes from a patient's record, and how old they are. */
import type { HeightEntry, Patient, WeightEntry } from '../api/patient-types';

function byMeasuredOnDescending<T extends { measuredOn: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => b.measuredOn.localeCompare(a.measuredOn));
}

export function latestHeight(patient: Patient): HeightEntry | undefined {
  return byMeasuredOnDescending(patient.heights)[0];
}

/** The weight recorded before the latest one, if any. */
export function previousWeight(patient: Patient): WeightEntry | undefined {
  return byMeasuredOnDescending(patient.weights)[1];
}

const msPerDay = 86_400_000;

/** Whole days from the calendar date `from` to `to` (both `YYYY-MM-DD`); undefined if unreadable. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return Math.round((b - a) / msPerDay);
}

/** "today", "1 day ago", "12 days ago". */
export function describeAge(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return '1 day ago';
  if (days < 0) return `${-days} days in the future`;
  return `${days} days ago`;
}
