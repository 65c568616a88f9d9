import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderPrerenderedPage } from '../src/routes/education/render';
import { readSelfCheckForm, selfCheckFormPage } from '../src/routes/screening/self-check-page';
import { createTestApp, type TestApp } from './harness';
import { textOf } from './html-text';
import { webAppWith } from './web-shell';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('pglite', { demo: false });
});
afterAll(async () => {
  await t.close();
});

/** Posts the plain form as a browser does (application/x-www-form-urlencoded). */
async function postForm(fields: [string, string][]) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/check',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
  return {
    status: response.statusCode,
    type: response.headers['content-type'],
    html: response.body,
  };
}

interface ApiAnswer {
  outcome: string;
  title: string;
  message: string;
  reasons: { severity: string; summary: string }[];
  checkAtConsult: string[];
}

async function apiAnswer(body: object): Promise<ApiAnswer> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/public/self-screening',
    payload: body,
  });
  expect(response.statusCode).toBe(200);
  return response.json<ApiAnswer>();
}

describe('the self-check without JavaScript (POST /check)', () => {
  test('answers as the API does for the same answers, and shows the form again with them', async () => {
    const page = await postForm([
      ['indication', 'depression'],
      ['product', 'unsure'],
      ['age', '34'],
      ['sex', 'female'],
      ['pregnancy', 'not-pregnant'],
      ['breastfeeding', 'no'],
      ['conditions', 'CI.SCHIZOPHRENIA_OR_PSYCHOSIS'],
      ['otherConditions', 'asthma\r\n\r\n  migraine  '],
      ['medications', 'Xanax\r\nsertraline'],
      ['systolic', '128'],
      ['diastolic', '82'],
    ]);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    const api = await apiAnswer({
      indication: 'depression',
      ageYears: 34,
      sex: 'female',
      pregnancy: 'not-pregnant',
      breastfeeding: 'no',
      conditions: ['CI.SCHIZOPHRENIA_OR_PSYCHOSIS'],
      otherConditions: ['asthma', 'migraine'],
      medications: ['Xanax', 'sertraline'],
      bloodPressure: { systolicMmHg: 128, diastolicMmHg: 82 },
    });
    expect(api.reasons.length).toBeGreaterThan(0);
    expect(page.html).toContain(`data-outcome="${api.outcome}"`);
    const text = textOf(page.html);
    for (const part of [api.title, api.message, ...api.checkAtConsult])
      expect(text).toContain(textOf(part));
    for (const reason of api.reasons) expect(text).toContain(textOf(reason.summary));
    // The questions again, filled in as sent, to change an answer.
    expect(text).toContain('Change your answers');
    expect(page.html).toMatch(/<option value="depression" selected="">/);
    expect(/<input[^>]*value="CI.SCHIZOPHRENIA_OR_PSYCHOSIS"[^>]*>/.exec(page.html)?.[0]).toContain(
      'checked=""',
    );
    expect(/<input[^>]*value="CI.SEVERE_LIVER_DISEASE"[^>]*>/.exec(page.html)?.[0]).not.toContain(
      'checked',
    );
    expect(page.html).toContain('>Xanax\nsertraline</textarea>');
  });

  test('names every answer that needs another look, keeps the rest, and answers 400', async () => {
    const page = await postForm([
      ['indication', 'depression'],
      ['age', 'thirty'],
      ['systolic', '120'],
      ['diastolic', '125'],
      ['medications', 'lithium'],
    ]);
    expect(page.status).toBe(400);
    const text = textOf(page.html);
    expect(text).toContain('Some answers need another look');
    expect(text).toContain('Your age: Enter your age in whole years');
    expect(text).toContain('Sex: Choose an answer');
    expect(text).toContain(
      'Bottom number (diastolic): The bottom number is smaller than the top one',
    );
    expect(text).not.toContain('What would you like treatment for?: ');
    expect(page.html).toContain('href="#check-age"');
    expect(page.html).toMatch(/id="check-age"[^>]*aria-invalid="true"/);
    expect(page.html).toMatch(/<option value="depression" selected="">/);
    expect(page.html).toContain('>lithium</textarea>');
    expect(page.html).not.toContain('data-outcome');
  });

  test('a list longer than the check takes is named, not cut short', async () => {
    const page = await postForm([
      ['indication', 'ptsd'],
      ['age', '40'],
      ['sex', 'male'],
      ['conditions', 'none'],
      ['medications', Array.from({ length: 51 }, (_, i) => `medicine ${String(i)}`).join('\n')],
    ]);
    expect(page.status).toBe(400);
    expect(textOf(page.html)).toContain(
      'Medicines you take now: List at most 50 medicines, each up to 200 characters',
    );
  });

  test('a body that is not a form gets the form back with its errors, never a crash', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/check',
      payload: { indication: ['depression', 7], age: 34, sex: { value: 'female' }, conditions: 5 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const text = textOf(response.body);
    expect(text).toContain('Your age: Enter your age in whole years');
    expect(text).toContain('Sex: Choose an answer');
    expect(response.body).toMatch(/<option value="depression" selected="">/);
  });

  test('an empty or unknown answer is read as not given, never as a default', () => {
    const values = readSelfCheckForm({
      indication: 'insomnia',
      product: 'pills',
      sex: ['female', 'male'],
      age: '',
      conditions: ['CI.A', ' CI.B '],
      otherConditions: undefined,
    });
    expect(values).toMatchObject({
      indication: '',
      product: 'unsure',
      sex: 'female',
      age: '',
      conditions: ['CI.A', 'CI.B'],
      otherConditions: [],
      systolic: '',
    });
  });

  test('GET /check sends the questions in the web app shell, posting to /check', async () => {
    const web = await webAppWith({
      prerendered: [renderPrerenderedPage(selfCheckFormPage(), t.knowledge.kb, 'Clinic')],
    });
    const response = await web.inject({ method: 'GET', url: '/check' });
    await web.close();
    expect(response.body).toMatch(/<form [^>]*action="\/check" method="post"/);
    expect(response.body).toContain('<title>Could ketamine treatment suit you? · Clinic</title>');
    const conditions = [...response.body.matchAll(/name="conditions" value="([^"]+)"/g)].map(
      (m) => m[1],
    );
    const questions = (
      await t.app.inject({ method: 'GET', url: '/api/public/self-screening/questions' })
    ).json<{ conditions: { code: string }[] }>();
    // The listed conditions, then the two answers that tick no condition.
    expect(conditions).toEqual([...questions.conditions.map((c) => c.code), 'none', 'unsure']);
  });
});
