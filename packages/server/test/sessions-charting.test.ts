/**
 * Charting a session: readings from a monitoring device (its token, malformed, out-of-order and
 * duplicate readings) and amendments that keep the original in an immutable record.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { as, countRows, DRIVERS, type Session, type TestApp } from './harness';
import { useSessions, type Problem, type SessionBody } from './session-fixtures';

describe.each(DRIVERS)('sessions: charting on %s', (driver) => {
  const fixture = useSessions(driver);
  const { started } = fixture;
  let t: TestApp;
  let nurse: Session;
  let admin: Session;
  beforeAll(() => {
    ({ t, nurse, admin } = fixture);
  });

  test('device readings: bad token 401, malformed 400 naming each field, out of order or duplicate 409 with nothing lost', async () => {
    const id = await started();
    // Readings from the check-in on (a reading before it is refused), none in the future.
    const checkedInAt = t.clock.now().getTime();
    const since = (minutes: number) => new Date(checkedInAt + minutes * 60_000).toISOString();
    t.clock.advanceMinutes(5);
    expect((await as(t.app, nurse)('POST', '/api/devices', { name: 'Monitor 1' })).statusCode).toBe(
      403,
    );
    const created = await as(t.app, admin)('POST', '/api/devices', { name: 'Monitor 1' });
    expect(created.statusCode).toBe(201);
    const device = created.json<{ id: string; token: string }>();
    const stored = await t.database.query(`select token_hash from monitor_devices where id = $1`, [
      device.id,
    ]);
    expect(stored[0]?.token_hash).not.toBe(device.token);
    const post = (token: string, readings: unknown[]) =>
      t.app.inject({
        method: 'POST',
        url: '/api/devices/readings',
        headers: { authorization: `Bearer ${token}` },
        payload: { sessionId: id, deviceId: device.id, readings },
      });

    expect((await post('kfd_wrong', [{ takenAt: since(1), heartRate: 70 }])).statusCode).toBe(401);
    const noHeader = await t.app.inject({
      method: 'POST',
      url: '/api/devices/readings',
      payload: {
        sessionId: id,
        deviceId: device.id,
        readings: [{ takenAt: since(1), heartRate: 70 }],
      },
    });
    expect(noHeader.json<Problem>().code).toBe('DEVICE.TOKEN_INVALID');

    const ok = await post(device.token, [
      { takenAt: since(2), heartRate: 80, spo2: 97 },
      { takenAt: since(1), heartRate: 78, spo2: 98 },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    // The monitor is told what it charted, and nothing about the patient.
    expect(ok.json()).toEqual({
      sessionId: id,
      state: 'in-progress',
      charted: 2,
      alertsRaised: 0,
      openAlertCount: 0,
      nextReadingDueAt: expect.any(String) as unknown,
    });
    const before = (await as(t.app, nurse)('GET', `/api/sessions/${id}`)).json<SessionBody>()
      .readings;
    expect(before.map((r) => r.source)).toEqual(['device', 'device']);
    const events = await countRows(t, 'session_events');

    const malformed = await post(device.token, [
      { takenAt: since(3), heartRate: 80 },
      { takenAt: 'yesterday', spo2: 140, pulse: 3 },
    ]);
    expect(malformed.statusCode).toBe(400);
    expect(
      malformed
        .json<Problem>()
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['body.readings[1].pulse', 'body.readings[1].spo2', 'body.readings[1].takenAt']);

    const beforeCheckIn = await post(device.token, [{ takenAt: since(-60), heartRate: 70 }]);
    expect(beforeCheckIn.statusCode).toBe(400);
    expect(beforeCheckIn.json<Problem>().errors?.map((e) => e.path)).toEqual([
      'body.readings[0].takenAt',
    ]);

    const outOfOrder = await post(device.token, [
      { takenAt: since(3), heartRate: 82 },
      { takenAt: since(1.5), heartRate: 200 },
    ]);
    expect(outOfOrder.statusCode).toBe(409);
    expect(outOfOrder.json<Problem>()).toMatchObject({
      code: 'DEVICE.READING_OUT_OF_ORDER',
      errors: [{ path: 'body.readings[1].takenAt' }],
    });
    const duplicate = await post(device.token, [{ takenAt: since(2), heartRate: 60 }]);
    expect(duplicate.json<Problem>().code).toBe('DEVICE.READING_DUPLICATE');

    expect(await countRows(t, 'session_events')).toBe(events);
    const after = (await as(t.app, nurse)('GET', `/api/sessions/${id}`)).json<SessionBody>()
      .readings;
    expect(after).toEqual(before);
  });

  test('amendments keep the original, and signed events cannot be changed in the database', async () => {
    const n = as(t.app, nurse);
    const id = await started();
    const charted = await n('POST', `/api/sessions/${id}/readings`, {
      takenAt: t.clock.now().toISOString(),
      systolicMmHg: 210,
      diastolicMmHg: 90,
    });
    const reading = charted.json<SessionBody>().readings[0];
    const amended = await n('POST', `/api/sessions/${id}/amendments`, {
      target: 'reading',
      targetId: reading?.id,
      field: 'systolicMmHg',
      value: 120,
      reason: 'Typed 210 for 120',
    });
    expect(amended.statusCode, amended.body).toBe(200);
    const s = amended.json<SessionBody>();
    expect(s.readings[0]).toMatchObject({ systolicMmHg: 120, amended: true });
    expect(s.amendments).toEqual([
      expect.objectContaining({
        field: 'systolicMmHg',
        original: 210,
        value: 120,
        reason: 'Typed 210 for 120',
      }),
    ]);
    const raw = await t.database.query(`select payload from session_events where id = $1`, [
      reading?.id,
    ]);
    expect((raw[0]?.payload as { systolicMmHg: number }).systolicMmHg).toBe(210);
    await expect(
      t.database.query(`update session_events set payload = '{}' where id = $1`, [reading?.id]),
    ).rejects.toThrow(/immutable/);
    await expect(
      t.database.query(`delete from session_events where id = $1`, [reading?.id]),
    ).rejects.toThrow(/immutable/);
    const bad = await n('POST', `/api/sessions/${id}/amendments`, {
      target: 'reading',
      targetId: reading?.id,
      field: 'colour',
      value: 1,
      reason: 'x',
    });
    expect(bad.json<Problem>().errors?.[0]?.path).toBe('body.field');
  });
});
