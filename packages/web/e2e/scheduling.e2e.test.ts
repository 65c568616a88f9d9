import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Session } from '../src/api/auth-types';
import type { Page as ListPage } from '../src/api/page';
import type { PatientSummary } from '../src/api/patient-types';
import type {
  Appointment,
  ConsultConfirmation,
  ConsultSlot,
  Location,
  Slot,
} from '../src/api/scheduling-types';
import {
  formatLocalDate,
  formatZonedRange,
  formatZonedTime,
  localDaysWindow,
  todayIn,
  zonedDate,
} from '../src/format/zoned-time';
import { demoEmails, takeScreenshot, useHarness } from './harness';
import { label, logIn, waitForText } from './steps';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };
const tablet = { width: 820, height: 1180 };
/** Staff browsers run in a zone far from the clinic's: the board must show the location's time. */
const farZone = 'Asia/Tokyo';

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** `20261102T140000Z`, as an .ics file writes a UTC DTSTART. */
function icsUtc(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The day's appointments at a location, as the API lists them (the board's source of truth). */
async function dayAppointments(
  page: Page,
  location: Location,
  date: string,
): Promise<Appointment[]> {
  const window = localDaysWindow(date, location.timeZone);
  const q = new URLSearchParams({ ...window, locationId: location.id });
  return (await getJson<{ items: Appointment[] }>(page, `/api/appointments?${q.toString()}`)).items;
}

/** The accessible name of an appointment's block on the day board. */
function blockName(a: Appointment, zone: string): string {
  return `${formatZonedTime(a.startsAt, zone)}–${formatZonedTime(a.endsAt, zone)} ${a.patient.name}`;
}

async function waitForBlock(page: Page, a: Appointment, zone: string): Promise<void> {
  await page
    .getByRole('button', { name: new RegExp(`^${blockName(a, zone)},`) })
    .first()
    .waitFor();
}

