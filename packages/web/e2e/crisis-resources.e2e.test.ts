import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { InstrumentDefinition, SubmittedScale } from '../src/api/outcomes-types';
import { demoEmails, repoRoot, takeScreenshot, useHarness } from './harness';
import { logIn, waitForPath, waitForText } from './steps';

const phone = { width: 390, height: 844 };

// The documented UK example (Samaritans, Shout, 999), with a scale due on any day.
const settings = {
  ...(JSON.parse(
    readFileSync(join(repoRoot, 'docs/examples/clinic-settings-crisis-uk.json'), 'utf8'),
  ) as object),
  outcomes: { scaleIntervalDays: 3 },
};

async function send(page: Page): Promise<SubmittedScale> {
  const sent = page.waitForResponse(
    (r) => r.url().endsWith('/api/me/scales') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Send answers' }).click();
  const response = await sent;
  expect(response.status()).toBe(201);
  return (await response.json()) as SubmittedScale;
}

describe("crisis resources from the clinic's settings in the browser", () => {
  const harness = useHarness(settings);

  test('a UK clinic shows its own lines, never 988 or 911, while answering and after sending', async () => {
    const page = await harness.newPage(phone);
    await logIn(page, demoEmails.patient);
    await waitForPath(page, '/me');
    await page.goto('/me/scales/phq-9');
    const kb = (await (await page.request.get('/api/knowledge')).json()) as {
      outcomes: { instruments: InstrumentDefinition[] };
    };
    const definition = kb.outcomes.instruments.find((i) => i.id === 'phq-9');
    if (definition === undefined) throw new Error('no PHQ-9 in the knowledge base');

    for (const [index, item] of definition.items.entries()) {
      await waitForText(page.locator('main'), `Question ${String(index + 1)} of`);
      const score = item.safety === 'suicidal-thoughts' ? 1 : 0;
      const option = item.options.find((o) => o.score === score);
      if (option === undefined) throw new Error(`no option scoring ${String(score)}`);
      await page
        .getByRole('radiogroup', { name: item.text })
        .getByRole('radio', { name: option.label, exact: true })
        .click();
      if (item.safety === 'suicidal-thoughts') {
        const now = page.getByRole('alert');
        await waitForText(now, 'call 116 123 or text 85258 now');
        expect(await now.innerText()).not.toMatch(/\b(988|911)\b/);
      }
      const last = index === definition.items.length - 1;
      await page.getByRole('button', { name: last ? 'Review answers' : 'Next' }).click();
    }
    await waitForText(page.locator('main'), 'Check your answers');
    const sent = await send(page);
    if (sent.crisis === null) throw new Error('the server returned no crisis resources');

    const crisis = page.getByRole('alert');
    await waitForText(crisis, sent.crisis.text);
    await waitForText(crisis, 'Samaritans: Call 116 123');
    const hrefs = await crisis
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    // Each line only as the clinic says it can be reached: Samaritans by call, Shout by text.
    expect(hrefs).toEqual(['tel:116123', 'sms:85258', 'tel:999']);
    expect(await crisis.innerText()).not.toMatch(/\b(988|911)\b/);
    await takeScreenshot(page, 'crisis-resources-uk-sent');

    // Staff see on the alert that the lines are a clinic setting.
    const [alertId] = sent.response.safetyAlertIds;
    if (alertId === undefined) throw new Error('no safety alert was raised');
    const nurse = await harness.newPage();
    await logIn(nurse, demoEmails.nurse);
    await nurse.goto(`/safety-alerts/${alertId}`);
    const section = nurse.getByRole('region', { name: 'Crisis resources given to patients' });
    await waitForText(section, 'Clinic setting');
    await waitForText(section, 'Set by the clinic');
    await waitForText(section, 'Shout: Text 85258');
    await waitForText(nurse.locator('main'), 'If the patient is at imminent risk, call 999.');
  });
});
