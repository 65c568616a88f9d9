/**
 * The signed-in screens a nurse, prescriber or patient opens on a phone (390 px): nothing pushes
 * the page wider than the screen, what matters most stays on screen, and axe-core finds no serious
 * or critical WCAG 2.1 AA violation.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Session } from '../src/api/auth-types';
import type { Patient } from '../src/api/patient-types';
import { demoEmails, takeScreenshot, useHarness } from './harness';
import { logIn, seriousViolations, waitForPath } from './steps';

const phone = { width: 390, height: 844 };

/** How far the page scrolls sideways: 0 when everything fits the screen. */
function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/**
 * Where each cell of a record table sits against the table's scroll region, and the column name
 * drawn beside it (Chromium gives `"Score" / ""` for the stacked layout's label, else "none").
 */
async function tableLayout(table: Locator) {
  return table.evaluate((t) => {
    const region = t.closest('[role="region"]');
    if (region === null) throw new Error('the table is not inside its scroll region');
    const area = region.getBoundingClientRect();
    const headers = [...t.querySelectorAll('thead th')].map((th) => th.textContent);
    const cells = [...t.querySelectorAll('tbody tr')].flatMap((tr) =>
      [...tr.querySelectorAll('td')].map((td, index) => {
        const box = td.getBoundingClientRect();
        return {
          column: headers[index] ?? '',
          text: td.textContent.trim(),
          onScreen:
            box.width > 0 && box.height > 0 && box.left >= area.left && box.right <= area.right,
          whole: td.scrollWidth <= td.clientWidth,
          label: getComputedStyle(td, '::before').content,
        };
      }),
    );
    return {
      overflow: t.scrollWidth - region.clientWidth,
      display: getComputedStyle(t).display,
      headers,
      cells,
    };
  });
}

/**
 * The scores table under the progress chart on a phone: nothing scrolls sideways, every value of
 * every column shows whole beside its column's name, and screen readers still meet a table whose
 * column headers name each cell.
 */
async function expectScoresStacked(page: Page): Promise<void> {
  const table = page
    .getByRole('region', { name: 'Progress' })
    .getByRole('table', { name: 'PHQ-9 scores' });
  await table.locator('tbody tr').first().waitFor();
  await page.waitForLoadState('networkidle');
  const layout = await tableLayout(table);
  expect(layout.overflow).toBeLessThanOrEqual(0);
  expect(layout.display).toBe('block');
  expect(layout.headers).toContain('Entered');
  const rows = await table.locator('tbody tr').count();
  expect(layout.cells.length).toBe(rows * layout.headers.length);
  for (const cell of layout.cells) {
    expect(cell.text, cell.column).not.toBe('');
    expect(cell.onScreen, `${cell.column} ${cell.text}`).toBe(true);
    expect(cell.whole, `${cell.column} ${cell.text}`).toBe(true);
    expect(cell.label).toBe(`"${cell.column}" / ""`);
  }
  for (const header of layout.headers)
    expect(await table.getByRole('columnheader', { name: header, exact: true }).count()).toBe(1);
  expect(await table.getByRole('cell').count()).toBe(layout.cells.length);
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
}

