import {
  clinicOutcomes,
  clinicOutcomesCsv,
  getInstrument,
  outcomeCriteria,
  progress,
  scoreResponse,
} from '@ketaflow/core';
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
  crisis?: { text: string; resources: { contact: string }[] } | null;
  safetyAlertIds?: string[];
}
interface ScaleResponse {
  id: string;
  instrument: string;
  answers: Record<string, number>;
  total: number;
  band: { id: string; label: string } | null;
  source: string;
  enteredBy: { id: string };
  courseId: string | null;
  completedAt: string;
  knowledgeVersion: string;
  safetyAlertIds: string[];
}
interface Submitted {
  response: ScaleResponse;
  crisis: { text: string; resources: { contact: string; how: string }[] } | null;
}
interface Alert {
  id: string;
  status: string;
  patient: { id: string; mrn: string };
  responseId: string | null;
  itemId: string;
  answer: { score: number };
  followUp: Record<string, unknown> | null;
  followedUpBy: { id: string } | null;
}

const DAY = 86_400_000;
const daysFromT0 = (days: number, hour = 14) =>
  new Date(T0.getTime() + days * DAY + (hour - 14) * 3_600_000);

/** PHQ-9 answers `phq9-1` … `phq9-9` from nine scores. */
function phq9(scores: readonly number[]): Record<string, number> {
  return Object.fromEntries(scores.map((s, i) => [`phq9-${String(i + 1)}`, s]));
}

