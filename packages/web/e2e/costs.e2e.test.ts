import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMoneyRange, type CourseEstimate } from '@ketaflow/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { CostsOverview } from '../src/api/costs-api';
import { demoEmails, repoRoot, takeScreenshot, useHarness } from './harness';
import { logIn, seriousViolations } from './steps';

const phone = { width: 390, height: 844 };

// The example clinic: its own prices (substance use left unset), colour and contact details.
const settings = JSON.parse(
  readFileSync(join(repoRoot, 'docs/examples/clinic-settings-costs.json'), 'utf8'),
) as { clinicName: string; branding: { contact: { phone: string } } };

async function postEstimate(page: Page, body: object): Promise<CourseEstimate> {
  const response = await page.request.post('/api/public/costs/estimate', { data: body });
  expect(response.status()).toBe(200);
  return (await response.json()) as CourseEstimate;
}

function totalText(estimate: CourseEstimate): string {
  return estimate.total === null
    ? 'Ask the clinic'
    : formatMoneyRange(estimate.total, estimate.currency);
}

describe('public cost estimate', () => {
  const harness = useHarness(settings);

  test('shows the API totals and arithmetic on a phone, with the clinic branding and a PDF', async () => {
    const page = await harness.newPage(phone);
    await page.goto('/costs');
    // The server's pre-rendered page first (it reads without JavaScript), then the estimator.
    await page.locator('[data-prerendered]').waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'What treatment costs', level: 1 }).waitFor();

    // Branding from /api/meta in the header and footer.
    await expect.poll(() => page.locator('header').innerText()).toContain(settings.clinicName);
    expect(await page.locator('footer').innerText()).toContain(settings.branding.contact.phone);

    // Default: depression with the protocol's 1–2 sessions a week for 4–6 weeks, and a consult.
    const overview = (await (await page.request.get('/api/public/costs')).json()) as CostsOverview;
    const byDefault = overview.estimates.find((e) => e.indication === 'depression');
    if (byDefault === undefined) throw new Error('no depression estimate');
    const total = page.getByTestId('estimate-total');
    await expect.poll(() => total.innerText()).toContain(totalText(byDefault));
    expect(await page.getByTestId('arithmetic-infusions').innerText()).toBe(
      byDefault.lines[1]?.arithmetic,
    );

    // On a phone the choices sit one above the other, each as wide as the form: side by side the
    // select cut its own option ("As the protocol gi").
    const condition = await page.getByLabel('Condition').boundingBox();
    const perWeek = await page.getByLabel('Sessions per week').boundingBox();
    expect(perWeek?.width).toBe(condition?.width);

    // 2 a week for 4 weeks: the page shows what the API computes.
    await page.getByLabel('Sessions per week').selectOption('2');
    await page.getByLabel('Weeks').fill('4');
    const fixed = await postEstimate(page, {
      indication: 'depression',
      sessionsPerWeek: 2,
      weeks: 4,
      includeConsult: true,
    });
    expect(totalText(fixed)).toBe('$3,850');
    // Waits for the fixed course itself: "$3,850" is also the start of the 1–2 a week range's
    // "$3,850–$5,650" shown before the weeks are typed in.
    await expect
      .poll(() => page.getByTestId('arithmetic-infusions').innerText())
      .toBe('8 sessions × $450 = $3,600');
    expect(await total.innerText()).toContain(totalText(fixed));
    expect(await total.innerText()).not.toContain('–');
    expect(await page.getByText('Clinic price').count()).toBe(2);
    expect(await page.getByTestId('spray-range').innerText()).toBe(overview.nasalSpray.text);

    const pdfLink = page.getByRole('link', { name: 'Download Good Faith Estimate (PDF)' });
    const href = await pdfLink.getAttribute('href');
    expect(href).toContain('sessionsPerWeek=2');
    expect(href).toContain('weeks=4');
    const pdf = await page.request.get(href ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    expect(
      await page.getByRole('link', { name: 'Check if it may suit you' }).getAttribute('href'),
    ).toBe('/check');
    expect(
      await page.getByRole('link', { name: 'Book a consultation' }).first().getAttribute('href'),
    ).toBe('/consult');
    expect(await seriousViolations(page)).toEqual([]);
    await takeScreenshot(page, 'costs-phone', page.getByRole('heading', { name: /Estimate for/ }));
    await takeScreenshot(
      page,
      'costs-phone-spray',
      page.getByRole('heading', { name: /nasal spray/ }),
    );
  });

  test('an unpriced condition says ask the clinic; an as-needed one is priced per session', async () => {
    const page = await harness.newPage(phone);
    await page.goto('/costs');
    await page.locator('[data-prerendered]').waitFor({ state: 'detached' });
    await page.getByLabel('Condition').selectOption('substance-use-disorder');
    const total = page.getByTestId('estimate-total');
    await expect.poll(() => total.innerText()).toBe('Ask the clinic');
    expect(await page.getByText('Ask the clinic', { exact: true }).count()).toBeGreaterThan(0);
    await takeScreenshot(page, 'costs-phone-ask-the-clinic', page.getByTestId('estimate-total'));
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Condition').selectOption('chronic-pain');
    const pain = await postEstimate(page, { indication: 'chronic-pain', includeConsult: true });
    await expect
      .poll(() => page.getByTestId('arithmetic-infusions').innerText())
      .toBe(pain.lines[1]?.arithmetic);
    expect(pain.lines[1]?.arithmetic).toBe('$725.50 per session');
    expect(await page.getByLabel('Weeks').count()).toBe(0);
  });

  test('a logged-in patient who opens the page directly gets the estimate too', async () => {
    const page = await harness.newPage(phone);
    await logIn(page, demoEmails.patient);
    // A fresh page load: the estimate is asked for before anything has loaded the session. With
    // the session cookie and no CSRF token the server refused it ("Could not estimate").
    await page.goto('/costs');
    await page.locator('[data-prerendered]').waitFor({ state: 'detached' });
    const overview = (await (await page.request.get('/api/public/costs')).json()) as CostsOverview;
    const byDefault = overview.estimates.find((e) => e.indication === 'depression');
    if (byDefault === undefined) throw new Error('no depression estimate');
    await page.getByTestId('estimate-total').waitFor();
    expect(await page.getByTestId('estimate-total').innerText()).toContain(totalText(byDefault));
    expect(await page.getByText('Could not estimate').count()).toBe(0);
    await page
      .getByRole('navigation', { name: 'Site' })
      .getByRole('link', { name: 'My record' })
      .waitFor();
  });
});
