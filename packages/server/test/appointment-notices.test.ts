import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runDueJobs } from '../src/lib/jobs';
import { createMailer } from '../src/lib/mailer';
import {
  appointmentNoticeHandlers,
  CANCELLATION_JOB,
  CONFIRMATION_JOB,
  REMINDER_JOB,
} from '../src/notifications/appointment-notices';
import { sweepScheduling } from '../src/routes/appointments/holds';
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
      patients: 9,
      timeZone: 'America/Los_Angeles',
    });
    // Patients 0-4 and 6-8 have an e-mail on record; patient 5 has none.
    for (const [n, id] of clinic.patientIds.entries())
      if (n !== 5)
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
  const mailTo = (address: string) =>
    t.database.query('select subject, body from outbox where to_address = $1 order by created_at', [
      address,
    ]);

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

    // The patient hears once, of the new time and of the old one it replaces; no cancellation.
    const run = await runDueJobs(t.database.db, worker(), t.clock.now());
    expect(run.failed).toBe(0);
    const mail = await mailTo('notice2@example.org');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe(
      'KetaFlow Demo Clinic: your ketamine infusion is moved from Thursday March 5, 2026 at 10:00 (PST) to Thursday March 5, 2026 at 13:00 (PST)',
    );
    expect(mail[0]?.body).toContain(
      'Your ketamine infusion has been moved from Thursday March 5, 2026 at 10:00 (PST) to Thursday March 5, 2026 at 13:00 (PST).',
    );
    expect(mail[0]?.body).toContain('please do not come then');
    expect(mail[0]?.body).toContain(`/api/me/appointments/${fresh.id}/calendar.ics`);
  });

  test('a time moved twice before its confirmation went out is reported from the time before', async () => {
    const run = async () => {
      expect((await runDueJobs(t.database.db, worker(), t.clock.now())).failed).toBe(0);
    };
    const move = async (id: string, day: string, local: string) => {
      const r = await post(`/api/appointments/${id}/reschedule`, {
        startsAt: at(day, local),
        reason: 'Patient asked',
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json<Appointment>().id;
    };
    const sent = async () => (await mailTo('notice2@example.org')).length;
    const subjectsSince = async (n: number) =>
      (await mailTo('notice2@example.org')).slice(n).map((m) => String(m.subject));

    // (`at` writes PST offsets; after the switch to PDT on March 8 they read an hour later.)
    // Confirmed at 11:00, then moved to 12:00 and to 13:00 before the worker ran: one message,
    // from 11:00 (in writing) to 13:00; 12:00 is never mentioned.
    const first = await post('/api/appointments', infusion(2, at('09', '10:00')));
    expect(first.statusCode, first.body).toBe(201);
    await run();
    const before = await sent();
    await move(await move(first.json<Appointment>().id, '09', '11:00'), '09', '12:00');
    await run();
    const moved = (await mailTo('notice2@example.org')).slice(before);
    expect(moved.map((m) => String(m.body)).join('\n')).not.toContain('12:00');
    expect(await subjectsSince(before)).toEqual([
      'KetaFlow Demo Clinic: your ketamine infusion is moved from Monday March 9, 2026 at 11:00 (PDT) to Monday March 9, 2026 at 13:00 (PDT)',
    ]);

    // Booked at 13:00 and moved twice before anything went out: from 13:00, the time first
    // booked, to 15:00.
    const second = await post('/api/appointments', infusion(2, at('12', '12:00')));
    expect(second.statusCode, second.body).toBe(201);
    const after = await sent();
    await move(await move(second.json<Appointment>().id, '12', '13:00'), '12', '14:00');
    await run();
    const mail = await subjectsSince(after);
    expect(mail).toEqual([
      'KetaFlow Demo Clinic: your ketamine infusion is moved from Thursday March 12, 2026 at 13:00 (PDT) to Thursday March 12, 2026 at 15:00 (PDT)',
    ]);
    const bodies = (await mailTo('notice2@example.org')).slice(after).map((m) => String(m.body));
    expect([...mail, ...bodies].join('\n')).not.toContain('14:00');
  });

  test('cancelling removes the pending confirmation and reminder and tells the patient, once', async () => {
    const booked = (
      await post('/api/appointments', infusion(3, at('06', '10:00')))
    ).json<Appointment>();
    expect(await jobsOf(booked.id)).toHaveLength(2);
    const cancel = await post(
      `/api/appointments/${booked.id}/cancel`,
      { reason: 'Unwell' },
      'notice-cancel-1',
    );
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(await jobsOf(booked.id)).toEqual([
      { kind: CANCELLATION_JOB, status: 'pending', runAt: t.clock.now().toISOString() },
    ]);
    const run = await runDueJobs(t.database.db, worker(), t.clock.now());
    expect(run.failed).toBe(0);

    // A replay of the same request, and a later run, send nothing more.
    const replay = await post(
      `/api/appointments/${booked.id}/cancel`,
      { reason: 'Unwell' },
      'notice-cancel-1',
    );
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await runDueJobs(t.database.db, worker(), t.clock.now())).toMatchObject({ failed: 0 });
    expect((await jobsOf(booked.id)).map((j) => `${j.kind}:${j.status}`)).toEqual([
      `${CANCELLATION_JOB}:done`,
    ]);

    const mail = await mailTo('notice3@example.org');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe(
      'KetaFlow Demo Clinic: your ketamine infusion on Friday March 6, 2026 at 10:00 (PST) is cancelled',
    );
    expect(mail[0]?.body).toContain(
      'Your ketamine infusion on Friday March 6, 2026 at 10:00 (PST) has been cancelled.',
    );
    expect(mail[0]?.body).toContain('You do not need to come');
    expect(mail[0]?.body).toContain('log in to the patient portal or call the clinic');
    // The reason (free text from staff or the patient) is not repeated in the message.
    expect(mail[0]?.body).not.toContain('Unwell');
  });

  test('a cancelled time booked again by the time the worker runs is not reported cancelled', async () => {
    const first = (
      await post('/api/appointments', infusion(8, at('06', '14:00')))
    ).json<Appointment>();
    const cancel = await post(`/api/appointments/${first.id}/cancel`, { reason: 'Mistake' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const again = await post('/api/appointments', infusion(8, at('06', '14:00')));
    expect(again.statusCode, again.body).toBe(201);
    expect(await runDueJobs(t.database.db, worker(), t.clock.now())).toMatchObject({ failed: 0 });
    const mail = await mailTo('notice8@example.org');
    expect(mail.map((m) => m.subject)).toEqual([
      'KetaFlow Demo Clinic: your ketamine infusion is booked for Friday March 6, 2026 at 14:00 (PST)',
    ]);
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

    // Both cancelled: the cancellation without an address completes silently, the other is sent.
    for (const a of [silent, heard])
      expect(
        (await post(`/api/appointments/${a.id}/cancel`, { reason: 'Closed' })).statusCode,
      ).toBe(200);
    expect(await runDueJobs(t.database.db, worker(), t.clock.now())).toMatchObject({
      failed: 0,
      retried: 0,
    });
    expect((await jobsOf(silent.id)).map((j) => `${j.kind}:${j.status}`)).toEqual([
      `${CANCELLATION_JOB}:done`,
      `${CONFIRMATION_JOB}:done`,
    ]);
    expect(
      await t.database.query('select 1 from outbox where body like $1', [
        `%/api/me/appointments/${silent.id}/%`,
      ]),
    ).toEqual([]);
    expect((await mailTo('notice4@example.org')).map((m) => m.subject)).toEqual([
      'KetaFlow Demo Clinic: your ketamine infusion is booked for Tuesday March 3, 2026 at 13:00 (PST)',
      'KetaFlow Demo Clinic: your ketamine infusion on Tuesday March 3, 2026 at 13:00 (PST) is cancelled',
    ]);
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
    // And no message about it: no cancellation is queued for a no-show.
    expect(await runDueJobs(t.database.db, worker(), t.clock.now())).toMatchObject({ failed: 0 });
    expect(await mailTo('notice6@example.org')).toEqual([]);
  });

  test('a hold that expires or is let go sends nothing', async () => {
    nurse = await login(t.app, DEMO.nurse);
    const lapse = await post('/api/appointments/holds', infusion(7, at('04', '14:00')));
    expect(lapse.statusCode, lapse.body).toBe(201);
    const dropped = await post('/api/appointments/holds', infusion(7, at('09', '10:00')));
    expect(dropped.statusCode, dropped.body).toBe(201);
    const droppedId = dropped.json<Appointment>().id;
    const cancel = await post(`/api/appointments/${droppedId}/cancel`, { reason: 'Not needed' });
    expect(cancel.statusCode, cancel.body).toBe(200);

    t.clock.advanceMinutes(t.knowledge.kb.scheduling.holdExpiryMinutes + 1);
    expect((await sweepScheduling(t.database.db, t.clock.now())).holdsReleased).toBe(1);
    const [row] = await t.database.query('select status from appointments where id = $1', [
      lapse.json<Appointment>().id,
    ]);
    expect(row?.status).toBe('cancelled');
    expect(await jobsOf(lapse.json<Appointment>().id)).toEqual([]);
    expect(await jobsOf(droppedId)).toEqual([]);
    expect(await runDueJobs(t.database.db, worker(), t.clock.now())).toMatchObject({ failed: 0 });
    expect(await mailTo('notice7@example.org')).toEqual([]);
  });
});
