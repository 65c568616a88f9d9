import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KNOWLEDGE_IN_USE, recordKnowledgeInUse } from '../src/knowledge-audit';
import { loadClinicKnowledge, type ClinicKnowledge } from '../src/knowledge';
import { givenPatientAccount } from './appointment-fixtures';
import { as, createTestApp, DEMO, DRIVERS, login, T0, type Session, type TestApp } from './harness';
import { textOf } from './html-text';

/** A clinic in the UK (the documented example): Samaritans (call), Shout (text) and 999. */
const UK_SETTINGS_FILE = fileURLToPath(
  new URL('../../../docs/examples/clinic-settings-crisis-uk.json', import.meta.url),
);
const UK_CONTACTS = ['116 123', '85258', '999'];
const US_NUMBERS = /\b(988|911)\b/;

function ukKnowledge(): ClinicKnowledge {
  return loadClinicKnowledge(UK_SETTINGS_FILE);
}

interface Crisis {
  text: string;
  resources: { name: string; contact: string; reach: string; emergency: boolean; how: string }[];
}

function phq9(scores: readonly number[]): Record<string, number> {
  return Object.fromEntries(scores.map((s, i) => [`phq9-${String(i + 1)}`, s]));
}

describe.each(DRIVERS)('crisis resources from the clinic settings, on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  beforeAll(async () => {
    t = await createTestApp(driver, { knowledge: ukKnowledge() });
    nurse = await login(t.app, DEMO.nurse);
  });
  afterAll(async () => {
    await t.close();
  });

  test("a PHQ-9 with item 9 above zero returns the clinic's crisis lines, not 988 or 911", async () => {
    const patient = await givenPatientAccount(t);
    const response = await as(t.app, patient)('POST', '/api/me/scales', {
      instrument: 'phq-9',
      answers: phq9([1, 1, 1, 1, 1, 1, 1, 1, 2]),
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<{ crisis: Crisis | null; response: { safetyAlertIds: string[] } }>();
    expect(body.crisis?.resources.map((r) => r.contact)).toEqual(UK_CONTACTS);
    expect(body.crisis?.resources.map((r) => r.how)).toEqual([
      'Call 116 123',
      'Text 85258',
      'Call 999 if you are in immediate danger',
    ]);
    expect(body.crisis?.text).toContain('call 116 123 or text 85258 now');
    expect(body.crisis?.text).toContain('If you are in immediate danger, call 999.');
    expect(body.crisis?.text).not.toMatch(US_NUMBERS);

    // The care team's checklist names the same numbers.
    const [alertId] = body.response.safetyAlertIds;
    const alert = await as(t.app, nurse)('GET', `/api/safety-alerts/${String(alertId)}`);
    const actions = alert.json<{ careTeamActions: string[] }>().careTeamActions;
    expect(actions).toContain('If the patient is at imminent risk, call 999.');
    expect(actions).toContain(
      'Make sure the patient has the crisis resources (116 123, 85258, 999).',
    );
    expect(actions.join(' ')).not.toMatch(US_NUMBERS);
  });

  test('a refused, partial PHQ-9 with item 9 above zero still carries the clinic lines', async () => {
    const patient = await givenPatientAccount(t);
    const response = await as(t.app, patient)('POST', '/api/me/scales', {
      instrument: 'phq-9',
      answers: { 'phq9-9': 1 },
    });
    expect(response.statusCode).toBe(422);
    const crisis = response.json<{ crisis: Crisis | null }>().crisis;
    expect(crisis?.resources.map((r) => r.contact)).toEqual(UK_CONTACTS);
  });

  test('GET /api/meta gives the web app the clinic lines, marked as set by the clinic', async () => {
    const meta = (await as(t.app, null)('GET', '/api/meta')).json<{
      crisis: { resources: Crisis['resources']; setByClinic: boolean };
    }>();
    expect(meta.crisis.setByClinic).toBe(true);
    expect(meta.crisis.resources.map((r) => [r.contact, r.reach, r.emergency])).toEqual([
      ['116 123', 'call', false],
      ['85258', 'text', false],
      ['999', 'call', true],
    ]);
  });

  test('the self-check answer page shows the clinic lines and not 988', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/check',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams([
        ['indication', 'suicidal-ideation'],
        ['age', '40'],
        ['sex', 'male'],
        ['conditions', 'CI.SCHIZOPHRENIA_OR_PSYCHOSIS'],
        ['systolic', '118'],
        ['diastolic', '76'],
      ]).toString(),
    });
    expect(response.statusCode).toBe(200);
    const alert = /<p class="alert" data-crisis="alternatives">([\s\S]*?)<\/p>/.exec(response.body);
    const text = textOf(alert?.[1] ?? '');
    expect(text).toContain('call 999 (Emergency services) now');
    expect(text).toContain('call 116 123 (Samaritans) or text 85258 (Shout)');
    expect(textOf(response.body)).not.toMatch(US_NUMBERS);
  });

  test('the education pages show the clinic lines in the footer and the urgent advice, not 988 or 911', async () => {
    for (const path of ['/learn', '/learn/indications/suicidal-ideation']) {
      const response = await t.app.inject({ method: 'GET', url: path });
      expect(response.statusCode, path).toBe(200);
      const text = textOf(response.body);
      expect(text, path).toContain('In an emergency, call 999 (Emergency services).');
      expect(text, path).toContain(
        'For crisis support, call 116 123 (Samaritans) or text 85258 (Shout).',
      );
      expect(text, path).not.toMatch(US_NUMBERS);
    }
    const page = await t.app.inject({ method: 'GET', url: '/learn/indications/suicidal-ideation' });
    expect(textOf(page.body)).toContain(
      'If you might act on thoughts of ending your life, call 999 (Emergency services) or call 116 123 (Samaritans) or text 85258 (Shout) now.',
    );
  });

  test('the knowledge-in-use audit row lists the crisis lines the clinic set', async () => {
    const knowledge = ukKnowledge();
    await recordKnowledgeInUse(t.database.db, knowledge, T0);
    const [row] = (await t.database.query(
      'select detail from audit_log where action = $1 and resource_id = $2',
      [KNOWLEDGE_IN_USE, knowledge.version],
    )) as { detail: { overrides: { path: string; from: unknown; to: unknown }[] } }[];
    expect(row?.detail.overrides).toEqual(
      expect.arrayContaining([
        { path: 'crisisResources[0].contact', from: '988', to: '116 123' },
        { path: 'crisisResources[1].contact', from: '911', to: '85258' },
        { path: 'crisisResources[2].contact', from: null, to: '999' },
      ]),
    );
  });
});

describe('crisis resources by default', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { demo: false });
  });
  afterAll(async () => {
    await t.close();
  });

  test('the US lines, marked as the default, and in the education footer', async () => {
    const meta = (await as(t.app, null)('GET', '/api/meta')).json<{
      crisis: { resources: Crisis['resources']; setByClinic: boolean };
    }>();
    expect(meta.crisis.setByClinic).toBe(false);
    expect(meta.crisis.resources.map((r) => r.contact)).toEqual(['988', '911']);
    const text = textOf((await t.app.inject({ method: 'GET', url: '/learn' })).body);
    expect(text).toContain('In an emergency, call 911 (Emergency services).');
    expect(text).toContain('For crisis support, call or text 988 (988 Suicide & Crisis Lifeline).');
  });
});
