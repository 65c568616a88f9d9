import type { Amendment, Reading, Session, SessionAlert, VitalKey } from '../api/session-types';
import { vitalFields } from './labels';

/** The vitals of a reading the server found out of range. */
export function outOfRangeKeys(reading: Reading): Set<string> {
  return new Set(reading.findings.map((f) => f.vital));
}

/** The alert's sentence: every finding of its reading. */
export function alertMessage(alert: SessionAlert): string {
  return alert.findings.map((f) => f.message).join('; ');
}

/** The amendments that correct `reading`, oldest first. */
export function amendmentsOf(session: Session, reading: Reading): Amendment[] {
  return session.amendments
    .filter((a) => a.target === 'reading' && a.targetId === reading.id)
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** The value one vital had when first charted, when an amendment has since changed it. */
export function originalValue(amendments: readonly Amendment[], key: VitalKey): number | undefined {
  const first = amendments.find((a) => a.field === key);
  return typeof first?.original === 'number' ? first.original : undefined;
}

/** Readings in time order (the server may receive a monitor's readings late). */
export function sortedReadings(session: Session): Reading[] {
  return [...session.readings].sort((a, b) => a.takenAt.localeCompare(b.takenAt));
}

export const vitalKeys: readonly VitalKey[] = vitalFields.map((f) => f.key);
