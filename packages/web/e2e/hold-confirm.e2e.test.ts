/**
 * A hold (a provisional booking) is made on the booking page ("Hold this time") and confirmed
 * from the appointment drawer on the day board.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Page as ListPage } from '../src/api/page';
import type { PatientSummary } from '../src/api/patient-types';
import type { Appointment, Location, Slot } from '../src/api/scheduling-types';
import {
  formatLocalDate,
  formatZonedDateTime,
  formatZonedTime,
  localDaysWindow,
  todayIn,
  zonedDate,
} from '../src/format/zoned-time';
import { demoEmails, takeScreenshot, useHarness } from './harness';
import { label, logIn, waitForText } from './steps';

const desktop = { width: 1280, height: 900 };

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** The first free infusion time for `patientId` at `location`, from tomorrow on. */
async function firstFreeInfusion(page: Page, location: Location, patientId: string): Promise<Slot> {
  const tomorrow = new Date(Date.parse(`${todayIn(location.timeZone)}T12:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
  const { from } = localDaysWindow(tomorrow, location.timeZone);
  const to = new Date(Date.parse(from) + 14 * 86_400_000).toISOString();
  const q = new URLSearchParams({
    type: 'infusion',
    protocolId: 'depression',
    locationId: location.id,
    patientId,
    from,
    to,
    limit: '1',
  });
  const { items } = await getJson<{ items: Slot[] }>(page, `/api/appointments/slots?${q}`);
  const slot = items[0];
  if (slot === undefined) throw new Error(`no free infusion time at ${location.name}`);
  return slot;
}

describe('holds in the appointment drawer', () => {
  const harness = useHarness();

  test('a nurse holds a time on the booking page, then confirms it from the drawer', async () => {
    const page = await harness.newPage(desktop);
    await logIn(page, demoEmails.nurse);
    const location = (await getJson<{ items: Location[] }>(page, '/api/clinic/locations')).items[0];
    if (location === undefined) throw new Error('no locations');
    const patients = await getJson<ListPage<PatientSummary>>(page, '/api/patients?pageSize=20');
    const patient = patients.items[patients.items.length - 1];
    if (patient === undefined) throw new Error('no patients');
    const slot = await firstFreeInfusion(page, location, patient.id);
    const day = zonedDate(slot.startsAt, location.timeZone);

    await page.goto(`/patients/${patient.id}/book`);
    await page.getByRole('heading', { name: /^Book: / }).waitFor();
    await page.getByLabel(label('From date')).fill(day);
    await page
      .getByRole('button', {
        name: `${formatLocalDate(day)} ${formatZonedTime(slot.startsAt, location.timeZone)}`,
        exact: true,
      })
      .click();
    const holdResponse = page.waitForResponse(
      (r) => r.url().endsWith('/api/appointments/holds') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Hold this time' }).click();
    const holdAnswer = await holdResponse;
    expect(holdAnswer.status()).toBe(201);
    expect(holdAnswer.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    const held = (await holdAnswer.json()) as Appointment;
    expect(held).toMatchObject({ status: 'held', startsAt: slot.startsAt });
    if (held.holdExpiresAt === null) throw new Error('a hold without an expiry');
    const notice = page.getByRole('status').filter({ hasText: 'Held, not yet booked' });
    await waitForText(
      notice,
      `until the hold lapses at ${formatZonedDateTime(held.holdExpiresAt, location.timeZone)}`,
    );
    // The answer is brought into view, below the fixed header, and focused: the button that
    // made it is far below it.
    const headerBottom = await page
      .locator('.mantine-AppShell-header')
      .evaluate((el) => el.getBoundingClientRect().bottom);
    expect(
      await notice.evaluate(
        (el, top) =>
          el === document.activeElement &&
          el.getBoundingClientRect().top >= top &&
          el.getBoundingClientRect().bottom <= window.innerHeight,
        headerBottom,
      ),
    ).toBe(true);
    await takeScreenshot(page, 'hold-made-on-booking-page-desktop');
    // A hold is not a booking: nothing about it is confirmed or reminded yet.
    expect((await getJson<Appointment>(page, `/api/appointments/${held.id}`)).status).toBe('held');

    const zone = location.timeZone;
    await page.goto(`/schedule/day?location=${location.id}&date=${zonedDate(held.startsAt, zone)}`);
    const time = `${formatZonedTime(held.startsAt, zone)}–${formatZonedTime(held.endsAt, zone)}`;
    await page
      .getByRole('button', { name: new RegExp(`^${time} ${held.patient.name}, Infusion, Held`) })
      .click();
    const dialog = page.getByRole('dialog');
    await waitForText(dialog, 'Held');
    await dialog.getByRole('button', { name: 'Confirm booking' }).waitFor();
    // Staff see how long they have: the hold's own expiry, in the location's time.
    await waitForText(
      dialog,
      `the hold lapses at ${formatZonedDateTime(held.holdExpiresAt, zone)} unless it is confirmed`,
    );
    await takeScreenshot(page, 'hold-in-drawer-desktop');

    const answer = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/api/appointments/${held.id}/confirm`) && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: 'Confirm booking' }).click();
    const confirmed = await answer;
    expect(confirmed.status()).toBe(200);
    expect(confirmed.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await confirmed.json()) as Appointment).status).toBe('booked');

    // The drawer follows: the badge reads Booked and there is nothing left to confirm.
    await waitForText(dialog.locator('.mantine-Badge-root'), 'Booked');
    await dialog.getByRole('button', { name: 'Confirm booking' }).waitFor({ state: 'detached' });
    const stored = await getJson<Appointment>(page, `/api/appointments/${held.id}`);
    expect(stored).toMatchObject({ status: 'booked', holdExpiresAt: null });
    await takeScreenshot(page, 'hold-confirmed-desktop');
  });
});
