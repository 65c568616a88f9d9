import { requestJson, withQuery } from './http';
import type {
  ClinicOutcomes,
  DueScale,
  Instrument,
  NewPaperScaleResponse,
  NewScaleResponse,
  PatientProgress,
  SafetyAlert,
  SafetyAlertStatus,
  ScaleResponse,
  SubmittedScale,
} from './outcomes-types';

const patientPath = (patientId: string, rest: string) =>
  `/api/patients/${encodeURIComponent(patientId)}/${rest}`;

/** The scales the logged-in patient should fill in now, each with the form to render. */
export async function fetchDueScales(): Promise<DueScale[]> {
  return (await requestJson<{ items: DueScale[] }>('GET', '/api/me/scales/due')).items;
}

/**
 * The idempotency key for a submission: the same for a retry of the same body (a double tap, a
 * lost reply), so the form is stored once, and a new one when anything in it changed.
 */
export function idempotencyKeyFor(keys: Map<string, string>, body: object): string {
  const fingerprint = JSON.stringify(body);
  const known = keys.get(fingerprint);
  if (known !== undefined) return known;
  const key = crypto.randomUUID();
  keys.set(fingerprint, key);
  return key;
}

/**
 * Sends a patient's answers; scored at once. A refusal (422) still carries `crisis` when item 9
 * was above zero: read it with `crisisOf`.
 */
export function submitMyScale(body: NewScaleResponse): Promise<SubmittedScale> {
  return requestJson('POST', '/api/me/scales', body);
}

export async function fetchMyScales(): Promise<ScaleResponse[]> {
  return (await requestJson<{ items: ScaleResponse[] }>('GET', '/api/me/scales')).items;
}

/** Built-in instruments, then the clinic's custom forms (staff). */
export async function fetchInstruments(): Promise<Instrument[]> {
  return (await requestJson<{ items: Instrument[] }>('GET', '/api/scales/instruments')).items;
}

/** A paper form entered by staff on the patient's behalf. */
export function submitPaperScale(
  patientId: string,
  body: NewPaperScaleResponse,
): Promise<SubmittedScale> {
  return requestJson('POST', patientPath(patientId, 'scales'), body);
}

/** Oldest first. */
export async function fetchPatientScales(patientId: string): Promise<ScaleResponse[]> {
  return (await requestJson<{ items: ScaleResponse[] }>('GET', patientPath(patientId, 'scales')))
    .items;
}

/** Without `instrument`, the server picks the instrument of the patient's latest course. */
export function fetchProgress(
  patientId: string,
  query: { instrument?: string; courseId?: string } = {},
): Promise<PatientProgress> {
  return requestJson('GET', withQuery(patientPath(patientId, 'progress'), query));
}

/** Open alerts come oldest first (the longest-waiting patient at the top). */
export async function fetchSafetyAlerts(status?: SafetyAlertStatus): Promise<SafetyAlert[]> {
  return (
    await requestJson<{ items: SafetyAlert[] }>('GET', withQuery('/api/safety-alerts', { status }))
  ).items;
}

export function fetchSafetyAlert(id: string): Promise<SafetyAlert> {
  return requestJson('GET', `/api/safety-alerts/${encodeURIComponent(id)}`);
}

/** Documents the follow-up and closes the alert; every bad field is named in the problem. */
export function followUpSafetyAlert(
  id: string,
  followUp: Record<string, unknown>,
): Promise<SafetyAlert> {
  return requestJson('POST', `/api/safety-alerts/${encodeURIComponent(id)}/follow-up`, followUp);
}

export function fetchClinicOutcomes(): Promise<ClinicOutcomes> {
  return requestJson('GET', '/api/outcomes/clinic');
}

export const clinicOutcomesCsvUrl = '/api/outcomes/clinic.csv';
export const patientOutcomesCsvUrl = withQuery(clinicOutcomesCsvUrl, { rows: 'patient' });
