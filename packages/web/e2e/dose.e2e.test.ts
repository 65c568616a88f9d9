import { join } from 'node:path';
import { knowledgeBase, type KnowledgeBase } from '@ketaflow/core';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Session } from '../src/api/auth-types';
import type { Patient } from '../src/api/patient-types';
import { expectInfusion, type InfusionExpectation } from './dose-expectations';
import { demoEmails, repoRoot, takeScreenshot, useHarness } from './harness';
import { label, logIn, waitForPath, waitForText } from './steps';

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

async function postJson<T>(page: Page, path: string, data: unknown): Promise<T> {
  const { csrfToken } = await getJson<Session>(page, '/api/auth/me');
  const response = await page.request.post(path, {
    data,
    headers: { 'x-csrf-token': csrfToken, 'idempotency-key': crypto.randomUUID() },
  });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** The calendar date `days` before today, in UTC (the tests run in UTC). */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** The value cell of the row headed `name` in a two-column results table. */
function valueOf(table: Locator, name: string): Locator {
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name, exact: true }) })
    .getByRole('cell');
}

const rowsByField: Readonly<Record<keyof InfusionExpectation, string>> = {
  dose: 'Dose',
  drugVolume: 'Drug volume',
  totalVolume: 'Total volume',
  concentration: 'Final concentration',
  rate: 'Pump rate',
  duration: 'Duration',
  doseRate: 'Dose rate',
};

async function expectNumbers(table: Locator, expected: InfusionExpectation): Promise<void> {
  for (const [field, row] of Object.entries(rowsByField)) {
    const want = expected[field as keyof InfusionExpectation];
    await waitForText(valueOf(table, row), want);
    expect((await valueOf(table, row).textContent())?.trim()).toBe(want);
  }
}

/**
 * The clinic tightens depression's hard dose maximum below the knowledge base's: the screen must
 * say that the number is the clinic's setting, and what the knowledge base's is.
 */
const clinicHardDoseMgPerKg = 0.75;
const settings = {
  guardrails: { depression: { doseMgPerKg: { hard: { max: clinicHardDoseMgPerKg } } } },
};

