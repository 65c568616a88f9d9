import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  as,
  countRows,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  T0,
  type Session,
  type TestApp,
} from './harness';
import { bookedAppointment, INFUSION_START, NORMAL, preCheckBody } from './session-fixtures';

interface Problem {
  code: string;
  errors?: { path: string; message: string; code?: string }[];
}
interface Reading {
  id: string;
  systolicMmHg: number | null;
  findings: { code: string; threshold: number; basis: string; sources: string[] }[];
  amended: boolean;
  source: string;
}
interface SessionBody {
  id: string;
  state: string;
  appointmentId: string;
  preCheck: {
    decision: string;
    reasons: { code: string; field: string }[];
    approval: unknown;
  } | null;
  dose: {
    dose: { value: number; unit: string };
    rate: { value: number } | null;
    devices: number | null;
  } | null;
  doseCalculationId: string | null;
  start: { vialLot: string; by: { displayName: string } } | null;
  readings: Reading[];
  alerts: {
    id: string;
    status: string;
    findings: { code: string }[];
    acknowledgement: { action: string; by: { id: string } } | null;
  }[];
  openAlertCount: number;
  nextReadingDueAt: string | null;
  adverseEvents: { type: string }[];
  discharge: { aldreteTotal: number; escortName: string } | null;
  amendments: { original: unknown; value: unknown; reason: string; field: string }[];
  dischargeReadiness: { ready: boolean; unmet: { code: string }[] };
  esketamine: {
    dosedAt: string | null;
    bp40Min: unknown;
    observationEndsAt: string | null;
    rems: {
      form: Record<string, unknown>;
      dueBy: string | null;
      dueDaysAfterSession: number;
      dueBasis: string;
      submittedAt: string | null;
    };
  } | null;
}

const ESKETAMINE_START = {
  dose: { product: 'esketamine-nasal', dose: { value: 56, unit: 'mg' } },
  vialLot: 'SPR-9',
  vialExpiry: '2027-01-31',
};
const GOOD_ALDRETE = {
  activity: 2,
  respiration: 2,
  circulation: 2,
  consciousness: 2,
  oxygenSaturation: 2,
};

function at(minutesFromT0: number): string {
  return new Date(T0.getTime() + minutesFromT0 * 60_000).toISOString();
}

