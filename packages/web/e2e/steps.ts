/** Small waits and common steps for the browser tests (playwright-core has no auto-waiting expect). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Locator, Page } from 'playwright-core';
import { demoEmails, demoPassword, repoRoot } from './harness';

const defaultTimeoutMs = 15_000;

/** Waits until `locator`'s text matches `expected`, and returns that text. */
export async function waitForText(
  locator: Locator,
  expected: string | RegExp,
  timeoutMs = defaultTimeoutMs,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  // Why the locator gave no text (a strict-mode clash of two matches, say), for the failure.
  let lastError = '';
  while (Date.now() < deadline) {
    last =
      (await locator.textContent({ timeout: timeoutMs }).catch((error: unknown) => {
        lastError = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
        return null;
      })) ?? '';
    const matches = typeof expected === 'string' ? last.includes(expected) : expected.test(last);
    if (matches) return last;
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
  throw new Error(
    `Timed out waiting for text ${String(expected)}; last text was: ${last}` +
      (last === '' && lastError !== '' ? ` (${lastError})` : ''),
  );
}

/** Waits until the page's path (and query) matches. */
export async function waitForPath(page: Page, path: string | RegExp): Promise<void> {
  await page.waitForURL((url) =>
    typeof path === 'string' ? url.pathname === path : path.test(url.pathname + url.search),
  );
}

/**
 * Matches a field's label exactly, with or without the required-field asterisk: Mantine hides the
 * asterisk from screen readers (aria-hidden), but Playwright's label text still includes it.
 */
export function label(name: string): RegExp {
  return new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
}

/** Logs in through the form and waits until the app has left the log-in page. */
export async function logIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(label('Email')).fill(email);
  await page.getByLabel(label('Password')).fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/**
 * The path of the newest confirmation link mailed to `email` (`/verify-email/...`), read from the
 * outbox by an admin (without SMTP, mail waits there). `admin` is a page of its own: this logs it in.
 */
export async function verificationLinkFor(admin: Page, email: string): Promise<string> {
  const login = await admin.request.post('/api/auth/login', {
    data: { email: demoEmails.admin, password: demoPassword },
  });
  if (!login.ok()) throw new Error(`admin log-in: ${String(login.status())}`);
  const outbox = await admin.request.get('/api/outbox?pageSize=100');
  const { items } = (await outbox.json()) as { items: { to: string; body: string }[] };
  // Newest first: only the newest link works.
  const body = items.find((m) => m.to === email && m.body.includes('/verify-email/'))?.body ?? '';
  const link = /\/verify-email\/\S+/.exec(body)?.[0];
  if (link === undefined) throw new Error(`no confirmation link in the outbox for ${email}`);
  return link;
}

const axeSource = join(repoRoot, 'node_modules/axe-core/axe.min.js');

/**
 * Serious and critical axe-core violations (WCAG 2.0/2.1 A and AA rules), one line each; no rule
 * is left out. axe-core is evaluated through the browser's
 * debugging protocol rather than as a <script> tag: the server's Content-Security-Policy allows
 * scripts from the app only, and stays on in these tests so that a page the policy breaks fails them.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(axeSource, 'utf8'));
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: object) => Promise<AxeResults> } }).axe;
    return axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact ?? ''}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}
