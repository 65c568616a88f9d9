import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { countRows, createTestApp, registerAndVerify, type TestApp } from './harness';

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
  conditionsAnswer: 'none',
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

describe('self-screening with a breastfeeding answer it does not know', () => {
  test.each([
    ['left unanswered', { breastfeeding: undefined }],
    ['answered "not sure"', { breastfeeding: 'unsure' }],
    [
      'answered "not sure" when pregnancy is not possible',
      { breastfeeding: 'unsure', pregnancy: 'not-possible' },
    ],
  ])('%s by a woman of 30 needs a clinician, never "may suit"', async (_label, answer) => {
    const response = await post({ ...base, pregnancy: 'not-pregnant', ...answer });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Answer>();
    expect(body.outcome).toBe('clinician-review');
    expect(body.reasons).toEqual([
      {
        severity: 'warning',
        summary: expect.stringContaining('whether you are breastfeeding') as string,
      },
    ]);
    expect(body.checkAtConsult).toContain('Whether you are breastfeeding will be checked.');
  });

  test.each([
    ['not breastfeeding', { pregnancy: 'not-pregnant' }],
    ['a man, who is not asked', { sex: 'male', breastfeeding: undefined }],
    // Outside the knowledge base's ages for asking about pregnancy (askAgeYears, 10-55).
    ['a woman of 60, who is not asked', { ageYears: 60, breastfeeding: undefined }],
  ])('%s still may suit', async (_label, answer) => {
    const response = await post({ ...base, ...answer });
    expect(response.json<Answer>().outcome).toBe('may-suit');
  });
});

describe('self-screening with the conditions question unanswered or not sure', () => {
  const answered = { ...base, pregnancy: 'not-pregnant', conditionsAnswer: undefined };

  test.each([
    ['no conditions field at all', {}],
    ['an empty list (it once meant "none"; now it says nothing)', { conditions: [] }],
    ['"not sure"', { conditionsAnswer: 'unsure' }],
  ])('%s needs a clinician, never "may suit"', async (_label, answer) => {
    const response = await post({ ...answered, ...answer });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Answer>();
    expect(body.outcome).toBe('clinician-review');
    expect(body.reasons).toEqual([
      {
        severity: 'warning',
        summary: expect.stringContaining('any of the conditions listed') as string,
      },
    ]);
    expect(body.checkAtConsult).toContain(
      'The conditions on the list will be gone through with you.',
    );
  });

  test('"not sure" beside a condition that rules ketamine out keeps both reasons', async () => {
    const response = await post({
      ...answered,
      conditions: ['CI.SCHIZOPHRENIA_OR_PSYCHOSIS'],
      conditionsAnswer: 'unsure',
    });
    const body = response.json<Answer>();
    expect(body.outcome).toBe('not-suitable');
    expect(body.reasons.map((r) => r.severity).sort()).toEqual(['critical', 'warning']);
  });

  test('"none of these" may suit', async () => {
    const response = await post({ ...answered, conditionsAnswer: 'none' });
    expect(response.json<Answer>().outcome).toBe('may-suit');
  });

  test('refuses "none of these" beside a ticked condition, naming conditionsAnswer', async () => {
    const response = await post({
      ...answered,
      conditions: ['CI.SEVERE_LIVER_DISEASE'],
      conditionsAnswer: 'none',
    });
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('VALIDATION.FAILED');
    expect(problem.errors?.map((e) => e.path)).toEqual(['body.conditionsAnswer']);
  });

  test('registration keeps an intake without a conditions answer as a clinician review', async () => {
    const session = await registerAndVerify(t, {
      email: 'no-conditions-answer@example.org',
      password: 'a-long-password-1',
      givenName: 'Nell',
      familyName: 'Noanswer',
      birthDate: '1990-01-01',
      intake: { ...answered, conditions: [] },
    });
    const patientId = session.user.patientId;
    const [intake] = await t.database.query(`select outcome from intakes where patient_id = $1`, [
      patientId,
    ]);
    expect(intake?.outcome).toBe('clinician-review');
  });

  test.each([
    ['no tick', [], 400, 'Tick the conditions you have been told about'],
    [
      '"none of these" with a condition',
      ['none', 'CI.SEVERE_LIVER_DISEASE'],
      400,
      'cannot go with another tick',
    ],
    ['"I am not sure"', ['unsure'], 200, 'data-outcome="clinician-review"'],
    ['"None of these apply to me"', ['none'], 200, 'data-outcome="may-suit"'],
  ])('the plain form with %s', async (_label, ticked, status, shown) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/check',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams([
        ['indication', 'depression'],
        ['age', '40'],
        ['sex', 'male'],
        ['systolic', '118'],
        ['diastolic', '76'],
        ...ticked.map((code): [string, string] => ['conditions', code]),
      ]).toString(),
    });
    expect(response.statusCode).toBe(status);
    expect(response.body).toContain(shown);
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
      conditionsAnswer: undefined,
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
        intake: {
          ...base,
          pregnancy: 'not-pregnant',
          conditionsAnswer: undefined,
          conditions: ['CI.NOT_A_QUESTION'],
        },
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
