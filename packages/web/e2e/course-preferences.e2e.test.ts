/**
 * A prescriber plans a course on preferred days and at a preferred time; the course page says so,
 * pausing and resuming books the sessions there again, and the course page clears them.
 */
import { msToLocal } from '@ketaflow/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Session } from '../src/api/auth-types';
import type { Patient } from '../src/api/patient-types';
import type { Course, Location } from '../src/api/scheduling-types';
import type { Screening } from '../src/api/screening-types';
import { addLocalDays, todayIn, weekdayOf } from '../src/format/zoned-time';
import { demoEmails, takeScreenshot, useHarness } from './harness';
import { label, logIn, seriousViolations, waitForText } from './steps';

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

async function send<T>(page: Page, method: 'POST' | 'PUT', path: string, data?: unknown) {
  const { csrfToken } = await getJson<Session>(page, '/api/auth/me');
  const response = await page.request.fetch(path, {
    method,
    headers: { 'x-csrf-token': csrfToken },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json().catch(() => ({}))) as T;
}

/** Each booked session as `<weekday> <HH:mm>` in `zone`. */
function bookedAt(course: Course, zone: string): string[] {
  return course.sessions
    .filter((s) => s.status === 'booked')
    .map((s) => {
      const local = msToLocal(Date.parse(s.startsAt), zone);
      return `${weekdayOf(local.date)} ${local.time}`;
    });
}

describe('course preferences', () => {
  const harness = useHarness();

  test('preferred days and time are planned, shown and kept when the course is resumed', async () => {
    const page = await harness.newPage();
    await logIn(page, demoEmails.prescriber);
    const location = (await getJson<{ items: Location[] }>(page, '/api/clinic/locations')).items[0];
    if (location === undefined) throw new Error('no locations');
    const zone = location.timeZone;
    const today = todayIn(zone);
    const patient = await send<Patient>(page, 'POST', '/api/patients', {
      givenName: 'Pia',
      familyName: 'Preference',
      birthDate: '1979-09-14',
      sex: 'male',
    });
    // A complete record, screened and signed, so a course can be planned from it.
    for (const list of ['conditions', 'medications', 'allergies'])
      await send(page, 'PUT', `/api/patients/${patient.id}/history/${list}/none-known`);
    await send(page, 'POST', `/api/patients/${patient.id}/blood-pressures`, {
      systolicMmHg: 118,
      diastolicMmHg: 76,
      measuredOn: today,
    });
    await send(page, 'POST', `/api/patients/${patient.id}/weights`, {
      weight: { value: 80, unit: 'kg' },
      measuredOn: today,
    });
    const screening = await send<Screening>(
      page,
      'POST',
      `/api/patients/${patient.id}/screenings`,
      {
        indication: 'depression',
      },
    );
    const warnings = [
      ...new Set(
        screening.result.findings.filter((f) => f.severity === 'warning').map((f) => f.code),
      ),
    ];
    await send(page, 'POST', `/api/screenings/${screening.id}/sign`, {
      acceptances: warnings.map((code) => ({ code, reason: 'Reviewed with the patient' })),
    });

    // Next Monday (never today), so every session of the course lies ahead.
    let start = addLocalDays(today, 1);
    while (weekdayOf(start) !== 'mon') start = addLocalDays(start, 1);
    await page.goto(`/patients/${patient.id}/courses/new`);
    await page.getByLabel(label('Start date')).fill(start);
    await page.getByRole('checkbox', { name: 'Monday' }).check();
    await page.getByRole('checkbox', { name: 'Thursday' }).check();
    await page.getByLabel(label('Preferred time (optional)')).fill('09:00');
    expect(await seriousViolations(page)).toEqual([]);
    const created = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/api/patients/${patient.id}/courses`) && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Create course and book sessions' }).click();
    const answer = await created;
    expect(answer.status(), await answer.text()).toBe(201);
    const course = (await answer.json()) as Course;
    expect(course).toMatchObject({ preferredWeekdays: ['mon', 'thu'], preferredTime: '09:00' });
    const planned = bookedAt(course, zone);
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.every((at) => at.endsWith(' 09:00'))).toBe(true);

    await page.waitForURL(`**/courses/${course.id}`);
    await waitForText(
      page.getByText(/^Preferred:/),
      `Preferred: Mondays and Thursdays at 09:00 (${zone}); pausing and re-planning book there again.`,
    );
    await takeScreenshot(page, 'course-preferences');

    // Paused and resumed: booked again at the preferred time (it had been opening time).
    await send(page, 'POST', `/api/courses/${course.id}/status`, {
      to: 'active',
      reason: 'Course started',
    });
    await send(page, 'POST', `/api/courses/${course.id}/status`, {
      to: 'paused',
      reason: 'Patient travelling',
    });
    const resumed = await send<Course>(page, 'POST', `/api/courses/${course.id}/status`, {
      to: 'active',
      reason: 'Back home',
    });
    const rebooked = bookedAt(resumed, zone);
    expect(rebooked.length).toBe(planned.length);
    expect(rebooked.every((at) => at.endsWith(' 09:00'))).toBe(true);

    // Cleared on the course page: sent as null, so later re-bookings do not bring them back.
    await page.reload();
    const form = page.getByRole('region', { name: 'Preferred days and time' });
    // The reloaded page reads the course first: wait for the box to show ticked (not 1 s of polling).
    await form.getByRole('checkbox', { name: 'Monday', checked: true }).waitFor();
    expect(await form.getByLabel(label('Preferred time')).inputValue()).toBe('09:00');
    await form.getByRole('button', { name: 'Clear preferences' }).click();
    expect(await form.getByRole('checkbox', { name: 'Monday' }).isChecked()).toBe(false);
    expect(await form.getByRole('checkbox', { name: 'Thursday' }).isChecked()).toBe(false);
    expect(await form.getByLabel(label('Preferred time')).inputValue()).toBe('');
    await form.getByLabel(label('Reason')).fill('Patient can come any day now');
    expect(await seriousViolations(page)).toEqual([]);
    const changed = page.waitForResponse(
      (r) => r.url().endsWith(`/api/courses/${course.id}`) && r.request().method() === 'PATCH',
    );
    await form.getByRole('button', { name: 'Save preferences and re-book' }).click();
    const cleared = await changed;
    expect(cleared.request().postDataJSON()).toEqual({
      preferredWeekdays: null,
      preferredTime: null,
      reason: 'Patient can come any day now',
    });
    expect(cleared.status(), await cleared.text()).toBe(200);
    const after = (await cleared.json()) as Course;
    expect(after).toMatchObject({ preferredWeekdays: null, preferredTime: null });
    expect(bookedAt(after, zone).length).toBe(planned.length);
    await expect.poll(() => page.getByText(/^Preferred:/).count(), { timeout: 10_000 }).toBe(0);
    await takeScreenshot(page, 'course-preferences-cleared');
    const stored = await getJson<Course>(page, `/api/courses/${course.id}`);
    expect(stored).toMatchObject({ preferredWeekdays: null, preferredTime: null });
  });
});
