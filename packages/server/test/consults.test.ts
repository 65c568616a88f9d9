import { applyClinicSettings, knowledgeBase } from '@ketaflow/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runDueJobs } from '../src/lib/jobs';
import { createMailer } from '../src/lib/mailer';
import { appointmentNoticeHandlers } from '../src/notifications/appointment-notices';
import { as, createTestApp, DEMO, DRIVERS, login, type Session, type TestApp } from './harness';

interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}
interface Slot {
  startsAt: string;
  endsAt: string;
  prescriber: { id: string; displayName: string };
}
interface Confirmation {
  appointment: { id: string; status: string; type: string; startsAt: string; videoUrl: string };
  videoUrl: string;
  calendarUrl: string;
}

describe.each(DRIVERS)('patient consult booking on %s', (driver) => {
  let t: TestApp;
  let patient: Session;
  let nurse: Session;
  let slots: Slot[];
  let booked: Confirmation;
  const api = (s: Session | null) => as(t.app, s);

  beforeAll(async () => {
    t = await createTestApp(driver);
    patient = await login(t.app, DEMO.patient);
    nurse = await login(t.app, DEMO.nurse);
  });
  afterAll(async () => {
    await t.close();
  });

  test('offered times are public, within the prescribers’ schedules, and need no chair', async () => {
    const response = await api(null)(
      'GET',
      '/api/public/consult-slots?from=2026-03-04T00:00:00Z&to=2026-03-05T00:00:00Z',
    );
    expect(response.statusCode, response.body).toBe(200);
    slots = response.json<{ items: Slot[] }>().items;
    expect(slots.length).toBeGreaterThan(0);
    // Demo prescribers work 08:00-18:00 New York time (13:00-23:00 UTC in March before DST).
    for (const s of slots) {
      expect(s.startsAt >= '2026-03-04T13:00').toBe(true);
      expect(s.endsAt <= '2026-03-04T23:00:00.000Z').toBe(true);
      expect(Date.parse(s.endsAt) - Date.parse(s.startsAt)).toBe(45 * 60_000);
    }
    for (const s of slots)
      expect(['Dr. Imani Cole', 'Dr. Rafael Ortiz']).toContain(s.prescriber.displayName);
    const bad = await api(null)('GET', '/api/public/consult-slots?from=yesterday');
    expect(bad.json<Problem>().errors?.map((e) => e.path)).toEqual(['query.from']);
  });

  test('a month of times is offered whole: the list is never cut off before the window ends', async () => {
    const response = await api(null)(
      'GET',
      '/api/public/consult-slots?from=2026-03-04T00:00:00Z&to=2026-04-04T00:00:00Z',
    );
    expect(response.statusCode, response.body).toBe(200);
    const month = response.json<{ items: Slot[] }>().items;
    // More than any fixed page size the list once had (500), and through the window's last
    // working day (Friday April 3, New York time).
    expect(month.length).toBeGreaterThan(500);
    expect(month.at(-1)!.startsAt.slice(0, 10)).toBe('2026-04-03');
    expect(new Set(month.map((s) => s.startsAt)).size).toBe(month.length);
  });

  test('a patient books a consult once per idempotency key, with the video link', async () => {
    const slot = slots[0]!;
    const body = {
      startsAt: slot.startsAt,
      prescriberId: slot.prescriber.id,
      idempotencyKey: 'consult-key-0001',
    };
    const first = await api(patient)('POST', '/api/me/consults', body);
    expect(first.statusCode, first.body).toBe(201);
    booked = first.json<Confirmation>();
    expect(booked.appointment).toMatchObject({
      type: 'consult-telemedicine',
      status: 'booked',
      startsAt: slot.startsAt,
    });
    const slug = slot.prescriber.displayName.includes('Cole') ? 'prescriber' : 'prescriber2';
    expect(booked.videoUrl).toBe(`https://video.ketaflow.test/${slug}/${booked.appointment.id}`);
    expect(booked.calendarUrl).toMatch(
      new RegExp(`/api/me/appointments/${booked.appointment.id}/calendar\\.ics$`),
    );
    const retry = await api(patient)('POST', '/api/me/consults', body);
    expect(retry.statusCode).toBe(201);
    expect(retry.json<Confirmation>().appointment.id).toBe(booked.appointment.id);
    const rows = await t.database.query(
      `select count(*)::int as n from appointments where type = 'consult-telemedicine'`,
    );
    expect(rows[0]?.n).toBe(1);
    const taken = await api(patient)('POST', '/api/me/consults', {
      ...body,
      idempotencyKey: 'consult-key-0002',
    });
    expect(taken.statusCode).toBeGreaterThanOrEqual(409);
  });

  test('the .ics file has the start in UTC and the video link; only its patient gets it', async () => {
    const response = await api(patient)(
      'GET',
      `/api/me/appointments/${booked.appointment.id}/calendar.ics`,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    const ics = response.body.replace(/\r\n[ \t]/g, '');
    const start = booked.appointment.startsAt.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`DTSTART:${start}`);
    expect(ics).toContain(`UID:${booked.appointment.id}@ketaflow`);
    expect(ics).toContain(booked.videoUrl);
    expect(ics).toContain('DTSTAMP:20260302T140000Z');
    const staff = await api(nurse)(
      'GET',
      `/api/me/appointments/${booked.appointment.id}/calendar.ics`,
    );
    expect(staff.statusCode).toBe(403);
    const other = await api(patient)(
      'GET',
      '/api/me/appointments/00000000-0000-4000-8000-000000000000/calendar.ics',
    );
    expect(other.statusCode).toBe(404);
  });

  test('the confirmation goes out through the job queue, with the link and the local time', async () => {
    const handlers = appointmentNoticeHandlers({
      db: t.database.db,
      mailer: createMailer(t.database.db, undefined, 'clinic@example.org'),
      clinicName: 'KetaFlow Demo Clinic',
      publicUrl: 'http://localhost:3000',
    });
    const run = await runDueJobs(t.database.db, handlers, t.clock.now());
    expect(run.done).toBeGreaterThanOrEqual(1);
    const mail = await t.database.query(
      `select to_address, subject, body from outbox where subject like '%video consultation%'`,
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]?.to_address).toBe('avery.lindqvist@example.org');
    expect(mail[0]?.body).toContain(booked.videoUrl);
    expect(mail[0]?.body).toMatch(/Wednesday March 4, 2026 at \d\d:\d\d \(EST\)/);
    const reminder = await t.database.query(`select run_at from jobs where dedupe_key = $1`, [
      `reminder:${booked.appointment.id}:24h`,
    ]);
    expect(new Date(reminder[0]?.run_at as string).getTime()).toBe(
      Date.parse(booked.appointment.startsAt) - 24 * 3_600_000,
    );
  });

  test('staff may not book through the patient endpoint; bad input names the field', async () => {
    const staff = await api(nurse)('POST', '/api/me/consults', {
      startsAt: slots[1]!.startsAt,
      prescriberId: slots[1]!.prescriber.id,
      idempotencyKey: 'consult-key-0003',
    });
    expect(staff.statusCode).toBe(403);
    const bad = await api(patient)('POST', '/api/me/consults', {
      startsAt: 'tomorrow',
      prescriberId: 'dr-cole',
    });
    expect(
      bad
        .json<Problem>()
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['body.idempotencyKey', 'body.prescriberId', 'body.startsAt']);
  });
});

