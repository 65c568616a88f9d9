import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runDueJobs } from '../src/lib/jobs';
import { createMailer } from '../src/lib/mailer';
import { appointmentNoticeHandlers } from '../src/notifications/appointment-notices';
import { givenClinic, type BookingClinic } from './appointment-fixtures';
import { as, createTestApp, DEMO, DRIVERS, login, type Session, type TestApp } from './harness';

interface Problem {
  code: string;
  errors?: { path: string; code?: string }[];
}
interface Appointment {
  id: string;
  status: string;
  startsAt: string;
  holdExpiresAt: string | null;
  cancelReason: string | null;
  rescheduledFrom: string | null;
  chair: { id: string } | null;
}

/** New York (UTC−5) local time on a date in the week of T0 (Monday 2 March 2026, 09:00). */
const at = (day: string, local: string) => `2026-03-${day}T${local}:00-05:00`;

describe.each(DRIVERS)('rescheduling a hold on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  let clinic: BookingClinic;
  const email = (n: number) => `hold${String(n)}@example.org`;

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    clinic = await givenClinic(t, { chairs: 2, nurses: 1, prescribers: 1, patients: 3 });
    for (const [n, id] of clinic.patientIds.entries())
      await t.database.query('update patients set email = $1 where id = $2', [email(n), id]);
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (url: string, payload: unknown) => as(t.app, nurse)('POST', url, payload);
  const infusion = (patient: number, startsAt: string, chair = 0) => ({
    patientId: clinic.patientIds[patient],
    type: 'infusion',
    startsAt,
    locationId: clinic.locationId,
    chairId: clinic.chairIds[chair],
    durationMinutes: 60,
  });
  const hold = async (patient: number, startsAt: string) => {
    const response = await post('/api/appointments/holds', infusion(patient, startsAt));
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Appointment>();
  };
  const jobsOf = async (id: string) =>
    t.database.query(`select kind from jobs where payload->>'appointmentId' = $1`, [id]);
  /** Sends what is due, then the mail the patient has. */
  const mailOf = async (n: number) => {
    const handlers = appointmentNoticeHandlers({
      db: t.database.db,
      mailer: createMailer(t.database.db, undefined, 'clinic@example.org'),
      clinicName: 'KetaFlow Demo Clinic',
      publicUrl: 'http://localhost:3000',
    });
    expect(await runDueJobs(t.database.db, handlers, t.clock.now())).toMatchObject({ failed: 0 });
    return t.database.query(
      'select subject, body from outbox where to_address = $1 order by created_at',
      [email(n)],
    );
  };

  test('a moved hold stays a hold with its expiry, tells the patient nothing, and is confirmed later', async () => {
    const blocker = await hold(1, at('03', '14:00'));
    const held = await hold(0, at('03', '10:00'));
    t.clock.advanceMinutes(3);

    // The same checks as any move: a taken chair is a 409, a closed time a 422; nothing changes.
    const taken = await post(`/api/appointments/${held.id}/reschedule`, {
      startsAt: at('03', '14:30'),
      chairId: blocker.chair?.id,
      reason: 'Later',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<Problem>().code).toBe('SCHEDULE.SLOT_TAKEN');
    const closed = await post(`/api/appointments/${held.id}/reschedule`, {
      startsAt: at('07', '10:00'),
      reason: 'Saturday',
    });
    expect(closed.statusCode).toBe(422);
    expect(closed.json<Problem>().errors?.map((e) => e.code)).toContain('SCHEDULE.OUTSIDE_HOURS');

    const moved = await post(`/api/appointments/${held.id}/reschedule`, {
      startsAt: at('03', '12:00'),
      reason: 'Patient asked for later',
    });
    expect(moved.statusCode, moved.body).toBe(201);
    const fresh = moved.json<Appointment>();
    // Moving does not restart the clock: the chair is not kept longer than the clinic's hold time.
    expect(fresh).toMatchObject({
      status: 'held',
      holdExpiresAt: held.holdExpiresAt,
      rescheduledFrom: held.id,
      startsAt: '2026-03-03T17:00:00.000Z',
    });
    const previous = await as(t.app, nurse)('GET', `/api/appointments/${held.id}`);
    expect(previous.json<Appointment>()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Patient asked for later',
    });
    expect(await jobsOf(held.id)).toEqual([]);
    expect(await jobsOf(fresh.id)).toEqual([]);
    expect(await mailOf(0)).toEqual([]);

    const confirmed = await post(`/api/appointments/${fresh.id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<Appointment>()).toMatchObject({ status: 'booked', holdExpiresAt: null });
    // The patient hears once, of the booked time only: the held time was never theirs.
    const mail = await mailOf(0);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe(
      'KetaFlow Demo Clinic: your ketamine infusion is booked for Tuesday March 3, 2026 at 12:00 (EST)',
    );
    expect(`${String(mail[0]?.subject)} ${String(mail[0]?.body)}`).not.toMatch(/moved/i);
  });

  test('a moved hold lapses at its first expiry: it can then be neither confirmed nor moved', async () => {
    const held = await hold(2, at('04', '10:00'));
    t.clock.advanceMinutes(t.knowledge.kb.scheduling.holdExpiryMinutes - 1);
    const moved = await post(`/api/appointments/${held.id}/reschedule`, {
      startsAt: at('04', '11:00'),
      reason: 'Patient asked for later',
    });
    expect(moved.statusCode, moved.body).toBe(201);
    const fresh = moved.json<Appointment>();
    expect(fresh.status).toBe('held');

    t.clock.advanceMinutes(2);
    const confirm = await post(`/api/appointments/${fresh.id}/confirm`, {});
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json<Problem>().code).toBe('SCHEDULE.HOLD_EXPIRED');
    const again = await post(`/api/appointments/${fresh.id}/reschedule`, {
      startsAt: at('04', '13:00'),
      reason: 'Later still',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('SCHEDULE.HOLD_EXPIRED');
    expect(await mailOf(2)).toEqual([]);
  });
});