describe.each(DRIVERS)('outcomes on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  let prescriber: Session;
  let admin: Session;
  const api = (s: Session | null) => as(t.app, s);

  async function one(text: string, params: unknown[]): Promise<string> {
    const rows = await t.database.query(text, params);
    const id = rows[0]?.id;
    if (typeof id !== 'string') throw new Error(`no id from ${text}`);
    return id;
  }

  /** A signed screening and an active course for the patient, with sessions as given. */
  async function givenCourse(
    patientId: string,
    indication: string,
    sessions: readonly { at: Date; status: 'completed' | 'booked' }[],
  ): Promise<string> {
    const screeningId = await one(
      `insert into screenings (patient_id, indication, product, as_of, knowledge_version, input, result, decision, created_by, signed_by, signed_at, acceptances)
       values ($1, $2, 'ketamine-iv', '2026-01-15', 'test', '{}', '{}', 'eligible', $3, $3, $4, '[]') returning id`,
      [patientId, indication, prescriber.user.id, daysFromT0(-40)],
    );
    const courseId = await one(
      `insert into courses (patient_id, screening_id, indication, product, location_id, dose, sessions_per_week, weeks, start_date, status, created_by, created_at)
       values ($1, $2, $3, 'ketamine-iv', (select id from locations order by code limit 1), '{"value":0.5,"unit":"mg/kg"}', 2, 3, '2026-02-01', 'active', $4, $5) returning id`,
      [patientId, screeningId, indication, prescriber.user.id, daysFromT0(-40)],
    );
    for (const s of sessions)
      await t.database.query(
        `insert into appointments (patient_id, type, status, location_id, course_id, starts_at, ends_at, created_by)
         values ($1, 'infusion', $2, (select id from locations order by code limit 1), $3, $4, $5, $6)`,
        [
          patientId,
          s.status,
          courseId,
          s.at,
          new Date(s.at.getTime() + 2 * 3_600_000),
          prescriber.user.id,
        ],
      );
    return courseId;
  }

  async function paper(patientId: string, instrument: string, answers: object, at: Date) {
    const response = await api(nurse)('POST', `/api/patients/${patientId}/scales`, {
      instrument,
      answers,
      completedAt: at.toISOString(),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Submitted>();
  }

  async function auditActions(patientId: string): Promise<string[]> {
    const rows = await t.database.query(
      'select action, outcome from audit_log where patient_id = $1 order by id',
      [patientId],
    );
    return rows.map((r) => `${String(r.action)}:${String(r.outcome)}`);
  }

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    prescriber = await login(t.app, DEMO.prescriber);
    admin = await login(t.app, DEMO.admin);
  });
  afterAll(async () => {
    await t.close();
  });

  test('a patient fills in a PHQ-9: stored and scored as core scores it, audited', async () => {
    const patient = await givenPatientAccount(t);
    const answers = phq9([1, 2, 1, 2, 1, 1, 0, 1, 0]);
    const response = await api(patient)('POST', '/api/me/scales', {
      instrument: 'phq-9',
      answers,
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<Submitted>();
    const core = scoreResponse(getInstrument(t.knowledge.kb, 'phq-9'), answers);
    if (!core.ok) throw new Error('core refused a complete PHQ-9');
    expect(body.crisis).toBeNull();
    expect(body.response).toMatchObject({
      instrument: 'phq-9',
      answers,
      total: core.value.total,
      band: { id: core.value.band?.id, label: core.value.band?.label },
      source: 'portal',
      enteredBy: { id: patient.user.id },
      completedAt: T0.toISOString(),
      knowledgeVersion: t.knowledge.kb.knowledgeVersion,
      safetyAlertIds: [],
    });
    expect(body.response.total).toBe(9);
    const list = await api(patient)('GET', '/api/me/scales');
    expect(list.json<{ items: ScaleResponse[] }>().items.map((r) => r.id)).toEqual([
      body.response.id,
    ]);
    const patientId = patient.user.patientId!;
    expect(await auditActions(patientId)).toEqual([
      'patient.scale.create:success',
      'patient.scale.list:success',
    ]);
  });

  test('item 9 answered 1: alert raised, crisis resources at once, care team told by MRN only, audited', async () => {
    const patient = await givenPatientAccount(t);
    const patientId = patient.user.patientId!;
    await givenCourse(patientId, 'depression', []);
    const outboxBefore = await countRows(t, 'outbox');
    const response = await api(patient)('POST', '/api/me/scales', {
      instrument: 'phq-9',
      answers: phq9([2, 2, 1, 1, 1, 1, 1, 1, 1]),
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<Submitted>();
    expect(body.crisis?.resources.map((r) => r.contact)).toEqual(['988', '911']);
    expect(body.crisis?.text).toContain('988');
    expect(body.response.safetyAlertIds).toHaveLength(1);
    expect(body.response.courseId).not.toBeNull();

    const alerts = await api(nurse)('GET', '/api/safety-alerts?status=open');
    const alert = alerts.json<{ items: Alert[] }>().items.find((a) => a.patient.id === patientId);
    expect(alert).toMatchObject({
      id: body.response.safetyAlertIds[0],
      status: 'open',
      responseId: body.response.id,
      itemId: 'phq9-9',
      answer: { score: 1 },
      followUp: null,
    });

    const mrn = alert!.patient.mrn;
    const mail = await t.database.query(
      'select to_address, subject, body from outbox order by created_at desc, id limit 10',
    );
    expect((await countRows(t, 'outbox')) - outboxBefore).toBe(1);
    const message = mail.find((m) => String(m.body).includes(alert!.id))!;
    expect(message.to_address).toBe(DEMO.prescriber);
    expect(String(message.body)).toContain(`MRN: ${mrn}`);
    expect(String(message.body)).not.toContain('Portal');
    expect(String(message.body)).not.toMatch(/total|score \d/i);

    expect(await auditActions(patientId)).toEqual(
      expect.arrayContaining([
        'patient.scale.create:success',
        'patient.safety-alert.create:success',
        'patient.safety-alert.list:success',
      ]),
    );
  });

  test('partial answers are refused naming each item and nothing is stored', async () => {
    const patient = await givenPatientAccount(t);
    const before = await countRows(t, 'scale_responses');
    const answers: Record<string, unknown> = phq9([1, 1, 1, 1, 1, 1, 1, 1, 0]);
    delete answers['phq9-4'];
    answers['phq9-2'] = 7;
    const response = await api(patient)('POST', '/api/me/scales', {
      instrument: 'phq-9',
      answers,
    });
    expect(response.statusCode, response.body).toBe(422);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('OUTCOME.RESPONSE_INCOMPLETE');
    expect(problem.errors?.map((e) => e.path).sort()).toEqual([
      'body.answers.phq9-2',
      'body.answers.phq9-4',
    ]);
    expect(problem.crisis).toBeNull();
    expect(await countRows(t, 'scale_responses')).toBe(before);
    expect(await auditActions(patient.user.patientId!)).toEqual(['patient.scale.create:invalid']);
  });

  test('an incomplete PHQ-9 with item 9 above zero is not stored but still raises the alert', async () => {
    const patient = await givenPatientAccount(t);
    const before = await countRows(t, 'scale_responses');
    const response = await api(patient)('POST', '/api/me/scales', {
      instrument: 'phq-9',
      answers: { 'phq9-1': 1, 'phq9-9': 2 },
    });
    expect(response.statusCode, response.body).toBe(422);
    const problem = response.json<Problem>();
    expect(problem.errors).toHaveLength(7);
    expect(problem.crisis?.resources.map((r) => r.contact)).toEqual(['988', '911']);
    expect(problem.safetyAlertIds).toHaveLength(1);
    expect(await countRows(t, 'scale_responses')).toBe(before);
    const rows = await t.database.query(
      'select response_id, answer, status from safety_alerts where id = $1',
      [problem.safetyAlertIds![0]],
    );
    expect(rows[0]).toMatchObject({ response_id: null, answer: 2, status: 'open' });
  });

  test('an unknown instrument or custom form is refused with OUTCOME.UNKNOWN_INSTRUMENT', async () => {
    const patient = await givenPatientAccount(t);
    for (const instrument of ['beck', 'custom:nope']) {
      const response = await api(patient)('POST', '/api/me/scales', { instrument, answers: {} });
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json<Problem>()).toMatchObject({
        code: 'OUTCOME.UNKNOWN_INSTRUMENT',
        errors: [{ path: 'body.instrument' }],
      });
    }
  });
});
