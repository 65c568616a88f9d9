/**
 * Scheduling through the API around daylight-saving changes and across zones. US 2026: summer
 * time starts Sun 8 March (02:00 EST → 03:00 EDT) and ends Sun 1 November (02:00 EDT → 01:00 EST),
 * so a local day there lasts 23 or 25 hours. America/Phoenix keeps MST (UTC-7) all year. The
 * server runs with TZ=UTC; the demo clinic is in New York.
 */
import { addLocalDays, localToMs, type ScheduleException } from '@ketaflow/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appointments, locations, users } from '../src/db/schema/index';
import { absenceToExceptions } from '../src/routes/appointments/clinic-state';
import { runDueJobs } from '../src/lib/jobs';
import { createMailer } from '../src/lib/mailer';
import { appointmentNoticeHandlers } from '../src/notifications/appointment-notices';
import { as, createTestApp, DEMO, DRIVERS, login, type Session, type TestApp } from './harness';

interface Slot {
  startsAt: string;
  endsAt: string;
  locationId: string | null;
}
interface Appointment {
  id: string;
  startsAt: string;
  endsAt: string;
}

const NEW_YORK = 'America/New_York';
const PHOENIX = 'America/Phoenix';

/** The instants that bound `days` local days from `date` in `zone`, as the web asks for them. */
function localDays(date: string, days: number, zone: string): { from: string; to: string } {
  return {
    from: new Date(localToMs(date, '00:00', zone)).toISOString(),
    to: new Date(localToMs(addLocalDays(date, days), '00:00', zone)).toISOString(),
  };
}

describe.each(DRIVERS)('daylight saving and time zones on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  let patient: Session;
  let patientId: string;
  let downtownId: string;
  let riversideId: string;
  const api = (s: Session | null) => as(t.app, s);

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    patient = await login(t.app, DEMO.patient);
    patientId = patient.user.patientId!;
    const db = t.database.db;
    const [downtown] = await db.select().from(locations).where(eq(locations.code, 'downtown'));
    const [riverside] = await db.select().from(locations).where(eq(locations.code, 'riverside'));
    downtownId = downtown!.id;
    riversideId = riverside!.id;
    // Riverside moves to Arizona: its hours and staff periods stay 08:00-18:00, now Phoenix time.
    await db.update(locations).set({ timeZone: PHOENIX }).where(eq(locations.id, riversideId));
  });
  afterAll(async () => {
    await t.close();
  });

  const slots = async (query: Record<string, string>) => {
    const response = await api(nurse)(
      'GET',
      `/api/appointments/slots?${new URLSearchParams({ limit: '500', ...query }).toString()}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: Slot[] }>().items;
  };

  test('a 31-day slot search across the autumn change (745 hours) is answered', async () => {
    // What the slot picker asks for with "31 days" from 15 October: one day is 25 hours long.
    const window = localDays('2026-10-15', 31, NEW_YORK);
    expect(Date.parse(window.to) - Date.parse(window.from)).toBe((31 * 24 + 1) * 3_600_000);
    const found = await slots({
      type: 'infusion',
      protocolId: 'depression',
      locationId: downtownId,
      ...window,
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((s) => s.startsAt >= window.from && s.startsAt < window.to)).toBe(true);
  });

  test('a 62-day appointment list across the autumn change is answered', async () => {
    const window = localDays('2026-09-30', 62, NEW_YORK);
    const response = await api(nurse)(
      'GET',
      `/api/appointments?${new URLSearchParams({ ...window, locationId: downtownId }).toString()}`,
    );
    expect(response.statusCode, response.body).toBe(200);
  });

  test('a Phoenix location opens at 08:00 MST on both sides of the US spring change', async () => {
    const firstAt = async (date: string) => {
      const found = await slots({
        type: 'infusion',
        protocolId: 'depression',
        locationId: riversideId,
        ...localDays(date, 1, PHOENIX),
      });
      return found[0]?.startsAt;
    };
    // Arizona keeps UTC-7: 08:00 is 15:00Z on Friday and on Monday, while New York moves.
    expect(await firstAt('2026-03-06')).toBe('2026-03-06T15:00:00.000Z');
    expect(await firstAt('2026-03-09')).toBe('2026-03-09T15:00:00.000Z');
  });

  test('a Phoenix booking after the US change is confirmed in MST, its .ics in UTC', async () => {
    const response = await api(nurse)('POST', '/api/appointments', {
      patientId,
      type: 'infusion',
      protocolId: 'depression',
      locationId: riversideId,
      startsAt: '2026-03-23T09:00:00-07:00',
    });
    expect(response.statusCode, response.body).toBe(201);
    const booked = response.json<Appointment>();
    expect(booked.startsAt).toBe('2026-03-23T16:00:00.000Z');
    const handlers = appointmentNoticeHandlers({
      db: t.database.db,
      mailer: createMailer(t.database.db, undefined, 'clinic@example.org'),
      clinicName: 'KetaFlow Demo Clinic',
      publicUrl: 'https://clinic.example.org',
    });
    await runDueJobs(t.database.db, handlers, t.clock.now());
    const [mail] = await t.database.query(
      `select subject, body from outbox where body like $1 order by created_at desc limit 1`,
      [`%${booked.id}%`],
    );
    // The clinic is in New York (EDT since 8 March), but the patient goes to Riverside.
    expect(mail?.subject).toContain('Monday March 23, 2026 at 09:00 (MST)');
    const ics = await api(patient)('GET', `/api/me/appointments/${booked.id}/calendar.ics`);
    expect(ics.statusCode, ics.body).toBe(200);
    expect(ics.body.replace(/\r\n[ \t]/g, '')).toContain('DTSTART:20260323T160000Z');
  });

  test('the 25-hour day lists both 01:30s once, and neither on the days either side', async () => {
    const db = t.database.db;
    const [staff] = await db.select().from(users).where(eq(users.email, DEMO.nurse));
    // 01:30 EDT (05:30Z) and, an hour later, 01:30 EST (06:30Z) on Sunday 1 November.
    const rows = await db
      .insert(appointments)
      .values(
        ['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', '2026-11-02T04:30:00Z'].map((at) => ({
          patientId,
          type: 'follow-up' as const,
          status: 'booked' as const,
          locationId: downtownId,
          startsAt: new Date(at),
          endsAt: new Date(Date.parse(at) + 30 * 60_000),
          createdBy: staff!.id,
        })),
      )
      .returning({ id: appointments.id });
    const ids = rows.map((r) => r.id);
    const listed = async (date: string) => {
      const response = await api(nurse)(
        'GET',
        `/api/appointments?${new URLSearchParams({ ...localDays(date, 1, NEW_YORK), locationId: downtownId }).toString()}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      return response
        .json<{ items: Appointment[] }>()
        .items.filter((a) => ids.includes(a.id))
        .map((a) => a.startsAt);
    };
    // The day runs from 04:00Z to 05:00Z the next morning; 23:30 EST on the 1st is 04:30Z.
    expect(await listed('2026-11-01')).toEqual([
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T06:30:00.000Z',
      '2026-11-02T04:30:00.000Z',
    ]);
    expect(await listed('2026-10-31')).toEqual([]);
    expect(await listed('2026-11-02')).toEqual([]);
  });
});

