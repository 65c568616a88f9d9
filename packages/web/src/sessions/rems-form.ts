import type { Esketamine } from '../api/session-types';
import { formatZonedDateTime, formatZonedTime } from '../format/zoned-time';
import { adverseEventLabels } from './labels';

const fieldLabels: Readonly<Record<string, string>> = {
  patientName: 'Patient',
  patientBirthDate: 'Date of birth',
  patientMrn: 'MRN',
  sessionDate: 'Session date',
  location: 'Location',
  doseMg: 'Dose (mg)',
  devices: 'Devices',
  dosedAt: 'Dosed at',
  bpBeforeDose: 'BP before dose',
  bpAfterDose: 'BP about 40 min after dose',
  observationStartedAt: 'Observation started',
  observationEndedAt: 'Observation ended',
  observationMinimumEndsAt: 'Earliest end of observation',
  sedation: 'Sedation',
  dissociation: 'Dissociation',
  respiratoryDepression: 'Respiratory depression',
  hypertension: 'Hypertension',
  adverseEvents: 'Adverse events',
  patientReadyToLeave: 'Patient ready to leave',
  dischargedAt: 'Discharged at',
  monitoredBy: 'Monitored by',
};

/** A REMS form field's name for people: known fields by name, others from their camelCase key. */
export function remsFieldLabel(key: string): string {
  const known = fieldLabels[key];
  if (known !== undefined) return known;
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `2026-12-07` stays a date; an instant is shown in the clinic's zone. */
export function formatDateOrInstant(value: string, zone: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : formatZonedDateTime(value, zone);
}

/** How the deadline's basis reads on screen (only a clinic setting today: no source gives one). */
const deadlineBasisLabels: Readonly<Record<Esketamine['rems']['dueBasis'], string>> = {
  'clinic-setting': 'a clinic setting',
};

/**
 * The REMS form's deadline as the server sends it: the date, then how many days after the session
 * and that the number is the clinic's setting (no source gives one), never a number of our own.
 */
export function formatRemsDeadline(
  rems: Pick<Esketamine['rems'], 'dueBy' | 'dueDaysAfterSession' | 'dueBasis'>,
  zone: string,
): string {
  if (rems.dueBy === null) return '—';
  const days = `${String(rems.dueDaysAfterSession)} day${rems.dueDaysAfterSession === 1 ? '' : 's'} after the session`;
  return `${formatDateOrInstant(rems.dueBy, zone)} (${days}; ${deadlineBasisLabels[rems.dueBasis]})`;
}

/** A REMS form value as the form would be filled in; `null` is "not recorded". */
export function formatRemsValue(value: unknown, zone: string): string {
  if (value === null || value === undefined) return 'Not recorded';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string')
    return /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value) ? formatDateOrInstant(value, zone) : value;
  if (Array.isArray(value)) {
    if (value.length === 0) return 'None';
    return value
      .map((item) => {
        if (!isRecord(item)) return formatRemsValue(item, zone);
        const type = typeof item.type === 'string' ? item.type : '';
        const label = (adverseEventLabels as Record<string, string>)[type] ?? type;
        return typeof item.severity === 'string' ? `${label} (${item.severity})` : label;
      })
      .join(', ');
  }
  if (isRecord(value)) {
    const { systolicMmHg, diastolicMmHg, takenAt } = value;
    if (typeof systolicMmHg === 'number' && typeof diastolicMmHg === 'number')
      return `${String(systolicMmHg)}/${String(diastolicMmHg)} mmHg${typeof takenAt === 'string' ? ` at ${formatZonedTime(takenAt, zone)}` : ''}`;
    return JSON.stringify(value);
  }
  return JSON.stringify(value);
}
