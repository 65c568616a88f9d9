import type { ClinicOutcomes, PatientOutcome } from './clinic-outcomes';

type Cell = string | number | boolean | null;

/**
 * One RFC 4180 field: quoted when it holds a comma, quote, CR or LF, with quotes doubled. Text
 * starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so a spreadsheet does not run it
 * as a formula (numbers are written as numbers and keep their sign).
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180 text: CRLF after every record, header first. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

function rate(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10000) / 10000;
}

/** The clinic outcomes table as CSV, one row per indication; no patient data at all. */
export function clinicOutcomesCsv(report: ClinicOutcomes): string {
  return toCsv(
    [
      'indication',
      'instruments',
      'patients',
      'response_eligible',
      'responders',
      'response_rate',
      'remission_eligible',
      'remitters',
      'remission_rate',
      'median_days_to_response',
      'median_infusions_to_response',
    ],
    report.byIndication.map((r) => [
      r.indication,
      r.instrumentIds.join(' '),
      r.patients,
      r.responseEligible,
      r.responders,
      rate(r.responseRate),
      r.remissionEligible,
      r.remitters,
      rate(r.remissionRate),
      r.medianDaysToResponse,
      r.medianInfusionsToResponse,
    ]),
  );
}

/** One row per patient course, by patient id only: never names or other identifiers. */
export function patientOutcomesCsv(patients: readonly PatientOutcome[]): string {
  return toCsv(
    [
      'patient_id',
      'indication',
      'instrument',
      'baseline_at',
      'baseline_total',
      'latest_total',
      'responded',
      'days_to_response',
      'infusions_to_response',
      'remitted',
      'days_to_remission',
    ],
    patients.map(({ patientId, indication, progress: p }) => [
      patientId,
      indication,
      p.instrumentId,
      p.baseline.at,
      p.baseline.total,
      p.points.at(-1)?.total ?? p.baseline.total,
      p.responseDefined ? p.firstResponse !== null : null,
      p.firstResponse?.daysFromBaseline ?? null,
      p.firstResponse?.sessionsBefore ?? null,
      p.criteria.remission.belowScore === null || p.baselineInRemission
        ? null
        : p.firstRemission !== null,
      p.firstRemission?.daysFromBaseline ?? null,
    ]),
  );
}