describe('a prescriber away for years', () => {
  test('is offered no times and does not stop the clinic offering or booking consults', async () => {
    const t = await createTestApp('pglite');
    try {
      const admin = await login(t.app, DEMO.admin);
      const patient = await login(t.app, DEMO.patient);
      const day = '/api/public/consult-slots?from=2026-03-04T00:00:00Z&to=2026-03-05T00:00:00Z';
      const before = (await as(t.app, null)('GET', day)).json<{ items: Slot[] }>().items;
      const gone = before[0]!.prescriber;
      // A year no record can hold is refused, naming the field (it was accepted, then expanded
      // day by day to the year 9999 by every consult search, which failed with a 500).
      const absences = `/api/clinic/staff/${gone.id}/absences`;
      const never = await as(t.app, admin)('POST', absences, {
        startsAt: '2026-03-03T00:00:00Z',
        endsAt: '9999-12-31T23:59:59Z',
        reason: 'Long leave',
      });
      expect(never.statusCode).toBe(400);
      expect(never.json<Problem>().errors?.map((e) => e.path)).toEqual(['body.endsAt']);
      // The longest it can be: searches clip it to their own window.
      const away = await as(t.app, admin)('POST', absences, {
        startsAt: '2026-03-03T00:00:00Z',
        endsAt: '2999-12-31T23:59:59Z',
        reason: 'Long leave',
      });
      expect(away.statusCode, away.body).toBe(201);
      const after = await as(t.app, null)('GET', day);
      expect(after.statusCode, after.body).toBe(200);
      const offered = after.json<{ items: Slot[] }>().items;
      expect(offered.length).toBeGreaterThan(0);
      expect(offered.some((s) => s.prescriber.id === gone.id)).toBe(false);
      const booked = await as(t.app, patient)('POST', '/api/me/consults', {
        startsAt: offered[0]!.startsAt,
        prescriberId: offered[0]!.prescriber.id,
        idempotencyKey: 'consult-long-leave-1',
      });
      expect(booked.statusCode, booked.body).toBe(201);
    } finally {
      await t.close();
    }
  });
});

describe('reminder lead time as a clinic setting', () => {
  test('a clinic that reminds 48 h ahead gets its reminder 48 h before the consult', async () => {
    const applied = applyClinicSettings(knowledgeBase, { scheduling: { reminderLeadHours: 48 } });
    if (!applied.ok) throw new Error(JSON.stringify(applied.error));
    const kb = applied.value;
    const t = await createTestApp('pglite', {
      knowledge: { kb, clinicName: 'Test clinic', version: kb.knowledgeVersion },
    });
    try {
      const patient = await login(t.app, DEMO.patient);
      const slots = (
        await as(t.app, null)(
          'GET',
          '/api/public/consult-slots?from=2026-03-05T00:00:00Z&to=2026-03-06T00:00:00Z',
        )
      ).json<{ items: Slot[] }>().items;
      const slot = slots[0]!;
      const response = await as(t.app, patient)('POST', '/api/me/consults', {
        startsAt: slot.startsAt,
        prescriberId: slot.prescriber.id,
        idempotencyKey: 'lead-time-48',
      });
      expect(response.statusCode, response.body).toBe(201);
      const id = response.json<Confirmation>().appointment.id;
      const [job] = await t.database.query(`select run_at from jobs where dedupe_key = $1`, [
        `reminder:${id}:48h`,
      ]);
      expect(new Date(job?.run_at as string).getTime()).toBe(
        Date.parse(slot.startsAt) - 48 * 3_600_000,
      );
    } finally {
      await t.close();
    }
  });
});
