import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenClinic, partialRows, type BookingClinic } from './appointment-fixtures';
import {
  createPeerApp,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  type Session,
  type TestApp,
} from './harness';

/**
 * The "Done when": 50 simultaneous booking requests for 5 free slots give exactly 5
 * bookings and 45 clean 409s, with no partial rows. On PostgreSQL the requests are spread over two
 * server instances (two apps, two connection pools, one database); on PGlite, one process.
 */
describe.each(DRIVERS)('concurrent booking on %s', (driver) => {
  let first: TestApp;
  let second: TestApp | undefined;
  let instances: { app: FastifyInstance; session: Session }[];
  let clinic: BookingClinic;

  beforeAll(async () => {
    first = await createTestApp(driver);
    second = driver === 'postgres' ? await createPeerApp(first) : undefined;
    // One chair open 09:00-14:00: five one-hour slots on the hour, and nothing else.
    clinic = await givenClinic(first, {
      chairs: 1,
      nurses: 1,
      prescribers: 1,
      patients: 50,
      opens: '09:00',
      closes: '14:00',
    });
    const apps = second ? [first.app, second.app] : [first.app];
    instances = await Promise.all(
      apps.map(async (app) => ({ app, session: await login(app, DEMO.nurse) })),
    );
  });
  afterAll(async () => {
    await second?.close();
    await first.close();
  });

  test('50 simultaneous requests for 5 free slots: 5 bookings, 45 clean 409s, no partial rows', async () => {
    const hours = ['09', '10', '11', '12', '13'];
    const requests = clinic.patientIds.map((patientId, i) => {
      const { app, session } = instances[i % instances.length]!;
      return app.inject({
        method: 'POST',
        url: '/api/appointments',
        payload: {
          patientId,
          type: 'infusion',
          startsAt: `2026-03-03T${hours[i % hours.length]!}:00:00-05:00`,
          locationId: clinic.locationId,
          durationMinutes: 60,
        },
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrfToken,
          // Half of them with an Idempotency-Key: the key row commits with the booking or not at all.
          ...(i % 2 === 0 ? { 'idempotency-key': `concurrent-${String(i)}` } : {}),
        },
      });
    });
    const responses = await Promise.all(requests);

    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(45);
    const conflicts = responses.filter((r) => r.statusCode === 409);
    for (const r of conflicts) {
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json<{ code: string }>().code).toBe('SCHEDULE.SLOT_TAKEN');
    }
    // Each hour went to exactly one request.
    const starts = responses
      .filter((r) => r.statusCode === 201)
      .map((r) => r.json<{ startsAt: string }>().startsAt)
      .sort();
    expect(starts).toEqual([
      '2026-03-03T14:00:00.000Z',
      '2026-03-03T15:00:00.000Z',
      '2026-03-03T16:00:00.000Z',
      '2026-03-03T17:00:00.000Z',
      '2026-03-03T18:00:00.000Z',
    ]);

    const [booked] = await first.database.query(
      `select count(*)::int as n from appointments where location_id = $1`,
      [clinic.locationId],
    );
    expect(booked?.n).toBe(5);
    const [resources] = await first.database.query(
      `select count(*)::int as n from appointment_resources r
         join appointments a on a.id = r.appointment_id
        where a.location_id = $1 and r.active`,
      [clinic.locationId],
    );
    // A chair and a nurse lane each.
    expect(resources?.n).toBe(10);
    expect(await partialRows(first)).toEqual({ bare: 0, orphans: 0 });
    // Every keyed request stored its answer (201 or 409) exactly once.
    const [keys] = await first.database.query(
      `select count(*)::int as n from idempotency_keys where key like 'concurrent-%'`,
    );
    expect(keys?.n).toBe(25);
  });
});
