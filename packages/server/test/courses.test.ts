import { msToLocal } from '@ketaflow/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runDueJobs } from '../src/lib/jobs';
import { createMailer } from '../src/lib/mailer';
import {
  appointmentNoticeHandlers,
  CANCELLATION_JOB,
} from '../src/notifications/appointment-notices';
import { COURSE_CHANGE_JOB } from '../src/notifications/course-change-notice';
import { formatClinicTime } from '../src/notifications/clinic-time';
import { bookedAt, downtownLocationId } from './course-fixtures';
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
  preferredWeekdays: string[] | null;
  preferredTime: string | null;
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
    downtownId = await downtownLocationId(t, nurse);
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
    expect(course).toMatchObject({ preferredWeekdays: ['mon', 'thu'], preferredTime: '09:00' });
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
    // Booked again on the days and at the time the prescriber asked for, not the planner's
    // defaults (it had been opening time on any day).
    // (The planner takes another day only when a preferred one cannot hold the session.)
    expect(bookedAt(back, ZONE).every((at) => at.endsWith(' 09:00'))).toBe(true);
    expect(
      bookedAt(back, ZONE).filter((at) => /^(mon|thu) /.test(at)).length,
    ).toBeGreaterThanOrEqual(6);
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
    // Preferences not restated are kept.
    expect(body).toMatchObject({ preferredWeekdays: ['mon', 'thu'], preferredTime: '09:00' });
    expect(bookedAt(body, ZONE).every((at) => at.endsWith(' 09:00'))).toBe(true);
    const stopped = await api(prescriber)('POST', `/api/courses/${course.id}/status`, {
      to: 'stopped',
      reason: 'Patient chose to stop',
    });
    expect(stopped.json<Course>().sessions.filter((s) => s.status === 'booked')).toEqual([]);
    const list = await api(nurse)('GET', `/api/patients/${patientId}/courses`);
    expect(list.json<{ items: Course[] }>().items[0]).toMatchObject({ status: 'stopped' });
  });

  const EMAIL = 'cora.course@example.org';
  const worker = () =>
    appointmentNoticeHandlers({
      db: t.database.db,
      mailer: createMailer(t.database.db, undefined, 'clinic@example.org'),
      clinicName: 'KetaFlow Demo Clinic',
      publicUrl: 'http://localhost:3000',
    });
  const mail = async () =>
    (await t.database.query(
      'select subject, body from outbox where to_address = $1 order by created_at, id',
      [EMAIL],
    )) as { subject: string; body: string }[];
  const times = (sessions: Appointment[]) =>
    sessions
      .map((s) => Date.parse(s.startsAt))
      .sort((a, b) => a - b)
      .map((ms) => `- ${formatClinicTime(new Date(ms), ZONE)}`);
  const listed = (body: string) => body.split('\n').filter((l) => l.startsWith('- '));

  test('each course change is told in one message, not one per session', async () => {
    // The changes above queued one course message each and no per-session cancellation.
    expect(await countRows(t, `jobs where kind = '${CANCELLATION_JOB}'`)).toBe(0);
    const queued = (await t.database.query(
      `select payload->>'change' as change,
              jsonb_array_length(payload->'cancelledIds')::int as cancelled,
              jsonb_array_length(payload->'bookedIds')::int as booked
         from jobs where kind = $1 order by created_at, id`,
      [COURSE_CHANGE_JOB],
    )) as { change: string; cancelled: number; booked: number }[];
    expect(queued.map((j) => [j.change, j.cancelled, j.booked]).sort()).toEqual(
      [
        ['booked', 0, 8],
        ['paused', 8, 0],
        ['resumed', 0, 8],
        ['replanned', 8, 4],
        ['stopped', 4, 0],
      ].sort(),
    );
    expect(await runDueJobs(t.database.db, worker(), t.clock.now())).toMatchObject({
      done: 5,
      failed: 0,
      retried: 0,
    });
    // Read as things are when the worker runs: the sessions booked with the course and on
    // resuming were cancelled since, so the booking and the resume have nothing left to
    // announce and send nothing.
    const sent = await mail();
    expect(sent.map((m) => m.subject).sort()).toEqual(
      [
        'KetaFlow Demo Clinic: your treatment course has new session times',
        'KetaFlow Demo Clinic: your treatment course is paused',
        'KetaFlow Demo Clinic: your treatment course is stopped',
      ].sort(),
    );
    const { sessions } = (await api(nurse)('GET', `/api/courses/${course.id}`)).json<Course>();
    const stoppedSessions = sessions.filter(
      (s) => s.cancelReason === 'Course stopped: Patient chose to stop',
    );
    expect(stoppedSessions).toHaveLength(4);
    // The re-plan's new sessions were stopped since: its message lists only the cancelled times.
    const replan = sent.find((m) => m.subject.endsWith('new session times'))!;
    expect(replan.body).toContain('These 8 ketamine infusion sessions are cancelled');
    expect(replan.body).not.toContain('new ketamine infusion sessions');
    const stop = sent.find((m) => m.subject.endsWith('is stopped'))!;
    expect(listed(stop.body)).toEqual(times(stoppedSessions));
    // The reason (free text) is not repeated.
    expect(stop.body).not.toContain('Patient chose to stop');
  });

  test('re-planning and stopping a course each queue one message listing the session times', async () => {
    const screening = await screen();
    await sign(screening);
    const created = await api(prescriber)(
      'POST',
      `/api/patients/${patientId}/courses`,
      courseBody(screening.id, {
        sessionsPerWeek: 1,
        weeks: 6,
        preferredWeekdays: ['tue'],
        preferredTime: '10:00',
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const fresh = created.json<Course>();
    const booked = fresh.sessions.filter((s) => s.status === 'booked');
    expect(booked).toHaveLength(6);
    const courseJobs = async () =>
      (
        await t.database.query(
          `select payload->>'change' as change, status from jobs
            where kind = $1 and payload->>'courseId' = $2 order by created_at, id`,
          [COURSE_CHANGE_JOB, fresh.id],
        )
      ).map((j) => `${String(j.change)}:${String(j.status)}`);

    // The new course: one message listing its six sessions, not a confirmation per session.
    expect(await courseJobs()).toEqual(['booked:pending']);
    const created0 = (await mail()).length;
    expect(await runDueJobs(t.database.db, worker(), t.clock.now())).toMatchObject({
      failed: 0,
      retried: 0,
    });
    const welcome = (await mail()).slice(created0);
    expect(welcome).toHaveLength(1);
    expect(welcome[0]?.subject).toBe('KetaFlow Demo Clinic: your treatment course is booked');
    expect(welcome[0]?.body).toContain('Your 6 ketamine infusion sessions:');
    expect(welcome[0]?.body).not.toContain('cancelled');
    expect(listed(welcome[0]!.body)).toEqual(times(booked));
    const before = (await mail()).length;

    // Re-planned to Thursdays at 11:00: one message with the old times and the new ones.
    const replanned = await api(prescriber)('PATCH', `/api/courses/${fresh.id}`, {
      preferredWeekdays: ['thu'],
      preferredTime: '11:00',
      reason: 'Thursdays suit the patient better',
    });
    expect(replanned.statusCode, replanned.body).toBe(200);
    const moved = replanned.json<Course>().sessions.filter((s) => s.status === 'booked');
    expect(moved).toHaveLength(6);
    expect(await countRows(t, `jobs where kind = '${CANCELLATION_JOB}'`)).toBe(0);
    expect(await courseJobs()).toEqual(['booked:done', 'replanned:pending']);
    expect(await runDueJobs(t.database.db, worker(), t.clock.now())).toMatchObject({
      failed: 0,
      retried: 0,
    });
    const replan = (await mail()).slice(before);
    expect(replan).toHaveLength(1);
    expect(replan[0]?.subject).toBe(
      'KetaFlow Demo Clinic: your treatment course has new session times',
    );
    expect(replan[0]?.body).toContain(
      'These 6 ketamine infusion sessions are cancelled; please do not come then:',
    );
    expect(replan[0]?.body).toContain('Your 6 new ketamine infusion sessions:');
    expect(listed(replan[0]!.body)).toEqual([...times(booked), ...times(moved)]);
    expect(replan[0]?.body).not.toContain('Thursdays suit');

    const stopped = await api(prescriber)('POST', `/api/courses/${fresh.id}/status`, {
      to: 'stopped',
      reason: 'Patient moved away',
    });
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(await countRows(t, `jobs where kind = '${CANCELLATION_JOB}'`)).toBe(0);
    expect(await courseJobs()).toEqual(['booked:done', 'replanned:done', 'stopped:pending']);

    expect(await runDueJobs(t.database.db, worker(), t.clock.now())).toMatchObject({
      failed: 0,
      retried: 0,
    });
    const sent = (await mail()).slice(before + 1);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toBe('KetaFlow Demo Clinic: your treatment course is stopped');
    expect(sent[0]?.body).toContain(
      'These 6 ketamine infusion sessions are cancelled; please do not come then:',
    );
    expect(listed(sent[0]!.body)).toEqual(times(moved));
    expect(sent[0]?.body).toContain('(EDT)');
    // A later run sends nothing more.
    await runDueJobs(t.database.db, worker(), t.clock.now());
    expect(await mail()).toHaveLength(before + 2);

    // A single appointment cancelled outside a course still gets its own cancellation.
    const single = await api(nurse)('POST', '/api/appointments', {
      patientId,
      type: 'infusion',
      startsAt: '2026-03-10T10:00:00-04:00',
      locationId: downtownId,
      durationMinutes: 60,
    });
    expect(single.statusCode, single.body).toBe(201);
    const id = single.json<Appointment>().id;
    const cancel = await api(nurse)('POST', `/api/appointments/${id}/cancel`, { reason: 'Unwell' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const own = await t.database.query(
      `select kind from jobs where payload->>'appointmentId' = $1 order by kind`,
      [id],
    );
    expect(own).toEqual([{ kind: CANCELLATION_JOB }]);
  });
  test('a restated preference is kept for later re-bookings', async () => {
    const screening = await screen();
    await sign(screening);
    const created = await api(prescriber)(
      'POST',
      `/api/patients/${patientId}/courses`,
      courseBody(screening.id, {
        preferredWeekdays: ['tue', 'fri'],
        preferredTime: '10:00',
        startDate: '2026-05-04',
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<Course>().id;
    const later = await api(prescriber)('PATCH', `/api/courses/${id}`, {
      preferredTime: '11:00',
      reason: 'Patient asked for later mornings',
    });
    expect(later.statusCode, later.body).toBe(200);
    expect(later.json<Course>()).toMatchObject({
      preferredWeekdays: ['tue', 'fri'],
      preferredTime: '11:00',
    });
    expect(bookedAt(later.json<Course>(), ZONE).every((at) => at.endsWith(' 11:00'))).toBe(true);
    // A change that does not restate the time books at the one restated last.
    const fewer = await api(prescriber)('PATCH', `/api/courses/${id}`, {
      sessionsPerWeek: 1,
      reason: 'Good response: one a week',
    });
    expect(fewer.statusCode, fewer.body).toBe(200);
    const sessions = bookedAt(fewer.json<Course>(), ZONE);
    expect(sessions).toHaveLength(4);
    expect(sessions.every((at) => at.endsWith(' 11:00'))).toBe(true);
    expect(sessions.filter((at) => /^(tue|fri) /.test(at)).length).toBeGreaterThanOrEqual(3);
  });
});