describe('absences on the fall-back night, read as local times', () => {
  /** The instants each absent period covers when core reads it back in `zone`. */
  const readBack = (exceptions: readonly ScheduleException[], zone: string) =>
    exceptions.map((e) => [
      localToMs(e.date, e.start ?? '00:00', zone),
      localToMs(e.date, e.end ?? '24:00', zone),
    ]);

  test.each([
    // from, to (UTC), the absent period core reads back; New York turns 02:00 EDT into 01:00 EST
    // at 06:00Z, so 01:00-01:59 happens twice and reads as the first (EDT) pass.
    [
      '2026-11-01T05:30:00Z',
      '2026-11-01T06:15:00Z',
      '2026-11-01T05:30:00Z',
      '2026-11-01T07:15:00Z',
    ], // 01:30 EDT to 01:15 EST
    [
      '2026-11-01T04:00:00Z',
      '2026-11-01T06:30:00Z',
      '2026-11-01T04:00:00Z',
      '2026-11-01T07:30:00Z',
    ], // 00:00 to 01:30 EST
    [
      '2026-11-01T05:00:00Z',
      '2026-11-01T05:45:00Z',
      '2026-11-01T05:00:00Z',
      '2026-11-01T05:45:00Z',
    ], // within the EDT pass: exact
    [
      '2026-11-01T13:00:00Z',
      '2026-11-01T17:00:00Z',
      '2026-11-01T13:00:00Z',
      '2026-11-01T17:00:00Z',
    ], // 08:00-12:00 EST: exact
  ])('absent %s to %s reads back as %s to %s, never shorter', (from, to, start, end) => {
    const exceptions = absenceToExceptions(new Date(from), new Date(to), NEW_YORK, 'on call');
    expect(readBack(exceptions, NEW_YORK)).toEqual([[Date.parse(start), Date.parse(end)]]);
  });
});
