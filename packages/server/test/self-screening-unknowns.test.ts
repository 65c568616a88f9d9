import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { countRows, createTestApp, type TestApp } from './harness';

// The self-check must never answer "may suit" for an answer it did not get or could not read.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('pglite', { demo: false });
});
afterAll(async () => {
  await t.close();
});

interface Answer {
  outcome: string;
  reasons: { severity: string; summary: string }[];
  checkAtConsult: string[];
}
interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}

const post = (body: object) =>
  t.app.inject({ method: 'POST', url: '/api/public/self-screening', payload: body });

const base = {
  indication: 'depression',
  ageYears: 30,
  sex: 'female',
  breastfeeding: 'no',
  bloodPressure: { systolicMmHg: 118, diastolicMmHg: 76 },
};

describe('self-screening with a pregnancy status it does not know', () => {
  test.each([
    ['left unanswered', {}],
    ['answered "not sure"', { pregnancy: 'unsure' }],
  ])('%s by a woman of 30 needs a clinician, never "may suit"', async (_label, answer) => {
    const response = await post({ ...base, ...answer });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Answer>();
    expect(body.outcome).toBe('clinician-review');
    expect(body.reasons).toEqual([
      {
        severity: 'warning',
        summary: expect.stringContaining('whether you could be pregnant') as string,
      },
    ]);
  });

  test.each([
    ['not pregnant', { pregnancy: 'not-pregnant' }],
    ['pregnancy not possible', { pregnancy: 'not-possible' }],
    ['a man', { sex: 'male', breastfeeding: undefined }],
  ])('%s still may suit', async (_label, answer) => {
    const response = await post({ ...base, ...answer });
    expect(response.json<Answer>().outcome).toBe('may-suit');
  });
});

describe('self-screening answers it cannot read', () => {
  test.each([
    ['an unknown code', ['CI.NOT_A_QUESTION']],
    ['pregnancy as a condition (it has its own question)', ['CI.PREGNANCY']],
  ])('refuses %s in conditions, naming the item', async (_label, conditions) => {
    const response = await post({
      ...base,
      pregnancy: 'not-pregnant',
      conditions: ['CI.SEVERE_LIVER_DISEASE', ...conditions],
    });
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('VALIDATION.FAILED');
    expect(problem.errors?.map((e) => e.path)).toEqual(['body.conditions.1']);
  });

  test('refuses a bottom blood-pressure number at or above the top one, naming it', async () => {
    const response = await post({
      ...base,
      pregnancy: 'not-pregnant',
      bloodPressure: { systolicMmHg: 80, diastolicMmHg: 120 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<Problem>().errors?.map((e) => e.path)).toEqual([
      'body.bloodPressure.diastolicMmHg',
    ]);
  });

  test('the plain form shows the conditions question again for an unknown code', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/check',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams([
        ['indication', 'depression'],
        ['age', '40'],
        ['sex', 'male'],
        ['conditions', 'CI.NOT_A_QUESTION'],
      ]).toString(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Tick only the conditions listed');
    expect(response.body).not.toContain('data-outcome');
  });

  test('registration refuses intake conditions it cannot read and creates no account', async () => {
    const patients = await countRows(t, 'patients');
    const users = await countRows(t, 'users');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        email: 'unknown-code@example.org',
        password: 'a-long-password-1',
        givenName: 'Uma',
        familyName: 'Unknown',
        birthDate: '1990-01-01',
        intake: { ...base, pregnancy: 'not-pregnant', conditions: ['CI.NOT_A_QUESTION'] },
      },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<Problem>().errors?.map((e) => e.path)).toEqual([
      'body.intake.conditions.0',
    ]);
    expect(await countRows(t, 'patients')).toBe(patients);
    expect(await countRows(t, 'users')).toBe(users);
  });
});