describe('signed-in screens on a phone', () => {
  const harness = useHarness();

  test("a nurse's day board shows whole names and today's sessions show status and alerts", async () => {
    const nurse = await harness.newPage(phone);
    await logIn(nurse, demoEmails.nurse);
    await nurse.goto('/schedule/day');
    // The first booking in any chair: which chair the demo's bookings take depends on when the
    // demo was made, and Chair 1 may be free.
    const block = nurse
      .getByRole('region', { name: /^Chair / })
      .getByRole('button')
      .first();
    await block.waitFor();
    // The whole patient name shows (it was cut to "Samuel…" in a 150 px chair column) ...
    const name = block.locator('p').nth(1);
    expect(
      await name.evaluate(
        (el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight,
      ),
    ).toBe(true);
    // ... and the button's name carries every line it shows, the nurse's name too.
    const shown = (await block.innerText()).split('\n').filter((line) => line.trim() !== '');
    const accessibleName = (await block.getAttribute('aria-label')) ?? '';
    for (const line of shown)
      expect(accessibleName.replaceAll(',', '')).toContain(
        line.replace(' · ', ' ').replaceAll(',', ''),
      );
    expect(await pageOverflow(nurse)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(nurse)).toEqual([]);
    await takeScreenshot(nurse, 'day-board-phone');

    const blockName = (await block.getAttribute('aria-label')) ?? '';
    expect(blockName).toContain('Booked');
    await block.click();
    await nurse.getByRole('dialog').getByRole('button', { name: 'Start session' }).click();
    await waitForPath(nurse, /^\/sessions\/[^/]+$/);
    // Back on the board, the block says the patient is checked in (it kept saying "Booked").
    await nurse.goto('/schedule/day');
    const checkedIn = nurse
      .getByRole('region', { name: /^Chair / })
      .getByRole('button', { name: blockName.replace('Booked', 'Checked in') });
    await checkedIn.waitFor();
    expect(await checkedIn.innerText()).toContain('Checked in');
    await nurse.goto('/sessions');
    const table = nurse.getByRole('table', { name: "Today's sessions" });
    await table.getByRole('link').first().waitFor();
    // Status and open alerts are on screen without scrolling; the page never scrolls sideways.
    for (const column of ['Patient', 'Status', 'Open alerts']) {
      const box = await table.getByRole('columnheader', { name: column }).boundingBox();
      expect(box, column).not.toBeNull();
      expect((box?.x ?? Infinity) + (box?.width ?? 0), column).toBeLessThanOrEqual(phone.width);
    }
    // The status reads whole ("Checked in", not "CHECK…").
    const status = table.getByRole('row').nth(1).getByRole('cell').nth(1);
    await status.getByText('Checked in').waitFor();
    expect(
      await status.evaluate((cell) =>
        [cell, ...cell.querySelectorAll('*')].every((el) => el.scrollWidth <= el.clientWidth),
      ),
    ).toBe(true);
    expect(await pageOverflow(nurse)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(nurse)).toEqual([]);
    await takeScreenshot(nurse, 'sessions-today-phone');
    // The columns past the screen scroll by keyboard: the table's region takes focus and arrows.
    const region = nurse.getByRole('region', { name: "Today's sessions table" });
    await region.focus();
    expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
    await nurse.keyboard.press('ArrowRight');
    await nurse.waitForFunction(() => (document.activeElement?.scrollLeft ?? 0) > 0);
  });

  test("a prescriber's signed screening fits the screen, accepted warnings included", async () => {
    const prescriber = await harness.newPage(phone);
    await logIn(prescriber, demoEmails.prescriber);
    const patients = await getJson<{ items: Patient[] }>(prescriber, '/api/patients');
    const diego = patients.items.find((p) => p.familyName === 'Fuentes');
    if (diego === undefined) throw new Error('the demo clinic has no Diego Fuentes');
    await prescriber.goto(`/patients/${diego.id}/screening`);
    const accepted = prescriber.getByRole('table', { name: 'Warnings accepted' });
    await accepted.waitFor();
    // The warning's code breaks rather than push the reason column off the screen.
    const reason = await accepted.getByRole('columnheader', { name: 'Reason' }).boundingBox();
    expect((reason?.x ?? Infinity) + (reason?.width ?? 0)).toBeLessThanOrEqual(phone.width);
    expect(await pageOverflow(prescriber)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(prescriber)).toEqual([]);
    await takeScreenshot(prescriber, 'screening-signed-phone', accepted);
  });

  test("a patient's own screens pass axe-core, the form to fill in named on its button", async () => {
    const patient = await harness.newPage(phone);
    // The server's Content-Security-Policy stays on: nothing the app needs may be refused by it.
    const refused: string[] = [];
    patient.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) refused.push(message.text());
    });
    await logIn(patient, demoEmails.patient);
    for (const path of ['/me', '/me/scales', '/me/appointments', '/me/access']) {
      await patient.goto(path);
      await patient.locator('h1').first().waitFor();
      await patient.waitForLoadState('networkidle');
      expect(await pageOverflow(patient), path).toBeLessThanOrEqual(0);
      expect(await seriousViolations(patient), path).toEqual([]);
    }
    await patient.goto('/me/scales');
    // What the button says is what a voice-control user says to press it.
    await patient
      .getByRole('link', { name: /^Fill in \S+ now$/ })
      .first()
      .waitFor();
    expect(refused).toEqual([]);
  });

  test('the scores under the progress chart stack on a phone and stay a table on a desktop', async () => {
    const patient = await harness.newPage(phone);
    await logIn(patient, demoEmails.patient);
    const session = await getJson<Session>(patient, '/api/auth/me');
    const patientId = session.user.patientId;
    if (patientId === null) throw new Error('the demo patient has no record');
    await patient.goto('/me/scales');
    await expectScoresStacked(patient);
    await takeScreenshot(
      patient,
      'scores-stacked-phone',
      patient.getByRole('table', { name: 'PHQ-9 scores' }),
    );

    // Staff read the same table on the patient's record.
    const nurse = await harness.newPage(phone);
    await logIn(nurse, demoEmails.nurse);
    await nurse.goto(`/patients/${patientId}`);
    await expectScoresStacked(nurse);

    // From the sm breakpoint up it is laid out as a table again, header row and all.
    const wide = await harness.newPage({ width: 1280, height: 900 });
    await logIn(wide, demoEmails.nurse);
    await wide.goto(`/patients/${patientId}`);
    const table = wide.getByRole('table', { name: 'PHQ-9 scores' });
    await table.locator('tbody tr').first().waitFor();
    const layout = await tableLayout(table);
    expect(layout.display).toBe('table');
    const headerRow = await table.locator('thead').boundingBox();
    expect(headerRow?.height ?? 0).toBeGreaterThan(20);
    for (const cell of layout.cells) {
      expect(cell.onScreen, `${cell.column} ${cell.text}`).toBe(true);
      expect(cell.label).toBe('none');
    }
    await takeScreenshot(wide, 'scores-table-desktop', table);
  });

  test("every table of a patient's own record stacks on a phone", async () => {
    const patient = await harness.newPage(phone);
    await logIn(patient, demoEmails.patient);
    await waitForPath(patient, '/me');
    await patient.getByRole('table', { name: 'Weights' }).locator('tbody tr').first().waitFor();
    await patient.waitForLoadState('networkidle');
    const tables = patient.getByRole('main').getByRole('table');
    const count = await tables.count();
    // Weights, heights, conditions and medications at least: the demo patient has all four.
    expect(count).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < count; i += 1) {
      const table = tables.nth(i);
      const name = (await table.getAttribute('aria-label')) ?? `table ${String(i)}`;
      const layout = await tableLayout(table);
      expect(layout.overflow, name).toBeLessThanOrEqual(0);
      expect(layout.display, name).toBe('block');
      for (const cell of layout.cells) {
        expect(cell.onScreen, `${name}: ${cell.column} ${cell.text}`).toBe(true);
        expect(cell.label, `${name}: ${cell.column}`).toContain(cell.column);
      }
    }
    expect(await pageOverflow(patient)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(patient)).toEqual([]);
    await takeScreenshot(patient, 'my-record-stacked-phone');
  });

  test("a nurse's patient list stacks on a phone, each row with its column names", async () => {
    const nurse = await harness.newPage(phone);
    await logIn(nurse, demoEmails.nurse);
    await nurse.goto('/patients');
    const table = nurse.getByRole('table', { name: 'Patients' });
    await table.locator('tbody tr').first().waitFor();
    const layout = await tableLayout(table);
    expect(layout.overflow).toBeLessThanOrEqual(0);
    expect(layout.display).toBe('block');
    expect(layout.headers).toEqual(['MRN', 'Name', 'Date of birth', 'Latest weight']);
    for (const cell of layout.cells) {
      expect(cell.onScreen, `${cell.column} ${cell.text}`).toBe(true);
      expect(cell.label, cell.column).toContain(cell.column);
    }
    expect(await pageOverflow(nurse)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(nurse)).toEqual([]);
  });

  test("a form's last question shows its Review answers button whole", async () => {
    const patient = await harness.newPage(phone);
    await logIn(patient, demoEmails.patient);
    await patient.goto('/me/scales/phq-9');
    // Every question answered "Not at all", up to the last one, whose button leads to the review.
    for (;;) {
      await patient.getByRole('radio', { name: 'Not at all' }).check();
      const review = patient.getByRole('button', { name: 'Review answers' });
      if ((await review.count()) > 0) break;
      await patient.getByRole('button', { name: 'Next' }).click();
    }
    const review = patient.getByRole('button', { name: 'Review answers' });
    // It was cut to "Review ansı" when Back and it shared the width in two equal halves.
    const whole = await review.evaluate((button) =>
      [button, ...button.querySelectorAll('*')].every((el) => el.scrollWidth <= el.clientWidth),
    );
    expect(whole).toBe(true);
    expect(await pageOverflow(patient)).toBeLessThanOrEqual(0);
  });

  test('the dose calculator shows the weight basis whole', async () => {
    const nurse = await harness.newPage({ width: 1366, height: 850 });
    await logIn(nurse, demoEmails.nurse);
    const patients = await getJson<{ items: Patient[] }>(nurse, '/api/patients');
    const first = patients.items[0];
    if (first === undefined) throw new Error('the demo clinic has no patients');
    await nurse.goto(`/patients/${first.id}/dose`);
    const basis = nurse.getByRole('combobox', { name: 'Weight basis' });
    await basis.waitFor();
    // "Protocol: actual body weight" was cut to "Protocol: actual body weigh" in one column.
    const fits = await basis.evaluate((select) => {
      const s = select as HTMLSelectElement;
      const option = s.options[s.selectedIndex];
      const canvas = document.createElement('canvas').getContext('2d');
      if (canvas === null || option === undefined) return false;
      canvas.font = getComputedStyle(s).font;
      const style = getComputedStyle(s);
      const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return canvas.measureText(option.text).width <= room;
    });
    expect(fits).toBe(true);
    expect(await seriousViolations(nurse)).toEqual([]);
  });
});