describe('dose calculator in the browser', () => {
  const harness = useHarness(settings);

  test('a nurse calculates a depression infusion, overrides a soft limit, saves and prints the sheet', async () => {
    const page = await harness.newPage();
    await logIn(page, demoEmails.nurse);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Dose calculator' })
      .click();
    await waitForPath(page, '/dose');

    // Pick the patient through the search.
    await page.getByLabel(label('Find patient')).fill('Lindqvist');
    const matches = page.getByRole('table', { name: 'Matching patients' });
    await waitForText(matches, 'Lindqvist');
    await takeScreenshot(page, 'dose-pick-patient');
    await matches.getByRole('link', { name: /Lindqvist/ }).click();
    await waitForPath(page, /^\/patients\/[^/]+\/dose$/);
    const patientId = new URL(page.url()).pathname.split('/')[2] ?? '';

    const kb = await getJson<KnowledgeBase>(page, '/api/knowledge');
    const patient = await getJson<Patient>(page, `/api/patients/${patientId}`);
    const latest = patient.latestWeight;
    if (latest === null) throw new Error('the demo patient has no weight');

    // Prefilled from the record: the latest weight with its date, height and sex.
    const weight = page.getByLabel(label('Weight'));
    expect(await weight.inputValue()).toBe(String(latest.weightKg));
    await waitForText(page.locator('main'), `From the record, measured ${latest.measuredOn}`);
    expect(await page.getByLabel(label('Weight measured on')).inputValue()).toBe(latest.measuredOn);
    expect(await page.getByLabel(label('Sex')).inputValue()).toBe(patient.sex);

    await page.getByLabel(label('Protocol (indication)')).selectOption('depression');
    await page.getByLabel(label('Vial concentration')).selectOption('50');

    const protocol = kb.protocols.depression;
    const prep = kb.infusionPreparation;
    expect(prep.bagMode).toBe('add-to-bag');
    expect(await page.getByLabel(label('Bag volume (mL)')).inputValue()).toBe(
      String(prep.bagVolumeMl),
    );
    const base = {
      weightKg: latest.weightKg,
      doseMgPerKg: protocol.doseMgPerKg.default,
      durationMin: protocol.durationMin.default,
      vialMgPerMl: 50,
      bagMl: prep.bagVolumeMl,
      volumeIncrementMl: prep.volumeIncrementMl,
      rateIncrementMlPerHour: prep.rateIncrementMlPerHour,
    };
    const results = page.getByRole('table', { name: 'Calculation' });
    await expectNumbers(results, expectInfusion(base));
    await waitForText(page.getByRole('region', { name: 'Result' }), 'Within limits');
    await takeScreenshot(page, 'dose-depression-50', results);

    // Above the hard dose limit: red, blocked, cannot be saved.
    const hardDose = kb.doseGuardrails.depression.doseMgPerKg.hard.max;
    if (hardDose === undefined) throw new Error('depression has no hard dose limit');
    await page.getByLabel(label('Dose')).fill(String(hardDose + 0.2));
    await waitForText(page.getByRole('region', { name: 'Result' }), 'Blocked — do not give');
    expect(await page.getByRole('button', { name: 'Save calculation' }).isDisabled()).toBe(true);
    // The clinic set this limit: its alert says so and gives the knowledge base's own number.
    expect(hardDose).toBe(clinicHardDoseMgPerKg);
    const kbHardDose = knowledgeBase.doseGuardrails.depression.doseMgPerKg.hard.max;
    const limits = page.getByRole('group', { name: 'Limits' });
    const hardAlert = limits.getByRole('alert').filter({ hasText: 'Hard limit: blocked' });
    await waitForText(
      hardAlert,
      `hard maximum of ${String(hardDose)} mg/kg (a clinic setting; the knowledge base's is ${String(kbHardDose)} mg/kg)`,
    );
    expect(await hardAlert.getByTestId('limit-clinic-setting').textContent()).toBe(
      'Clinic setting',
    );
    await takeScreenshot(page, 'dose-hard-limit', page.getByText('Blocked — do not give').first());
    await page.getByLabel(label('Dose')).fill('');

    // A longer infusion than the protocol's: a soft limit that needs a reason.
    const softMax = kb.doseGuardrails.depression.durationMin.soft.max ?? 0;
    const longer = softMax + 5;
    await page.getByLabel(label('Duration')).fill(String(longer));
    const reason = page.getByLabel(label('Reason to override: duration above soft limit'));
    await reason.waitFor();
    await waitForText(
      page.getByRole('region', { name: 'Result' }),
      'Soft limit: a reason is needed',
    );
    expect(await page.getByRole('button', { name: 'Save calculation' }).isDisabled()).toBe(true);
    // The knowledge base's own limit carries no clinic-setting label.
    const softAlert = limits.getByRole('alert').filter({ hasText: 'Soft limit' });
    expect(await softAlert.innerText()).not.toContain('setting');
    expect(await softAlert.getByTestId('limit-clinic-setting').count()).toBe(0);
    const expected = expectInfusion({ ...base, durationMin: longer });
    await expectNumbers(results, expected);
    const why = 'Slower rate tolerated better at the last session';
    await reason.fill(why);
    await waitForText(page.getByRole('region', { name: 'Result' }), 'overridden with reasons');
    await takeScreenshot(page, 'dose-soft-limit-reason', reason);

    // Save: the server recomputes from the record and stores it.
    await page.getByRole('button', { name: 'Save calculation' }).click();
    await waitForText(page.getByRole('region', { name: 'Result' }), 'Saved as calculation');
    const saved = page.getByRole('table', { name: 'Saved calculations' });
    await waitForText(saved, expected.rate);
    // Saved once: saving the same screen again would store a duplicate.
    expect(await page.getByRole('button', { name: 'Save calculation' }).isDisabled()).toBe(true);
    await takeScreenshot(page, 'dose-saved', saved);

    // The printed sheet: only the sheet, with the same numbers and the double-check lines.
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByRole('article', { name: 'Pump programming sheet' });
    await sheet.waitFor({ state: 'visible' });
    expect(await page.getByLabel(label('Vial concentration')).isVisible()).toBe(false);
    await expectNumbers(sheet.getByRole('table', { name: 'Sheet values' }), expected);
    const sheetText = (await sheet.textContent()) ?? '';
    for (const fact of [
      `${patient.familyName}, ${patient.givenName}`,
      patient.mrn,
      patient.birthDate,
      `measured ${latest.measuredOn}`,
      '50 mg/mL',
      why,
      kb.knowledgeVersion,
    ]) {
      expect(sheetText).toContain(fact);
    }
    expect(sheetText).not.toContain('PREVIEW');
    const check = sheet.getByRole('table', { name: 'Independent double check' });
    for (const role of ['Prepared by', 'Independent double check by']) {
      await check.getByRole('rowheader', { name: role }).waitFor();
    }
    // In print media the app's fixed header is gone, so a full-page shot shows the whole sheet.
    await page.screenshot({
      path: join(repoRoot, 'screenshots', 'dose-print-sheet.png'),
      fullPage: true,
    });
    await page.emulateMedia({ media: 'screen' });

    // The stored calculation's own sheet route shows what the server saved.
    await saved.getByRole('link', { name: 'Open sheet' }).first().click();
    await waitForPath(page, /^\/patients\/[^/]+\/dose\/[^/]+$/);
    const storedSheet = page.getByRole('article', { name: 'Pump programming sheet' });
    await expectNumbers(storedSheet.getByRole('table', { name: 'Sheet values' }), expected);
    await waitForText(storedSheet, why);
    await takeScreenshot(page, 'dose-saved-sheet');
  });

  test('a refusal by the server marks the limit that is a clinic setting', async () => {
    const page = await harness.newPage();
    await logIn(page, demoEmails.nurse);
    const patient = await postJson<{ id: string }>(page, '/api/patients', {
      givenName: 'Rae',
      familyName: 'Refusal',
      birthDate: '1980-04-04',
      sex: 'female',
    });
    const weigh = (value: number, measuredOn: string) =>
      postJson(page, `/api/patients/${patient.id}/weights`, {
        weight: { value, unit: 'kg' },
        measuredOn,
      });
    await weigh(70, daysAgo(2));
    await page.goto(`/patients/${patient.id}/dose`);
    await page.getByLabel(label('Protocol (indication)')).selectOption('depression');
    await page.getByLabel(label('Vial concentration')).selectOption('50');
    await waitForText(page.getByRole('region', { name: 'Result' }), 'Within limits');

    // Weighed again while the screen is open: the server calculates from the record, where
    // 80 kg after 70 kg is more than the default 10% change, a clinic setting no source sets.
    await weigh(80, daysAgo(1));
    await page.getByRole('button', { name: 'Save calculation' }).click();
    const refusal = page
      .getByRole('region', { name: 'Result' })
      .getByRole('alert')
      .filter({ hasText: 'Not saved' });
    await waitForText(refusal, 'A soft dose limit needs a reason before going on');
    const limit = refusal.getByTestId('refusal-limit').filter({ hasText: 'Soft limit' });
    await waitForText(limit, 'Weight 80 kg');
    const badge = limit.getByTestId('limit-clinic-setting');
    expect(await badge.textContent()).toBe('Clinic setting');
    expect(await badge.getAttribute('title')).toBe(
      'No clinical source sets this limit. It is the default; the clinic may change it.',
    );
    expect(await refusal.getByTestId('refusal-limit').count()).toBe(1);
    await takeScreenshot(page, 'dose-refusal-clinic-setting', refusal);
  });

  test('the calculator fits a tablet in portrait', async () => {
    const page = await harness.newPage({ width: 820, height: 1180 });
    await logIn(page, demoEmails.prescriber);
    await page.goto('/dose');
    await page.getByLabel(label('Find patient')).fill('Okafor');
    const matches = page.getByRole('table', { name: 'Matching patients' });
    await matches.getByRole('link', { name: /Okafor/ }).click();
    await waitForPath(page, /^\/patients\/[^/]+\/dose$/);
    // The address changes before the patient's calculator replaces the one without a patient
    // (the route's code and the record still load): wait for the patient's line, or the choices
    // below could land in the calculator that is about to go.
    await page.getByRole('link', { name: 'Change patient' }).waitFor();
    await page.getByLabel(label('Protocol (indication)')).selectOption('depression');
    await page.getByLabel(label('Vial concentration')).selectOption('10');
    await waitForText(page.getByRole('region', { name: 'Result' }), 'mL/h');

    // No clinical source sets the weight range: at its default it is still a clinic setting.
    const weight = page.getByLabel(label('Weight'));
    const recorded = await weight.inputValue();
    await weight.fill('260');
    const weightAlert = page
      .getByRole('group', { name: 'Limits' })
      .getByRole('alert')
      .filter({ hasText: 'Hard limit: blocked' })
      .filter({ hasText: 'Weight 260 kg' });
    await waitForText(
      weightAlert,
      'hard maximum of 250 kg (a clinic setting with no clinical source)',
    );
    const badge = weightAlert.getByTestId('limit-clinic-setting');
    expect(await badge.textContent()).toBe('Clinic setting');
    expect(await badge.getAttribute('title')).toBe(
      'No clinical source sets this limit. It is the default; the clinic may change it.',
    );
    await weight.fill(recorded);
    await waitForText(page.getByRole('region', { name: 'Result' }), 'mL/h');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await takeScreenshot(page, 'dose-tablet-form');
    await takeScreenshot(
      page,
      'dose-tablet-result',
      page.getByRole('table', { name: 'Calculation' }),
    );

    // The nasal spray: a dose in whole 28 mg devices, no infusion inputs.
    await page.getByLabel(label('Product')).selectOption('esketamine-nasal');
    expect(await page.getByLabel(label('Vial concentration')).count()).toBe(0);
    await page.getByLabel(label('Esketamine dose')).selectOption('84');
    const results = page.getByRole('table', { name: 'Calculation' });
    await waitForText(valueOf(results, 'Devices (28 mg each)'), String(84 / 28));
    await takeScreenshot(page, 'dose-tablet-nasal', results);
  });
});
