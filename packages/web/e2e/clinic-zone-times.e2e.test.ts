/**
 * Clinic times read on the clinic's clock whatever the browser's zone: an administrator on a
 * laptop set far away records a nurse's absence, and a travelling patient sees when their next
 * session is. (Days with a clock change are covered by core's zone-names tests: this server runs
 * on the real clock.)
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Session } from '../src/api/auth-types';
import type { DueScale } from '../src/api/outcomes-types';
import type { Appointment, Location, Slot, StaffMember } from '../src/api/scheduling-types';
import {
  addLocalDays,
  formatZonedDateTimeWithZone,
  localToMs,
  todayIn,
} from '../src/format/zoned-time';
import { demoEmails, useHarness } from './harness';
import { label, logIn, waitForPath, waitForText } from './steps';

/** UTC+14: no clinic is there, and its wall clock is a day ahead of the Americas'. */
const farZone = 'Pacific/Kiritimati';
const phone = { width: 390, height: 844 };
const DAY_MS = 86_400_000;

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

async function postJson<T>(page: Page, path: string, data: unknown): Promise<T> {
  const { csrfToken } = await getJson<Session>(page, '/api/auth/me');
  const response = await page.request.post(path, {
    data,
    headers: { 'x-csrf-token': csrfToken, 'idempotency-key': crypto.randomUUID() },
  });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

async function clinicZone(page: Page): Promise<string> {
  const meta = await getJson<{ timeZone: string | null }>(page, '/api/meta');
  if (meta.timeZone === null) throw new Error('the demo clinic names no time zone');
  expect(meta.timeZone).not.toBe(farZone);
  return meta.timeZone;
}

/** Scales every 3 days make one due on any day, so the due card shows (see outcomes.e2e). */
const settings = { outcomes: { scaleIntervalDays: 3 } };

describe('clinic times in a browser set to another zone', () => {
  const harness = useHarness(settings);

  test("a nurse's absence is typed and listed in the clinic's time, naming its zone", async () => {
    const admin = await harness.newPage(undefined, { timezoneId: farZone });
    await logIn(admin, demoEmails.admin);
    const zone = await clinicZone(admin);
    const nurse = (await getJson<{ items: StaffMember[] }>(admin, '/api/clinic/staff')).items.find(
      (s) => s.role === 'nurse',
    );
    if (nurse === undefined) throw new Error('the demo has no nurse');
    // A fortnight ahead, on the clinic's calendar, 09:00 to 17:30 clinic time.
    const day = addLocalDays(todayIn(zone), 14);
    const from = new Date(localToMs(day, '09:00', zone)).toISOString();
    const to = new Date(localToMs(day, '17:30', zone)).toISOString();

    await admin.goto('/admin/staff');
    await admin.getByRole('combobox', { name: 'Staff member' }).click();
    await admin
      .getByRole('option', { name: new RegExp(`^${nurse.displayName} \\(nurse\\)$`) })
      .click();
    const absences = admin.getByRole('region', { name: 'Absences' });
    await absences.getByLabel('Away from').fill(`${day}T09:00`);
    await absences.getByLabel('Away until').fill(`${day}T17:30`);
    await absences.getByRole('textbox', { name: label('Reason') }).fill('Course day');
    await absences.getByRole('button', { name: 'Record absence' }).click();

    // Stored as the clinic's 09:00 and 17:30, not the browser's.
    const table = absences.getByRole('table', { name: `Absences of ${nurse.displayName}` });
    const row = table.getByRole('row').filter({ hasText: 'Course day' });
    await waitForText(row, formatZonedDateTimeWithZone(from, zone));
    expect(await row.textContent()).toContain(formatZonedDateTimeWithZone(to, zone));
    const saved = (await getJson<{ items: StaffMember[] }>(admin, '/api/clinic/staff')).items.find(
      (s) => s.id === nurse.id,
    );
    const absence = saved?.absences.find((a) => a.reason === 'Course day');
    expect(absence && [Date.parse(absence.startsAt), Date.parse(absence.endsAt)]).toEqual([
      Date.parse(from),
      Date.parse(to),
    ]);
  });

  test("the due form's next session is in the clinic's time, naming its zone", async () => {
    const patient = await harness.newPage(phone, { timezoneId: farZone });
    await logIn(patient, demoEmails.patient);
    await waitForPath(patient, '/me');
    const zone = await clinicZone(patient);
    const patientId = (await getJson<Session>(patient, '/api/auth/me')).user.patientId;
    const due = await getJson<{ items: DueScale[] }>(patient, '/api/me/scales/due');
    const item = due.items[0];
    if (item === undefined || patientId === null)
      throw new Error('the demo patient has no scale due (scales every 3 days)');

    // The demo course has no session booked ahead: the clinic books the next one in it.
    const staff = await harness.newPage();
    await logIn(staff, demoEmails.prescriber);
    const location = (await getJson<{ items: Location[] }>(staff, '/api/clinic/locations'))
      .items[0];
    if (location === undefined) throw new Error('the demo has no location');
    const now = Date.now();
    const search = new URLSearchParams({
      type: 'infusion',
      from: new Date(now + 2 * DAY_MS).toISOString(),
      to: new Date(now + 9 * DAY_MS).toISOString(),
      locationId: location.id,
      patientId,
      protocolId: item.indication,
      limit: '1',
    });
    const [slot] = (
      await getJson<{ items: Slot[] }>(staff, `/api/appointments/slots?${search.toString()}`)
    ).items;
    if (slot === undefined) throw new Error('no free infusion time in the coming week');
    const booked = await postJson<Appointment>(staff, '/api/appointments', {
      patientId,
      type: 'infusion',
      startsAt: slot.startsAt,
      locationId: location.id,
      protocolId: item.indication,
      courseId: item.courseId,
      ...(slot.chairId === null ? {} : { chairId: slot.chairId }),
      ...(slot.nurseId === null ? {} : { nurseId: slot.nurseId }),
      prescriberId: slot.prescriberId,
    });

    await patient.reload();
    const card = patient.getByRole('region', { name: 'Forms to fill in' });
    const entry = card.getByRole('listitem').filter({ hasText: item.definition.shortName });
    await waitForText(entry, `Next session ${formatZonedDateTimeWithZone(booked.startsAt, zone)}`);
  });
});
