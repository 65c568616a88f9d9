import { msToLocal } from '@ketaflow/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  as,
  countRows,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  type Session,
  type TestApp,
} from './harness';

interface Problem {
  code: string;
  errors?: { path: string; message: string; code?: string }[];
}
interface Appointment {
  id: string;
  status: string;
  startsAt: string;
  endsAt: string;
  cancelReason: string | null;
  chair: { id: string } | null;
  nurse: { id: string } | null;
}
interface Course {
  id: string;
  status: string;
  sessionsPerWeek: number | null;
  history: { from: string | null; to: string; reason: string }[];
  sessions: Appointment[];
}
interface Screening {
  id: string;
  status: string;
  result: { findings: { severity: string; code: string }[] };
}

const ZONE = 'America/New_York';
const HOUR = 3_600_000;

describe.each(DRIVERS)('courses on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  let prescriber: Session;
  let patientId: string;
  let downtownId: string;
  const api = (s: Session | null) => as(t.app, s);

  async function screen(): Promise<Screening> {
    const response = await api(nurse)('POST', `/api/patients/${patientId}/screenings`, {
      indication: 'depression',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Screening>();
  }

  async function sign(screening: Screening): Promise<void> {
    const codes = [
      ...new Set(
        screening.result.findings.filter((f) => f.severity === 'warning').map((f) => f.code),
      ),
    ];
    const signed = await api(prescriber)('POST', `/api/screenings/${screening.id}/sign`, {
      acceptances: codes.map((code) => ({ code, reason: 'Reviewed with the patient' })),
    });
    expect(signed.statusCode, signed.body).toBe(200);
  }

  const courseBody = (screeningId: string, extra: Record<string, unknown> = {}) => ({
    screeningId,
    indication: 'depression',
    product: 'ketamine-iv',
    dose: { value: 0.5, unit: 'mg/kg' },
    sessionsPerWeek: 2,
    weeks: 4,
    // The Monday after the spring-forward change (2026-03-08 in New York).
    startDate: '2026-03-09',
    locationId: downtownId,
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    prescriber = await login(t.app, DEMO.prescriber);
    const created = await api(nurse)('POST', '/api/patients', {
      givenName: 'Cora',
      familyName: 'Course',
      birthDate: '1984-05-05',
      sex: 'male',
      email: 'cora.course@example.org',
    });
    patientId = created.json<{ id: string }>().id;
    await api(nurse)('POST', `/api/patients/${patientId}/blood-pressures`, {
      systolicMmHg: 118,
      diastolicMmHg: 76,
      measuredOn: '2026-03-01',
    });
    await api(nurse)('POST', `/api/patients/${patientId}/weights`, {
      weight: { value: 80, unit: 'kg' },
      measuredOn: '2026-03-01',
    });
    const locations = await api(nurse)('GET', '/api/clinic/locations');
    downtownId = locations
      .json<{ items: { id: string; code: string }[] }>()
      .items.find((l) => l.code === 'downtown')!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  test('a course from an unsigned screening is refused and writes nothing', async () => {
    const screening = await screen();
    const before = await countRows(t, 'courses');
    const response = await api(prescriber)(
      'POST',
      `/api/patients/${patientId}/courses`,
      courseBody(screening.id),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json<Problem>()).toMatchObject({
      code: 'COURSE.SCREENING_UNSIGNED',
      errors: [{ path: 'body.screeningId' }],
    });
    expect(await countRows(t, 'courses')).toBe(before);
    expect(await countRows(t, 'appointments where course_id is not null')).toBe(0);
  });

  test('only a prescriber creates courses', async () => {
    const screening = await screen();
    const response = await api(nurse)(
      'POST',
      `/api/patients/${patientId}/courses`,
      courseBody(screening.id),
    );
    expect(response.statusCode).toBe(403);
  });

  test('a rhythm outside the protocol is refused naming the field', async () => {
    const screening = await screen();
    await sign(screening);
    const response = await api(prescriber)(
      'POST',
      `/api/patients/${patientId}/courses`,
      courseBody(screening.id, { sessionsPerWeek: 3, weeks: 20 }),
    );
    expect(response.statusCode, response.body).toBe(422);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('COURSE.OUT_OF_PROTOCOL');
    expect(problem.errors?.map((e) => e.path).sort()).toEqual([
      'body.sessionsPerWeek',
      'body.weeks',
    ]);
    const mismatch = await api(prescriber)(
      'POST',
      `/api/patients/${patientId}/courses`,
      courseBody(screening.id, { indication: 'ptsd' }),
    );
    expect(mismatch.json<Problem>()).toMatchObject({
      code: 'COURSE.SCREENING_MISMATCH',
      errors: [{ path: 'body.indication' }],
    });
  });

  let course: Course;

  test('a course books its sessions spaced, within opening hours, across the DST change', async () => {
    const screening = await screen();
    await sign(screening);
    const response = await api(prescriber)(
      'POST',
      `/api/patients/${patientId}/courses`,
      courseBody(screening.id, { preferredWeekdays: ['mon', 'thu'], preferredTime: '09:00' }),
    );
    expect(response.statusCode, response.body).toBe(201);
    course = response.json<Course>();
    expect(course.status).toBe('planned');
    expect(course.history).toEqual([
      expect.objectContaining({ from: null, to: 'planned', reason: 'Course created' }),
    ]);
    const sessions = course.sessions.filter((s) => s.status === 'booked');
    expect(sessions).toHaveLength(8);
    const starts = sessions.map((s) => Date.parse(s.startsAt)).sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++)
      expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(48 * HOUR);
    for (const s of sessions) {
      const start = msToLocal(Date.parse(s.startsAt), ZONE);
      const end = msToLocal(Date.parse(s.endsAt), ZONE);
      expect(start.time).toBe('09:00');
      expect(start.date >= '2026-03-09').toBe(true);
      expect(end.time <= '18:00').toBe(true);
      expect(s.chair).not.toBeNull();
      expect(s.nurse).not.toBeNull();
    }
    // 09:00 local is 14:00 UTC before the change and 13:00 UTC after it.
    expect(sessions.map((s) => s.startsAt)).toContain('2026-03-09T13:00:00.000Z');
    const audit = await t.database.query(
      `select detail from audit_log where action = 'patient.course.create' and resource_id = $1`,
      [course.id],
    );
    expect(audit).toEqual([{ detail: { sessions: 8 } }]);
    const reminders = await t.database.query(
      `select count(*)::int as n from jobs where kind = 'appointment.reminder'`,
    );
    expect(reminders[0]?.n).toBe(8);
  });

  test('status changes need a reason and follow the status machine', async () => {
    const noReason = await api(prescriber)('POST', `/api/courses/${course.id}/status`, {
      to: 'active',
      reason: '',
    });
    expect(noReason.json<Problem>().errors?.map((e) => e.path)).toEqual(['body.reason']);
    const skip = await api(prescriber)('POST', `/api/courses/${course.id}/status`, {
      to: 'completed',
      reason: 'Finished',
    });
    expect(skip.statusCode).toBe(409);
    expect(skip.json<Problem>().code).toBe('COURSE.TRANSITION_INVALID');
    const active = await api(prescriber)('POST', `/api/courses/${course.id}/status`, {
      to: 'active',
      reason: 'First session given',
    });
    expect(active.statusCode, active.body).toBe(200);
    expect(active.json<Course>().status).toBe('active');
  });

  test('pausing cancels future sessions; resuming books them again', async () => {
    const paused = await api(prescriber)('POST', `/api/courses/${course.id}/status`, {
      to: 'paused',
      reason: 'Patient travelling',
    });
    expect(paused.statusCode, paused.body).toBe(200);
    const afterPause = paused.json<Course>();
    expect(afterPause.sessions.filter((s) => s.status === 'booked')).toEqual([]);
    expect(
      afterPause.sessions.every((s) => s.cancelReason === 'Course paused: Patient travelling'),
    ).toBe(true);
    expect(await countRows(t, `jobs where kind = 'appointment.reminder'`)).toBe(0);
    const resumed = await api(prescriber)('POST', `/api/courses/${course.id}/status`, {
      to: 'active',
      reason: 'Back home',
    });
    expect(resumed.statusCode, resumed.body).toBe(200);
    const back = resumed.json<Course>();
    expect(back.sessions.filter((s) => s.status === 'booked')).toHaveLength(8);
    expect(back.history.map((h) => [h.from, h.to, h.reason])).toEqual([
      [null, 'planned', 'Course created'],
      ['planned', 'active', 'First session given'],
      ['active', 'paused', 'Patient travelling'],
      ['paused', 'active', 'Back home'],
    ]);
  });

  test('changing sessions per week reschedules the future sessions', async () => {
    const changed = await api(prescriber)('PATCH', `/api/courses/${course.id}`, {
      sessionsPerWeek: 1,
      reason: 'Good response: one a week',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const body = changed.json<Course>();
    expect(body.sessionsPerWeek).toBe(1);
    expect(body.sessions.filter((s) => s.status === 'booked')).toHaveLength(4);
    const stopped = await api(prescriber)('POST', `/api/courses/${course.id}/status`, {
      to: 'stopped',
      reason: 'Patient chose to stop',
    });
    expect(stopped.json<Course>().sessions.filter((s) => s.status === 'booked')).toEqual([]);
    const list = await api(nurse)('GET', `/api/patients/${patientId}/courses`);
    expect(list.json<{ items: Course[] }>().items[0]).toMatchObject({ status: 'stopped' });
  });
});
