/**
 * The esketamine REMS patient monitoring form, pre-filled from the session for the clinic to
 * submit. Its deadline is a clinic setting (`remsFormDue` in core): no source gives one.
 */
import type { SessionDto } from './schemas';

type Bp = { systolicMmHg: number; diastolicMmHg: number; takenAt: string } | null;

/** The form's fields as far as the session knows them; `null` means not recorded. */
export function remsForm(
  s: SessionDto,
  e: {
    dosedAt: Date | null;
    bpBeforeDose: Bp;
    bp40Min: Bp;
    observationEndsAt: string | null;
  },
): Record<string, unknown> {
  const types = new Set(s.adverseEvents.map((a) => a.type));
  // Readings after dosing count as well as adverse events: an out-of-range value is a yes; with
  // none charted the answer is unknown (null), never "no".
  const after = e.dosedAt
    ? s.readings.filter((r) => e.dosedAt !== null && new Date(r.takenAt) >= e.dosedAt)
    : [];
  const observed = (
    aeType: (typeof s.adverseEvents)[number]['type'],
    vitals: readonly ('systolicMmHg' | 'diastolicMmHg' | 'spo2' | 'respiratoryRate')[],
    codes: readonly string[],
  ): boolean | null => {
    if (types.has(aeType)) return true;
    if (s.readings.some((r) => r.findings.some((f) => codes.includes(f.code)))) return true;
    return after.some((r) => vitals.some((v) => r[v] !== null)) ? false : null;
  };
  return {
    patientName: s.patient.displayName,
    patientBirthDate: s.patient.birthDate,
    patientMrn: s.patient.mrn,
    sessionDate: s.sessionDate,
    location: s.location?.name ?? null,
    doseMg: s.dose?.dose.value ?? null,
    devices: s.dose?.devices ?? null,
    dosedAt: e.dosedAt?.toISOString() ?? null,
    bpBeforeDose: e.bpBeforeDose,
    bpAfterDose: e.bp40Min,
    observationStartedAt: e.dosedAt?.toISOString() ?? null,
    observationEndedAt: s.discharge?.at ?? null,
    observationMinimumEndsAt: e.observationEndsAt,
    // KetaFlow charts no sedation scale: the clinic fills this in.
    sedation: null,
    dissociation:
      types.has('dissociation-agitation') || types.has('emergence-reaction') ? true : null,
    respiratoryDepression: observed(
      'desaturation',
      ['spo2', 'respiratoryRate'],
      ['VITALS.SPO2_LOW', 'VITALS.RESPIRATORY_RATE_LOW'],
    ),
    hypertension: observed(
      'hypertension',
      ['systolicMmHg', 'diastolicMmHg'],
      ['VITALS.SYSTOLIC_HIGH', 'VITALS.DIASTOLIC_HIGH'],
    ),
    adverseEvents: s.adverseEvents.map((a) => ({ type: a.type, severity: a.severity })),
    patientReadyToLeave: s.discharge !== null,
    dischargedAt: s.discharge?.at ?? null,
    monitoredBy: s.start?.by.displayName ?? null,
  };
}
