/**
 * The esketamine REMS patient monitoring form, pre-filled from the session for the clinic to
 * submit (the label's REMS asks for it within 7 days of each session; S16, S18).
 */
import type { SessionDto } from './schemas';

const REMS_DEADLINE_DAYS = 7;

/** The date by which the form is due: 7 days after the session date. */
export function remsDueBy(sessionDate: string): string {
  const d = new Date(`${sessionDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + REMS_DEADLINE_DAYS);
  return d.toISOString().slice(0, 10);
}

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
    sedation: s.adverseEvents.length > 0 ? false : null,
    dissociation: types.has('dissociation-agitation') || types.has('emergence-reaction'),
    respiratoryDepression: types.has('desaturation'),
    hypertension: types.has('hypertension'),
    adverseEvents: s.adverseEvents.map((a) => ({ type: a.type, severity: a.severity })),
    patientReadyToLeave: s.discharge !== null,
    dischargedAt: s.discharge?.at ?? null,
    monitoredBy: s.start?.by.displayName ?? null,
  };
}
