/**
 * Filling in a scale: a patient's PHQ-9 scored as core scores it, answers refused by item, unknown
 * instruments, paper forms a nurse enters for a patient, and custom forms an admin defines.
 */
import { getInstrument, scoreResponse } from '@ketaflow/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { givenPatientAccount } from './appointment-fixtures';
import { countRows, DRIVERS, T0, type Session, type TestApp } from './harness';
import {
  daysFromT0,
  phq9,
  useOutcomes,
  type Problem,
  type ScaleResponse,
  type Submitted,
} from './outcomes-fixtures';

describe.each(DRIVERS)('outcomes: filling in scales on %s', (driver) => {
  const fixture = useOutcomes(driver);
  const { api, paper, auditActions } = fixture;
  let t: TestApp;
  let nurse: Session;
  let admin: Session;
  beforeAll(() => {
    ({ t, nurse, admin } = fixture);
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
    const core = scoreResponse(
      getInstrument(t.knowledge.kb, 'phq-9'),
      answers,
      t.knowledge.kb.crisisResources.resources,
    );
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

  test('partial answers with a bad one are refused (400) naming each item and nothing is stored', async () => {
    const patient = await givenPatientAccount(t);
    const before = await countRows(t, 'scale_responses');
    const answers: Record<string, unknown> = phq9([1, 1, 1, 1, 1, 1, 1, 1, 0]);
    delete answers['phq9-4'];
    answers['phq9-2'] = 7;
    const response = await api(patient)('POST', '/api/me/scales', {
      instrument: 'phq-9',
      answers,
    });
    // An answer that is not one of the item's scores makes it a bad request, not an incomplete one.
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('VALIDATION.FAILED');
    expect(problem.errors?.map((e) => e.path).sort()).toEqual([
      'body.answers.phq9-2',
      'body.answers.phq9-4',
    ]);
    expect(problem.crisis).toBeNull();
    expect(await countRows(t, 'scale_responses')).toBe(before);
    expect(await auditActions(patient.user.patientId!)).toEqual(['patient.scale.create:invalid']);
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

  test('a nurse enters a paper form on the patient’s behalf; a patient may not', async () => {
    const patient = await givenPatientAccount(t);
    const patientId = patient.user.patientId!;
    const answers = Object.fromEntries(
      [2, 1, 2, 1, 0, 1, 3].map((s, i) => [`gad7-${String(i + 1)}`, s]),
    );
    const entered = await paper(patientId, 'gad-7', answers, daysFromT0(-2));
    expect(entered.response).toMatchObject({
      instrument: 'gad-7',
      total: 10,
      band: { id: 'moderate' },
      source: 'paper',
      enteredBy: { id: nurse.user.id },
      completedAt: daysFromT0(-2).toISOString(),
    });
    const future = await api(nurse)('POST', `/api/patients/${patientId}/scales`, {
      instrument: 'gad-7',
      answers,
      completedAt: daysFromT0(1).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json<Problem>().errors?.[0]?.path).toBe('body.completedAt');
    // A year no paper form was filled in: refused by name like every other instant.
    const yearZero = await api(nurse)('POST', `/api/patients/${patientId}/scales`, {
      instrument: 'gad-7',
      answers,
      completedAt: '0000-01-01T00:00:00Z',
    });
    expect(yearZero.statusCode, yearZero.body).toBe(400);
    expect(yearZero.json<Problem>().errors?.[0]?.path).toBe('body.completedAt');
    const byPatient = await api(patient)('POST', `/api/patients/${patientId}/scales`, {
      instrument: 'gad-7',
      answers,
    });
    expect(byPatient.statusCode).toBe(403);
    const byAdmin = await api(admin)('POST', `/api/patients/${patientId}/scales`, {
      instrument: 'gad-7',
      answers,
    });
    expect(byAdmin.statusCode).toBe(403);
  });

  test('custom forms: an admin creates one (checked by core), staff list it, patients fill it in', async () => {
    const form = {
      id: 'sleep-check',
      kind: 'custom',
      name: 'Sleep check',
      shortName: 'Sleep',
      instructions: 'Over the last week:',
      items: [
        {
          id: 'sleep-1',
          text: 'How well did you sleep?',
          options: [
            { score: 0, label: 'Well' },
            { score: 1, label: 'Poorly' },
          ],
        },
      ],
    };
    const bad = await api(admin)('POST', '/api/custom-forms', {
      ...form,
      items: [
        {
          ...form.items[0],
          options: [
            { score: 0, label: 'Well' },
            { score: 0, label: 'Poorly' },
          ],
        },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.map((e) => e.path)).toEqual([
      'body.items[0].options[1].score',
    ]);
    expect((await api(nurse)('POST', '/api/custom-forms', form)).statusCode).toBe(403);
    const created = await api(admin)('POST', '/api/custom-forms', form);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<{ ref: string }>().ref).toBe('custom:sleep-check');
    expect((await api(admin)('POST', '/api/custom-forms', form)).statusCode).toBe(409);
    const listed = await api(nurse)('GET', '/api/custom-forms');
    expect(listed.json<{ items: { ref: string }[] }>().items.map((f) => f.ref)).toContain(
      'custom:sleep-check',
    );
    const patient = await givenPatientAccount(t);
    const filled = await api(patient)('POST', '/api/me/scales', {
      instrument: 'custom:sleep-check',
      answers: { 'sleep-1': 1 },
    });
    expect(filled.statusCode, filled.body).toBe(201);
    expect(filled.json<Submitted>().response).toMatchObject({ total: 1, band: null });
  });
});
