/**
 * Safety alerts from item 9 of the PHQ-9: raised with crisis resources at once (even from an
 * incomplete form), the care team told by MRN only, and closed by a documented follow-up.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { givenPatientAccount } from './appointment-fixtures';
import { countRows, DEMO, DRIVERS, T0, type Session, type TestApp } from './harness';
import {
  daysFromT0,
  phq9,
  useOutcomes,
  type Alert,
  type Problem,
  type Submitted,
} from './outcomes-fixtures';

describe.each(DRIVERS)('outcomes: safety alerts on %s', (driver) => {
  const fixture = useOutcomes(driver);
  const { api, givenCourse, auditActions } = fixture;
  let t: TestApp;
  let nurse: Session;
  let prescriber: Session;
  let admin: Session;
  beforeAll(() => {
    ({ t, nurse, prescriber, admin } = fixture);
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

  test('an incomplete PHQ-9 with item 9 above zero is not stored but still raises the alert', async () => {
    const patient = await givenPatientAccount(t);
    const before = await countRows(t, 'scale_responses');
    const response = await api(patient)('POST', '/api/me/scales', {
      instrument: 'phq-9',
      answers: { 'phq9-1': 1, 'phq9-9': 2 },
    });
    expect(response.statusCode, response.body).toBe(422);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('OUTCOME.RESPONSE_INCOMPLETE');
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

  test('a documented follow-up closes the alert; a bad one names the field and changes nothing', async () => {
    const patient = await givenPatientAccount(t);
    const patientId = patient.user.patientId!;
    const submitted = await api(patient)('POST', '/api/me/scales', {
      instrument: 'phq-9',
      answers: phq9([0, 0, 0, 0, 0, 0, 0, 0, 3]),
    });
    const alertId = submitted.json<Submitted>().response.safetyAlertIds[0]!;
    const url = `/api/safety-alerts/${alertId}/follow-up`;

    const notReached = await api(nurse)('POST', url, {
      reviewedAt: T0.toISOString(),
      contact: 'not-reached',
      riskAssessment: 'Called twice, no answer; voicemail left.',
      actions: ['crisis-resources-given'],
      patientGivenCrisisResources: false,
    });
    expect(notReached.statusCode, notReached.body).toBe(400);
    expect(notReached.json<Problem>()).toMatchObject({
      code: 'VALIDATION.FAILED',
      errors: [{ path: 'body.nextContactAt' }],
    });
    const reached = {
      reviewedAt: T0.toISOString(),
      contact: 'phone',
      riskAssessment: 'Passive thoughts, no plan or intent; safety plan in place.',
      actions: ['risk-assessed', 'safety-plan-reviewed', 'crisis-resources-given'],
      patientGivenCrisisResources: true,
    };
    const noResources = await api(nurse)('POST', url, {
      ...reached,
      patientGivenCrisisResources: false,
    });
    expect(noResources.json<Problem>().errors?.map((e) => e.path)).toEqual([
      'body.patientGivenCrisisResources',
    ]);
    const future = await api(nurse)('POST', url, {
      ...reached,
      reviewedAt: daysFromT0(1).toISOString(),
    });
    expect(future.json<Problem>().errors?.map((e) => e.path)).toEqual(['body.reviewedAt']);
    const open = await t.database.query('select status from safety_alerts where id = $1', [
      alertId,
    ]);
    expect(open[0]?.status).toBe('open');

    expect((await api(patient)('POST', url, reached)).statusCode).toBe(403);
    expect((await api(admin)('POST', url, reached)).statusCode).toBe(403);

    const done = await api(nurse)('POST', url, reached);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<Alert>()).toMatchObject({
      status: 'followed-up',
      followedUpBy: { id: nurse.user.id },
      followUp: { ...reached, reviewedBy: nurse.user.id },
    });
    const again = await api(prescriber)('POST', url, reached);
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('OUTCOME.ALERT_CLOSED');
    const openList = await api(prescriber)('GET', '/api/safety-alerts?status=open');
    expect(openList.json<{ items: Alert[] }>().items.map((a) => a.id)).not.toContain(alertId);
    expect(await auditActions(patientId)).toEqual(
      expect.arrayContaining([
        'patient.safety-alert.follow-up:invalid',
        'patient.safety-alert.follow-up:success',
      ]),
    );
  });
});
