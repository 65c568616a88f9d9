import { requestJson, withQuery } from './http';
import type {
  Acceptance,
  MedicationSuggestions,
  NewBloodPressure,
  NewReproductiveStatus,
  NewScreening,
  Screening,
  SelfScreeningAnswer,
  SelfScreeningAnswers,
  SelfScreeningQuestions,
} from './screening-types';

export function fetchSelfScreeningQuestions(): Promise<SelfScreeningQuestions> {
  return requestJson('GET', '/api/public/self-screening/questions');
}

/** Screens the answers on the server; nothing is stored. */
export function submitSelfScreening(answers: SelfScreeningAnswers): Promise<SelfScreeningAnswer> {
  return requestJson('POST', '/api/public/self-screening', answers);
}

/** Medication names starting with (then containing) `q`, which needs at least two characters. */
export function suggestMedications(q: string, limit = 10): Promise<MedicationSuggestions> {
  return requestJson('GET', withQuery('/api/vocabulary/medications', { q, limit }));
}

function patientPath(patientId: string, section: string): string {
  return `/api/patients/${encodeURIComponent(patientId)}/${section}`;
}

/** Newest first: current, stale and signed. */
export async function fetchScreenings(patientId: string): Promise<Screening[]> {
  const list = await requestJson<{ items: Screening[] }>(
    'GET',
    patientPath(patientId, 'screenings'),
  );
  return list.items;
}

export function screenPatient(patientId: string, screening: NewScreening): Promise<Screening> {
  return requestJson('POST', patientPath(patientId, 'screenings'), screening);
}

/** A prescriber signs, with one reason per distinct warning code. */
export function signScreening(id: string, acceptances: Acceptance[]): Promise<Screening> {
  return requestJson('POST', `/api/screenings/${encodeURIComponent(id)}/sign`, { acceptances });
}

export function recordBloodPressure(
  patientId: string,
  reading: NewBloodPressure,
): Promise<{ id: string }> {
  return requestJson('POST', patientPath(patientId, 'blood-pressures'), reading);
}

export function recordReproductiveStatus(
  patientId: string,
  status: NewReproductiveStatus,
): Promise<{ id: string }> {
  return requestJson('POST', patientPath(patientId, 'reproductive-status'), status);
}
