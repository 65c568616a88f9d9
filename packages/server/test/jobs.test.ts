import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { appointments, jobs, locations, patients, users } from '../src/db/schema/index';
import { enqueueJob, retryDelayMs, runDueJobs, type JobHandlers } from '../src/lib/jobs';
import { createMailer } from '../src/lib/mailer';
import {
  appointmentNoticeHandlers,
  cancelAppointmentNotices,
  replaceAppointmentNotices,
  scheduleAppointmentNotices,
  syncAppointmentReminders,
} from '../src/notifications/appointment-notices';
import { createTestApp, DEMO, DRIVERS, type TestApp } from './harness';

const at = (iso: string) => new Date(iso);

describe.each(DRIVERS)('job queue on %s', (driver) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.database.query('delete from jobs');
    await t.database.query('delete from outbox');
  });

  test('a dedupe key keeps one job per purpose', async () => {
    const first = await enqueueJob(t.database.db, {
      kind: 'test.noop',
      runAt: at('2026-03-02T15:00:00Z'),
      payload: { n: 1 },
      dedupeKey: 'noop:1',
    });
    const second = await enqueueJob(t.database.db, {
      kind: 'test.noop',
      runAt: at('2026-03-02T16:00:00Z'),
      payload: { n: 2 },
      dedupeKey: 'noop:1',
    });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    const rows = await t.database.query('select payload from jobs');
    expect(rows).toEqual([{ payload: { n: 1 } }]);
  });

  test('two workers claiming the same due jobs run each exactly once', async () => {
    for (let i = 0; i < 30; i++)
      await enqueueJob(t.database.db, {
        kind: 'test.count',
        runAt: at('2026-03-02T14:00:00Z'),
        payload: { i },
        dedupeKey: `count:${String(i)}`,
      });
    const runs: number[] = [];
    const handlers: JobHandlers = {
      'test.count': async (job) => {
        // Yield so the other worker's claim can interleave with this one's work.
        await new Promise((resolve) => setImmediate(resolve));
        runs.push((job.payload as { i: number }).i);
      },
    };
    const now = at('2026-03-02T14:05:00Z');
    const [a, b] = await Promise.all([
      runDueJobs(t.database.db, handlers, now, { batchSize: 50 }),
      runDueJobs(t.database.db, handlers, now, { batchSize: 50 }),
    ]);
    expect(a.claimed + b.claimed).toBe(30);
    expect(runs.sort((x, y) => x - y)).toEqual([...Array(30).keys()]);
    const again = await runDueJobs(t.database.db, handlers, at('2026-03-03T14:05:00Z'));
    expect(again.claimed).toBe(0);
    const done = await t.database.query(
      `select count(*)::int as n from jobs where status = 'done'`,
    );
    expect(done[0]?.n).toBe(30);
  });

  test('a failing job is retried with back-off, then marked failed', async () => {
    await enqueueJob(t.database.db, {
      kind: 'test.fail',
      runAt: at('2026-03-02T14:00:00Z'),
      payload: {},
    });
    const handlers: JobHandlers = {
      'test.fail': () => Promise.reject(new Error('SMTP said no')),
    };
    let now = at('2026-03-02T14:00:00Z');
    const first = await runDueJobs(t.database.db, handlers, now, { maxAttempts: 3 });
    expect(first).toEqual({ claimed: 1, done: 0, retried: 1, failed: 0 });
    const [row] = await t.database.db.select().from(jobs);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'SMTP said no' });
    expect(row!.runAt.getTime() - now.getTime()).toBe(retryDelayMs(1));
    // Not due again before the back-off has passed.
    expect((await runDueJobs(t.database.db, handlers, now, { maxAttempts: 3 })).claimed).toBe(0);
    now = row!.runAt;
    expect(await runDueJobs(t.database.db, handlers, now, { maxAttempts: 3 })).toMatchObject({
      retried: 1,
    });
    const [second] = await t.database.db.select().from(jobs);
    expect(second!.runAt.getTime() - now.getTime()).toBe(retryDelayMs(2));
    expect(
      await runDueJobs(t.database.db, handlers, second!.runAt, { maxAttempts: 3 }),
    ).toMatchObject({ failed: 1 });
    const [last] = await t.database.db.select().from(jobs);
    expect(last).toMatchObject({ status: 'failed', attempts: 3 });
  });

  test('a job whose worker died is taken over after its lease; the old worker cannot finish it', async () => {
    await enqueueJob(t.database.db, {
      kind: 'test.slow',
      runAt: at('2026-03-02T14:00:00Z'),
      payload: {},
    });
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    let runs = 0;
    const stuck = new Promise<void>((resolve) => {
      release = resolve;
    });
    const firstStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const slow: JobHandlers = {
      'test.slow': async () => {
        runs++;
        if (runs > 1) return;
        started();
        await stuck;
      },
    };
    const lease = { leaseMs: 60_000 };
    const first = runDueJobs(t.database.db, slow, at('2026-03-02T14:00:00Z'), lease);
    // While the first worker holds the lease, nobody else takes the job.
    await firstStarted;
    const meanwhile = await runDueJobs(t.database.db, slow, at('2026-03-02T14:00:30Z'), lease);
    expect(meanwhile.claimed).toBe(0);
    const takeover = await runDueJobs(t.database.db, slow, at('2026-03-02T14:02:00Z'), lease);
    expect(takeover).toMatchObject({ claimed: 1, done: 1 });
    release();
    await first;
    const [row] = await t.database.db.select().from(jobs);
    expect(row).toMatchObject({ status: 'done', attempts: 2 });
    expect(row!.finishedAt).toEqual(at('2026-03-02T14:02:00Z'));
  });

  describe('appointment reminders', () => {
    let appointmentId: string;
    const mailer = () => createMailer(t.database.db, undefined, 'clinic@example.org');
    const handlers = () =>
      appointmentNoticeHandlers({
        db: t.database.db,
        mailer: mailer(),
        clinicName: 'KetaFlow Demo Clinic',
        publicUrl: 'https://clinic.example.org',
      });

    beforeAll(async () => {
      const db = t.database.db;
      const [location] = await db.select().from(locations).where(eq(locations.code, 'downtown'));
      const [patient] = await db.select().from(patients).limit(1);
      const [staff] = await db.select().from(users).where(eq(users.email, DEMO.nurse));
      const [row] = await db
        .insert(appointments)
        .values({
          patientId: patient!.id,
          type: 'infusion',
          status: 'booked',
          locationId: location!.id,
          // Monday after the end of daylight saving time (2026-11-01 02:00 EDT → 01:00 EST).
          startsAt: at('2026-11-02T14:00:00Z'),
          endsAt: at('2026-11-02T16:00:00Z'),
          createdBy: staff!.id,
        })
        .returning();
      appointmentId = row!.id;
    });

    test('a reminder queued in summer time for a winter-time appointment says 09:00 and runs 24 h before', async () => {
      const booked = at('2026-10-28T13:00:00Z'); // Wednesday 09:00 EDT
      await scheduleAppointmentNotices(
        t.database.db,
        { id: appointmentId, startsAt: at('2026-11-02T14:00:00Z') },
        booked,
        24,
      );
      const queued = await t.database.query(
        'select kind, dedupe_key, run_at from jobs order by run_at',
      );
      expect(queued.map((j) => [j.kind, j.dedupe_key, new Date(j.run_at as string)])).toEqual([
        ['appointment.confirmation', `confirmation:${appointmentId}`, booked],
        ['appointment.reminder', `reminder:${appointmentId}:24h`, at('2026-11-01T14:00:00Z')],
      ]);
      expect(await runDueJobs(t.database.db, handlers(), booked)).toMatchObject({ done: 1 });
      // One minute before the reminder's instant (09:00 EST on Sunday) nothing is due.
      const early = await runDueJobs(t.database.db, handlers(), at('2026-11-01T13:59:00Z'));
      expect(early.claimed).toBe(0);
      expect(await runDueJobs(t.database.db, handlers(), at('2026-11-01T14:00:00Z'))).toMatchObject(
        { done: 1 },
      );
      const sent = await t.database.query('select subject, body from outbox order by created_at');
      expect(sent).toHaveLength(2);
      const [confirmation, reminder] = sent as { subject: string; body: string }[];
      expect(confirmation!.subject).toContain('booked for Monday November 2, 2026 at 09:00 (EST)');
      expect(reminder!.subject).toContain('reminder');
      expect(reminder!.body).toContain('Monday November 2, 2026 at 09:00 (EST)');
      expect(reminder!.body).toContain('Downtown, 100 Main Street');
      expect(reminder!.body).toContain(
        `https://clinic.example.org/api/me/appointments/${appointmentId}/calendar.ics`,
      );
    });

    test('rescheduling replaces the reminders and cancelling removes them', async () => {
      const now = at('2026-10-20T12:00:00Z');
      await scheduleAppointmentNotices(
        t.database.db,
        { id: appointmentId, startsAt: at('2026-11-02T14:00:00Z') },
        now,
      );
      const moved = {
        id: '00000000-0000-4000-8000-00000000000a',
        startsAt: at('2026-11-03T15:00:00Z'),
      };
      await replaceAppointmentNotices(t.database.db, appointmentId, moved, now);
      const keys = await t.database.query('select dedupe_key from jobs order by dedupe_key');
      expect(keys.map((k) => k.dedupe_key)).toEqual([
        `confirmation:${moved.id}`,
        `reminder:${moved.id}:24h`,
      ]);
      await cancelAppointmentNotices(t.database.db, moved.id);
      expect(await t.database.query('select * from jobs')).toEqual([]);
    });

    test('appointments booked elsewhere get their reminder from the sync, once', async () => {
      const now = at('2026-10-20T12:00:00Z');
      const first = await syncAppointmentReminders(t.database.db, now);
      expect(first).toBeGreaterThanOrEqual(1);
      expect(await syncAppointmentReminders(t.database.db, now)).toBe(0);
      const rows = await t.database.query('select run_at from jobs where dedupe_key = $1', [
        `reminder:${appointmentId}:24h`,
      ]);
      expect(rows.map((r) => new Date(r.run_at as string))).toEqual([at('2026-11-01T14:00:00Z')]);
    });

    test('a reminder for an appointment cancelled since sends nothing', async () => {
      await scheduleAppointmentNotices(
        t.database.db,
        { id: appointmentId, startsAt: at('2026-11-02T14:00:00Z') },
        at('2026-10-20T12:00:00Z'),
      );
      await t.database.db
        .update(appointments)
        .set({ status: 'cancelled', cancelReason: 'patient unwell' })
        .where(eq(appointments.id, appointmentId));
      const run = await runDueJobs(t.database.db, handlers(), at('2026-11-01T14:00:00Z'));
      expect(run).toMatchObject({ claimed: 2, done: 2 });
      expect(await t.database.query('select * from outbox')).toEqual([]);
    });
  });
});
