import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Session } from '../src/api/auth-types';
import type { Patient } from '../src/api/patient-types';
import { demoEmails, takeScreenshot, useHarness } from './harness';
import { logIn, seriousViolations, waitForPath, waitForText } from './steps';

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

describe('finding records whose history is not recorded', () => {
  const harness = useHarness();

  test('the list tags a record with lists to take, and the filter, kept in the address, narrows to them', async () => {
    const nurse = await harness.newPage();
    await logIn(nurse, demoEmails.nurse);
    const { csrfToken } = await getJson<Session>(nurse, '/api/auth/me');
    const headers = { 'x-csrf-token': csrfToken };
    const create = async (givenName: string) => {
      const created = await nurse.request.post('/api/patients', {
        headers,
        data: { givenName, familyName: 'Listwork', birthDate: '1981-07-08', sex: 'female' },
      });
      expect(created.status()).toBe(201);
      return ((await created.json()) as Patient).id;
    };
    // One new patient, nothing taken; one whose three lists staff stated as none known.
    await create('Ines');
    const asked = await create('Oona');
    for (const list of ['conditions', 'medications', 'allergies']) {
      const put = await nurse.request.put(`/api/patients/${asked}/history/${list}/none-known`, {
        headers,
      });
      expect(put.status()).toBe(200);
    }

    await nurse.goto('/patients?query=Listwork');
    const table = nurse.getByRole('table', { name: 'Patients' });
    const ines = table.getByRole('row', { name: /Listwork, Ines/ });
    const oona = table.getByRole('row', { name: /Listwork, Oona/ });
    await waitForText(ines, 'History not recorded: medical conditions, medicines, allergies');
    await oona.waitFor();
    expect(await oona.getByText('History not recorded').count()).toBe(0);
    expect(await seriousViolations(nurse)).toEqual([]);

    // The filter, from the whole list: the demo clinic took every history, so only Ines is left.
    await nurse.goto('/patients');
    const filter = nurse.getByRole('checkbox', { name: 'Only records with history to complete' });
    await filter.check();
    await waitForPath(nurse, /\?history=incomplete$/);
    const pages = nurse.getByRole('navigation', { name: 'Patient list pages' });
    await waitForText(pages, /^1 result/);
    await waitForText(table, 'Listwork, Ines');
    expect(await table.getByRole('row', { name: /Listwork, Oona/ }).count()).toBe(0);
    expect(await seriousViolations(nurse)).toEqual([]);
    await takeScreenshot(nurse, 'patient-list-history-to-complete', table);

    // The address keeps it: a reload comes back filtered, and a search adds to it.
    await nurse.reload();
    await waitForText(pages, /^1 result/);
    expect(await filter.isChecked()).toBe(true);
    await nurse.getByRole('searchbox', { name: 'Search patients' }).fill('Oona');
    await waitForPath(nurse, /history=incomplete/);
    await waitForPath(nurse, /query=Oona/);
    await waitForText(nurse.getByRole('main'), 'No patient with history to complete matches.');

    // Off again: Oona shows, with nothing to complete.
    await filter.uncheck();
    await waitForPath(nurse, /^\/patients\?query=Oona$/);
    await oona.waitFor();
    expect(await oona.getByText('History not recorded').count()).toBe(0);

    // Back brings the filter back, box and all.
    await nurse.goBack();
    await waitForPath(nurse, /history=incomplete/);
    await waitForText(nurse.getByRole('main'), 'No patient with history to complete matches.');
    expect(await filter.isChecked()).toBe(true);
  });
});
