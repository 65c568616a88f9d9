/**
 * An administrator records a nurse's absence over days that already have bookings: the booking
 * is not moved, and the set-up screen lists it with a way to the day board to reschedule it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Appointment } from '../src/api/scheduling-types';
import { formatZonedDateTime, formatZonedTime, zonedDate } from '../src/format/zoned-time';
import { demoEmails, takeScreenshot, useHarness } from './harness';
import { logIn, waitForPath } from './steps';

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** `YYYY-MM-DDTHH:mm` on the clinic's clock, as the absence form reads its datetime-local inputs. */
function localInput(ms: number, zone: string): string {
  const iso = new Date(ms).toISOString();
  return `${zonedDate(iso, zone)}T${formatZonedTime(iso, zone)}`;
}

describe('absences over existing bookings', () => {
  const harness = useHarness();

  test("a nurse's absence lists the bookings that still name them, linked to the day board", async () => {
    const admin = await harness.newPage({ width: 1280, height: 900 }, { timezoneId: 'UTC' });
    await logIn(admin, demoEmails.admin);
    const { timeZone: clinicZone } = await getJson<{ timeZone: string | null }>(admin, '/api/meta');
    if (clinicZone === null) throw new Error('the demo clinic names no time zone');
    // A booking of the demo's coming week, a day or more ahead, with a nurse.
    const now = Date.now();
    const window = new URLSearchParams({
      from: new Date(now + 24 * 3_600_000).toISOString(),
      to: new Date(now + 8 * 24 * 3_600_000).toISOString(),
    });
    const { items } = await getJson<{ items: Appointment[] }>(
      admin,
      `/api/appointments?${window.toString()}`,
    );
    const booking = items.find((a) => a.status === 'booked' && a.nurse !== null);
    if (booking?.nurse == null || booking.location === null)
      throw new Error('the demo week has no booked treatment with a nurse');
    const nurse = booking.nurse;
    const from = new Date(booking.startsAt).getTime() - 30 * 60_000;
    const to = new Date(booking.endsAt).getTime() + 30 * 60_000;
    // Everything else that names this nurse in the absence: the screen must list exactly these.
    const q = new URLSearchParams({
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      staffId: nurse.id,
    });
    const expected = (
      await getJson<{ items: Appointment[] }>(admin, `/api/appointments?${q.toString()}`)
    ).items.filter((a) => a.status === 'booked' || a.status === 'held');
    expect(expected.map((a) => a.id)).toContain(booking.id);

    await admin.goto('/admin/staff');
    await admin.getByRole('combobox', { name: 'Staff member' }).click();
    await admin.getByRole('option', { name: new RegExp(`^${nurse.name} \\(nurse\\)$`) }).click();
    const absences = admin.getByRole('region', { name: 'Absences' });
    await absences.getByLabel('Away from').fill(localInput(from, clinicZone));
    await absences.getByLabel('Away until').fill(localInput(to, clinicZone));
    await absences.getByRole('textbox', { name: 'Reason' }).fill('Training day');
    await absences.getByRole('button', { name: 'Record absence' }).click();

    const alert = absences.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(
      `${String(expected.length)} ${expected.length === 1 ? 'booking falls' : 'bookings fall'} in this absence`,
    );
    const items2 = alert.getByRole('listitem');
    expect(await items2.count()).toBe(expected.length);
    // In the location's time, whatever the administrator's browser zone.
    const line = items2.filter({
      hasText: formatZonedDateTime(booking.startsAt, booking.location.timeZone),
    });
    await line.waitFor();
    await takeScreenshot(admin, 'absence-affected-bookings', alert);
    // Still booked, still with this nurse: recording the absence moved nothing.
    const after = await getJson<Appointment>(admin, `/api/appointments/${booking.id}`);
    expect(after).toMatchObject({ status: 'booked', nurse: { id: nurse.id } });

    await line.getByRole('link', { name: 'open the day board' }).click();
    await waitForPath(admin, '/schedule/day');
    const url = new URL(admin.url());
    expect(url.searchParams.get('location')).toBe(booking.location.id);
    await admin
      .getByRole('button', { name: new RegExp(booking.patient.name) })
      .first()
      .waitFor();
  });
});
