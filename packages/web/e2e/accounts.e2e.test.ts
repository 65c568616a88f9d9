import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { demoEmails, takeScreenshot, useHarness } from './harness';
import {
  label,
  logIn,
  seriousViolations,
  verificationLinkFor,
  waitForPath,
  waitForText,
} from './steps';

/** Fills in and sends the log-in form, staying on the page whatever the answer. */
async function logInForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(label('Email')).fill(email);
  await page.getByLabel(label('Password')).fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

function isNavLinkOnScreenInPage(name: string): boolean {
  const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent === name);
  const box = link?.getBoundingClientRect();
  return box !== undefined && box.left >= 0 && box.right <= window.innerWidth && box.width > 0;
}

function isNavLinkOnScreen(page: Page, name: string): Promise<boolean> {
  return page.evaluate(isNavLinkOnScreenInPage, name);
}

describe('accounts and the shell in the browser', () => {
  const harness = useHarness();

  test('a wrong password shows the reason the server gave', async () => {
    const page = await harness.newPage();
    await page.goto('/login');
    await page.getByLabel(label('Email')).fill(demoEmails.prescriber);
    await page.getByLabel(label('Password')).fill('not-the-password');
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    const response = await answer;
    expect(response.status()).toBe(401);
    const problem = (await response.json()) as { detail: string; code: string };
    expect(problem.code).toBe('AUTH.INVALID_CREDENTIALS');
    await waitForText(page.getByRole('alert').filter({ hasText: 'Log-in failed' }), problem.detail);
    expect(new URL(page.url()).pathname).toBe('/login');
    await takeScreenshot(page, 'login-wrong-password');
  });

  test('a visitor who chose a consult time registers, confirms the e-mail and goes on to book it', async () => {
    const page = await harness.newPage();
    await page.goto('/consult');
    await page.getByRole('heading', { name: 'Book a video consult', level: 1 }).waitFor();
    await page
      .getByRole('button', { name: / with / })
      .first()
      .click();
    await page.getByRole('link', { name: 'Create an account' }).click();
    await waitForPath(page, '/register');
    await page.getByLabel(label('Given name')).fill('Robin');
    await page.getByLabel(label('Family name')).fill('Example');
    await page.getByLabel(label('Date of birth')).fill('1988-07-14');
    await page.getByLabel(label('Email')).fill('robin.example@example.test');
    await page.getByLabel(label('Password')).fill('too-short');
    await page.getByRole('button', { name: 'Create account' }).click();
    // Checked in the browser before any request: the rule is stated and the field says why.
    await waitForText(page.getByRole('main'), 'Password must be at least 12 characters');
    await takeScreenshot(page, 'register-short-password');

    await page.getByLabel(label('Password')).fill('a-long-enough-passphrase');
    const registered = page.waitForResponse((r) => r.url().endsWith('/api/auth/register'));
    await page.getByRole('button', { name: 'Create account' }).click();
    expect((await registered).status()).toBe(202);
    // No session yet: the screen says where the link went and how long it works.
    const notice = page.getByRole('status').filter({ hasText: 'Check your e-mail' });
    await waitForText(notice, 'robin.example@example.test');
    await waitForText(notice, 'within 24 hours');
    expect(await seriousViolations(page)).toEqual([]);
    await takeScreenshot(page, 'register-check-email');

    // Logging in before confirming is refused with a way to get a new link.
    const other = await harness.newPage();
    await logInForm(other, 'robin.example@example.test', 'a-long-enough-passphrase');
    const refusal = other.getByRole('alert').filter({ hasText: 'Confirm your e-mail first' });
    await waitForText(refusal, 'open the link we sent you');
    await refusal.getByRole('button', { name: 'Send a new link' }).waitFor();
    await takeScreenshot(other, 'login-not-verified');

    // A new link from the check-email screen replaces the first and still leads back to the time.
    await page.getByRole('button', { name: 'Send a new link' }).click();
    await waitForText(page.getByRole('main'), 'a new one is on its way');

    const link = await verificationLinkFor(await harness.newPage(), 'robin.example@example.test');
    await page.goto(link);
    await waitForPath(page, '/me/book-consult');
    await page.getByRole('button', { name: 'Confirm booking' }).waitFor();
    await waitForText(page.getByRole('banner'), 'Robin');
    await takeScreenshot(page, 'register-verified-back-to-booking');
  });

  test('registering with an address that has an account shows the same screen and changes nothing', async () => {
    const page = await harness.newPage();
    await page.goto('/register');
    await page.getByLabel(label('Given name')).fill('Someone');
    await page.getByLabel(label('Family name')).fill('Else');
    await page.getByLabel(label('Date of birth')).fill('1980-01-01');
    await page.getByLabel(label('Email')).fill(demoEmails.patient);
    await page.getByLabel(label('Password')).fill('someone-elses-passphrase');
    await page.getByRole('button', { name: 'Create account' }).click();
    await waitForText(
      page.getByRole('status').filter({ hasText: 'Check your e-mail' }),
      demoEmails.patient,
    );
    await logIn(page, demoEmails.patient);
    await waitForPath(page, '/me');
  });

  test('a logged-in person on a public page is offered their own pages, not log-in', async () => {
    const page = await harness.newPage();
    const site = page.getByRole('navigation', { name: 'Site' });
    await page.goto('/costs');
    await site.getByRole('link', { name: 'Log in' }).waitFor();
    await logIn(page, demoEmails.patient);
    await waitForPath(page, '/me');
    await page.goto('/costs');
    await site.getByRole('link', { name: 'My record' }).click();
    await waitForPath(page, '/me');
    await page.goto('/costs');
    await site.getByRole('link', { name: 'My record' }).waitFor();
    expect(await site.getByRole('link', { name: 'Log in' }).count()).toBe(0);
    expect(await site.getByRole('link', { name: 'Register' }).count()).toBe(0);
  });

  test('a confirmation link that does not work says so and offers a new one', async () => {
    const page = await harness.newPage();
    await page.goto('/verify-email/not-a-real-token-0123456789');
    await waitForText(
      page.getByRole('alert').filter({ hasText: 'Not confirmed' }),
      'invalid, used or expired',
    );
    await page.getByLabel(label('Email')).fill('nobody.here@example.test');
    await page.getByRole('button', { name: 'Send a new link' }).click();
    await waitForText(page.getByRole('main'), 'a new one is on its way');
    expect(await seriousViolations(page)).toEqual([]);
    await takeScreenshot(page, 'verify-email-link-refused');
  });

  test('on a phone the burger opens the navigation', async () => {
    const page = await harness.newPage({ width: 375, height: 812 });
    await logIn(page, demoEmails.admin);
    await waitForPath(page, '/patients');
    const burger = page.getByRole('button', { name: 'Open navigation' });
    await burger.waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    // Shut, the drawer sits off-screen (and is inert, so out of the tab order).
    expect(await isNavLinkOnScreen(page, 'Audit log')).toBe(false);
    await takeScreenshot(page, 'phone-nav-closed');

    await burger.click();
    const closeButton = page.getByRole('button', { name: 'Close navigation' });
    expect(await closeButton.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Audit log' }).waitFor();
    await page.waitForFunction(isNavLinkOnScreenInPage, 'Audit log');
    await takeScreenshot(page, 'phone-nav-open');

    await nav.getByRole('link', { name: 'Audit log' }).click();
    await waitForPath(page, '/admin/audit');
    await page.getByRole('button', { name: 'Open navigation' }).waitFor();
    // Nothing is wider than the phone: wide tables scroll inside their own box.
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(375);
    await takeScreenshot(page, 'phone-audit-log');
  });

  test('a password reset link from the outbox sets a new password', async () => {
    const page = await harness.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await waitForPath(page, '/reset-password');
    await page.getByLabel(label('Email')).fill(demoEmails.nurse);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await waitForText(page.getByRole('status'), 'If an account exists, a link was sent');
    await takeScreenshot(page, 'reset-requested');

    // Without SMTP the e-mail waits in the outbox, where an admin can read it.
    const admin = await harness.newPage();
    await logIn(admin, demoEmails.admin);
    await admin
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Outbox' })
      .click();
    await waitForPath(admin, '/admin/outbox');
    const message = admin
      .getByRole('table', { name: 'Outbox' })
      .getByRole('row')
      .filter({ hasText: demoEmails.nurse })
      .first();
    const body = await waitForText(message, /\/reset-password\/\S+/);
    await takeScreenshot(admin, 'admin-outbox');
    const token = /\/reset-password\/(\S+)/.exec(body)?.[1] ?? '';

    await page.goto(`/reset-password/${token}`);
    await page.getByLabel(label('New password')).fill('a-brand-new-passphrase');
    await page.getByLabel(label('Repeat new password')).fill('a-brand-new-passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await waitForText(page.getByRole('status'), 'Your password was changed');
    await takeScreenshot(page, 'reset-confirmed');

    await logIn(page, demoEmails.nurse, 'a-brand-new-passphrase');
    await waitForPath(page, '/patients');
  });

  test('a logged-in person changes their password on the Account page', async () => {
    // A fresh account, so the demo log-ins other tests use keep their password.
    const email = 'casey.change@example.test';
    const page = await harness.newPage();
    const registered = await page.request.post('/api/auth/register', {
      data: {
        email,
        password: 'first-passphrase-1',
        givenName: 'Casey',
        familyName: 'Change',
        birthDate: '1990-02-03',
      },
    });
    expect(registered.status()).toBe(202);
    await page.goto(await verificationLinkFor(await harness.newPage(), email));
    await waitForPath(page, '/me');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Account' })
      .click();
    await waitForPath(page, '/account');
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();

    const current = page.getByLabel(label('Current password'));
    const repeat = page.getByLabel(label('Repeat new password'));
    const submit = page.getByRole('button', { name: 'Change password' });
    // A mismatch is caught in the browser, beside the field it concerns, before any request.
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/auth/password')) sent.push(request.method());
    });
    await current.fill('not-my-password-0');
    await page.getByLabel(label('New password')).fill('second-passphrase-2');
    await repeat.fill('second-passphrase-X');
    await submit.click();
    await page.getByText('Does not match the new password', { exact: true }).waitFor();
    expect(await repeat.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);

    // The server's answer for a wrong current password sits beside that field.
    await repeat.fill('second-passphrase-2');
    await submit.click();
    await page.getByText('is not your current password', { exact: true }).waitFor();
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await current.getAttribute('aria-describedby')) ?? '';
    await waitForText(
      page.locator(`[id="${describedBy.split(' ').pop() ?? ''}"]`),
      'is not your current password',
    );
    expect(sent).toEqual(['POST']);
    await takeScreenshot(page, 'account-wrong-current-password');

    await current.fill('first-passphrase-1');
    await submit.click();
    await waitForText(
      page.getByRole('alert').filter({ hasText: 'Password changed' }),
      'Your other sessions were logged out',
    );
    expect(await current.inputValue()).toBe('');
    await takeScreenshot(page, 'account-password-changed');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Log out' }).click();
    await waitForPath(page, '/login');
    await logIn(page, email, 'second-passphrase-2');
    // Logged in with the new password: the app's header names the person.
    await waitForText(page.getByRole('banner'), 'Casey Change');
  });
});
