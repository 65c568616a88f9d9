import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenPatientAccount } from './appointment-fixtures';
import {
  as,
  countRows,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  T0,
  type Session,
  type TestApp,
} from './harness';

interface Problem {
  code: string;
  errors?: { path: string; message: string; code?: string }[];
  crisis?: { resources: { contact: string }[] } | null;
  safetyAlertIds?: string[];
}
interface Submitted {
  response: { id: string; safetyAlertIds: string[] };
  crisis: { resources: { contact: string }[] } | null;
}
interface Alert {
  id: string;
  status: string;
  followUp: Record<string, unknown> | null;
  attempts: { contact: string; nextContactAt?: string; reviewedBy: string }[];
}

/** PHQ-9 answers `phq9-1` … `phq9-9` from nine scores. */
function phq9(scores: readonly number[]): Record<string, unknown> {
  return Object.fromEntries(scores.map((s, i) => [`phq9-${String(i + 1)}`, s]));
}

describe.each(DRIVERS)('outcomes review on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  const api = (s: Session | null) => as(t.app, s);

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
  });
  afterAll(async () => {
    await t.close();
  });

  async function alertFor(patient: Session): Promise<string> {
    const submitted = await api(patient)('POST', '/api/me/scales', {
      instrument: 'phq-9',
      answers: phq9([0, 0, 0, 0, 0, 0, 0, 0, 2]),
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    return submitted.json<Submitted>().response.safetyAlertIds[0]!;
  }

  test('a patient who was not reached keeps the alert open, with the attempt and the next one recorded', async () => {
    const patient = await givenPatientAccount(t);
    const alertId = await alertFor(patient);
    const url = `/api/safety-alerts/${alertId}/follow-up`;
    const nextContactAt = new Date(T0.getTime() + 2 * 3_600_000).toISOString();
    const attempt = await api(nurse)('POST', url, {
      reviewedAt: T0.toISOString(),
      contact: 'not-reached',
      riskAssessment: 'Called twice, no answer; voicemail left with the 988 number.',
      actions: ['crisis-resources-given'],
      patientGivenCrisisResources: false,
      nextContactAt,
    });
    expect(attempt.statusCode, attempt.body).toBe(200);
    expect(attempt.json<Alert>()).toMatchObject({
      status: 'open',
      followUp: null,
      attempts: [{ contact: 'not-reached', nextContactAt, reviewedBy: nurse.user.id }],
    });
    const open = await api(nurse)('GET', '/api/safety-alerts?status=open');
    expect(open.json<{ items: Alert[] }>().items.map((a) => a.id)).toContain(alertId);

    // Reached later: the follow-up closes the alert, and the earlier attempt stays on it.
    const reached = await api(nurse)('POST', url, {
      reviewedAt: T0.toISOString(),
      contact: 'phone',
      riskAssessment: 'Passive thoughts, no plan or intent; safety plan reviewed.',
      actions: ['risk-assessed', 'safety-plan-reviewed'],
      patientGivenCrisisResources: true,
    });
    expect(reached.statusCode, reached.body).toBe(200);
    expect(reached.json<Alert>()).toMatchObject({
      status: 'followed-up',
      attempts: [{ contact: 'not-reached' }],
    });
    const rows = await t.database.query(
      `select action, outcome, detail from audit_log where resource_id = $1 and action = 'patient.safety-alert.follow-up' order by id`,
      [alertId],
    );
    expect(rows.map((r) => `${String(r.action)}:${String(r.outcome)}`)).toEqual([
      'patient.safety-alert.follow-up:success',
      'patient.safety-alert.follow-up:success',
    ]);
  });

  test.each([
    ['out of range', 4],
    ['not a whole number', 1.5],
    ['text', '2'],
  ])(
    'an answer that is %s is refused with 400 naming the item, nothing stored',
    async (_name, bad) => {
      const patient = await givenPatientAccount(t);
      const before = await countRows(t, 'scale_responses');
      const response = await api(patient)('POST', '/api/me/scales', {
        instrument: 'phq-9',
        answers: { ...phq9([1, 1, 1, 1, 1, 1, 1, 1, 0]), 'phq9-3': bad },
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<Problem>()).toMatchObject({
        code: 'VALIDATION.FAILED',
        errors: [{ path: 'body.answers.phq9-3', code: 'OUTCOME.ANSWER_OUT_OF_RANGE' }],
        crisis: null,
      });
      expect(await countRows(t, 'scale_responses')).toBe(before);
    },
  );

  test('a bad answer beside item 9 above zero: 400, and the alert and crisis resources all the same', async () => {
    const patient = await givenPatientAccount(t);
    const response = await api(patient)('POST', '/api/me/scales', {
      instrument: 'phq-9',
      answers: { ...phq9([1, 1, 1, 1, 1, 1, 1, 1, 1]), 'phq9-2': 9 },
    });
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json<Problem>();
    expect(problem.crisis?.resources.map((r) => r.contact)).toEqual(['988', '911']);
    expect(problem.safetyAlertIds).toHaveLength(1);
  });

  test('a retried portal submission with the same idempotencyKey stores one response and one alert', async () => {
    const patient = await givenPatientAccount(t);
    const patientId = patient.user.patientId!;
    const body = {
      instrument: 'phq-9',
      answers: phq9([1, 1, 1, 1, 1, 1, 1, 1, 1]),
      idempotencyKey: 'retry-7b1c2d3e-scale',
    };
    const first = await api(patient)('POST', '/api/me/scales', body);
    const second = await api(patient)('POST', '/api/me/scales', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json<Submitted>()).toEqual(first.json<Submitted>());
    expect(second.headers['idempotent-replayed']).toBe('true');
    const counts = await t.database.query(
      `select (select count(*) from scale_responses where patient_id = $1)::int as responses,
              (select count(*) from safety_alerts where patient_id = $1)::int as alerts`,
      [patientId],
    );
    expect(counts[0]).toEqual({ responses: 1, alerts: 1 });

    const other = await api(patient)('POST', '/api/me/scales', {
      ...body,
      answers: phq9([0, 0, 0, 0, 0, 0, 0, 0, 0]),
    });
    expect(other.statusCode, other.body).toBe(422);
    expect(other.json<Problem>().code).toBe('REQUEST.IDEMPOTENCY_MISMATCH');
  });

  test('a retried paper entry with the same idempotencyKey stores one response', async () => {
    const patient = await givenPatientAccount(t);
    const patientId = patient.user.patientId!;
    const body = {
      instrument: 'phq-9',
      answers: phq9([2, 1, 1, 1, 1, 1, 1, 1, 0]),
      completedAt: T0.toISOString(),
      idempotencyKey: 'paper-4f5e6d7c-scale',
    };
    const first = await api(nurse)('POST', `/api/patients/${patientId}/scales`, body);
    const second = await api(nurse)('POST', `/api/patients/${patientId}/scales`, body);
    expect(first.statusCode, first.body).toBe(201);
    expect(second.json<Submitted>().response.id).toBe(first.json<Submitted>().response.id);
    const rows = await t.database.query(
      'select count(*)::int as n from scale_responses where patient_id = $1',
      [patientId],
    );
    expect(rows[0]?.n).toBe(1);
  });

  test('a patient cannot read, chart or enter scales for another patient', async () => {
    const me = await givenPatientAccount(t);
    const other = await givenPatientAccount(t);
    const otherId = other.user.patientId!;
    expect((await api(me)('GET', `/api/patients/${otherId}/scales`)).statusCode).toBe(404);
    expect((await api(me)('GET', `/api/patients/${otherId}/progress`)).statusCode).toBe(404);
    const entry = await api(me)('POST', `/api/patients/${otherId}/scales`, {
      instrument: 'phq-9',
      answers: phq9([0, 0, 0, 0, 0, 0, 0, 0, 0]),
    });
    expect(entry.statusCode).toBe(403);
    const denied = await t.database.query(
      `select count(*)::int as n from audit_log where patient_id = $1 and outcome = 'denied'`,
      [otherId],
    );
    expect(denied[0]?.n).toBe(2);
  });
});
