/**
 * A course's preferred weekdays and time (PATCH /api/courses/:id): cleared with null (or [] for
 * the days), kept when left out, and a bad value refused naming its field with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bookedAt, downtownLocationId, screenedPatient } from './course-fixtures';
import { as, createTestApp, DEMO, DRIVERS, login, type Session, type TestApp } from './harness';

interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}
interface Course {
  id: string;
  preferredWeekdays: string[] | null;
  preferredTime: string | null;
  sessions: { id: string; status: string; startsAt: string }[];
}

const ZONE = 'America/New_York';

describe.each(DRIVERS)('course preferences on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  let prescriber: Session;
  let downtownId: string;
  const api = (s: Session | null) => as(t.app, s);

  /**
   * A new patient's four-week course from `startDate` (a Monday), on Tuesdays and Fridays at
   * 10:00. Each test takes its own weeks, so the courses do not compete for chairs.
   */
  async function planCourse(startDate: string): Promise<Course> {
    const { patientId, screeningId } = await screenedPatient(
      t,
      { nurse, prescriber },
      { givenName: 'Perry', familyName: 'Preference' },
    );
    const created = await api(prescriber)('POST', `/api/patients/${patientId}/courses`, {
      screeningId,
      indication: 'depression',
      product: 'ketamine-iv',
      dose: { value: 0.5, unit: 'mg/kg' },
      sessionsPerWeek: 1,
      weeks: 4,
      startDate,
      locationId: downtownId,
      preferredWeekdays: ['tue', 'fri'],
      preferredTime: '10:00',
    });
    expect(created.statusCode, created.body).toBe(201);
    const course = created.json<Course>();
    expect(bookedAt(course, ZONE)).toEqual(['tue 10:00', 'tue 10:00', 'tue 10:00', 'tue 10:00']);
    return course;
  }

  const change = (id: string, body: Record<string, unknown>) =>
    api(prescriber)('PATCH', `/api/courses/${id}`, { reason: 'Patient asked', ...body });

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    prescriber = await login(t.app, DEMO.prescriber);
    downtownId = await downtownLocationId(t, nurse);
  });
  afterAll(async () => {
    await t.close();
  });

  test('null clears both preferences: sessions are booked again at the opening time', async () => {
    const course = await planCourse('2026-05-04');
    const cleared = await change(course.id, { preferredWeekdays: null, preferredTime: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const body = cleared.json<Course>();
    expect(body).toMatchObject({ preferredWeekdays: null, preferredTime: null });
    // Any day at the opening time, as for a course planned without preferences (the Monday
    // that starts each week is open).
    expect(bookedAt(body, ZONE)).toEqual(['mon 08:00', 'mon 08:00', 'mon 08:00', 'mon 08:00']);
    const stored = await api(nurse)('GET', `/api/courses/${course.id}`);
    expect(stored.json<Course>()).toMatchObject({ preferredWeekdays: null, preferredTime: null });
    // A later change without them does not bring them back.
    const later = await change(course.id, { weeks: 5 });
    expect(later.statusCode, later.body).toBe(200);
    expect(later.json<Course>()).toMatchObject({ preferredWeekdays: null, preferredTime: null });
  });

  test('an empty list clears the days and keeps the time', async () => {
    const course = await planCourse('2026-06-01');
    const cleared = await change(course.id, { preferredWeekdays: [] });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const body = cleared.json<Course>();
    expect(body).toMatchObject({ preferredWeekdays: null, preferredTime: '10:00' });
    expect(bookedAt(body, ZONE)).toEqual(['mon 10:00', 'mon 10:00', 'mon 10:00', 'mon 10:00']);
  });

  test('clearing only the time keeps the days', async () => {
    const course = await planCourse('2026-07-06');
    const cleared = await change(course.id, { preferredTime: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const body = cleared.json<Course>();
    expect(body).toMatchObject({ preferredWeekdays: ['tue', 'fri'], preferredTime: null });
    expect(bookedAt(body, ZONE)).toEqual(['tue 08:00', 'tue 08:00', 'tue 08:00', 'tue 08:00']);
  });

  test('preferences left out of a change are kept', async () => {
    const course = await planCourse('2026-08-03');
    const longer = await change(course.id, { weeks: 5 });
    expect(longer.statusCode, longer.body).toBe(200);
    const body = longer.json<Course>();
    expect(body).toMatchObject({ preferredWeekdays: ['tue', 'fri'], preferredTime: '10:00' });
    expect(bookedAt(body, ZONE)).toEqual(Array.from({ length: 5 }, () => 'tue 10:00'));
  });

  test('bad preference values are refused naming each field, and nothing changes', async () => {
    const course = await planCourse('2026-09-14');
    const bad = await change(course.id, {
      preferredWeekdays: ['tue', 'someday'],
      preferredTime: '',
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(
      bad
        .json<Problem>()
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['body.preferredTime', 'body.preferredWeekdays.1']);
    const notAList = await change(course.id, { preferredWeekdays: 'tue', preferredTime: 930 });
    expect(notAList.statusCode, notAList.body).toBe(400);
    expect(
      notAList
        .json<Problem>()
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['body.preferredTime', 'body.preferredWeekdays']);
    const stored = (await api(nurse)('GET', `/api/courses/${course.id}`)).json<Course>();
    expect(stored).toMatchObject({ preferredWeekdays: ['tue', 'fri'], preferredTime: '10:00' });
    expect(stored.sessions.map((s) => s.id)).toEqual(course.sessions.map((s) => s.id));
  });
});
