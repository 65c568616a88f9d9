import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Session } from '../src/api/auth-types';
import type {
  ClinicOutcomes,
  DueScale,
  InstrumentDefinition,
  PatientProgress,
  SafetyAlert,
  ScaleResponse,
  SubmittedScale,
} from '../src/api/outcomes-types';
import { demoEmails, takeScreenshot, useHarness } from './harness';
import { label, logIn, waitForPath, waitForText } from './steps';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

async function ownPatientId(page: Page): Promise<string> {
  const session = await getJson<Session>(page, '/api/auth/me');
  if (session.user.patientId === null) throw new Error('the demo patient has no record');
  return session.user.patientId;
}

async function phqScales(page: Page, patientId: string): Promise<ScaleResponse[]> {
  const list = await getJson<{ items: ScaleResponse[] }>(
    page,
    `/api/patients/${patientId}/scales?instrument=phq-9`,
  );
  return list.items;
}

async function expectNoSideways(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
}

/** The texts of one column of a table, top to bottom. */
async function columnTexts(table: Locator, header: string): Promise<string[]> {
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.indexOf(header);
  expect(index).toBeGreaterThanOrEqual(0);
  return table.locator(`tbody tr td:nth-child(${String(index + 1)})`).allTextContents();
}

/** Waits until a table column reads `expected`. */
async function waitForColumn(table: Locator, header: string, expected: string[]): Promise<void> {
  const deadline = Date.now() + 15_000;
  let last: string[] = [];
  while (Date.now() < deadline) {
    last = await columnTexts(table, header).catch(() => []);
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
  expect(last).toEqual(expected);
}

/**
 * Answers every question of the open form with `scores` (one per item), one screen at a time,
 * and ends on the review screen. `onItem` runs after each answer (screenshots, checks).
 */
async function answerAll(
  page: Page,
  definition: InstrumentDefinition,
  scores: readonly number[],
  onItem: (index: number) => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  for (const [index, item] of definition.items.entries()) {
    await waitForText(page.locator('main'), `Question ${String(index + 1)} of`);
    const option = item.options.find((o) => o.score === scores[index]);
    if (option === undefined) throw new Error(`no option scoring ${String(scores[index])}`);
    await page
      .getByRole('radiogroup', { name: item.text })
      .getByRole('radio', { name: option.label, exact: true })
      .click();
    await onItem(index);
    const last = index === definition.items.length - 1;
    await page.getByRole('button', { name: last ? 'Review answers' : 'Next' }).click();
  }
  await waitForText(page.locator('main'), 'Check your answers');
}

async function send(page: Page): Promise<SubmittedScale> {
  const sent = page.waitForResponse(
    (r) => r.url().endsWith('/api/me/scales') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Send answers' }).click();
  const response = await sent;
  expect(response.status()).toBe(201);
  return (await response.json()) as SubmittedScale;
}

/** The score cells of the progress table agree with the API's PHQ-9 list, oldest first. */
async function expectChartMatchesApi(page: Page, patientId: string): Promise<ScaleResponse[]> {
  const scales = await phqScales(page, patientId);
  const region = page.getByRole('region', { name: 'Progress' });
  const table = region.getByRole('table', { name: 'PHQ-9 scores' });
  await waitForColumn(
    table,
    'Score',
    scales.map((s) => String(s.total)),
  );
  expect(await columnTexts(table, 'Severity')).toEqual(scales.map((s) => s.band?.label ?? '—'));
  // One dot per score on the chart itself.
  expect(await region.locator('.recharts-line-dots .recharts-dot').count()).toBe(scales.length);
  return scales;
}

/**
 * The demo's last PHQ-9 is 6 to 8 days old (weekends move it), so with the default 7-day interval
 * whether one is due depends on today. Scales every 3 days make it due on any day.
 */
const settings = { outcomes: { scaleIntervalDays: 3 } };

describe('measurement-based care in the browser', () => {
  const harness = useHarness(settings);

  test('a patient fills the due PHQ-9 on a phone and a clinician sees it on the chart', async () => {
    const page = await harness.newPage(phone);
    await logIn(page, demoEmails.patient);
    await waitForPath(page, '/me');
    const patientId = await ownPatientId(page);
    const due = await getJson<{ items: DueScale[] }>(page, '/api/me/scales/due');
    const phq = due.items.find((d) => d.instrument === 'phq-9');
    if (phq === undefined) throw new Error('the demo patient has no PHQ-9 due');
    const before = await phqScales(page, patientId);

    // The due list on My record leads to the form.
    const dueCard = page.getByRole('region', { name: 'Forms to fill in' });
    await waitForText(dueCard, phq.definition.shortName);
    await takeScreenshot(page, 'outcomes-phone-due', dueCard);
    await dueCard.getByRole('link', { name: `Fill in ${phq.definition.shortName}` }).click();
    await waitForPath(page, '/me/scales/phq-9');

    // Nine screens; item 9 (thoughts of self-harm) answered 0.
    const scores = [2, 1, 1, 1, 0, 1, 1, 0, 0];
    const expectedTotal = scores.reduce((sum, s) => sum + s, 0);
    await answerAll(page, phq.definition, scores, async (index) => {
      if (index === 0) {
        await expectNoSideways(page);
        await takeScreenshot(page, 'outcomes-phone-question');
      }
    });
    // Nothing alarming was answered: no crisis panel.
    expect(await page.getByRole('alert').count()).toBe(0);
    await takeScreenshot(page, 'outcomes-phone-review');
    const sent = await send(page);
    expect(sent.crisis).toBeNull();
    expect(sent.response.total).toBe(expectedTotal);
    expect(sent.response.answers).toEqual(
      Object.fromEntries(phq.definition.items.map((item, i) => [item.id, scores[i]])),
    );
    const result = page.getByRole('status', { name: 'Answers sent' });
    await waitForText(
      result,
      `score: ${String(expectedTotal)} of ${String(sent.response.maxTotal)}`,
    );
    await takeScreenshot(page, 'outcomes-phone-sent');

    // The patient's own progress, on the phone.
    await page.getByRole('link', { name: 'See my progress' }).click();
    await waitForPath(page, '/me/scales');
    const mine = await expectChartMatchesApi(page, patientId);
    expect(mine.length).toBe(before.length + 1);
    expect(mine.at(-1)?.id).toBe(sent.response.id);
    await expectNoSideways(page);
    await takeScreenshot(
      page,
      'outcomes-phone-progress',
      page.getByRole('region', { name: 'Progress' }),
    );

    // A prescriber opens the record on a desktop and sees the new score on the chart.
    const clinician = await harness.newPage(desktop);
    await logIn(clinician, demoEmails.prescriber);
    await clinician.goto(`/patients/${patientId}`);
    const scales = await expectChartMatchesApi(clinician, patientId);
    expect(scales.at(-1)?.total).toBe(expectedTotal);
    const progress = await getJson<PatientProgress>(
      clinician,
      `/api/patients/${patientId}/progress?instrument=phq-9`,
    );
    if (progress.progress === null) throw new Error('no progress for the demo patient');
    const region = clinician.getByRole('region', { name: 'Progress' });
    const status = region.getByRole('status', { name: 'Progress status' });
    await waitForText(status, `Baseline ${String(progress.progress.baseline.total)}`);
    const firstResponse = progress.progress.firstResponse;
    if (firstResponse !== null)
      await waitForText(status, `Response after ${String(firstResponse.sessionsBefore)}`);
    // One dashed line per session marker, plus the baseline, response and remission lines.
    const lines = await region.locator('.recharts-reference-line').count();
    const criteriaLines =
      1 +
      (progress.progress.criteria.response.rule === null ? 0 : 1) +
      (progress.progress.criteria.remission.belowScore === null ? 0 : 1);
    expect(lines).toBe(progress.sessions.length + criteriaLines);
    await takeScreenshot(clinician, 'outcomes-desktop-chart', region);
    await takeScreenshot(
      clinician,
      'outcomes-desktop-table',
      region.getByRole('table', { name: 'PHQ-9 scores' }),
    );
  });

  test('item 9 above zero shows crisis resources at once; staff follow up and the alert closes', async () => {
    const page = await harness.newPage(phone);
    await logIn(page, demoEmails.patient);
    const patientId = await ownPatientId(page);
    await page.goto('/me/scales');
    await page.getByRole('link', { name: 'Fill in PHQ-9 again' }).click();
    await waitForPath(page, '/me/scales/phq-9');
    const kb = await getJson<{ outcomes: { instruments: InstrumentDefinition[] } }>(
      page,
      '/api/knowledge',
    );
    const definition = kb.outcomes.instruments.find((i) => i.id === 'phq-9');
    if (definition === undefined) throw new Error('no PHQ-9 in the knowledge base');
    const safetyIndex = definition.items.findIndex((i) => i.safety === 'suicidal-thoughts');
    const scores = definition.items.map((_, i) => (i === safetyIndex ? 1 : 2));

    await answerAll(page, definition, scores, async (index) => {
      if (index !== safetyIndex) return;
      // Shown the moment the answer is chosen, before anything is sent.
      const now = page.getByRole('alert');
      await waitForText(now, 'call or text 988');
      await takeScreenshot(page, 'outcomes-phone-crisis-at-once', now);
    });
    const sent = await send(page);
    if (sent.crisis === null) throw new Error('the server returned no crisis resources');
    const [alertId] = sent.response.safetyAlertIds;
    if (alertId === undefined) throw new Error('no safety alert was raised');

    // The server's message comes first on the screen, with call and text links.
    const crisis = page.getByRole('alert');
    await waitForText(crisis, sent.crisis.text);
    const main = page.locator('main');
    const firstBlock = main.locator('[role="alert"], [role="status"]').first();
    expect(await firstBlock.getAttribute('role')).toBe('alert');
    for (const resource of sent.crisis.resources) await waitForText(crisis, resource.how);
    const hrefs = await crisis
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining(['tel:988', 'sms:988', 'tel:911']));
    expect(await crisis.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoSideways(page);
    await takeScreenshot(page, 'outcomes-phone-crisis-sent');

    // A nurse sees the open alert count in the navigation and opens the alert.
    const nurse = await harness.newPage(desktop);
    await logIn(nurse, demoEmails.nurse);
    const open = await getJson<{ items: SafetyAlert[] }>(nurse, '/api/safety-alerts?status=open');
    expect(open.items.map((a) => a.id)).toContain(alertId);
    const nav = nurse.getByRole('navigation', { name: 'Main' });
    const alertsLink = nav.getByRole('link', { name: /^Safety alerts/ });
    await waitForText(alertsLink, String(open.items.length));
    await alertsLink.click();
    await waitForPath(nurse, '/safety-alerts');
    const openTable = nurse.getByRole('table', { name: 'Open alerts' });
    const listed = open.items.find((a) => a.id === alertId);
    if (listed === undefined) throw new Error('the new alert is not listed');
    await waitForText(openTable, listed.patient.displayName);
    await takeScreenshot(nurse, 'outcomes-alerts-list', openTable);
    await nurse.locator(`a[href="/safety-alerts/${alertId}"]`).click();
    await waitForPath(nurse, `/safety-alerts/${alertId}`);
    const alert = await getJson<SafetyAlert>(nurse, `/api/safety-alerts/${alertId}`);
    expect(alert.patient.id).toBe(patientId);
    await waitForText(nurse.locator('main'), alert.summary);

    // Saving an empty form: the server names each missing field, shown beside it.
    const form = nurse.getByRole('form', { name: 'Follow-up' });
    const refused = nurse.waitForResponse((r) => r.url().endsWith(`/${alertId}/follow-up`));
    await form.getByRole('button', { name: 'Save follow-up', exact: true }).click();
    const refusal = await refused;
    expect(refusal.status()).toBe(400);
    const problem = (await refusal.json()) as { errors: { path: string; message: string }[] };
    // Every field the server named is marked beside it, and the summary counts them.
    const named = new Set(problem.errors.map((e) => e.path));
    expect(named).toContain('body.contact');
    expect(named).toContain('body.riskAssessment');
    await waitForText(form, `Check the ${String(named.size)} marked fields.`);
    const risk = form.getByLabel(label('Risk assessment'));
    expect(await risk.getAttribute('aria-invalid')).toBe('true');
    const contactGroup = form.getByRole('radiogroup', {
      name: label('How the patient was contacted'),
    });
    await takeScreenshot(nurse, 'outcomes-follow-up-errors', form);

    await contactGroup.getByRole('radio', { name: 'Phone', exact: true }).check();
    await risk.fill('Passive thoughts, no plan or intent.');
    await form.getByRole('checkbox', { name: 'Risk assessed', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Crisis resources given', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Patient given crisis resources' }).check();
    const saved = nurse.waitForResponse((r) => r.url().endsWith(`/${alertId}/follow-up`));
    await form.getByRole('button', { name: 'Save follow-up', exact: true }).click();
    expect((await saved).status()).toBe(200);
    const documented = nurse.getByRole('table', { name: 'Documented follow-up' });
    await waitForText(documented, 'Passive thoughts, no plan or intent.');
    const closed = await getJson<SafetyAlert>(nurse, `/api/safety-alerts/${alertId}`);
    expect(closed.status).toBe('followed-up');
    expect(closed.followUp?.contact).toBe('phone');
    await takeScreenshot(nurse, 'outcomes-follow-up-done');

    // The count drops, and the alert is listed as followed up.
    const stillOpen = await getJson<{ items: SafetyAlert[] }>(
      nurse,
      '/api/safety-alerts?status=open',
    );
    expect(stillOpen.items.map((a) => a.id)).not.toContain(alertId);
    await alertsLink.click();
    await waitForText(
      nurse.getByRole('table', { name: 'Followed-up alerts' }),
      alert.patient.displayName,
    );
    if (stillOpen.items.length === 0) expect(await alertsLink.getByText(/\d+/).count()).toBe(0);
    else await waitForText(alertsLink, String(stillOpen.items.length));
  });

  test('a prescriber reads clinic outcomes by indication and downloads the CSV', async () => {
    const page = await harness.newPage(desktop);
    await logIn(page, demoEmails.prescriber);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Outcomes' })
      .click();
    await waitForPath(page, '/outcomes');
    const outcomes = await getJson<ClinicOutcomes>(page, '/api/outcomes/clinic');
    expect(outcomes.byIndication.length).toBeGreaterThan(0);
    const table = page.getByRole('table', { name: 'Outcomes by indication' });
    await waitForColumn(
      table,
      'Indication',
      outcomes.byIndication.map((o) => o.indication),
    );
    expect(await columnTexts(table, 'Patients')).toEqual(
      outcomes.byIndication.map((o) => String(o.patients)),
    );
    expect(await columnTexts(table, 'Median infusions to response')).toEqual(
      outcomes.byIndication.map((o) =>
        o.medianInfusionsToResponse === null
          ? '—'
          : String(Math.round(o.medianInfusionsToResponse * 10) / 10),
      ),
    );
    await takeScreenshot(page, 'outcomes-clinic-dashboard');

    const link = page.getByRole('link', { name: 'Download CSV', exact: true });
    const href = await link.getAttribute('href');
    if (href === null) throw new Error('the CSV link has no address');
    const csv = await page.request.get(href);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = await csv.text();
    for (const o of outcomes.byIndication) expect(text).toContain(o.indication);
  });
});
