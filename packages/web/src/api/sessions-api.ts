import { requestJson, withQuery } from './http';
import type {
  AdverseEventInput,
  AcknowledgeInput,
  AmendmentInput,
  DischargeInput,
  PreCheckInput,
  ReadingInput,
  Session,
  SessionRecord,
  SessionSummary,
  StartInput,
} from './session-types';

const base = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;

/** Checks the patient in for a booked infusion or esketamine appointment. */
export function checkIn(appointmentId: string): Promise<Session> {
  return requestJson('POST', `/api/appointments/${encodeURIComponent(appointmentId)}/session`, {});
}

export async function fetchSessions(query: {
  date: string;
  locationId?: string;
}): Promise<SessionSummary[]> {
  return (await requestJson<{ items: SessionSummary[] }>('GET', withQuery('/api/sessions', query)))
    .items;
}

export function fetchSession(id: string): Promise<Session> {
  return requestJson('GET', base(id));
}

/** Everything the printable record shows, with the knowledge version it was charted under. */
export function fetchSessionRecord(id: string): Promise<SessionRecord> {
  return requestJson('GET', `${base(id)}/record`);
}

export function recordPreCheck(id: string, body: PreCheckInput): Promise<Session> {
  return requestJson('POST', `${base(id)}/pre-check`, body);
}

export function approvePreCheck(id: string, reason: string): Promise<Session> {
  return requestJson('POST', `${base(id)}/pre-check/approve`, { reason });
}

export function startSession(id: string, body: StartInput): Promise<Session> {
  return requestJson('POST', `${base(id)}/start`, body);
}

export function addReading(id: string, body: ReadingInput): Promise<Session> {
  return requestJson('POST', `${base(id)}/readings`, body);
}

export function acknowledgeAlert(
  id: string,
  alertId: string,
  body: AcknowledgeInput,
): Promise<Session> {
  return requestJson('POST', `${base(id)}/alerts/${encodeURIComponent(alertId)}/acknowledge`, body);
}

export function addAdverseEvent(id: string, body: AdverseEventInput): Promise<Session> {
  return requestJson('POST', `${base(id)}/adverse-events`, body);
}

export function startRecovery(id: string): Promise<Session> {
  return requestJson('POST', `${base(id)}/recovery`, {});
}

export function dischargeSession(id: string, body: DischargeInput): Promise<Session> {
  return requestJson('POST', `${base(id)}/discharge`, body);
}

export function stopSession(id: string, reason: string): Promise<Session> {
  return requestJson('POST', `${base(id)}/stop`, { reason });
}

export function amendSession(id: string, body: AmendmentInput): Promise<Session> {
  return requestJson('POST', `${base(id)}/amendments`, body);
}

export function markRemsSubmitted(id: string): Promise<Session> {
  return requestJson('POST', `${base(id)}/rems-submitted`, {});
}
