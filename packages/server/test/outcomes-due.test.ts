/**
 * Which scales are due for a patient: a baseline first, then in the clinic's window before a
 * session or at the interval, with the next session's time zone.
 */
import { applyClinicSettings, knowledgeBase } from '@ketaflow/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { dueScales } from '../src/routes/outcomes/due';
import { givenPatientAccount } from './appointment-fixtures';
import { DRIVERS, T0, type Session, type TestApp } from './harness';
import { daysFromT0, useOutcomes } from './outcomes-fixtures';

describe.each(DRIVERS)('outcomes: due scales on %s', (driver) => {
  const fixture = useOutcomes(driver);
  const { api, one, givenCourse, paper } = fixture;
  let t: TestApp;
  let nurse: Session;
  beforeAll(() => {
    ({ t, nurse } = fixture);
  });

  test('due scales: a baseline first, then before a session within 72 hours, then at the interval', async () => {
    const patient = await givenPatientAccount(t);
    const patientId = patient.user.patientId!;
    await givenCourse(patientId, 'anxiety', [{ at: daysFromT0(2, 15), status: 'booked' }]);
    const due = async () =>
      (await api(patient)('GET', '/api/me/scales/due')).json<{
        items: { instrument: string; reason: string; definition: { items: unknown[] } }[];
      }>().items;
    expect(await due()).toMatchObject([{ instrument: 'gad-7', reason: 'baseline' }]);
    expect((await due())[0]!.definition.items).toHaveLength(7);
    const answers = Object.fromEntries(
      [0, 1, 0, 1, 0, 1, 0].map((s, i) => [`gad7-${String(i + 1)}`, s]),
    );
    // Filled in five days ago: the session in two days opens a new window.
    await paper(patientId, 'gad-7', answers, daysFromT0(-5));
    expect(await due()).toMatchObject([{ instrument: 'gad-7', reason: 'before-session' }]);
    await api(patient)('POST', '/api/me/scales', { instrument: 'gad-7', answers });
    expect(await due()).toEqual([]);
    // Between sessions: due again once the last one is scaleIntervalDays (7) old.
    const other = await givenPatientAccount(t);
    const otherId = other.user.patientId!;
    await givenCourse(otherId, 'anxiety', [{ at: daysFromT0(-9, 15), status: 'completed' }]);
    await paper(otherId, 'gad-7', answers, daysFromT0(-6));
    const dueFor = async (s: Session) =>
      (await api(s)('GET', '/api/me/scales/due')).json<{ items: { reason: string }[] }>().items;
    expect(await dueFor(other)).toEqual([]);
    await paper(otherId, 'gad-7', answers, daysFromT0(-8));
    expect(await dueFor(other)).toEqual([]);
    await t.database.query(
      `update scale_responses set completed_at = completed_at - interval '1 day' where patient_id = $1`,
      [otherId],
    );
    expect(await dueFor(other)).toMatchObject([{ reason: 'interval' }]);
    expect((await api(nurse)('GET', '/api/me/scales/due')).statusCode).toBe(403);
  });

  test('due scales: the window before a session follows the clinic setting, not a fixed 72 hours', async () => {
    const applied = applyClinicSettings(knowledgeBase, { outcomes: { preSessionWindowHours: 24 } });
    if (!applied.ok) throw new Error(JSON.stringify(applied.error));
    const patient = await givenPatientAccount(t);
    const patientId = patient.user.patientId!;
    await givenCourse(patientId, 'anxiety', [{ at: daysFromT0(2), status: 'booked' }]);
    const answers = Object.fromEntries(
      [0, 1, 0, 1, 0, 1, 0].map((s, i) => [`gad7-${String(i + 1)}`, s]),
    );
    await paper(patientId, 'gad-7', answers, daysFromT0(-5));
    const reasons = async (kb: typeof knowledgeBase, now: Date) =>
      (await dueScales(t.database.db, kb, patientId, now)).map((i) => i.reason);
    // The session is 48 h away: inside the default 72 h window, outside the clinic's 24 h.
    expect(await reasons(knowledgeBase, T0)).toEqual(['before-session']);
    expect(await reasons(applied.value, T0)).toEqual([]);
    // 20 h before the session the clinic's window has opened too.
    expect(await reasons(applied.value, daysFromT0(1, 18))).toEqual(['before-session']);
  });

  test("due scales: the next session names its location's time zone, null when it has no location", async () => {
    const [clinic] = await t.database.query('select id from clinics limit 1');
    // A location keeping another zone than the clinic's (New York in the demo).
    const westId = await one(
      `insert into locations (clinic_id, code, name, time_zone) values ($1, $2, 'West site', 'America/Los_Angeles') returning id`,
      [clinic?.id, `west-${Math.random().toString(36).slice(2, 8)}`],
    );
    type Due = { nextSessionAt: string | null; nextSessionTimeZone: string | null };
    const dueFor = async (s: Session) =>
      (await api(s)('GET', '/api/me/scales/due')).json<{ items: Due[] }>().items;

    const west = await givenPatientAccount(t);
    const at = daysFromT0(2, 15);
    await givenCourse(west.user.patientId!, 'anxiety', [
      { at, status: 'booked', locationId: westId },
    ]);
    expect(await dueFor(west)).toMatchObject([
      { nextSessionAt: at.toISOString(), nextSessionTimeZone: 'America/Los_Angeles' },
    ]);

    // No location to name a zone: null, and the portal falls back to the clinic's.
    const nowhere = await givenPatientAccount(t);
    await givenCourse(nowhere.user.patientId!, 'anxiety', [
      { at, status: 'booked', locationId: null },
    ]);
    expect(await dueFor(nowhere)).toMatchObject([
      { nextSessionAt: at.toISOString(), nextSessionTimeZone: null },
    ]);

    // No next session at all: null too.
    const none = await givenPatientAccount(t);
    await givenCourse(none.user.patientId!, 'anxiety', []);
    expect(await dueFor(none)).toMatchObject([{ nextSessionAt: null, nextSessionTimeZone: null }]);

    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(JSON.stringify(doc.paths['/api/me/scales/due'])).toContain('"nextSessionTimeZone"');
  });
});
