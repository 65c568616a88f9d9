import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Session } from '../src/api/auth-types';
import type { Patient } from '../src/api/patient-types';
import type { Screening } from '../src/api/screening-types';
import { demoEmails, takeScreenshot, useHarness } from './harness';
import { label, logIn, seriousViolations, waitForText } from './steps';

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

describe('history lists in the browser', () => {
  const harness = useHarness();

  test('a new patient\'s empty lists read "not recorded"; the nurse records none known, then an entry replaces it', async () => {
    const nurse = await harness.newPage();
    await logIn(nurse, demoEmails.nurse);
    const { csrfToken } = await getJson<Session>(nurse, '/api/auth/me');
    const created = await nurse.request.post('/api/patients', {
      headers: { 'x-csrf-token': csrfToken },
      data: { givenName: 'Noor', familyName: 'Unasked', birthDate: '1975-02-03', sex: 'male' },
    });
    expect(created.status()).toBe(201);
    const patientId = ((await created.json()) as Patient).id;
    // A screening, so that each change below is screened again.
    const screened = await nurse.request.post(`/api/patients/${patientId}/screenings`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { indication: 'depression' },
    });
    expect(screened.status()).toBe(201);
    await nurse.goto(`/patients/${patientId}`);

    const allergies = nurse.getByRole('region', { name: 'Allergies', exact: true });
    const conditions = nurse.getByRole('region', { name: 'Conditions', exact: true });
    const medications = nurse.getByRole('region', { name: 'Medications', exact: true });
    await waitForText(allergies, 'Allergies: not recorded');
    await waitForText(conditions, 'Medical conditions: not recorded');
    await waitForText(medications, 'Medicines: not recorded');
    expect(await seriousViolations(nurse)).toEqual([]);
    await takeScreenshot(nurse, 'history-not-recorded', allergies);

    await allergies.getByRole('button', { name: 'Record: no known allergies' }).click();
    await waitForText(allergies, 'No known allergies (recorded');
    const afterNone = await getJson<Patient>(nurse, `/api/patients/${patientId}`);
    expect(afterNone.historyLists.allergies.state).toBe('none-known');
    const current = async () =>
      (
        await getJson<{ items: Screening[] }>(nurse, `/api/patients/${patientId}/screenings`)
      ).items.find((s) => s.status === 'current');
    const codes = (await current())?.result.findings.map((f) => f.code) ?? [];
    expect(codes).not.toContain('SCREEN.MISSING_ALLERGY_LIST');
    expect(codes).toContain('SCREEN.MISSING_CONDITION_LIST');
    await takeScreenshot(nurse, 'history-none-known', allergies);

    // An allergy added: the list has an entry, and "none known" is gone.
    await allergies.getByLabel(label('Substance')).fill('Latex');
    await allergies.getByRole('button', { name: 'Add allergy' }).click();
    await waitForText(allergies.getByRole('table', { name: 'Allergies' }), 'Latex');
    expect(await allergies.getByText('No known allergies').count()).toBe(0);
    const afterEntry = await getJson<Patient>(nurse, `/api/patients/${patientId}`);
    expect(afterEntry.historyLists.allergies).toEqual({ state: 'entries', noneKnownAt: null });

    // The screening page offers the lists still unrecorded where the record is completed.
    await nurse.goto(`/patients/${patientId}/screening`);
    const complete = nurse.getByRole('region', { name: 'Complete the record' });
    await waitForText(complete, 'Medical conditions: not recorded');
    await waitForText(complete, 'Medicines: not recorded');
    expect(await complete.getByText('Allergies: not recorded').count()).toBe(0);
    const facts = nurse.getByRole('table', { name: 'Facts screened' });
    const conditionsFact = facts.getByRole('row', { name: /^Conditions/ });
    await waitForText(conditionsFact, 'Not recorded');
    await takeScreenshot(nurse, 'history-screening-not-recorded', complete);

    // A finding about a whole list rests on many sources: four show, the rest on request.
    const medicinesFinding = (await current())?.result.findings.find(
      (f) => f.code === 'SCREEN.MISSING_MEDICATION_LIST',
    );
    const sourceCount = medicinesFinding?.sources.length ?? 0;
    expect(sourceCount).toBeGreaterThan(4);
    const article = nurse.getByRole('article', { name: medicinesFinding?.summary ?? '' });
    const sources = article.getByRole('list', {
      name: 'Sources for SCREEN.MISSING_MEDICATION_LIST',
    });
    await sources.waitFor();
    expect(await sources.getByRole('listitem').count()).toBe(4);
    await article.getByRole('button', { name: `Show all ${String(sourceCount)} sources` }).click();
    await waitForText(sources, medicinesFinding?.sources.at(-1)?.title ?? 'a last source');
    expect(await sources.getByRole('listitem').count()).toBe(sourceCount);
    await complete.getByRole('button', { name: 'Record: no known medical conditions' }).click();
    await waitForText(conditionsFact, 'None known');
    expect(await complete.getByText('Medical conditions: not recorded').count()).toBe(0);
    const after = (await current())?.result.findings.map((f) => f.code) ?? [];
    expect(after).not.toContain('SCREEN.MISSING_CONDITION_LIST');
    expect(after).toContain('SCREEN.MISSING_MEDICATION_LIST');
  });
});
