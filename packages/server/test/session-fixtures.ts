/**
 * What the session suites share: a booked appointment inserted directly, a normal pre-check and an
 * IV ketamine start.
 */
import type { TestApp } from './harness';

/** Vital signs inside every default limit. */
export const NORMAL = {
  systolicMmHg: 122,
  diastolicMmHg: 78,
  heartRate: 72,
  spo2: 98,
  respiratoryRate: 14,
  temperatureC: 36.7,
};

export function preCheckBody(vitals: Record<string, number> = NORMAL) {
  return {
    vitals,
    weight: { value: 70, unit: 'kg' },
    pregnancyTest: 'not-applicable',
    fasting: true,
    medicationChanges: [],
    consentOnFile: true,
  };
}

export const INFUSION_START = {
  dose: { indication: 'depression', concentration: { value: 50, unit: 'mg/mL' } },
  vialLot: 'LOT-123',
  vialExpiry: '2027-01-31',
};

let patients = 0;

/**
 * A new patient (family name `familyName`) with a booked three-hour appointment of `type` at
 * `startsAt`, inserted directly (no slot search): what check-in needs.
 */
export async function bookedAppointment(
  t: TestApp,
  at: {
    readonly locationId: string;
    readonly createdBy: string;
    readonly startsAt: string;
    readonly familyName: string;
    readonly type?: 'infusion' | 'esketamine-session' | 'follow-up';
  },
): Promise<{ appointmentId: string; patientId: string }> {
  patients += 1;
  const [p] = await t.database.query(
    `insert into patients (given_name, family_name, birth_date, sex) values ($1, $2, '1980-05-01', 'male') returning id`,
    [`Pat${String(patients)}`, at.familyName],
  );
  const [a] = await t.database.query(
    `insert into appointments (patient_id, type, status, location_id, starts_at, ends_at, created_by)
     values ($1, $2, 'booked', $3, $4, $5, $6) returning id`,
    [
      p?.id,
      at.type ?? 'infusion',
      at.locationId,
      at.startsAt,
      new Date(new Date(at.startsAt).getTime() + 3 * 3_600_000).toISOString(),
      at.createdBy,
    ],
  );
  return { appointmentId: String(a?.id), patientId: String(p?.id) };
}
