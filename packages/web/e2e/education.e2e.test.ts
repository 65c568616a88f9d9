/**
 * Public pages in Chromium: axe-core finds no serious or critical WCAG 2.1 AA violation on any of
 * them, and the server-rendered pages (/learn, and /costs before the app replaces it) read fully
 * with JavaScript turned off.
 */
import { formatMoneyRange } from '@ketaflow/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CostsOverview } from '../src/api/costs-api';
import { launchBrowser, startServer, takeScreenshot, type RunningServer } from './harness';
import { seriousViolations } from './steps';

const phone = { width: 390, height: 844 };
const spaPages = ['/', '/check', '/consult', '/costs', '/login', '/register'];

let server: RunningServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(javaScriptEnabled: boolean, viewport = phone): Promise<Page> {
  if (browser === undefined || server === undefined) throw new Error('The harness is not running');
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport,
    javaScriptEnabled,
  });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** Every education page, as the /learn index links them (topics and conditions). */
async function educationPaths(): Promise<string[]> {
  const page = await newPage(false);
  await page.goto('/learn');
  const hrefs = await page
    .locator('main a[href^="/learn/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  await page.context().close();
  return ['/learn', ...new Set(hrefs)];
}

describe('public pages', () => {
  test('education pages read fully without JavaScript, at phone width', async () => {
    const paths = await educationPaths();
    expect(paths.length).toBeGreaterThanOrEqual(18);
    const page = await newPage(false);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect.poll(() => page.locator('h1').count(), { timeout: 5_000 }).toBe(1);
      const main = (await page.locator('main').innerText()).trim();
      expect(main.length, path).toBeGreaterThan(500);
      expect(main, path).toContain('Sources');
      for (const href of ['/check', '/consult', '/costs'])
        expect(await page.locator(`main a[href="${href}"]`).count(), path).toBeGreaterThan(0);
      // Nothing is wider than the phone screen.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto('/learn/indications/depression');
    await takeScreenshot(page, 'education-depression-phone');
    await page.goto('/learn/who-should-not');
    await takeScreenshot(page, 'education-who-should-not-phone');
    await page.goto('/learn/faq');
    await takeScreenshot(page, 'education-faq-phone');
    // The landing page reads without JavaScript too: its text, every topic and condition.
    await page.goto('/');
    await page
      .getByRole('heading', { level: 1, name: /^Safer ketamine and esketamine care/ })
      .waitFor();
    const learnLinks = await page
      .locator('main a[href^="/learn/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(new Set(learnLinks)).toEqual(new Set(paths.filter((p) => p !== '/learn')));
    expect(await page.getByRole('link', { name: 'register' }).getAttribute('href')).toBe(
      '/register',
    );
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);
    await takeScreenshot(page, 'landing-without-javascript-phone');
    // The app's other pages say what needs JavaScript and link to what does not.
    await page.goto('/login');
    expect(
      await page.getByRole('link', { name: 'read about ketamine therapy' }).getAttribute('href'),
    ).toBe('/learn');
    expect(await page.getByRole('link', { name: 'see what it costs' }).getAttribute('href')).toBe(
      '/costs',
    );
    expect(
      await page.getByRole('link', { name: 'check whether it may suit you' }).getAttribute('href'),
    ).toBe('/check');
    expect(
      await page.getByRole('link', { name: 'see the video-consult times' }).getAttribute('href'),
    ).toBe('/consult');
    await page.context().close();
  });

  test('axe-core finds no serious or critical violations on the education pages', async () => {
    const paths = await educationPaths();
    const page = await newPage(true);
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      for (const v of await seriousViolations(page)) found.push(`${path}: ${v}`);
    }
    await page.context().close();
    expect(found).toEqual([]);
  });

  test('/costs reads without JavaScript, and its form downloads the Good Faith Estimate', async () => {
    const overview = (await (
      await fetch(`${server?.baseUrl ?? ''}/api/public/costs`)
    ).json()) as CostsOverview;
    const page = await newPage(false);
    const response = await page.goto('/costs');
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe(`What treatment costs · ${overview.clinicName}`);
    await page.getByRole('heading', { name: 'What treatment costs', level: 1 }).waitFor();
    const main = await page.locator('main').innerText();
    for (const estimate of overview.estimates) {
      expect(main).toContain(estimate.indicationName);
      const total = page.getByTestId(`static-total-${estimate.indication}`);
      expect(await total.innerText()).toContain(
        estimate.total === null
          ? 'Ask the clinic'
          : formatMoneyRange(estimate.total, estimate.currency),
      );
    }
    expect(await page.getByTestId('static-spray-range').innerText()).toBe(overview.nasalSpray.text);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await takeScreenshot(page, 'costs-without-javascript-phone');

    // The form is a plain GET: PTSD, 2 a week for 4 weeks, no consult.
    await page.getByLabel('Condition', { exact: true }).selectOption('ptsd');
    await page.getByLabel(/^Sessions per week/).fill('2');
    await page.getByLabel(/^Weeks/).fill('4');
    await page.getByLabel('Include the first consultation').selectOption('false');
    await takeScreenshot(page, 'costs-without-javascript-form', page.locator('form'));
    const [pdf] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/good-faith-estimate.pdf')),
      page.getByRole('button', { name: 'Download the Good Faith Estimate' }).click(),
    ]);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const query = new URL(pdf.url()).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      indication: 'ptsd',
      sessionsPerWeek: '2',
      weeks: '4',
      includeConsult: 'false',
      patientName: '',
    });
    await page.context().close();
  });

  test('/check works without JavaScript: a missing answer is named, then the answer comes back', async () => {
    const page = await newPage(false);
    await page.goto('/check');
    await page
      .getByRole('heading', { name: 'Could ketamine treatment suit you?', level: 1 })
      .waitFor();
    await page.getByLabel('What would you like treatment for?').selectOption('depression');
    await page.getByLabel('Your age, in years').fill('34');
    // No answer to "Sex": the browser's own check would stop the form, so it is switched off here
    // to see the server's.
    await page.locator('form').evaluate((form) => {
      form.setAttribute('novalidate', '');
    });
    await page.getByRole('button', { name: 'See my answer' }).click();
    await page.getByRole('heading', { name: 'Some answers need another look' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('Sex: Choose an answer');
    expect(await page.getByLabel('Your age, in years').inputValue()).toBe('34');

    await page.getByRole('group', { name: 'Sex' }).getByLabel('Female').check();
    await page.getByLabel('Schizophrenia or psychosis').check();
    await page.getByLabel('Medicines you take now').fill('Xanax\nsertraline');
    await page.getByRole('button', { name: 'See my answer' }).click();
    const answer = page.locator('section[data-outcome]');
    await answer.waitFor();
    const api = (await (
      await fetch(`${server?.baseUrl ?? ''}/api/public/self-screening`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          indication: 'depression',
          ageYears: 34,
          sex: 'female',
          conditions: ['CI.SCHIZOPHRENIA_OR_PSYCHOSIS'],
          medications: ['Xanax', 'sertraline'],
        }),
      })
    ).json()) as { outcome: string; title: string };
    expect(await answer.getAttribute('data-outcome')).toBe(api.outcome);
    expect(await answer.getByRole('heading', { level: 2 }).innerText()).toBe(api.title);
    await takeScreenshot(page, 'self-check-without-javascript-answer', answer);
    await page.context().close();
  });

  test('/consult lists the times on offer without JavaScript', async () => {
    const slots = (await (
      await fetch(`${server?.baseUrl ?? ''}/api/public/consult-slots`)
    ).json()) as { items: unknown[] };
    expect(slots.items.length).toBeGreaterThan(0);
    const page = await newPage(false);
    await page.goto('/consult');
    await page.getByRole('heading', { name: 'Book a video consult', level: 1 }).waitFor();
    // Each line is a range of starts; together they hold every time the API offers.
    const starts = await page
      .locator('[data-testid="static-times"] li')
      .evaluateAll((lines) => lines.map((li) => Number(li.getAttribute('data-starts'))));
    expect(starts.length).toBeLessThan(slots.items.length);
    expect(starts.reduce((sum, n) => sum + n, 0)).toBe(slots.items.length);
    expect(await page.getByRole('link', { name: 'register' }).getAttribute('href')).toBe(
      '/register',
    );
    await takeScreenshot(page, 'consult-without-javascript-phone');
    await page.context().close();
  });

  test("the app's scripts and styles arrive compressed, and are kept by the browser", async () => {
    const base = server?.baseUrl ?? '';
    const shell = await (await fetch(`${base}/login`)).text();
    const assets = [...shell.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(
      (m) => m[1] ?? '',
    );
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      const plain = await fetch(`${base}${asset}`, { headers: { 'accept-encoding': 'identity' } });
      const br = await fetch(`${base}${asset}`, { headers: { 'accept-encoding': 'br' } });
      expect(br.headers.get('content-encoding'), asset).toBe('br');
      expect(br.headers.get('cache-control'), asset).toBe('public, max-age=31536000, immutable');
      expect(Number(br.headers.get('content-length')), asset).toBeLessThan(
        Number(plain.headers.get('content-length')),
      );
      // fetch unpacks it: the same file.
      expect(await br.text(), asset).toBe(await plain.text());
    }
  });

  test('axe-core finds no serious or critical violations on the pre-rendered app pages', async () => {
    const page = await newPage(true);
    // The app's scripts are held back, so the server's page stays for axe to read.
    await page.route('**/assets/*.js', (route) => route.abort());
    const found: string[] = [];
    for (const path of ['/', '/costs', '/check', '/consult']) {
      await page.goto(path);
      await page.locator('[data-prerendered] h1').waitFor();
      for (const v of await seriousViolations(page)) found.push(`${path}: ${v}`);
    }
    await page.context().close();
    expect(found).toEqual([]);
  });

  test.each(spaPages)('axe-core finds no serious or critical violations on %s', async (path) => {
    const page = await newPage(true);
    await page.goto(path);
    // A pre-rendered page (/costs) is replaced by the app's own once JavaScript runs.
    await page.locator('[data-prerendered]').waitFor({ state: 'detached' });
    await page.locator('h1').first().waitFor();
    const found = await seriousViolations(page);
    if (path === '/') {
      await page.getByRole('link', { name: 'Learn', exact: true }).waitFor();
      // The app's landing page offers the same next steps as the server's.
      for (const [name, href] of [
        ['Check if ketamine may suit you', '/check'],
        ['Book a video consult', '/consult'],
      ] as const)
        expect(await page.getByRole('link', { name, exact: true }).getAttribute('href')).toBe(href);
      await takeScreenshot(page, 'education-home-links-phone');
    }
    await page.context().close();
    expect(found).toEqual([]);
  });
});
