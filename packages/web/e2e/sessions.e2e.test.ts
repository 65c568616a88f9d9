/**
 * Infusion and esketamine sessions in the browser, on the nurse's tablet. The server's clock is
 * real time and it checks in only today's appointments, so the test first opens a location all
 * day, every day, in a zone where it is around midday now, and books today's sessions there.
 */
import { randomUUID } from 'node:crypto';
import { addLocalDays } from '@ketaflow/core';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Session as AuthSession } from '../src/api/auth-types';
import type { Page as ListPage } from '../src/api/page';
import type { PatientSummary } from '../src/api/patient-types';
import type {
  Appointment,
  AppointmentType,
  Location,
  Slot,
  Weekday,
} from '../src/api/scheduling-types';
import type { Session, SessionRecord, SessionSummary } from '../src/api/session-types';
import { resultRows } from '../src/dose/dose-result-table';
import { formatZonedTime, todayIn } from '../src/format/zoned-time';
import { alertActionLabels, decisionLabels, statusLabels } from '../src/sessions/labels';
import { formatDateOrInstant } from '../src/sessions/rems-form';
import { demoEmails, takeScreenshot, useHarness } from './harness';
import { label, logIn, waitForText } from './steps';

const portrait = { width: 820, height: 1180 };
const landscape = { width: 1180, height: 820 };
const weekdays: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

async function send(
  page: Page,
  method: 'POST' | 'PUT' | 'PATCH',
  path: string,
  data: unknown,
  headers: Record<string, string> = {},
) {
  const { csrfToken } = await getJson<AuthSession>(page, '/api/auth/me');
  return page.request.fetch(path, {
    method,
    data,
    headers: { 'x-csrf-token': csrfToken, ...headers },
  });
}

async function sendOk<T>(
  page: Page,
  method: 'POST' | 'PUT' | 'PATCH',
  path: string,
  data: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await send(page, method, path, data, headers);
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** A fixed-offset IANA zone in which it is about 11:00 now (`Etc/GMT-3` is UTC+3). */
function zoneNearMidday(nowMs: number): string {
  let offset = 11 - new Date(nowMs).getUTCHours();
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  if (offset === 0) return 'Etc/GMT';
  return offset > 0 ? `Etc/GMT-${String(offset)}` : `Etc/GMT+${String(-offset)}`;
}

interface Clinic {
  location: Location;
  zone: string;
  today: string;
}

/** Opens the first location 00:00–23:59 every day in a midday zone, with its staff on duty. */
async function openClinicAllDay(admin: Page, staff: readonly Page[]): Promise<Clinic> {
  const locations = await getJson<{ items: Location[] }>(admin, '/api/clinic/locations');
  const first = locations.items[0];
  if (first === undefined) throw new Error('no locations');
  const zone = zoneNearMidday(Date.now());
  await sendOk(admin, 'PATCH', `/api/clinic/locations/${first.id}`, { timeZone: zone });
  const location = await sendOk<Location>(admin, 'PUT', `/api/clinic/locations/${first.id}/hours`, {
    hours: weekdays.map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '23:59' })),
  });
  for (const person of staff) {
    const { user } = await getJson<AuthSession>(person, '/api/auth/me');
    await sendOk(admin, 'PUT', `/api/clinic/staff/${user.id}/schedule`, {
      periods: weekdays.map((weekday) => ({
        locationId: first.id,
        weekday,
        startsAt: '00:00',
        endsAt: '23:59',
      })),
    });
  }
  return { location, zone, today: todayIn(zone) };
}

/** Books the first free time today for `patient` at the clinic's location. */
async function bookToday(
  admin: Page,
  clinic: Clinic,
  patient: PatientSummary,
  type: AppointmentType,
): Promise<Appointment> {
  const q = new URLSearchParams({
    type,
    from: new Date().toISOString(),
    to: new Date(Date.now() + 10 * 3_600_000).toISOString(),
    locationId: clinic.location.id,
    patientId: patient.id,
    ...(type === 'infusion' ? { protocolId: 'depression' } : {}),
  });
  const slots = await getJson<{ items: Slot[] }>(admin, `/api/appointments/slots?${q.toString()}`);
  const slot = slots.items.find(
    (s) => todayIn(clinic.zone, Date.parse(s.startsAt)) === clinic.today,
  );
  if (slot === undefined) throw new Error(`no ${type} time left today for ${patient.id}`);
  return sendOk<Appointment>(
    admin,
    'POST',
    '/api/appointments',
    {
      patientId: patient.id,
      type,
      startsAt: slot.startsAt,
      locationId: clinic.location.id,
      ...(type === 'infusion' ? { protocolId: 'depression' } : {}),
      ...(slot.chairId === null ? {} : { chairId: slot.chairId }),
      ...(slot.nurseId === null ? {} : { nurseId: slot.nurseId }),
      prescriberId: slot.prescriberId,
    },
    { 'idempotency-key': randomUUID() },
  );
}

