/**
 * The demo clinic a newcomer starts (`npm start`) has a working day today, whatever the day and
 * the hour: Downtown opens at weekends too, and today's treatments are booked so a nurse can
 * check one in and chart it (check-in takes only today's appointments).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { as, createTestApp, DEMO, login, type TestApp } from './harness';

interface Appointment {
  readonly id: string;
  readonly type: string;
  readonly status: string;
  readonly startsAt: string;
  readonly locationId: string | null;
  readonly chair: { name: string } | null;
  readonly nurse: { name: string } | null;
}

const ZONE = 'America/New_York';
const localDate = (at: Date) => at.toLocaleDateString('en-CA', { timeZone: ZONE });
const localTime = (at: Date) =>
  at.toLocaleTimeString('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });

/** Moments the demo may start: a Saturday morning, a Sunday late evening, a Wednesday at 23:30. */
const STARTS = [
  { when: 'a Saturday at 10:00', start: new Date('2026-03-07T15:00:00Z') },
  { when: 'a Sunday at 23:30', start: new Date('2026-03-09T03:30:00Z') },
  { when: 'a Wednesday at 23:30', start: new Date('2026-03-12T03:30:00Z') },
];

describe('the demo clinic today', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  test.each(STARTS)(
    'started on $when, today has treatments a nurse can check in',
    async ({ start }) => {
      t = await createTestApp('pglite', { now: start });
      const nurse = await login(t.app, DEMO.nurse);
      const today = localDate(start);
      const [downtown] = await t.database.query("select id from locations where code = 'downtown'");
      expect(downtown).toBeDefined();
      const from = new Date(start.getTime() - 36 * 3_600_000).toISOString();
      const to = new Date(start.getTime() + 36 * 3_600_000).toISOString();
      const listed = await as(t.app, nurse)(
        'GET',
        `/api/appointments?locationId=${String(downtown!.id)}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      );
      expect(listed.statusCode, listed.body).toBe(200);
      const todays = listed
        .json<{ items: Appointment[] }>()
        .items.filter((a) => localDate(new Date(a.startsAt)) === today);
      expect(todays.map((a) => [localTime(new Date(a.startsAt)), a.type, a.status])).toEqual([
        ['09:00', 'infusion', 'booked'],
        ['10:30', 'esketamine-session', 'booked'],
        ['12:00', 'infusion', 'booked'],
      ]);
      expect(todays.every((a) => a.chair !== null && a.nurse !== null)).toBe(true);

      const first = todays[0]!;
      const checkedIn = await as(t.app, nurse)('POST', `/api/appointments/${first.id}/session`);
      expect(checkedIn.statusCode, checkedIn.body).toBe(201);
      const sessions = await as(t.app, nurse)(
        'GET',
        `/api/sessions?date=${today}&locationId=${String(downtown!.id)}`,
      );
      expect(sessions.json<{ items: { appointmentId: string }[] }>().items).toEqual([
        expect.objectContaining({ appointmentId: first.id }),
      ]);
    },
  );
});
