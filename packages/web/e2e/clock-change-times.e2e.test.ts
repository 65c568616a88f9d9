/**
 * On the night the clocks go back in New York, 01:30 happens twice. The day board, the week
 * calendar and the appointment drawer label each time with its zone abbreviation that day, so the
 * two 01:30 sessions read differently; on an ordinary day the times stay bare. The day board's
 * hours run as time passes: the repeated hour shows twice, named, and on the night the clocks go
 * forward the missing hour is not there. The server runs on
 * the real clock, so the test books ahead: the next first Sunday of November (the US rule), with
 * the location open all night and its staff on duty.
 */
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Session } from '../src/api/auth-types';
import type { Page as ListPage } from '../src/api/page';
import type { PatientSummary } from '../src/api/patient-types';
import type { Appointment, Location, Slot, Weekday } from '../src/api/scheduling-types';
import { demoEmails, takeScreenshot, useHarness } from './harness';
import { logIn, waitForText } from './steps';

const ZONE = 'America/New_York';
const HOUR_MS = 3_600_000;
const weekdays: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

async function sendOk<T>(
  page: Page,
  method: 'POST' | 'PUT' | 'PATCH',
  path: string,
  data: unknown,
) {
  const { csrfToken } = await getJson<Session>(page, '/api/auth/me');
  const response = await page.request.fetch(path, {
    method,
    data,
    headers: { 'x-csrf-token': csrfToken, 'idempotency-key': randomUUID() },
  });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** The first Sunday of November after today (UTC dates are near enough a week ahead). */
function nextFallBackDay(nowMs: number): string {
  for (let year = new Date(nowMs).getUTCFullYear(); ; year += 1) {
    const first = new Date(Date.UTC(year, 10, 1));
    const sunday = new Date(first.getTime() + ((7 - first.getUTCDay()) % 7) * 24 * HOUR_MS);
    if (sunday.getTime() > nowMs + 7 * 24 * HOUR_MS) return sunday.toISOString().slice(0, 10);
  }
}

/** The second Sunday of March after local date `after` (the US rule for the clocks going forward). */
function nextSpringForwardDay(after: string): string {
  const year = Number(after.slice(0, 4)) + 1;
  const first = new Date(Date.UTC(year, 2, 1));
  const sunday = first.getTime() + (((7 - first.getUTCDay()) % 7) + 7) * 24 * HOUR_MS;
  return new Date(sunday).toISOString().slice(0, 10);
}

/** The hour labels down the side of a day board, once it has drawn. */
async function hourLabels(board: Locator): Promise<string[]> {
  const labels = board.locator('[data-board-axis] span');
  await labels.first().waitFor();
  return labels.allTextContents();
}

/** `HH:mm` of an instant at a fixed offset from UTC (EDT -4, EST -5). */
function wallTime(iso: string, offsetHours: number): string {
  return new Date(Date.parse(iso) + offsetHours * HOUR_MS).toISOString().slice(11, 16);
}

/** Books an infusion for `patient` with `prescriberId` at `location`, exactly at `startsAt`. */
async function bookAt(
  admin: Page,
  location: Location,
  prescriberId: string,
  patient: PatientSummary,
  startsAt: string,
): Promise<Appointment> {
  const q = new URLSearchParams({
    type: 'infusion',
    from: startsAt,
    to: new Date(Date.parse(startsAt) + HOUR_MS).toISOString(),
    locationId: location.id,
    patientId: patient.id,
    prescriberId,
    protocolId: 'depression',
  });
  const slots = await getJson<{ items: Slot[] }>(admin, `/api/appointments/slots?${q.toString()}`);
  const slot = slots.items.find((s) => Date.parse(s.startsAt) === Date.parse(startsAt));
  if (slot === undefined) throw new Error(`no infusion time at ${startsAt}`);
  return sendOk<Appointment>(admin, 'POST', '/api/appointments', {
    patientId: patient.id,
    type: 'infusion',
    startsAt: slot.startsAt,
    locationId: location.id,
    protocolId: 'depression',
    ...(slot.chairId === null ? {} : { chairId: slot.chairId }),
    ...(slot.nurseId === null ? {} : { nurseId: slot.nurseId }),
    prescriberId: slot.prescriberId,
  });
}

/** The button (an appointment block) whose accessible name starts with `name`. */
const block = (scope: Page | Locator, name: string) =>
  scope.getByRole('button', {
    name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  });

describe('times on the day the clocks go back', () => {
  const harness = useHarness();

  test('the day board and week calendar name the zone on the clock-change day only', async () => {
    const admin = await harness.newPage();
    await logIn(admin, demoEmails.admin);
    const nurse = await harness.newPage(undefined, { timezoneId: 'UTC' });
    await logIn(nurse, demoEmails.nurse);
    const prescriber = await harness.newPage();
    await logIn(prescriber, demoEmails.prescriber);

    // The first location, in New York, open all day every day with the nurse and prescriber on.
    const first = (await getJson<{ items: Location[] }>(admin, '/api/clinic/locations')).items[0];
    if (first === undefined) throw new Error('no locations');
    await sendOk(admin, 'PATCH', `/api/clinic/locations/${first.id}`, { timeZone: ZONE });
    const location = await sendOk<Location>(
      admin,
      'PUT',
      `/api/clinic/locations/${first.id}/hours`,
      {
        hours: weekdays.map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '23:59' })),
      },
    );
    const prescriberId = (await getJson<Session>(prescriber, '/api/auth/me')).user.id;
    for (const person of [nurse, prescriber]) {
      const { user } = await getJson<Session>(person, '/api/auth/me');
      await sendOk(admin, 'PUT', `/api/clinic/staff/${user.id}/schedule`, {
        periods: weekdays.map((weekday) => ({
          locationId: first.id,
          weekday,
          startsAt: '00:00',
          endsAt: '23:59',
        })),
      });
    }
    const patients = (await getJson<ListPage<PatientSummary>>(admin, '/api/patients?pageSize=20'))
      .items;
    const [ada, ben, cy] = patients;
    if (ada === undefined || ben === undefined || cy === undefined) throw new Error('no patients');

    // 01:30 EDT (05:30 UTC), then an hour later 01:30 EST (06:30 UTC) on the fall-back night; and
    // 20:00 EDT the evening before, an ordinary day in the same week (late, when no other nurse
    // is on, so the same nurse's week shows all three).
    const day = nextFallBackDay(Date.now());
    const saturday = new Date(Date.parse(`${day}T00:00:00Z`) - 24 * HOUR_MS)
      .toISOString()
      .slice(0, 10);
    const early = await bookAt(admin, location, prescriberId, ada, `${day}T05:30:00Z`);
    const again = await bookAt(admin, location, prescriberId, ben, `${day}T06:30:00Z`);
    const ordinary = await bookAt(admin, location, prescriberId, cy, `${day}T00:00:00Z`);

    await nurse.goto(`/schedule/day?location=${location.id}&date=${day}`);
    const board = nurse.getByRole('group', { name: `Day board ${location.name} ${day}` });
    const earlyName = `01:30 EDT–${wallTime(early.endsAt, -5)} EST ${early.patient.name},`;
    const againName = `01:30 EST–${wallTime(again.endsAt, -5)} EST ${again.patient.name},`;
    await waitForText(block(board, earlyName), /^01:30 EDT–/);
    await waitForText(block(board, againName), /^01:30 EST–/);

    // The hours down the side run as time passes: 01:00 twice, each named, 25 rows in all; the
    // two 01:30s are drawn an hour (72 px) apart, not on top of each other.
    const hours = await hourLabels(board);
    expect(hours.slice(0, 5)).toEqual([
      '00:00 EDT',
      '01:00 EDT',
      '01:00 EST',
      '02:00 EST',
      '03:00 EST',
    ]);
    expect(hours).toHaveLength(25);
    const earlyBox = await block(board, earlyName).boundingBox();
    const againBox = await block(board, againName).boundingBox();
    expect(Math.round((againBox?.y ?? 0) - (earlyBox?.y ?? 0))).toBe(72);
    await waitForText(nurse.getByText(/^Sunday hours:/), 'Sunday hours: 00:00 EDT–23:59 EST');
    await waitForText(
      nurse.getByText(/^Clocks go back/),
      'Clocks go back 1 hour at 02:00 EDT, to 01:00 EST: 01:00–02:00 happens twice.',
    );
    await takeScreenshot(nurse, 'clock-change-day-board', block(board, earlyName));

    // The drawer says which 01:30 too.
    await block(board, earlyName).click();
    await waitForText(nurse.getByRole('dialog'), /, 01:30 EDT–\d\d:\d\d EST/);
    await nurse.keyboard.press('Escape');

    // An ordinary day looks as before: bare times.
    await nurse.goto(`/schedule/day?location=${location.id}&date=${saturday}`);
    const plain = nurse.getByRole('group', { name: `Day board ${location.name} ${saturday}` });
    const ordinaryTime = `20:00–${wallTime(ordinary.endsAt, -4)}`;
    const text = await waitForText(
      block(plain, `${ordinaryTime} ${ordinary.patient.name},`),
      ordinaryTime,
    );
    expect(text).not.toMatch(/E[DS]T/);
    const plainHours = await hourLabels(plain);
    expect(plainHours).toHaveLength(24);
    expect(plainHours.every((label, i) => label === `${String(i).padStart(2, '0')}:00`)).toBe(true);
    await waitForText(nurse.getByText(/^Saturday hours:/), 'Saturday hours: 00:00–23:59 ·');
    expect(await nurse.getByText(/^Clocks go/).count()).toBe(0);

    // The night the clocks go forward: no 02:00 row, 23 in all.
    const spring = nextSpringForwardDay(day);
    await nurse.goto(`/schedule/day?location=${location.id}&date=${spring}`);
    const short = nurse.getByRole('group', { name: `Day board ${location.name} ${spring}` });
    const springHours = await hourLabels(short);
    expect(springHours.slice(0, 4)).toEqual(['00:00 EST', '01:00 EST', '03:00 EDT', '04:00 EDT']);
    expect(springHours).toHaveLength(23);
    expect(springHours.filter((label) => label.startsWith('02:'))).toEqual([]);
    await waitForText(
      nurse.getByText(/^Clocks go forward/),
      'Clocks go forward 1 hour at 02:00 EST, to 03:00 EDT: there is no 02:00–03:00.',
    );
    await takeScreenshot(nurse, 'clock-change-spring-day-board');

    // The nurse's week: the two 01:30s differ, Saturday's time is bare.
    const nurseId = early.nurse?.id;
    expect(nurseId).toBeDefined();
    expect([again.nurse?.id, ordinary.nurse?.id]).toEqual([nurseId, nurseId]);
    await nurse.goto(`/schedule/week?staff=${nurseId ?? ''}&week=${saturday}`);
    await waitForText(block(nurse, `01:30 EDT ${early.patient.name},`), /^01:30 EDT–\d\d:\d\d EST/);
    await waitForText(block(nurse, `01:30 EST ${again.patient.name},`), /^01:30 EST–\d\d:\d\d EST/);
    const weekText = await waitForText(
      block(nurse, `20:00 ${ordinary.patient.name},`),
      /^20:00–\d\d:\d\d/,
    );
    expect(weekText).not.toMatch(/E[DS]T/);
    await takeScreenshot(nurse, 'clock-change-week');
  });
});
