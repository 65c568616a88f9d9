/**
 * Starting a session: a pre-check that blocks the start or needs a prescriber, transitions refused
 * from the wrong state, appointments that cannot become a session, who may do what, and the audit.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { as, countRows, DRIVERS, type Session, type TestApp } from './harness';
import {
  at,
  GOOD_ALDRETE,
  INFUSION_START,
  NORMAL,
  preCheckBody,
  useSessions,
  type Problem,
  type SessionBody,
} from './session-fixtures';

describe.each(DRIVERS)('sessions: starting on %s', (driver) => {
  const fixture = useSessions(driver);
  const { appointment, checkIn, started } = fixture;
  let t: TestApp;
  let nurse: Session;
  let prescriber: Session;
  let admin: Session;
  let patient: Session;
  let locationId: string;
  beforeAll(() => {
    ({ t, nurse, prescriber, admin, patient, locationId } = fixture);
  });

  test('a do-not-start pre-check blocks the start; needs-prescriber needs a prescriber approval', async () => {
    const n = as(t.app, nurse);
    const id = await checkIn();
    const blocked = await n(
      'POST',
      `/api/sessions/${id}/pre-check`,
      preCheckBody({ ...NORMAL, systolicMmHg: 186 }),
    );
    expect(blocked.json<SessionBody>().preCheck).toMatchObject({
      decision: 'do-not-start',
      reasons: [
        expect.objectContaining({
          code: 'PRECHECK.BP_SYSTOLIC_ABOVE_HARD',
          field: 'vitals.systolicMmHg',
        }),
      ],
    });
    const refused = await n('POST', `/api/sessions/${id}/start`, INFUSION_START);
    expect(refused.json<Problem>().code).toBe('SESSION.PRECHECK_BLOCKED');
    // The day board reads the outcome from the list, so a blocked patient never looks cleared.
    const listed = async () =>
      (await n('GET', `/api/sessions?date=2026-03-02&locationId=${locationId}`))
        .json<{ items: { id: string }[] }>()
        .items.find((s) => s.id === id);
    expect(await listed()).toMatchObject({
      state: 'pre-check',
      preCheckDecision: 'do-not-start',
      preCheckApproved: false,
    });

    const { spo2: _missing, ...noSpo2 } = NORMAL;
    const again = await n('POST', `/api/sessions/${id}/pre-check`, preCheckBody(noSpo2));
    expect(again.json<SessionBody>().preCheck).toMatchObject({
      decision: 'needs-prescriber',
      reasons: [expect.objectContaining({ code: 'PRECHECK.VITAL_MISSING', field: 'vitals.spo2' })],
    });
    expect(await listed()).toMatchObject({
      preCheckDecision: 'needs-prescriber',
      preCheckApproved: false,
    });
    expect(
      (await n('POST', `/api/sessions/${id}/start`, INFUSION_START)).json<Problem>().code,
    ).toBe('SESSION.APPROVAL_REQUIRED');
    expect(
      (await n('POST', `/api/sessions/${id}/pre-check/approve`, { reason: 'ok' })).statusCode,
    ).toBe(403);
    const approved = await as(t.app, prescriber)('POST', `/api/sessions/${id}/pre-check/approve`, {
      reason: 'Probe failed; SpO2 checked by hand at 98 %',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await listed()).toMatchObject({
      preCheckDecision: 'needs-prescriber',
      preCheckApproved: true,
    });
    const expired = await n('POST', `/api/sessions/${id}/start`, {
      ...INFUSION_START,
      vialExpiry: '2026-03-01',
    });
    expect(expired.json<Problem>()).toMatchObject({
      code: 'SESSION.VIAL_EXPIRED',
      errors: [{ path: 'body.vialExpiry' }],
    });
    expect(
      (await n('POST', `/api/sessions/${id}/start`, INFUSION_START)).json<SessionBody>().state,
    ).toBe('in-progress');
  });

  test.each([
    ['start', 'checked-in', '/start', INFUSION_START],
    ['recovery', 'checked-in', '/recovery', undefined],
    ['a reading', 'checked-in', '/readings', { takenAt: at(0), heartRate: 70 }],
    ['discharge', 'in-progress', '/discharge', { aldrete: GOOD_ALDRETE, escortName: 'A' }],
    ['a pre-check', 'in-progress', '/pre-check', preCheckBody()],
    ['stop', 'discharged', '/stop', { reason: 'late' }],
    ['recovery', 'stopped', '/recovery', undefined],
    ['approval', 'in-progress', '/pre-check/approve', { reason: 'x' }],
  ] as const)('refuses %s from %s with 409', async (_what, state, path, body) => {
    const n = as(t.app, nurse);
    let id: string;
    if (state === 'checked-in') id = await checkIn();
    else {
      id = await started();
      if (state === 'discharged') {
        await n('POST', `/api/sessions/${id}/recovery`);
        await n('POST', `/api/sessions/${id}/readings`, {
          takenAt: t.clock.now().toISOString(),
          ...NORMAL,
        });
        await n('POST', `/api/sessions/${id}/discharge`, {
          aldrete: GOOD_ALDRETE,
          escortName: 'A',
        });
      }
      if (state === 'stopped')
        await n('POST', `/api/sessions/${id}/stop`, { reason: 'patient asked' });
    }
    const events = await countRows(t, 'session_events');
    const who = path === '/pre-check/approve' ? as(t.app, prescriber) : n;
    const r = await who('POST', `/api/sessions/${id}${path}`, body);
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json<Problem>().code).toBe('SESSION.TRANSITION_INVALID');
    expect(await countRows(t, 'session_events')).toBe(events);
  });

  test('refuses a session for an appointment that is not a booked infusion today', async () => {
    const n = as(t.app, nurse);
    const followUp = await n('POST', `/api/appointments/${await appointment('follow-up')}/session`);
    expect(followUp.json<Problem>().code).toBe('SESSION.APPOINTMENT_INVALID');
    const tomorrow = await n(
      'POST',
      `/api/appointments/${await appointment('infusion', at(24 * 60))}/session`,
    );
    expect(tomorrow.json<Problem>().code).toBe('SESSION.APPOINTMENT_INVALID');
    const appt = await appointment();
    expect((await n('POST', `/api/appointments/${appt}/session`)).statusCode).toBe(201);
    expect((await n('POST', `/api/appointments/${appt}/session`)).statusCode).toBe(409);
  });

  test('role matrix: nurses and prescribers write, admins read, patients and strangers are refused', async () => {
    const id = await checkIn();
    const reading = { takenAt: at(0), heartRate: 70 };
    expect((await as(t.app, null)('GET', `/api/sessions/${id}`)).statusCode).toBe(401);
    expect((await as(t.app, patient)('GET', `/api/sessions/${id}`)).statusCode).toBe(403);
    expect((await as(t.app, patient)('GET', '/api/sessions?date=2026-03-02')).statusCode).toBe(403);
    expect((await as(t.app, admin)('GET', `/api/sessions/${id}`)).statusCode).toBe(200);
    expect((await as(t.app, admin)('GET', `/api/sessions/${id}/record`)).statusCode).toBe(200);
    expect(
      (await as(t.app, admin)('POST', `/api/sessions/${id}/readings`, reading)).statusCode,
    ).toBe(403);
    expect(
      (await as(t.app, admin)('POST', `/api/sessions/${id}/pre-check`, preCheckBody())).statusCode,
    ).toBe(403);
    expect(
      (await as(t.app, patient)('POST', `/api/sessions/${id}/stop`, { reason: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await as(t.app, prescriber)('POST', `/api/appointments/${await appointment()}/session`))
        .statusCode,
    ).toBe(403);
    expect(
      (await as(t.app, prescriber)('POST', `/api/sessions/${id}/pre-check`, preCheckBody()))
        .statusCode,
    ).toBe(200);
  });

  test('audits every read and write of a session, refusals included', async () => {
    const id = await checkIn();
    await as(t.app, nurse)('GET', `/api/sessions/${id}`);
    await as(t.app, nurse)('POST', `/api/sessions/${id}/start`, INFUSION_START);
    await as(t.app, nurse)('POST', `/api/sessions/${id}/pre-check`, preCheckBody());
    const rows = await t.database.query(
      `select action, outcome, actor_user_id from audit_log where resource_id = $1 order by id`,
      [id],
    );
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ['patient.session.create', 'success'],
      ['patient.session.read', 'success'],
      ['patient.session.start-check', 'invalid'],
      ['patient.session.pre-check', 'success'],
    ]);
    expect(rows.every((r) => r.actor_user_id === nurse.user.id)).toBe(true);
  });
});