/** The next weekday (from tomorrow) with booked infusions at `location`. */
async function busyDay(page: Page, location: Location): Promise<string> {
  const today = todayIn(location.timeZone);
  for (let i = 1; i <= 14; i++) {
    const date = new Date(Date.parse(`${today}T12:00:00Z`) + i * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const items = await dayAppointments(page, location, date);
    if (items.some((a) => a.type === 'infusion')) return date;
  }
  throw new Error(`no infusions at ${location.name} in the next two weeks`);
}

describe('scheduling in the browser', () => {
  const harness = useHarness();

  test('a patient books a video consult, sees it in the portal and downloads the .ics', async () => {
    // The clinic's zone comes from staff data: the API has no public clinic zone yet, so the
    // portal shows the browser's zone; the patient's browser is set to the clinic's.
    const admin = await harness.newPage(desktop);
    await logIn(admin, demoEmails.admin);
    const locations = await getJson<{ items: Location[] }>(admin, '/api/clinic/locations');
    const zone = locations.items[0]?.timeZone ?? 'UTC';

    const page = await harness.newPage(phone, { timezoneId: zone });
    await logIn(page, demoEmails.patient);
    await page.goto('/me/book-consult');
    await page.getByRole('heading', { name: 'Book a video consult', level: 1 }).waitFor();
    const slots = await getJson<{ items: ConsultSlot[] }>(page, '/api/public/consult-slots');
    // The first day with times is open; the patient picks the second day's first time.
    const firstDay = zonedDate(slots.items[0]?.startsAt ?? '', zone);
    const slot = slots.items.find((s) => zonedDate(s.startsAt, zone) !== firstDay);
    if (slot === undefined) throw new Error('consult times are offered on one day only');
    const day = zonedDate(slot.startsAt, zone);
    const dayTimes = slots.items.filter((s) => zonedDate(s.startsAt, zone) === day).length;
    const days = page.getByRole('group', { name: 'Day' });
    expect(await days.getByRole('radio').count()).toBe(
      new Set(slots.items.map((s) => zonedDate(s.startsAt, zone))).size,
    );
    expect(await days.getByRole('radio', { checked: true }).getAttribute('value')).toBe(firstDay);
    await days.locator('label', { hasText: formatLocalDate(day).replace(/ \d{4}$/, '') }).click();
    const dayList = page.getByRole('region', { name: formatLocalDate(day) });
    await waitForText(
      dayList.getByRole('heading'),
      `${formatLocalDate(day)}: ${String(dayTimes)} times`,
    );
    expect(await dayList.getByRole('button').count()).toBe(dayTimes);
    await page
      .getByRole('button', {
        name: `${formatLocalDate(day)} ${formatZonedTime(slot.startsAt, zone)} with ${slot.prescriber.displayName}`,
        exact: true,
      })
      .first()
      .click();
    await takeScreenshot(page, 'scheduling-consult-chosen-phone');
    const booked = page.waitForResponse(
      (r) => r.url().endsWith('/api/me/consults') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    const response = await booked;
    expect(response.status()).toBe(201);
    const confirmation = (await response.json()) as ConsultConfirmation;
    const appointment = confirmation.appointment;
    expect(appointment.startsAt).toBe(new Date(slot.startsAt).toISOString());

    const when = formatZonedRange(appointment.startsAt, appointment.endsAt, zone);
    await waitForText(page.getByTestId('consult-when'), when);
    if (confirmation.videoUrl === null) throw new Error('the consult has no video link');
    await page.getByRole('link', { name: confirmation.videoUrl }).waitFor();
    await takeScreenshot(page, 'scheduling-consult-confirmed-phone');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Add to calendar (.ics)' }).click();
    const file = await (await download).path();
    // Unfold long lines (RFC 5545 §3.1) before looking for the link.
    const ics = readFileSync(file, 'utf8').replace(/\r?\n[ \t]/g, '');
    expect(ics).toContain(`DTSTART:${icsUtc(appointment.startsAt)}`);
    expect(ics).toContain(confirmation.videoUrl);

    await page.getByRole('status').getByRole('link', { name: 'My appointments' }).click();
    await page.getByRole('heading', { name: 'My appointments', level: 1 }).waitFor();
    const mine = await getJson<{ items: Appointment[] }>(page, '/api/me/appointments');
    expect(mine.items.map((a) => a.id)).toContain(appointment.id);
    const card = page.getByRole('article', {
      name: new RegExp(when.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    });
    await waitForText(card, 'Booked');
    await takeScreenshot(page, 'scheduling-my-appointments-phone', card);
  });

  test('a nurse sees the booked infusions on the day board', async () => {
    for (const [size, name] of [
      [tablet, 'tablet'],
      [desktop, 'desktop'],
    ] as const) {
      const page = await harness.newPage(size, { timezoneId: farZone });
      await logIn(page, demoEmails.nurse);
      const locations = (await getJson<{ items: Location[] }>(page, '/api/clinic/locations')).items;
      const location = locations[0];
      if (location === undefined) throw new Error('no locations');
      const date = await busyDay(page, location);
      const expected = await dayAppointments(page, location, date);
      await page.goto(`/schedule/day?location=${location.id}&date=${date}`);
      await page.getByRole('heading', { name: `Day board: ${location.name}` }).waitFor();
      await waitForText(
        page.getByText(/^\d+ appointments?$/),
        expected.length === 1 ? '1 appointment' : `${String(expected.length)} appointments`,
      );
      for (const a of expected) await waitForBlock(page, a, location.timeZone);
      const infusion = expected.find((a) => a.type === 'infusion');
      if (infusion === undefined) throw new Error('no infusion that day');
      await takeScreenshot(page, `scheduling-day-board-${name}`);
      if (name === 'tablet') {
        await page
          .getByRole('button', { name: new RegExp(`^${blockName(infusion, location.timeZone)},`) })
          .first()
          .click();
        const dialog = page.getByRole('dialog');
        await waitForText(dialog, infusion.patient.name);
        if (infusion.chair !== null) await waitForText(dialog, infusion.chair.name);
        await takeScreenshot(page, 'scheduling-appointment-drawer-tablet');
      }
    }
  });

  test('a staff member books an infusion, moves it, and the board follows', async () => {
    const page = await harness.newPage(desktop, { timezoneId: farZone });
    await logIn(page, demoEmails.prescriber);
    const locations = (await getJson<{ items: Location[] }>(page, '/api/clinic/locations')).items;
    const location = locations[0];
    if (location === undefined) throw new Error('no locations');
    const date = await busyDay(page, location);
    const patients = await getJson<ListPage<PatientSummary>>(page, '/api/patients?pageSize=20');
    const patient = patients.items[patients.items.length - 1];
    if (patient === undefined) throw new Error('no patients');

    await page.goto(`/patients/${patient.id}/book`);
    await page.getByRole('heading', { name: /^Book: / }).waitFor();
    const searched = page.waitForResponse(
      (r) =>
        r.url().includes('/api/appointments/slots') &&
        r.url().includes(encodeURIComponent(localDaysWindow(date, location.timeZone).from)),
    );
    await page.getByLabel(label('From date')).fill(date);
    const slots = ((await (await searched).json()) as { items: Slot[] }).items;
    const slot = slots.find((s) => zonedDate(s.startsAt, location.timeZone) === date);
    if (slot === undefined) throw new Error(`no free infusion time on ${date}`);
    await page
      .getByRole('button', {
        name: `${formatLocalDate(date)} ${formatZonedTime(slot.startsAt, location.timeZone)}`,
        exact: true,
      })
      .click();
    const bookedResponse = page.waitForResponse(
      (r) => r.url().endsWith('/api/appointments') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Book this time' }).click();
    const bookedAnswer = await bookedResponse;
    expect(bookedAnswer.status()).toBe(201);
    expect(bookedAnswer.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    const booked = (await bookedAnswer.json()) as Appointment;
    await page.getByRole('status').filter({ hasText: 'Booked' }).waitFor();
    await takeScreenshot(page, 'scheduling-staff-booked-desktop');

    await page.getByRole('link', { name: 'Open the day board' }).click();
    await waitForBlock(page, booked, location.timeZone);
    const listed = await dayAppointments(page, location, date);
    expect(listed.map((a) => a.id)).toContain(booked.id);

    // Reschedule from the board: the new time appears and the old block goes.
    await page
      .getByRole('button', { name: new RegExp(`^${blockName(booked, location.timeZone)},`) })
      .click();
    const dialog = page.getByRole('dialog');
    const window = localDaysWindow(date, location.timeZone);
    const movedSearch = page.waitForResponse(
      (r) =>
        r.url().includes('/api/appointments/slots') &&
        r.url().includes(encodeURIComponent(window.from)),
    );
    await dialog.getByRole('button', { name: 'Reschedule' }).click();
    const moveSlots = ((await (await movedSearch).json()) as { items: Slot[] }).items;
    const target = moveSlots.find(
      (s) => s.startsAt !== booked.startsAt && zonedDate(s.startsAt, location.timeZone) === date,
    );
    if (target === undefined) throw new Error('no other time to move to');
    await dialog
      .getByRole('button', {
        name: `${formatLocalDate(date)} ${formatZonedTime(target.startsAt, location.timeZone)}`,
        exact: true,
      })
      .click();
    await dialog.getByLabel(label('Reason for moving')).fill('Patient asked for another time');
    const movedResponse = page.waitForResponse((r) =>
      r.url().endsWith(`/api/appointments/${booked.id}/reschedule`),
    );
    await dialog.getByRole('button', { name: 'Move to this time' }).click();
    const moved = await movedResponse;
    expect(moved.status()).toBe(201);
    const next = (await moved.json()) as Appointment;
    expect(next.rescheduledFrom).toBe(booked.id);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await waitForBlock(page, next, location.timeZone);
    const after = await dayAppointments(page, location, date);
    expect(after.map((a) => a.id)).toContain(next.id);
    expect(after.map((a) => a.id)).not.toContain(booked.id);
    expect(
      await page
        .getByRole('button', { name: new RegExp(`^${blockName(booked, location.timeZone)}, `) })
        .count(),
    ).toBe(0);
    await takeScreenshot(page, 'scheduling-board-after-move-desktop');
  });
});

// Keeps the Session type import meaningful for readers: the portal is for a patient session.
export type { Session };
