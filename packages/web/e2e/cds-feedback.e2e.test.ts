import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { demoEmails, takeScreenshot, useHarness } from './harness';
import { logIn, waitForPath, waitForText } from './steps';

type Json = Record<string, unknown>;

interface Card {
  uuid: string;
  indicator: string;
  source: { topic?: { code: string } };
  overrideReasons?: { code: string; system?: string; display?: string }[];
}

interface RuleRow {
  rule: string;
  cardsIssued: number;
  accepted: number;
  overridden: number;
  overrideRate: number | null;
  title: string | null;
  indicator: string | null;
  reasons: { code: string; system: string | null; display: string; count: number }[];
  comments: { comment: string; outcomeTimestamp: string }[];
}

// A CDS client (the "EHR") with its own ES256 key, allow-listed through CDS_CLIENTS. The public URL
// is fixed so the token audience does not depend on the port the harness picks.
const PUBLIC_URL = 'http://ketaflow.e2e.test';
const ISS = 'https://ehr.e2e.example.org';
const SERVICE = 'ketaflow-order-sign';
const RULE = 'CI.SCHIZOPHRENIA_OR_PSYCHOSIS';
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const clientsDir = mkdtempSync(join(tmpdir(), 'ketaflow-e2e-cds-'));
const clientsFile = join(clientsDir, 'cds-clients.json');
writeFileSync(
  clientsFile,
  JSON.stringify([
    {
      iss: ISS,
      jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'e2e', alg: 'ES256' }] },
    },
  ]),
);

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/** A CDS Hooks bearer token: ES256, five-minute expiry at most, a fresh jti. */
function token(aud: string): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: 'e2e' }));
  const payload = base64url(
    JSON.stringify({ iss: ISS, aud, iat: now, exp: now + 240, jti: randomUUID() }),
  );
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `${header}.${payload}.${base64url(signature)}`;
}

const searchset = (...resources: Json[]) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: resources.map((resource) => ({ resource })),
});

/** An order-sign call for IV ketamine, for a patient whose record lists schizophrenia. */
function orderSignRequest(hook = 'order-sign'): Json {
  const patientId = 'e2e-cds-patient';
  return {
    hook,
    hookInstance: randomUUID(),
    context: {
      userId: 'PractitionerRole/e2e',
      patientId,
      draftOrders: {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          {
            resource: {
              resourceType: 'MedicationRequest',
              id: 'draft-ketamine',
              status: 'draft',
              intent: 'order',
              medicationCodeableConcept: {
                coding: [
                  {
                    system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
                    code: '6130',
                    display: 'ketamine',
                  },
                ],
                text: 'ketamine 50 mg/mL injection',
              },
            },
          },
        ],
      },
    },
    prefetch: {
      patient: { resourceType: 'Patient', id: patientId, gender: 'male', birthDate: '1980-05-01' },
      medicationRequests: searchset(),
      medicationStatements: searchset(),
      conditions: searchset({
        resourceType: 'Condition',
        id: 'c1',
        clinicalStatus: { coding: [{ code: 'active' }] },
        code: { coding: [{ system: 'http://snomed.info/sct', code: '58214004' }] },
        subject: { reference: `Patient/${patientId}` },
      }),
      allergies: searchset(),
      bloodPressure: searchset(),
      pregnancyStatus: searchset(),
      weight: searchset(),
    },
  };
}

function waitForReport(page: Page, query = '') {
  return page.waitForResponse(
    (r) => r.url().endsWith(`/api/admin/cds-feedback${query}`) && r.request().method() === 'GET',
  );
}