async function sessionOf(page: Page, id: string): Promise<Session> {
  return getJson<Session>(page, `/api/sessions/${id}`);
}

/** Opens the day board, the appointment's drawer and checks the patient in ("Start session"). */
async function checkInFromBoard(nurse: Page, clinic: Clinic, a: Appointment): Promise<string> {
  await nurse.goto(`/schedule/day?location=${clinic.location.id}&date=${clinic.today}`);
  const time = `${formatZonedTime(a.startsAt, clinic.zone)}–${formatZonedTime(a.endsAt, clinic.zone)}`;
  await nurse
    .getByRole('button', { name: new RegExp(`^${time} ${a.patient.name},`) })
    .first()
    .click();
  const checkedIn = nurse.waitForResponse(
    (r) => r.url().endsWith(`/api/appointments/${a.id}/session`) && r.request().method() === 'POST',
  );
  await nurse.getByRole('dialog').getByRole('button', { name: 'Start session' }).click();
  const response = await checkedIn;
  expect(response.status()).toBe(201);
  const session = (await response.json()) as Session;
  await nurse.waitForURL((url) => url.pathname === `/sessions/${session.id}`);
  await nurse.getByRole('heading', { name: `Session: ${session.patient.displayName}` }).waitFor();
  return session.id;
}

async function fillNumber(page: Page, name: string, value: number): Promise<void> {
  await page.getByLabel(label(name)).fill(String(value));
}

/** A normal pre-check; a prescriber approves it when the server asks for one. */
async function recordPreCheck(
  nurse: Page,
  prescriber: Page,
  id: string,
  pregnancyTest?: 'Not applicable',
): Promise<Session> {
  await fillNumber(nurse, 'Systolic (mmHg)', 124);
  await fillNumber(nurse, 'Diastolic (mmHg)', 78);
  await fillNumber(nurse, 'Heart rate (/min)', 72);
  await fillNumber(nurse, 'SpO2 (%)', 98);
  await fillNumber(nurse, 'Respiratory rate (/min)', 14);
  await fillNumber(nurse, 'Temperature (°C)', 36.8);
  await fillNumber(nurse, "Today's weight", 70);
  await nurse.getByText('Yes', { exact: true }).click();
  await nurse.getByLabel("Consent for today's treatment is on file").check();
  if (pregnancyTest !== undefined)
    await chooseOption(nurse, nurse, 'Pregnancy test', pregnancyTest);
  await takeScreenshot(nurse, 'sessions-pre-check-tablet');
  const saved = nurse.waitForResponse(
    (r) => r.url().endsWith(`/api/sessions/${id}/pre-check`) && r.request().method() === 'POST',
  );
  await nurse.getByRole('button', { name: 'Record pre-check' }).click();
  expect((await saved).status()).toBe(200);
  const session = await sessionOf(nurse, id);
  const preCheck = session.preCheck;
  if (preCheck === null) throw new Error('no pre-check recorded');
  await waitForText(nurse.getByTestId('pre-check-decision'), decisionLabels[preCheck.decision]);
  for (const reason of preCheck.reasons)
    await waitForText(nurse.getByTestId('pre-check-reasons'), reason.message);
  if (preCheck.decision === 'do-not-start')
    throw new Error(`pre-check says do not start: ${JSON.stringify(preCheck.reasons)}`);
  if (preCheck.decision === 'needs-prescriber') {
    await takeScreenshot(nurse, 'sessions-pre-check-needs-prescriber-tablet');
    await prescriber.goto(`/sessions/${id}`);
    await prescriber.getByLabel(label('Reason to go ahead')).fill('Reviewed; reasons accepted');
    await prescriber.getByRole('button', { name: 'Approve' }).click();
    await prescriber.getByText('Approved by the prescriber').waitFor();
    await nurse.reload();
  }
  return sessionOf(nurse, id);
}

