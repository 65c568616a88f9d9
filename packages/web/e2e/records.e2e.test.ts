import { describe, expect, test } from 'vitest';
import { demoEmails, takeScreenshot, useHarness } from './harness';
import { label, logIn, waitForPath, waitForText } from './steps';

// These steps share one server: the audit log at the end must show the reads made before it.
describe('patient records in the browser', () => {
  const harness = useHarness();
  let openedPatientId = '';

  test('a nurse searches the patient list, opens a record, sees and adds weights', async () => {
    const page = await harness.newPage();
    await logIn(page, demoEmails.nurse);
    await waitForPath(page, '/patients');
    const table = page.getByRole('table', { name: 'Patients' });
    await table.waitFor();
    await takeScreenshot(page, 'nurse-patient-list');

    // Pick a patient who has a weight on record, then find them again through the search box.
    const weighed = table.getByRole('row').filter({ hasText: ' kg' }).first();
    const nameLink = weighed.getByRole('link');
    const fullName = (await nameLink.textContent()) ?? '';
    const familyName = fullName.split(',')[0]?.trim() ?? '';
    expect(familyName).not.toBe('');

    await page.getByRole('searchbox', { name: 'Search patients' }).fill(familyName);
    await waitForPath(page, new RegExp(`query=${encodeURIComponent(familyName)}`));
    await waitForText(table, familyName);
    await takeScreenshot(page, 'nurse-patient-search');

    await table.getByRole('link', { name: fullName }).first().click();
    await waitForPath(page, /^\/patients\/[^/]+$/);
    openedPatientId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const weights = page.getByRole('region', { name: 'Weights', exact: true });
    const weightsTable = weights.getByRole('table', { name: 'Weights' });
    await weightsTable.waitFor();
    expect(await weightsTable.getByRole('row').count()).toBeGreaterThan(1);
    await takeScreenshot(page, 'nurse-patient-record', weights);

    // A weight typed in pounds is sent as entered; the record shows kilograms.
    await weights.getByLabel(label('Weight')).fill('150');
    await weights.getByLabel('Unit').selectOption('lb');
    await weights.getByLabel(label('Measured on')).fill('2024-02-29');
    await waitForText(weights, '≈ 68 kg');
    await weights.getByRole('button', { name: 'Add weight' }).click();
    await waitForText(weightsTable, '150 lb');
    await waitForText(weightsTable, '2024-02-29');
    await takeScreenshot(page, 'nurse-weight-added', weights);
  });

  test('the demo patient sees their own record and who opened it', async () => {
    const page = await harness.newPage();
    await logIn(page, demoEmails.patient);
    await waitForPath(page, '/me');
    await page.getByRole('heading', { name: 'My record', level: 1 }).waitFor();
    const demographics = page.getByRole('region', { name: 'Demographics' });
    await waitForText(demographics, /Record number \(MRN\)/);
    await page.getByRole('region', { name: 'Weights', exact: true }).waitFor();
    // Read-only: no form to add anything.
    expect(await page.getByRole('button', { name: 'Add weight' }).count()).toBe(0);
    await takeScreenshot(page, 'patient-own-record');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Who opened my record' })
      .click();
    await waitForPath(page, '/me/access');
    const log = page.getByRole('table', { name: 'Who opened the record' });
    await log.waitFor();
    expect(await log.getByRole('row').count()).toBeGreaterThan(1);
    await takeScreenshot(page, 'patient-access-log');
  });

  test('the admin opens the audit log and sees the reads made earlier', async () => {
    expect(openedPatientId).not.toBe('');
    const page = await harness.newPage();
    await logIn(page, demoEmails.admin);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    await waitForPath(page, '/admin/audit');
    const audit = page.getByRole('table', { name: 'Audit log' });
    await audit.waitFor();
    await takeScreenshot(page, 'admin-audit-log');

    await page.getByLabel('Patient id').fill(openedPatientId);
    // Wait for the filtered answer: the unfiltered table has nurse rows too.
    const filtered = page.waitForResponse(
      (r) => r.url().includes('/api/audit') && r.url().includes(`patientId=${openedPatientId}`),
    );
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await waitForPath(page, new RegExp(`patientId=${openedPatientId}`));
    await filtered;
    await waitForText(audit, /nurse/i);
    const rows = audit.getByRole('rowgroup').nth(1).getByRole('row');
    // The table re-renders from the filtered answer a moment after it arrives.
    await expect
      .poll(async () => {
        const texts = await rows.allTextContents();
        return texts.length > 0 && texts.every((text) => text.includes(openedPatientId));
      })
      .toBe(true);
    await takeScreenshot(page, 'admin-audit-filtered');
  });
});
