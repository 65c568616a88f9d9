import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runDueJobs } from '../src/lib/jobs';
import { createMailer } from '../src/lib/mailer';
import {
  appointmentNoticeHandlers,
  CONFIRMATION_JOB,
  REMINDER_JOB,
} from '../src/notifications/appointment-notices';
import { givenClinic, type BookingClinic } from './appointment-fixtures';
import { createTestApp, DEMO, DRIVERS, login, type Session, type TestApp } from './harness';

interface Appointment {
  id: string;
  status: string;
  startsAt: string;
  rescheduledFrom: string | null;
}

/** Los Angeles local time (UTC−8 until 8 March 2026) in the week of T0; the clinic is in New York. */
const at = (day: string, local: string) => `2026-03-${day}T${local}:00-08:00`;

describe.each(DRIVERS)('appointment confirmations and reminders on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  let clinic: BookingClinic;
  const EMAIL = 'notice.patient@example.org';

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    clinic = await givenClinic(t, {
      chairs: 2,
      nurses: 2,
      prescribers: 1,
      patients: 7,
      timeZone: 'America/Los_Angeles',
    });
    // Patients 0-4 have an e-mail on record; patient 5 has none.
    for (const [n, id] of clinic.patientIds.slice(0, 5).entries())
      await t.database.query('update patients set email = $1 where id = $2', [
        n === 0 ? EMAIL : `notice${String(n)}@example.org`,
        id,
      ]);
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (url: string, payload: unknown, key?: string) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: payload as Record<string, unknown>,
      headers: {
        cookie: nurse.cookie,
        'x-csrf-token': nurse.csrfToken,
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
    });
  const infusion = (patient: number, startsAt: string) => ({
    patientId: clinic.patientIds[patient],
    type: 'infusion',
    startsAt,
    locationId: clinic.locationId,
    durationMinutes: 60,
  });
  /** The queued jobs of one appointment, `kind:status` sorted. */
  const jobsOf = async (id: string) => {
    const rows = await t.database.query(
      `select kind, status, run_at from jobs where payload->>'appointmentId' = $1 order by kind`,
      [id],
    );
    return rows.map((r) => ({
      kind: r.kind as string,
      status: r.status as string,
      runAt: new Date(r.run_at as string).toISOString(),
    }));
  };
  const worker = () =>
    appointmentNoticeHandlers({
      db: t.database.db,
      mailer: createMailer(t.database.db, undefined, 'clinic@example.org'),
      clinicName: 'KetaFlow Demo Clinic',
      publicUrl: 'http://localhost:3000',
    });
  const leadMs = () => t.knowledge.kb.scheduling.reminderLeadHours * 3_600_000;

  test('a staff booking queues one confirmation and the reminder; a replay queues nothing more', async () => {
    const body = infusion(0, at('03', '10:00'));
    const first = await post('/api/appointments', body, 'notice-book-0001');
    expect(first.statusCode, first.body).toBe(201);
    const booked = first.json<Appointment>();
    const replay = await post('/api/appointments', body, 'notice-book-0001');
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json<Appointment>().id).toBe(booked.id);

    expect(await jobsOf(booked.id)).toEqual([
      { kind: CONFIRMATION_JOB, status: 'pending', runAt: t.clock.now().toISOString() },
      {
        kind: REMINDER_JOB,
        status: 'pending',
        runAt: new Date(Date.parse(booked.startsAt) - leadMs()).toISOString(),
      },
    ]);

    const run = await runDueJobs(t.database.db, worker(), t.clock.now());
    expect(run.failed).toBe(0);
    const mail = await t.database.query(
      'select to_address, subject, body from outbox where to_address = $1',
      [EMAIL],
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe(
      'KetaFlow Demo Clinic: your ketamine infusion is booked for Tuesday March 3, 2026 at 10:00 (PST)',
    );
    expect(mail[0]?.body).toContain('Your ketamine infusion is booked for Tuesday March 3');
    expect(mail[0]?.body).toContain(`/api/me/appointments/${booked.id}/calendar.ics`);
    expect((await jobsOf(booked.id)).map((j) => `${j.kind}:${j.status}`)).toEqual([
      `${CONFIRMATION_JOB}:done`,
      `${REMINDER_JOB}:pending`,
    ]);
  });

  test('a hold gets no confirmation until it is confirmed, then exactly one', async () => {
    const hold = await post('/api/appointments/holds', infusion(1, at('04', '10:00')));
    expect(hold.statusCode, hold.body).toBe(201);
    const held = hold.json<Appointment>();
    expect(held.status).toBe('held');
    expect(await jobsOf(held.id)).toEqual([]);

    const confirm = await post(`/api/appointments/${held.id}/confirm`, {}, 'notice-confirm-1');
    expect(confirm.statusCode, confirm.body).toBe(200);
    const replay = await post(`/api/appointments/${held.id}/confirm`, {}, 'notice-confirm-1');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    // Confirming a booking again (a new key) is a no-op answer: nothing more is queued.
    const again = await post(`/api/appointments/${held.id}/confirm`, {}, 'notice-confirm-2');
    expect(again.statusCode).toBe(200);
    expect((await jobsOf(held.id)).map((j) => `${j.kind}:${j.status}`)).toEqual([
      `${CONFIRMATION_JOB}:pending`,
      `${REMINDER_JOB}:pending`,
    ]);
  });

  test('rescheduling removes the old pending messages and queues the new time’s', async () => {
    const first = await post('/api/appointments', infusion(2, at('05', '10:00')));
    expect(first.statusCode, first.body).toBe(201);
    const old = first.json<Appointment>();
    expect(await jobsOf(old.id)).toHaveLength(2);

    const body = { startsAt: at('05', '13:00'), reason: 'Patient asked for later' };
    const moved = await post(`/api/appointments/${old.id}/reschedule`, body, 'notice-move-1');
    expect(moved.statusCode, moved.body).toBe(201);
    const fresh = moved.json<Appointment>();
    expect(fresh.rescheduledFrom).toBe(old.id);
    const replay = await post(`/api/appointments/${old.id}/reschedule`, body, 'notice-move-1');
    expect(replay.json<Appointment>().id).toBe(fresh.id);

    expect(await jobsOf(old.id)).toEqual([]);
    expect(await jobsOf(fresh.id)).toEqual([
      { kind: CONFIRMATION_JOB, status: 'pending', runAt: t.clock.now().toISOString() },
      {
        kind: REMINDER_JOB,
        status: 'pending',
        runAt: new Date(Date.parse(fresh.startsAt) - leadMs()).toISOString(),
      },
    ]);

    // A move that is refused (the time is outside the opening hours) changes no message.
    const refused = await post(`/api/appointments/${fresh.id}/reschedule`, {
      startsAt: at('05', '22:00'),
      reason: 'too late',
    });
    expect(refused.statusCode).toBeGreaterThanOrEqual(409);
    expect(await jobsOf(fresh.id)).toHaveLength(2);
  });

  test('cancelling removes the pending confirmation and reminder', async () => {
    const booked = (
      await post('/api/appointments', infusion(3, at('06', '10:00')))
    ).json<Appointment>();
    expect(await jobsOf(booked.id)).toHaveLength(2);
    const cancel = await post(`/api/appointments/${booked.id}/cancel`, { reason: 'Unwell' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(await jobsOf(booked.id)).toEqual([]);
    const run = await runDueJobs(t.database.db, worker(), t.clock.now());
    expect(run.failed).toBe(0);
    const mail = await t.database.query('select 1 from outbox where to_address = $1', [
      'notice3@example.org',
    ]);
    expect(mail).toEqual([]);
  });

  test('a patient without an e-mail gets nothing, and the other jobs still run', async () => {
    const silent = (
      await post('/api/appointments', infusion(5, at('03', '13:00')))
    ).json<Appointment>();
    const heard = (
      await post('/api/appointments', infusion(4, at('03', '13:00')))
    ).json<Appointment>();
    const run = await runDueJobs(t.database.db, worker(), t.clock.now());
    expect(run).toMatchObject({ failed: 0, retried: 0 });
    expect((await jobsOf(silent.id)).map((j) => `${j.kind}:${j.status}`)).toEqual([
      `${CONFIRMATION_JOB}:done`,
      `${REMINDER_JOB}:pending`,
    ]);
    const mail = await t.database.query('select to_address from outbox where body like $1', [
      `%/api/me/appointments/${heard.id}/%`,
    ]);
    expect(mail.map((m) => m.to_address)).toEqual(['notice4@example.org']);
    const none = await t.database.query('select 1 from outbox where body like $1', [
      `%/api/me/appointments/${silent.id}/%`,
    ]);
    expect(none).toEqual([]);
  });

  test('a no-show removes what had not gone out yet', async () => {
    // Three hours ahead: too soon for a reminder, so only the confirmation is queued.
    const booked = (
      await post('/api/appointments', infusion(6, at('02', '09:00')))
    ).json<Appointment>();
    expect((await jobsOf(booked.id)).map((j) => j.kind)).toEqual([CONFIRMATION_JOB]);
    // Past the start, with the worker never having run.
    t.clock.advanceMinutes((Date.parse(booked.startsAt) - t.clock.now().getTime()) / 60_000 + 15);
    nurse = await login(t.app, DEMO.nurse);
    const noShow = await post(`/api/appointments/${booked.id}/no-show`, {});
    expect(noShow.statusCode, noShow.body).toBe(200);
    expect(await jobsOf(booked.id)).toEqual([]);
  });
});
