/**
 * Clinic times read on the clinic's clock whatever the browser's zone: an administrator on a
 * laptop set far away records a nurse's absence, a travelling patient sees when their next
 * session is, and a nurse types when a paper form was filled in and when a follow-up happened.
 * (Days with a clock change are covered by core's zone-names tests: this server runs on the real
 * clock.)
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Session } from '../src/api/auth-types';
import type {
  DueScale,
  InstrumentDefinition,
  SafetyAlert,
  ScaleResponse,
  SubmittedScale,
} from '../src/api/outcomes-types';
import type { Patient } from '../src/api/patient-types';
import type { Appointment, Location, Slot, StaffMember } from '../src/api/scheduling-types';
import {
  addLocalDays,
  formatLocalDayMonth,
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

/** The instant a `datetime-local` input's value stands for on `zone`'s clock. */
async function inputInstant(input: Locator, zone: string): Promise<number> {
  const [date = '', time = ''] = (await input.inputValue()).split('T');
  return localToMs(date, time, zone);
}

/** A prefilled "now" reads the clinic's wall clock: within a few minutes of now there. */
async function expectClinicNow(input: Locator, zone: string): Promise<void> {
  expect(Math.abs((await inputInstant(input, zone)) - Date.now())).toBeLessThan(5 * 60_000);
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

  test("a nurse types a paper form's time and a follow-up in the clinic's time", async () => {
    const nurse = await harness.newPage(undefined, { timezoneId: farZone });
    await logIn(nurse, demoEmails.nurse);
    const zone = await clinicZone(nurse);
    const patient = await postJson<Patient>(nurse, '/api/patients', {
      givenName: 'Tui',
      familyName: 'Faraway',
      birthDate: '1984-03-09',
      sex: 'female',
    });
    const kb = await getJson<{ outcomes: { instruments: InstrumentDefinition[] } }>(
      nurse,
      '/api/knowledge',
    );
    const phq = kb.outcomes.instruments.find((i) => i.id === 'phq-9');
    if (phq === undefined) throw new Error('no PHQ-9 in the knowledge base');
    // Yesterday and tomorrow on the clinic's calendar: in the past and future there, whatever
    // the hour, while the browser's calendar is already a day on.
    const today = todayIn(zone);
    const yesterday = addLocalDays(today, -1);
    const tomorrow = addLocalDays(today, 1);

    // The paper form: its time prefilled and typed on the clinic's clock.
    await nurse.goto(`/patients/${patient.id}`);
    const progress = nurse.getByRole('region', { name: 'Progress' });
    await progress.getByRole('button', { name: 'Enter a paper form' }).click();
    const paper = nurse.getByRole('form', { name: 'Paper form' });
    const filledAt = paper.getByLabel('Filled in at', { exact: true });
    await waitForText(paper, `Clinic time (${zone})`);
    await expectClinicNow(filledAt, zone);
    await paper.getByRole('combobox', { name: 'Scale' }).selectOption('phq-9');
    await filledAt.fill(`${yesterday}T09:15`);
    // Thoughts of self-harm answered 1: the safety alert the follow-up below documents.
    for (const [index, item] of phq.items.entries()) {
      const score = item.safety === 'suicidal-thoughts' ? 1 : 0;
      const option = item.options.find((o) => o.score === score);
      if (option === undefined) throw new Error(`no option scoring ${String(score)}`);
      await paper
        .getByRole('radiogroup', { name: `${String(index + 1)}. ${item.text}`, exact: true })
        .getByRole('radio', { name: option.label, exact: true })
        .check();
    }
    const stored = nurse.waitForResponse(
      (r) =>
        r.url().endsWith(`/api/patients/${patient.id}/scales`) && r.request().method() === 'POST',
    );
    await paper.getByRole('button', { name: 'Save paper form' }).click();
    const response = await stored;
    expect(response.status(), await response.text()).toBe(201);
    const sent = (await response.json()) as SubmittedScale;
    const scales = await getJson<{ items: ScaleResponse[] }>(
      nurse,
      `/api/patients/${patient.id}/scales?instrument=phq-9`,
    );
    expect(scales.items.map((r) => Date.parse(r.completedAt))).toEqual([
      localToMs(yesterday, '09:15', zone),
    ]);

    // The chart's days are the clinic's: one score yesterday 09:15, a day's margin either side.
    await nurse.reload();
    const xTicks = nurse.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
    await waitForText(xTicks.last(), formatLocalDayMonth(today));
    expect(await xTicks.allTextContents()).toEqual([
      formatLocalDayMonth(yesterday),
      formatLocalDayMonth(today),
    ]);
    // The scores table and the progress status say when, on the same clock.
    const typed = formatZonedDateTimeWithZone(
      new Date(localToMs(yesterday, '09:15', zone)).toISOString(),
      zone,
    );
    await waitForText(nurse.getByRole('table', { name: /PHQ-9 scores/ }), typed);
    await waitForText(nurse.getByText(/^Baseline \d+ on /), `on ${typed}`);

    // A follow-up attempt that did not reach the patient, at times typed on the clinic's clock.
    const [alertId] = sent.response.safetyAlertIds;
    if (alertId === undefined) throw new Error('no safety alert was raised');
    await nurse.goto(`/safety-alerts/${alertId}`);
    const form = nurse.getByRole('form', { name: 'Follow-up' });
    const reviewedAt = form.getByLabel(label('Followed up at'));
    await waitForText(form, `Clinic time (${zone})`);
    await expectClinicNow(reviewedAt, zone);
    await reviewedAt.fill(`${yesterday}T11:40`);
    await form
      .getByRole('radiogroup', { name: label('How the patient was contacted') })
      .getByRole('radio', { name: 'Not reached', exact: true })
      .check();
    await form.getByLabel(label('Risk assessment')).fill('No answer; voicemail left.');
    await form.getByRole('checkbox', { name: 'Risk assessed', exact: true }).check();
    await form.getByLabel(/^Next attempt/).fill(`${tomorrow}T10:30`);
    const attempt = nurse.waitForResponse((r) => r.url().endsWith(`/${alertId}/follow-up`));
    await form.getByRole('button', { name: 'Save follow-up', exact: true }).click();
    expect((await attempt).status()).toBe(200);
    const open = await getJson<SafetyAlert>(nurse, `/api/safety-alerts/${alertId}`);
    expect(open.status).toBe('open');
    const [tried] = open.attempts;
    expect(tried && [Date.parse(tried.reviewedAt), Date.parse(tried.nextContactAt ?? '')]).toEqual([
      localToMs(yesterday, '11:40', zone),
      localToMs(tomorrow, '10:30', zone),
    ]);
    // Listed on the clock it was typed on, naming the zone.
    const attempts = nurse.getByRole('table', { name: 'Attempts that did not reach the patient' });
    await waitForText(attempts, formatZonedDateTimeWithZone(tried?.reviewedAt ?? '', zone));
    expect(await attempts.textContent()).toContain(
      formatZonedDateTimeWithZone(tried?.nextContactAt ?? '', zone),
    );

    // The form starts again at "now" on the clinic's clock; this time the patient is reached.
    await expectClinicNow(reviewedAt, zone);
    await form
      .getByRole('radiogroup', { name: label('How the patient was contacted') })
      .getByRole('radio', { name: 'Phone', exact: true })
      .check();
    await form.getByLabel(label('Risk assessment')).fill('Passive thoughts, no plan or intent.');
    await form.getByRole('checkbox', { name: 'Risk assessed', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Crisis resources given', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Patient given crisis resources' }).check();
    const reached = nurse.waitForResponse((r) => r.url().endsWith(`/${alertId}/follow-up`));
    await form.getByRole('button', { name: 'Save follow-up', exact: true }).click();
    expect((await reached).status()).toBe(200);
    const closed = await getJson<SafetyAlert>(nurse, `/api/safety-alerts/${alertId}`);
    expect(closed.status).toBe('followed-up');
    const closedAt = closed.followUp?.reviewedAt;
    if (typeof closedAt !== 'string') throw new Error('the follow-up has no time');
    expect(Math.abs(Date.parse(closedAt) - Date.now())).toBeLessThan(5 * 60_000);
    await waitForText(
      nurse.getByRole('table', { name: 'Documented follow-up' }),
      formatZonedDateTimeWithZone(closedAt, zone),
    );
  });
});