async function openPage(page: Page): Promise<RuleRow[]> {
  const answer = waitForReport(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Decision support' })
    .click();
  await waitForPath(page, '/admin/cds');
  const response = await answer;
  expect(response.status()).toBe(200);
  return ((await response.json()) as { rules: RuleRow[] }).rules;
}

describe('CDS Hooks override rates in the browser', () => {
  const harness = useHarness(undefined, {
    // Without the demo clinic's decision-support history: the test counts every card it sees.
    env: {
      CDS_CLIENTS: clientsFile,
      KETAFLOW_PUBLIC_URL: PUBLIC_URL,
      KETAFLOW_DEMO_CDS_HISTORY: 'off',
    },
  });

  afterAll(() => {
    rmSync(clientsDir, { recursive: true, force: true });
  });

  async function post(path: string, body: Json): Promise<Json> {
    const response = await fetch(`${harness.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token(`${PUBLIC_URL}${path}`)}`,
      },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Json;
    expect(response.status, JSON.stringify(json)).toBe(200);
    return json;
  }

  test('before any card, the admin sees that none were issued', async () => {
    const page = await harness.newPage();
    await logIn(page, demoEmails.admin);
    expect(await openPage(page)).toEqual([]);
    await waitForText(page.getByRole('main'), 'No cards issued yet');
    expect(await page.getByRole('table', { name: 'Override rates per rule' }).count()).toBe(0);
  });

  test('an EHR signs orders and reports outcomes; the admin sees the override rate per rule', async () => {
    // Three order-sign calls fire the schizophrenia contraindication three times.
    const cards: Card[] = [];
    for (let i = 0; i < 3; i += 1) {
      const answer = (await post(`/cds-services/${SERVICE}`, orderSignRequest())) as {
        cards: Card[];
      };
      const card = answer.cards.find((c) => c.source.topic?.code === RULE);
      expect(card?.overrideReasons?.length).toBeGreaterThan(1);
      if (card) cards.push(card);
    }
    // And once when an order is selected (another service): the service filter tells them apart.
    const selected = (await post(
      '/cds-services/ketaflow-order-select',
      orderSignRequest('order-select'),
    )) as { cards: Card[] };
    expect(selected.cards.some((c) => c.source.topic?.code === RULE)).toBe(true);
    const [first, second, third] = cards as [Card, Card, Card];
    const [reasonA, reasonB] = first.overrideReasons as [
      { code: string; system: string; display: string },
      { code: string; system: string; display: string },
    ];
    const at = new Date().toISOString();
    const recorded = await post(`/cds-services/${SERVICE}/feedback`, {
      feedback: [
        { card: first.uuid, outcome: 'accepted', outcomeTimestamp: at },
        {
          card: second.uuid,
          outcome: 'overridden',
          outcomeTimestamp: at,
          overrideReason: { reason: reasonA, userComment: 'discussed at length' },
        },
        {
          card: third.uuid,
          outcome: 'overridden',
          outcomeTimestamp: at,
          overrideReason: { reason: reasonB },
        },
      ],
    });
    expect(recorded).toEqual({ recorded: 3 });

    const page = await harness.newPage();
    await logIn(page, demoEmails.admin);
    const rules = await openPage(page);
    const expected = rules.find((r) => r.rule === RULE);
    expect(expected).toMatchObject({
      cardsIssued: 4,
      accepted: 1,
      overridden: 2,
      indicator: first.indicator,
      comments: [{ comment: 'discussed at length', outcomeTimestamp: at }],
    });
    expect(expected?.overrideRate).toBeCloseTo(2 / 3);
    // The reasons come with the display the cards offered them with.
    expect(expected?.reasons).toEqual(
      expect.arrayContaining([
        { ...reasonA, count: 1 },
        { ...reasonB, count: 1 },
      ]),
    );

    const table = page.getByRole('table', { name: 'Override rates per rule' });
    await table.waitFor();
    const bodyRows = table.getByRole('rowgroup').nth(1).getByRole('row');
    expect(await bodyRows.count()).toBe(rules.length);
    // The only rule with feedback has the highest override rate: it comes first.
    const row = bodyRows.first();
    await waitForText(row, RULE);
    const knowledge = (await (await fetch(`${harness.baseUrl}/api/knowledge`)).json()) as {
      contraindications: { code: string; name: string }[];
    };
    const name = knowledge.contraindications.find((c) => c.code === RULE)?.name ?? '';
    expect(name).not.toBe('');
    // The title comes from the server, and is the knowledge base's name for the rule.
    expect(expected?.title).toBe(name);
    await waitForText(row.getByRole('rowheader'), name);
    await waitForText(row.getByRole('rowheader'), first.indicator);

    const cells = row.getByRole('cell');
    expect(await cells.nth(0).textContent()).toBe(String(expected?.cardsIssued));
    expect(await cells.nth(1).textContent()).toBe(String(expected?.accepted));
    expect(await cells.nth(2).textContent()).toBe(String(expected?.overridden));
    const percent = `${String(Math.round((expected?.overrideRate ?? 0) * 100))}%`;
    expect(percent).toBe('67%');
    expect(await cells.nth(3).textContent()).toBe(`${percent}2 of 3 answers`);
    const reasons = cells
      .nth(4)
      .getByRole('list', { name: `Override reasons for ${RULE}` })
      .getByRole('listitem');
    expect(await reasons.count()).toBe(2);
    for (const reason of expected?.reasons ?? []) {
      const text = (await reasons.filter({ hasText: `(${reason.code})` }).textContent()) ?? '';
      expect(text).toBe(`${reason.display} (${reason.code}): ${String(reason.count)}`);
    }
    const comments = cells.nth(4).getByRole('list', { name: `Comments on ${RULE}` });
    await waitForText(comments, '“discussed at length”');

    // Rules whose cards had no feedback show a dash and say so, never 0%.
    const silent = rules.find((r) => r.overrideRate === null);
    expect(silent).toBeDefined();
    const silentRow = bodyRows.filter({ hasText: silent?.rule ?? '' });
    expect(await silentRow.getByRole('cell').nth(3).textContent()).toBe('—No feedback yet');
    await takeScreenshot(page, 'admin-cds-feedback');

    // The service filter re-asks the server: order select issued one card of the rule, unanswered.
    const narrowed = waitForReport(page, '?serviceId=ketaflow-order-select');
    await page.getByRole('combobox', { name: 'Service' }).click();
    await page.getByRole('option', { name: 'Order select', exact: true }).click();
    const selectRules = ((await (await narrowed).json()) as { rules: RuleRow[] }).rules;
    expect(selectRules.find((r) => r.rule === RULE)).toMatchObject({
      cardsIssued: 1,
      accepted: 0,
      overridden: 0,
      overrideRate: null,
    });
    const selectRow = bodyRows.filter({ hasText: RULE });
    await expect
      .poll(async () => (await selectRow.getByRole('cell').allTextContents()).slice(0, 4))
      .toEqual(['1', '0', '0', '—No feedback yet']);
    // A date range after today leaves nothing to show.
    const later = waitForReport(page, '?serviceId=ketaflow-order-select&from=2099-01-01');
    await page.getByRole('textbox', { name: 'From' }).fill('2099-01-01');
    await later;
    await waitForText(page.getByRole('main'), 'Nothing in this selection');
    await page.getByRole('textbox', { name: 'From' }).fill('');
    const signOnly = waitForReport(page, '?serviceId=ketaflow-order-sign');
    await page.getByRole('combobox', { name: 'Service' }).click();
    await page.getByRole('option', { name: 'Order sign', exact: true }).click();
    await signOnly;
    await expect
      .poll(async () => (await selectRow.getByRole('cell').allTextContents()).slice(0, 4))
      .toEqual(['3', '1', '2', `${percent}2 of 3 answers`]);
    await takeScreenshot(page, 'cds-admin-2');

    // On a phone each rule is a block of its own, with the same figures; nothing scrolls sideways.
    const phone = await harness.newPage({ width: 390, height: 844 });
    await logIn(phone, demoEmails.admin);
    await phone.goto('/admin/cds');
    const list = phone.getByRole('list', { name: 'Override rates per rule' });
    await list.waitFor();
    expect(await phone.getByRole('table', { name: 'Override rates per rule' }).count()).toBe(0);
    const block = list.locator(`li[data-rule="${RULE}"]`);
    await waitForText(block, name);
    const figures = (await block.locator('dd').allTextContents()).slice(0, 4);
    expect(figures).toEqual([
      String(expected?.cardsIssued),
      String(expected?.accepted),
      String(expected?.overridden),
      `${percent}2 of 3 answers`,
    ]);
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await takeScreenshot(phone, 'admin-cds-feedback-phone', block);
  });
});