describe.each(DRIVERS)('sessions on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  let prescriber: Session;
  let admin: Session;
  let patient: Session;
  let locationId: string;

  /** A new patient with a booked appointment today (the fixed clock's date). */
  async function appointment(
    type: 'infusion' | 'esketamine-session' | 'follow-up' = 'infusion',
    startsAt = at(15),
  ): Promise<string> {
    const booked = await bookedAppointment(t, {
      locationId,
      createdBy: nurse.user.id,
      startsAt,
      familyName: 'Session',
      type,
    });
    return booked.appointmentId;
  }

  async function checkIn(type: 'infusion' | 'esketamine-session' = 'infusion'): Promise<string> {
    const r = await as(t.app, nurse)(
      'POST',
      `/api/appointments/${await appointment(type)}/session`,
    );
    expect(r.statusCode, r.body).toBe(201);
    return r.json<SessionBody>().id;
  }

  async function started(type: 'infusion' | 'esketamine-session' = 'infusion'): Promise<string> {
    const id = await checkIn(type);
    const pre = await as(t.app, nurse)('POST', `/api/sessions/${id}/pre-check`, preCheckBody());
    expect(pre.json<SessionBody>().preCheck?.decision, pre.body).toBe('go');
    const start = await as(t.app, nurse)(
      'POST',
      `/api/sessions/${id}/start`,
      type === 'infusion' ? INFUSION_START : ESKETAMINE_START,
    );
    expect(start.statusCode, start.body).toBe(200);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    prescriber = await login(t.app, DEMO.prescriber);
    admin = await login(t.app, DEMO.admin);
    patient = await login(t.app, DEMO.patient);
    const [loc] = await t.database.query(`select id from locations where code = 'downtown'`);
    locationId = String(loc?.id);
  });
  afterAll(async () => {
    await t.close();
  });

  test('runs an infusion from check-in to discharge, with an out-of-range reading, its alert and its acknowledgement', async () => {
    const n = as(t.app, nurse);
    const apptId = await appointment('infusion');
    const created = await n('POST', `/api/appointments/${apptId}/session`);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<SessionBody>().id;
    expect(created.json<SessionBody>().state).toBe('checked-in');

    const pre = await n('POST', `/api/sessions/${id}/pre-check`, preCheckBody());
    expect(pre.statusCode, pre.body).toBe(200);
    expect(pre.json<SessionBody>()).toMatchObject({
      state: 'pre-check',
      preCheck: { decision: 'go', reasons: [] },
    });
    const pid = (
      await t.database.query(`select patient_id from appointments where id = $1`, [apptId])
    )[0]?.patient_id;
    expect(
      await t.database.query(`select weight_kg from patient_weights where patient_id = $1`, [pid]),
    ).toHaveLength(1);
    expect(
      await t.database.query(`select systolic_mm_hg from blood_pressures where patient_id = $1`, [
        pid,
      ]),
    ).toHaveLength(1);

    const start = await n('POST', `/api/sessions/${id}/start`, INFUSION_START);
    expect(start.statusCode, start.body).toBe(200);
    const s1 = start.json<SessionBody>();
    expect(s1.state).toBe('in-progress');
    expect(s1.dose?.dose).toEqual({ value: 35, unit: 'mg' });
    expect(s1.dose?.rate?.value).toBeGreaterThan(0);
    expect(s1.doseCalculationId).toMatch(/[0-9a-f-]{36}/);
    expect(s1.start?.vialLot).toBe('LOT-123');
    const calc = await t.database.query(`select purpose from dose_calculations where id = $1`, [
      s1.doseCalculationId,
    ]);
    expect(calc[0]?.purpose).toBe('administration');

    t.clock.advanceMinutes(10);
    const normal = await n('POST', `/api/sessions/${id}/readings`, {
      takenAt: t.clock.now().toISOString(),
      ...NORMAL,
    });
    expect(normal.statusCode, normal.body).toBe(200);
    expect(normal.json<SessionBody>().alerts).toHaveLength(0);
    // Usual interval from the knowledge base: 10 min during the infusion.
    expect(normal.json<SessionBody>().nextReadingDueAt).toBe(
      new Date(t.clock.now().getTime() + 10 * 60_000).toISOString(),
    );

    t.clock.advanceMinutes(10);
    const high = await n('POST', `/api/sessions/${id}/readings`, {
      takenAt: t.clock.now().toISOString(),
      systolicMmHg: 192,
      diastolicMmHg: 104,
      heartRate: 88,
    });
    const s2 = high.json<SessionBody>();
    expect(s2.readings.at(-1)?.findings).toEqual([
      expect.objectContaining({
        code: 'VITALS.SYSTOLIC_HIGH',
        threshold: 180,
        basis: 'sourced',
        sources: ['S65', 'S66'],
      }),
    ]);
    expect(s2.alerts).toHaveLength(1);
    expect(s2.openAlertCount).toBe(1);
    // Out of range: the next reading is due sooner (clinic setting, 5 min).
    expect(s2.nextReadingDueAt).toBe(new Date(t.clock.now().getTime() + 5 * 60_000).toISOString());

    const ae = await n('POST', `/api/sessions/${id}/adverse-events`, {
      type: 'hypertension',
      severity: 'moderate',
      actions: ['infusion slowed'],
    });
    expect(ae.json<SessionBody>().adverseEvents).toEqual([
      expect.objectContaining({ type: 'hypertension' }),
    ]);

    t.clock.advanceMinutes(20);
    expect((await n('POST', `/api/sessions/${id}/recovery`)).json<SessionBody>().state).toBe(
      'recovery',
    );

    // Recovery vitals are charted; the open alert is what still blocks discharge.
    t.clock.advanceMinutes(15);
    await n('POST', `/api/sessions/${id}/readings`, {
      takenAt: t.clock.now().toISOString(),
      ...NORMAL,
    });
    const refused = await n('POST', `/api/sessions/${id}/discharge`, {
      aldrete: GOOD_ALDRETE,
      escortName: 'Sam Session',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<Problem>()).toMatchObject({
      code: 'SESSION.DISCHARGE_CRITERIA_UNMET',
      errors: [expect.objectContaining({ code: 'DISCHARGE.OPEN_ALERTS' })],
    });

    const alertId = s2.alerts[0]?.id ?? '';
    const medMissing = await n('POST', `/api/sessions/${id}/alerts/${alertId}/acknowledge`, {
      action: 'medication-given',
      note: '',
    });
    expect(medMissing.json<Problem>().errors?.[0]?.path).toBe('body.medication');
    const ack = await n('POST', `/api/sessions/${id}/alerts/${alertId}/acknowledge`, {
      action: 'slow',
      note: 'Rate halved, BP rechecked in 5 min',
    });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json<SessionBody>().alerts[0]).toMatchObject({
      status: 'acknowledged',
      acknowledgement: { action: 'slow', by: { id: nurse.user.id } },
    });
    const twice = await n('POST', `/api/sessions/${id}/alerts/${alertId}/acknowledge`, {
      action: 'slow',
      note: '',
    });
    expect(twice.json<Problem>().code).toBe('SESSION.ALERT_CLOSED');

    const discharged = await n('POST', `/api/sessions/${id}/discharge`, {
      aldrete: GOOD_ALDRETE,
      escortName: 'Sam Session',
    });
    expect(discharged.statusCode, discharged.body).toBe(200);
    expect(discharged.json<SessionBody>()).toMatchObject({
      state: 'discharged',
      discharge: { aldreteTotal: 10, escortName: 'Sam Session' },
    });
    const appt = await t.database.query(`select status from appointments where id = $1`, [apptId]);
    expect(appt[0]?.status).toBe('completed');

    const record = await n('GET', `/api/sessions/${id}/record`);
    expect(record.statusCode).toBe(200);
    const body = record.json<{ session: SessionBody; knowledgeVersion: string }>();
    expect(body.session.readings).toHaveLength(3);
    expect(body.session.alerts[0]?.acknowledgement?.action).toBe('slow');
    expect(body.session.start?.by.displayName).toBeTruthy();

    const board = await n('GET', `/api/sessions?date=2026-03-02&locationId=${locationId}`);
    expect(board.json<{ items: { id: string; state: string }[] }>().items).toContainEqual(
      expect.objectContaining({ id, state: 'discharged' }),
    );
  });

  test('refuses discharge with every unmet criterion listed', async () => {
    const id = await started();
    await as(t.app, nurse)('POST', `/api/sessions/${id}/recovery`);
    await as(t.app, nurse)('POST', `/api/sessions/${id}/readings`, {
      takenAt: t.clock.now().toISOString(),
      ...NORMAL,
    });
    const r = await as(t.app, nurse)('POST', `/api/sessions/${id}/discharge`, {
      aldrete: { ...GOOD_ALDRETE, consciousness: 1, activity: 1 },
      escortName: ' ',
    });
    expect(r.statusCode).toBe(422);
    expect(r.json<Problem>().errors?.map((e) => e.code)).toEqual([
      'DISCHARGE.ALDRETE_TOO_LOW',
      'DISCHARGE.NO_ESCORT',
    ]);
    expect((await as(t.app, nurse)('GET', `/api/sessions/${id}`)).json<SessionBody>().state).toBe(
      'recovery',
    );
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

  test('an esketamine session cannot be discharged before 120 minutes after dosing nor without the 40-minute BP', async () => {
    const n = as(t.app, nurse);
    const id = await started('esketamine-session');
    const s = (await n('GET', `/api/sessions/${id}`)).json<SessionBody>();
    expect(s.dose?.devices).toBe(2);
    const dosedAt = new Date(s.esketamine?.dosedAt ?? '');
    expect(s.esketamine?.observationEndsAt).toBe(
      new Date(dosedAt.getTime() + 120 * 60_000).toISOString(),
    );
    // The knowledge base's default deadline: 7 days, a clinic setting (no source gives one).
    expect(s.esketamine?.rems).toMatchObject({
      dueBy: '2026-03-09',
      dueDaysAfterSession: 7,
      dueBasis: 'clinic-setting',
    });

    t.clock.advanceMinutes(125);
    await n('POST', `/api/sessions/${id}/recovery`);
    await n('POST', `/api/sessions/${id}/readings`, {
      takenAt: t.clock.now().toISOString(),
      heartRate: 70,
      spo2: 97,
    });
    const noBp = await n('POST', `/api/sessions/${id}/discharge`, {
      aldrete: GOOD_ALDRETE,
      escortName: 'Kim',
    });
    expect(noBp.json<Problem>().errors?.map((e) => [e.code, e.path])).toEqual([
      ['DISCHARGE.RECOVERY_VITAL_MISSING', 'readings.systolicMmHg'],
      ['DISCHARGE.RECOVERY_VITAL_MISSING', 'readings.diastolicMmHg'],
      ['DISCHARGE.BP_AFTER_DOSE_MISSING', 'esketamine.bp40Min'],
    ]);

    // A second session: BP at 40 min, discharge tried at 60 min, then at 120 min.
    const id2 = await started('esketamine-session');
    t.clock.advanceMinutes(40);
    const bp = await n('POST', `/api/sessions/${id2}/readings`, {
      takenAt: t.clock.now().toISOString(),
      systolicMmHg: 134,
      diastolicMmHg: 84,
    });
    expect(bp.json<SessionBody>().esketamine?.bp40Min).toMatchObject({ systolicMmHg: 134 });
    t.clock.advanceMinutes(20);
    await n('POST', `/api/sessions/${id2}/recovery`);
    await n('POST', `/api/sessions/${id2}/readings`, {
      takenAt: t.clock.now().toISOString(),
      ...NORMAL,
    });
    const early = await n('POST', `/api/sessions/${id2}/discharge`, {
      aldrete: GOOD_ALDRETE,
      escortName: 'Kim',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json<Problem>().errors?.map((e) => e.code)).toEqual([
      'DISCHARGE.OBSERVATION_TOO_SHORT',
    ]);
    t.clock.advanceMinutes(59);
    expect(
      (
        await n('POST', `/api/sessions/${id2}/discharge`, {
          aldrete: GOOD_ALDRETE,
          escortName: 'Kim',
        })
      ).statusCode,
    ).toBe(422);
    t.clock.advanceMinutes(1);
    const ok = await n('POST', `/api/sessions/${id2}/discharge`, {
      aldrete: GOOD_ALDRETE,
      escortName: 'Kim',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const rems = ok.json<SessionBody>().esketamine?.rems;
    expect(rems?.form).toMatchObject({
      doseMg: 56,
      devices: 2,
      bpAfterDose: { systolicMmHg: 134 },
    });
    const submitted = await n('POST', `/api/sessions/${id2}/rems-submitted`);
    expect(submitted.json<SessionBody>().esketamine?.rems.submittedAt).toBe(
      t.clock.now().toISOString(),
    );
    expect((await n('POST', `/api/sessions/${id2}/rems-submitted`)).statusCode).toBe(409);
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
