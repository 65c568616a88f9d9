/**
 * What the day board and today's sessions say of a checked-in patient's pre-check: one that did
 * not clear the patient (do not start, or waiting for the prescriber) says so in its decision's
 * colour, and reads "Pre-check done" only once the patient is cleared. Uses the demo clinic's
 * bookings for today.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Session as AuthSession } from '../src/api/auth-types';
import type { PreCheckInput, Session } from '../src/api/session-types';
import { demoEmails, takeScreenshot, useHarness } from './harness';
import { logIn, seriousViolations, waitForText } from './steps';

const desktop = { width: 1280, height: 900 };

async function postJson<T>(page: Page, path: string, data: unknown): Promise<T> {
  const me = await page.request.get('/api/auth/me');
  const { csrfToken } = (await me.json()) as AuthSession;
  const response = await page.request.post(path, { data, headers: { 'x-csrf-token': csrfToken } });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

function preCheck(vitals: PreCheckInput['vitals']): PreCheckInput {
  return {
    vitals,
    weight: { value: 70, unit: 'kg' },
    pregnancyTest: 'not-applicable',
    fasting: true,
    medicationChanges: [],
    consentOnFile: true,
  };
}

const normal = { diastolicMmHg: 78, heartRate: 72, respiratoryRate: 14, temperatureC: 36.8 };

/** The colour `color` (a CSS value) resolves to on the page. */
function resolvedColor(page: Page, color: string): Promise<string> {
  return page.evaluate((value) => {
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.color = value;
    const resolved = getComputedStyle(probe).color;
    probe.remove();
    return resolved;
  }, color);
}

const colorOf = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).color);

describe('pre-check outcomes on the day board', () => {
  const harness = useHarness();

  test(`a do-not-start pre-check reads as such in red on the board and in today's sessions, never "Pre-check done"`, async () => {
    const nurse = await harness.newPage(desktop);
    await logIn(nurse, demoEmails.nurse);
    const prescriber = await harness.newPage(desktop);
    await logIn(prescriber, demoEmails.prescriber);
    await nurse.goto('/schedule/day');
    const booked = nurse
      .getByRole('region', { name: /^Chair / })
      .getByRole('button', { name: /, Infusion, Booked,/ })
      .first();
    await booked.waitFor();
    const bookedName = (await booked.getAttribute('aria-label')) ?? '';
    await booked.click();
    const checkedIn = nurse.waitForResponse(
      (r) => r.url().endsWith('/session') && r.request().method() === 'POST',
    );
    await nurse.getByRole('dialog').getByRole('button', { name: 'Start session' }).click();
    const session = (await (await checkedIn).json()) as Session;
    const blocked = await postJson<Session>(
      nurse,
      `/api/sessions/${session.id}/pre-check`,
      preCheck({ ...normal, systolicMmHg: 186, spo2: 98 }),
    );
    expect(blocked.preCheck?.decision).toBe('do-not-start');
    const danger = await resolvedColor(nurse, 'var(--mantine-color-error)');

    const block = (standing: string) =>
      nurse
        .getByRole('region', { name: /^Chair / })
        .getByRole('button', { name: bookedName.replace('Booked', standing) });
    await nurse.goto('/schedule/day');
    const stopped = block('Pre-check: do not start');
    await stopped.waitFor();
    expect(await colorOf(stopped.getByText('Pre-check: do not start'))).toBe(danger);
    expect(await seriousViolations(nurse)).toEqual([]);
    await takeScreenshot(nurse, 'day-board-pre-check-do-not-start', stopped);

    await nurse.goto('/sessions');
    const row = nurse.getByRole('row', { name: new RegExp(session.patient.displayName) });
    await waitForText(row, 'Pre-check: do not start');
    expect(await colorOf(row.getByText('Pre-check: do not start'))).toBe(danger);

    // A new pre-check without SpO2 waits for the prescriber; their approval clears the patient.
    const waiting = await postJson<Session>(
      nurse,
      `/api/sessions/${session.id}/pre-check`,
      preCheck({ ...normal, systolicMmHg: 124 }),
    );
    expect(waiting.preCheck?.decision).toBe('needs-prescriber');
    await nurse.goto('/schedule/day');
    await block('Pre-check: needs the prescriber').waitFor();
    await postJson<Session>(prescriber, `/api/sessions/${session.id}/pre-check/approve`, {
      reason: 'SpO2 checked by hand at 98 %',
    });
    await nurse.goto('/schedule/day');
    const cleared = block('Pre-check done');
    await cleared.waitFor();
    expect(await colorOf(cleared.getByText('Pre-check done'))).not.toBe(danger);
  });
});