/** Adds a reading through the quick-entry form and returns the session the server answered. */
async function addReading(
  nurse: Page,
  id: string,
  values: Partial<Record<string, number>>,
): Promise<Session> {
  for (const [name, value] of Object.entries(values))
    if (value !== undefined) await fillNumber(nurse, name, value);
  const saved = nurse.waitForResponse(
    (r) => r.url().endsWith(`/api/sessions/${id}/readings`) && r.request().method() === 'POST',
  );
  await nurse.getByRole('button', { name: 'Add reading' }).click();
  const response = await saved;
  expect(response.status(), await response.text()).toBeLessThan(300);
  const session = (await response.json()) as Session;
  // The form empties itself once the reading is charted; wait for that before the next one.
  const newest = session.readings.at(-1);
  if (newest !== undefined) await nurse.locator(`tr[data-reading-id="${newest.id}"]`).waitFor();
  await nurse.waitForFunction(() =>
    [...document.querySelectorAll<HTMLInputElement>('form[aria-label="New reading"] input')].every(
      (input) => input.value === '',
    ),
  );
  return session;
}

async function chooseOption(
  page: Page,
  scope: Page | Locator,
  field: string,
  option: string,
): Promise<void> {
  await scope.getByRole('combobox', { name: field }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function scoreAllAldreteTwo(nurse: Page): Promise<void> {
  for (const text of [
    '2: Moves 4 limbs on command',
    '2: Breathes deeply and coughs freely',
    '2: BP ± 20% of pre-infusion',
    '2: Fully awake',
    '2: SpO2 > 92% on room air',
  ])
    await nurse.getByText(text, { exact: true }).click();
}

async function demoPatients(page: Page): Promise<PatientSummary[]> {
  return (await getJson<ListPage<PatientSummary>>(page, '/api/patients?pageSize=20')).items;
}

/**
 * The clinic wants the esketamine REMS form 5 days after each session, not the knowledge base's
 * 7: the screen must show the clinic's number, from the server, labelled as a clinic setting.
 */
const remsFormDueDays = 5;
const settings = { monitoring: { esketamineRemsFormDueDays: remsFormDueDays } };

describe('sessions on the nurse tablet', () => {
  const harness = useHarness(settings);

  test('an infusion runs from check-in to discharge, with an out-of-range reading, its alert and its acknowledgement', async () => {
    const admin = await harness.newPage(landscape);
    await logIn(admin, demoEmails.admin);
    const zone = zoneNearMidday(Date.now());
    const nurse = await harness.newPage(portrait, { timezoneId: zone });
    await logIn(nurse, demoEmails.nurse);
    const prescriber = await harness.newPage(landscape, { timezoneId: zone });
    await logIn(prescriber, demoEmails.prescriber);
    const clinic = await openClinicAllDay(admin, [nurse, prescriber]);
    const patient = (await demoPatients(admin))[0];
    if (patient === undefined) throw new Error('no patients');
    const appointment = await bookToday(admin, clinic, patient, 'infusion');
    const id = await checkInFromBoard(nurse, clinic, appointment);
    const checkedIn = await sessionOf(nurse, id);
    await waitForText(
      nurse.getByTestId('step-checked-in'),
      `${formatZonedTime(checkedIn.checkedIn.at, clinic.zone)} · ${checkedIn.checkedIn.by.displayName}`,
    );
    await takeScreenshot(nurse, 'sessions-checked-in-tablet');

    const preChecked = await recordPreCheck(nurse, prescriber, id);
    expect(preChecked.state).toBe('pre-check');

    // Start: the server recomputes the dose; the page shows its numbers and the vial lot.
    await nurse.getByLabel(label('Vial lot')).fill('KET-2611-A');
    await nurse.getByLabel(label('Expiry')).fill('2027-06-30');
    await nurse.getByRole('button', { name: 'Start infusion' }).click();
    await waitForText(nurse.getByTestId('vial-lot'), 'KET-2611-A');
    const started = await sessionOf(nurse, id);
    expect(started.state).toBe('in-progress');
    if (started.dose === null) throw new Error('no dose on the started session');
    const sheet = nurse.getByRole('table', { name: 'Pump programming sheet' });
    // A row reads as its label then its value ("Pump rate" "175 mL/h").
    for (const row of resultRows(started.dose))
      await waitForText(sheet, `${row.label}${row.value}`);
    await nurse.getByTestId('next-reading-due').waitFor();
    await takeScreenshot(nurse, 'sessions-dose-tablet', sheet);

    // A normal reading, then an out-of-range blood pressure.
    await addReading(nurse, id, {
      'Systolic (mmHg)': 126,
      'Diastolic (mmHg)': 80,
      'Heart rate (/min)': 76,
      'SpO2 (%)': 98,
    });
    const alerted = await addReading(nurse, id, {
      'Systolic (mmHg)': 192,
      'Diastolic (mmHg)': 112,
      'Heart rate (/min)': 88,
      'SpO2 (%)': 97,
    });
    const alert = alerted.alerts.find((a) => a.status === 'open');
    if (alert === undefined) throw new Error('the out-of-range reading raised no alert');
    const banner = nurse.locator(`[data-alert-id="${alert.id}"]`);
    for (const finding of alert.findings) await waitForText(banner, finding.message);
    const outReading = alerted.readings.find((r) => r.id === alert.readingId);
    if (outReading === undefined) throw new Error('the alert names no reading');
    const row = nurse.locator(`tr[data-reading-id="${outReading.id}"]`);
    expect(await row.locator('[data-out-of-range="true"]').count()).toBe(
      new Set(outReading.findings.map((f) => f.vital)).size,
    );
    await takeScreenshot(nurse, 'sessions-alert-tablet', banner);

    await chooseOption(nurse, banner, 'Action taken', alertActionLabels.slow);
    await banner.getByLabel(label('Note')).fill('Rate halved; BP again in 5 minutes');
    await banner.getByRole('button', { name: 'Acknowledge' }).click();
    await banner.waitFor({ state: 'detached' });
    const acknowledged = await sessionOf(nurse, id);
    const ack = acknowledged.alerts.find((a) => a.id === alert.id)?.acknowledgement;
    expect(ack?.action).toBe('slow');
    await waitForText(nurse.getByTestId('alert-history'), alertActionLabels.slow);

    // Correct the first manual reading's heart rate: the original stays, struck through.
    const first = acknowledged.readings.find((r) => r.source === 'manual');
    if (first === undefined) throw new Error('no manual reading');
    await nurse
      .locator(`tr[data-reading-id="${first.id}"]`)
      .getByRole('button', { name: /^Correct the / })
      .click();
    const dialog = nurse.getByRole('dialog', { name: 'Correct a reading' });
    await dialog.getByLabel(label('Heart rate (/min)')).fill('74');
    await dialog.getByLabel(label('Reason for the correction')).fill('Transcription error');
    await dialog.getByRole('button', { name: 'Save correction' }).click();
    await dialog.waitFor({ state: 'detached' });
    const amended = await sessionOf(nurse, id);
    const amendment = amended.amendments.find((a) => a.targetId === first.id);
    expect(amendment?.field).toBe('heartRate');
    await waitForText(
      nurse.locator(`tr[data-reading-id="${first.id}"]`).locator('s'),
      String(amendment?.original),
    );

    // Landscape too: the same screen, turned.
    await takeScreenshot(
      nurse,
      'sessions-flowsheet-tablet',
      nurse.getByRole('heading', { name: 'Vitals flowsheet' }),
    );
    await nurse.setViewportSize(landscape);
    await takeScreenshot(
      nurse,
      'sessions-flowsheet-landscape',
      nurse.getByRole('heading', { name: 'Vitals flowsheet' }),
    );
    await nurse.setViewportSize(portrait);

    // A structured adverse event.
    await chooseOption(nurse, nurse, 'Adverse event', 'Nausea or vomiting');
    await nurse.getByRole('checkbox', { name: 'Medication given' }).check();
    await nurse.getByLabel(label('Adverse event note')).fill('Ondansetron 4 mg IV');
    await nurse.getByRole('button', { name: 'Record adverse event' }).click();
    await waitForText(nurse.getByTestId('adverse-events'), 'Ondansetron 4 mg IV');
    const withEvent = await sessionOf(nurse, id);
    expect(withEvent.adverseEvents.map((e) => [e.type, e.actions])).toEqual([
      ['nausea-vomiting', ['Medication given']],
    ]);

    // Recovery and discharge.
    await nurse.getByRole('button', { name: 'End infusion, start recovery' }).click();
    await waitForText(nurse.getByTestId('session-status'), 'Recovery');
    const discharge = nurse.getByRole('button', { name: 'Discharge', exact: true });
    expect(await discharge.isDisabled()).toBe(true);
    // Discharge also waits for blood pressure, heart rate and SpO2 charted in recovery.
    await addReading(nurse, id, {
      'Systolic (mmHg)': 124,
      'Diastolic (mmHg)': 78,
      'Heart rate (/min)': 72,
      'SpO2 (%)': 98,
    });
    await scoreAllAldreteTwo(nurse);
    await nurse.getByLabel(label("Escort's name")).fill('Sam Lindqvist');
    await takeScreenshot(nurse, 'sessions-discharge-tablet', discharge);
    await discharge.click();
    await waitForText(nurse.getByTestId('session-status'), 'Discharged');
    const done = await sessionOf(nurse, id);
    expect(done.state).toBe('discharged');
    expect(done.discharge?.escortName).toBe('Sam Lindqvist');
    await waitForText(
      nurse.getByTestId('step-discharged'),
      formatZonedTime(done.discharge?.at ?? '', clinic.zone),
    );

    // The printable record.
    await nurse.getByRole('link', { name: 'Printable record' }).click();
    const record = await getJson<SessionRecord>(nurse, `/api/sessions/${id}/record`);
    await waitForText(nurse.getByTestId('knowledge-version'), record.knowledgeVersion);
    const recordText = (await nurse.locator('.kf-record').textContent()) ?? '';
    expect(recordText).toContain('KET-2611-A');
    expect(recordText).toContain(alertActionLabels.slow);
    expect(recordText).toContain('Transcription error');
    expect(recordText).toContain('Ondansetron 4 mg IV');
    await nurse.emulateMedia({ media: 'print' });
    await takeScreenshot(nurse, 'sessions-record-print');
    await nurse.emulateMedia({ media: 'screen' });
  });

  test('an esketamine session cannot be discharged before 2 hours of observation', async () => {
    const admin = await harness.newPage(landscape);
    await logIn(admin, demoEmails.admin);
    const zone = zoneNearMidday(Date.now());
    const nurse = await harness.newPage(landscape, { timezoneId: zone });
    await logIn(nurse, demoEmails.nurse);
    const prescriber = await harness.newPage(landscape, { timezoneId: zone });
    await logIn(prescriber, demoEmails.prescriber);
    const clinic = await openClinicAllDay(admin, [nurse, prescriber]);
    const patient = (await demoPatients(admin))[2];
    if (patient === undefined) throw new Error('not enough patients');
    const appointment = await bookToday(admin, clinic, patient, 'esketamine-session');
    const id = await checkInFromBoard(nurse, clinic, appointment);
    // Marked not applicable (the infusion above leaves it unknown and needs the prescriber).
    await recordPreCheck(nurse, prescriber, id, 'Not applicable');

    await chooseOption(nurse, nurse, 'Esketamine dose', '56 mg (2 devices)');
    await nurse.getByLabel(label('Device lot')).fill('SPR-56-0042');
    await nurse.getByLabel(label('Expiry')).fill('2027-03-31');
    await nurse.getByRole('button', { name: 'Record dose given' }).click();
    await nurse.getByTestId('observation-ends').waitFor();
    const dosed = await sessionOf(nurse, id);
    const esk = dosed.esketamine;
    if (esk?.dosedAt == null) throw new Error('no dosing time');
    const endsAt = new Date(Date.parse(esk.dosedAt) + 120 * 60_000).toISOString();
    expect(esk.observationEndsAt).toBe(endsAt);
    await waitForText(
      nurse.getByTestId('observation-ends'),
      `Observation ends at ${formatZonedTime(endsAt, clinic.zone)}`,
    );
    // Due 40 minutes after the dose, as the server's knowledge base says; counted from 30.
    expect(esk.bpCheckMinutesAfterDose).toBe(40);
    expect(
      await nurse.getByRole('region', { name: 'Esketamine observation' }).innerText(),
    ).toContain('BP at about 40 min: not yet');
    expect(esk.bpCheckDueAt).toBe(new Date(Date.parse(esk.dosedAt) + 40 * 60_000).toISOString());
    expect(esk.bpCheckCountsFrom).toBe(
      new Date(Date.parse(esk.dosedAt) + 30 * 60_000).toISOString(),
    );
    await waitForText(
      nurse.getByTestId('bp40-due'),
      `Blood pressure at about 40 min due at ${formatZonedTime(esk.bpCheckDueAt ?? '', clinic.zone)}`,
    );
    await takeScreenshot(
      nurse,
      'sessions-esketamine-dosed-landscape',
      nurse.getByRole('heading', { name: 'Esketamine observation' }),
    );

    await nurse.getByRole('button', { name: 'Start recovery' }).click();
    await waitForText(nurse.getByTestId('session-status'), 'Recovery');
    await scoreAllAldreteTwo(nurse);
    await nurse.getByLabel(label("Escort's name")).fill('Jordan Okafor');
    const discharge = nurse.getByRole('button', { name: 'Discharge', exact: true });
    expect(await discharge.isDisabled()).toBe(true);
    const recovering = await sessionOf(nurse, id);
    const unmet = nurse.getByTestId('unmet-criteria');
    const observation = recovering.dischargeReadiness.unmet.find(
      (u) => u.code === 'DISCHARGE.OBSERVATION_TOO_SHORT',
    );
    if (observation === undefined) throw new Error('the server does not list the observation time');
    await waitForText(
      unmet,
      `Observation continues until ${formatZonedTime(endsAt, clinic.zone)} (at least 2 hours after dosing)`,
    );
    await takeScreenshot(nurse, 'sessions-esketamine-observation-landscape', unmet);

    // The server refuses too, whatever the screen allows.
    const refused = await send(nurse, 'POST', `/api/sessions/${id}/discharge`, {
      aldrete: {
        activity: 2,
        respiration: 2,
        circulation: 2,
        consciousness: 2,
        oxygenSaturation: 2,
      },
      escortName: 'Jordan Okafor',
    });
    expect(refused.status()).toBe(422);
    const problem = (await refused.json()) as { code: string; errors?: { message: string }[] };
    expect(problem.code).toBe('SESSION.DISCHARGE_CRITERIA_UNMET');
    expect(problem.errors?.map((e) => e.message)).toContain(observation.message);
    expect((await sessionOf(nurse, id)).state).toBe('recovery');

    // Today's sessions, the nurse's home, lists it with the server's state.
    await nurse.goto(`/sessions?location=${clinic.location.id}`);
    const today = await getJson<{ items: SessionSummary[] }>(
      nurse,
      `/api/sessions?date=${clinic.today}&locationId=${clinic.location.id}`,
    );
    const listed = today.items.find((s) => s.id === id);
    if (listed === undefined) throw new Error('the session is not in the list');
    const row = nurse.getByRole('row', { name: new RegExp(listed.patient.displayName) });
    await waitForText(row, statusLabels[listed.state]);
    await takeScreenshot(nurse, 'sessions-today-landscape');
    await nurse.goto(`/sessions/${id}`);

    // The REMS form, pre-filled, due the clinic's 5 days after the session (no source gives a
    // deadline, so the screen says it is a clinic setting); marked submitted once it ends.
    const rems = recovering.esketamine?.rems;
    expect(rems).toMatchObject({
      dueBy: addLocalDays(clinic.today, remsFormDueDays),
      dueDaysAfterSession: remsFormDueDays,
      dueBasis: 'clinic-setting',
    });
    await waitForText(
      nurse.getByTestId('rems-due'),
      `Due by ${formatDateOrInstant(addLocalDays(clinic.today, remsFormDueDays), clinic.zone)} (5 days after the session; a clinic setting)`,
    );
    expect(await nurse.getByTestId('rems-due').innerText()).not.toContain('7 days');
    await waitForText(
      nurse.getByRole('table', { name: 'REMS form' }),
      `MRN${recovering.patient.mrn}`,
    );
  });
});
