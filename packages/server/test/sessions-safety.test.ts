/**
 * Session safety edges: amendments that would corrupt the record or hide an out-of-range value,
 * discharge without recovery vitals, readings from before the session, racing check-ins, the
 * esketamine REMS form's adverse-effect fields, and the chair board's audit row.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { as, createTestApp, DEMO, DRIVERS, login, type Session, type TestApp } from './harness';
import {
  bookedAppointment,
  ESKETAMINE_START,
  GOOD_ALDRETE,
  INFUSION_START,
  NORMAL,
  preCheckBody,
} from './session-fixtures';

interface Problem {
  code: string;
  errors?: { path: string; message: string; code?: string }[];
}
interface SessionBody {
  id: string;
  state: string;
  readings: {
    id: string;
    spo2: number | null;
    findings: { code: string }[];
    amended: boolean;
  }[];
  alerts: { id: string; readingId: string; status: string; findings: { code: string }[] }[];
  openAlertCount: number;
  adverseEvents: { id: string; severity: string; type: string }[];
  dischargeReadiness: { ready: boolean; unmet: { code: string; field: string }[] };
  esketamine: { rems: { form: Record<string, unknown> } } | null;
}

describe.each(DRIVERS)('session safety on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  let nurse2: Session;
  let locationId: string;

  const appointment = (type: 'infusion' | 'esketamine-session' = 'infusion') =>
    bookedAppointment(t, {
      locationId,
      createdBy: nurse.user.id,
      startsAt: new Date(t.clock.now().getTime() + 15 * 60_000).toISOString(),
      familyName: 'Safety',
      type,
    });

  async function started(type: 'infusion' | 'esketamine-session' = 'infusion'): Promise<string> {
    const n = as(t.app, nurse);
    const { appointmentId } = await appointment(type);
    const created = await n('POST', `/api/appointments/${appointmentId}/session`);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<SessionBody>().id;
    const pre = await n('POST', `/api/sessions/${id}/pre-check`, preCheckBody());
    expect(pre.statusCode, pre.body).toBe(200);
    const start = await n(
      'POST',
      `/api/sessions/${id}/start`,
      type === 'infusion' ? INFUSION_START : ESKETAMINE_START,
    );
    expect(start.statusCode, start.body).toBe(200);
    return id;
  }

  const now = () => t.clock.now().toISOString();

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    nurse2 = await login(t.app, 'nurse2@demo.ketaflow.test');
    const [loc] = await t.database.query(`select id from locations where code = 'downtown'`);
    locationId = String(loc?.id);
  });
  afterAll(async () => {
    await t.close();
  });

  test('an amendment with a value the field cannot hold is refused (400 naming body.value) and the session stays readable', async () => {
    const n = as(t.app, nurse);
    const id = await started();
    const withAe = await n('POST', `/api/sessions/${id}/adverse-events`, {
      type: 'nausea-vomiting',
      severity: 'mild',
      actions: ['ondansetron'],
    });
    const aeId = withAe.json<SessionBody>().adverseEvents[0]?.id;
    const bad = await n('POST', `/api/sessions/${id}/amendments`, {
      target: 'adverse-event',
      targetId: aeId,
      field: 'severity',
      value: 'extreme',
      reason: 'x',
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json<Problem>().errors?.[0]?.path).toBe('body.value');
    const read = await n('GET', `/api/sessions/${id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<SessionBody>().adverseEvents[0]?.severity).toBe('mild');

    const ok = await n('POST', `/api/sessions/${id}/amendments`, {
      target: 'adverse-event',
      targetId: aeId,
      field: 'severity',
      value: 'severe',
      reason: 'Re-graded after review',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<SessionBody>().adverseEvents[0]?.severity).toBe('severe');
  });

  test('a blood pressure whose diastolic is not below its systolic is refused by name: charted, in a pre-check or amended', async () => {
    const n = as(t.app, nurse);
    const id = await started();
    const swapped = await n('POST', `/api/sessions/${id}/readings`, {
      takenAt: now(),
      systolicMmHg: 80,
      diastolicMmHg: 120,
      heartRate: 70,
    });
    expect(swapped.statusCode, swapped.body).toBe(400);
    expect(swapped.json<Problem>().errors?.map((e) => e.path)).toEqual(['body.diastolicMmHg']);
    const charted = await n('POST', `/api/sessions/${id}/readings`, { takenAt: now(), ...NORMAL });
    expect(charted.statusCode, charted.body).toBe(200);
    const reading = charted.json<SessionBody>().readings.at(-1)!;
    const amended = await n('POST', `/api/sessions/${id}/amendments`, {
      target: 'reading',
      targetId: reading.id,
      field: 'diastolicMmHg',
      value: 200,
      reason: 'typo',
    });
    expect(amended.statusCode, amended.body).toBe(400);
    expect(amended.json<Problem>().errors?.[0]?.path).toBe('body.value');
    const { appointmentId } = await appointment();
    const created = await n('POST', `/api/appointments/${appointmentId}/session`);
    const pre = await n(
      'POST',
      `/api/sessions/${created.json<SessionBody>().id}/pre-check`,
      preCheckBody({ ...NORMAL, systolicMmHg: 70, diastolicMmHg: 70 }),
    );
    expect(pre.statusCode, pre.body).toBe(400);
    expect(pre.json<Problem>().errors?.map((e) => e.path)).toEqual(['body.vitals.diastolicMmHg']);
  });

  test('a session with an invalid amendment already stored still reads (the value is not applied)', async () => {
    const n = as(t.app, nurse);
    const id = await started();
    const withAe = await n('POST', `/api/sessions/${id}/adverse-events`, {
      type: 'other',
      severity: 'moderate',
      actions: [],
    });
    const aeId = withAe.json<SessionBody>().adverseEvents[0]?.id;
    await t.database.query(
      `insert into session_events (session_id, kind, payload, refers_to, recorded_by, recorded_at)
       values ($1, 'amendment', $2, $3, $4, now())`,
      [
        id,
        JSON.stringify({ target: 'adverse-event', field: 'type', value: 42, reason: 'x' }),
        aeId,
        nurse.user.id,
      ],
    );
    const read = await n('GET', `/api/sessions/${id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<SessionBody>().adverseEvents[0]?.type).toBe('other');
  });

  test('amending a reading checks the value like a new reading: implausible is refused, out of range raises an alert', async () => {
    const n = as(t.app, nurse);
    const id = await started();
    const charted = await n('POST', `/api/sessions/${id}/readings`, { takenAt: now(), spo2: 98 });
    const readingId = charted.json<SessionBody>().readings[0]?.id;
    const implausible = await n('POST', `/api/sessions/${id}/amendments`, {
      target: 'reading',
      targetId: readingId,
      field: 'spo2',
      value: 500,
      reason: 'typo',
    });
    expect(implausible.statusCode, implausible.body).toBe(400);
    expect(implausible.json<Problem>().errors?.[0]?.path).toBe('body.value');

    const low = await n('POST', `/api/sessions/${id}/amendments`, {
      target: 'reading',
      targetId: readingId,
      field: 'spo2',
      value: 85,
      reason: 'Typed 98 for 85',
    });
    expect(low.statusCode, low.body).toBe(200);
    const s = low.json<SessionBody>();
    expect(s.readings[0]).toMatchObject({ spo2: 85, amended: true });
    expect(s.readings[0]?.findings.map((f) => f.code)).toEqual(['VITALS.SPO2_LOW']);
    expect(s.openAlertCount).toBe(1);
    expect(s.alerts[0]).toMatchObject({ readingId, findings: [{ code: 'VITALS.SPO2_LOW' }] });
  });

  test('discharge needs blood pressure, heart rate and SpO2 charted in recovery: missing vitals are never normal', async () => {
    const n = as(t.app, nurse);
    const id = await started();
    t.clock.advanceMinutes(10);
    await n('POST', `/api/sessions/${id}/readings`, { takenAt: now(), ...NORMAL });
    t.clock.advanceMinutes(30);
    await n('POST', `/api/sessions/${id}/recovery`);
    const body = { aldrete: GOOD_ALDRETE, escortName: 'Sam Safety' };
    const none = await n('POST', `/api/sessions/${id}/discharge`, body);
    expect(none.statusCode, none.body).toBe(422);
    expect(none.json<Problem>().errors?.map((e) => e.code)).toEqual([
      'DISCHARGE.RECOVERY_VITAL_MISSING',
      'DISCHARGE.RECOVERY_VITAL_MISSING',
      'DISCHARGE.RECOVERY_VITAL_MISSING',
      'DISCHARGE.RECOVERY_VITAL_MISSING',
    ]);
    t.clock.advanceMinutes(15);
    await n('POST', `/api/sessions/${id}/readings`, {
      takenAt: now(),
      systolicMmHg: 124,
      diastolicMmHg: 80,
      heartRate: 70,
    });
    const noSpo2 = await n('POST', `/api/sessions/${id}/discharge`, body);
    expect(noSpo2.json<Problem>().errors?.map((e) => e.path)).toEqual(['readings.spo2']);
    await n('POST', `/api/sessions/${id}/readings`, { takenAt: now(), spo2: 97 });
    const ok = await n('POST', `/api/sessions/${id}/discharge`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<SessionBody>().state).toBe('discharged');
  });

  test('a reading taken before the patient was checked in is refused', async () => {
    const id = await started();
    const manual = await as(t.app, nurse)('POST', `/api/sessions/${id}/readings`, {
      takenAt: '2020-01-01T00:00:00Z',
      spo2: 97,
    });
    expect(manual.statusCode, manual.body).toBe(400);
    expect(manual.json<Problem>().errors?.[0]?.path).toBe('body.takenAt');
  });

  test('two nurses checking in the same appointment at once: one session, the other gets 409', async () => {
    const { appointmentId } = await appointment();
    const results = await Promise.all(
      [nurse, nurse2, nurse, nurse2].map((who) =>
        as(t.app, who)('POST', `/api/appointments/${appointmentId}/session`),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    const rows = await t.database.query(
      `select id from treatment_sessions where appointment_id = $1`,
      [appointmentId],
    );
    expect(rows).toHaveLength(1);
  });

  test('a check-in and a cancellation at the same moment never leave a session on a cancelled appointment', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 8; round += 1) {
      const { appointmentId } = await appointment();
      const cancel = () =>
        as(t.app, nurse2)('POST', `/api/appointments/${appointmentId}/cancel`, {
          reason: 'Patient called to cancel',
        });
      const checkIn = () => as(t.app, nurse)('POST', `/api/appointments/${appointmentId}/session`);
      // Both orders of arrival.
      const [a, b] = round % 2 === 0 ? await Promise.all([checkIn(), cancel()]) : [];
      const [c, d] = round % 2 === 1 ? await Promise.all([cancel(), checkIn()]) : [];
      const checkedIn = (a ?? d)!;
      const cancelled = (b ?? c)!;
      outcomes.add(`${String(checkedIn.statusCode)}/${String(cancelled.statusCode)}`);
      const [row] = await t.database.query(
        `select a.status, (select count(*)::int from treatment_sessions s where s.appointment_id = a.id) as sessions
         from appointments a where a.id = $1`,
        [appointmentId],
      );
      // Exactly one wins: a session on a booked appointment, or a cancelled one without a session.
      expect([checkedIn.statusCode, cancelled.statusCode].filter((c) => c < 300)).toHaveLength(1);
      if (checkedIn.statusCode === 201) expect(row).toEqual({ status: 'booked', sessions: 1 });
      else expect(row).toEqual({ status: 'cancelled', sessions: 0 });
    }
    expect(outcomes.size).toBeGreaterThan(0);
  });

  test('a stopped session completes its appointment, as a discharge does', async () => {
    const n = as(t.app, nurse);
    for (const step of ['checked-in', 'in-progress'] as const) {
      const { appointmentId } = await appointment();
      const created = await n('POST', `/api/appointments/${appointmentId}/session`);
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<SessionBody>().id;
      if (step === 'in-progress') {
        await n('POST', `/api/sessions/${id}/pre-check`, preCheckBody());
        const start = await n('POST', `/api/sessions/${id}/start`, INFUSION_START);
        expect(start.statusCode, start.body).toBe(200);
      }
      const stopped = await n('POST', `/api/sessions/${id}/stop`, { reason: 'Patient unwell' });
      expect(stopped.statusCode, stopped.body).toBe(200);
      const [row] = await t.database.query(`select status from appointments where id = $1`, [
        appointmentId,
      ]);
      expect(row?.status, step).toBe('completed');
    }
  });

  test('the REMS form reports respiratory depression and hypertension charted as out-of-range readings; sedation is not recorded', async () => {
    const n = as(t.app, nurse);
    const id = await started('esketamine-session');
    t.clock.advanceMinutes(40);
    const s = (
      await n('POST', `/api/sessions/${id}/readings`, {
        takenAt: now(),
        systolicMmHg: 190,
        diastolicMmHg: 100,
        spo2: 85,
      })
    ).json<SessionBody>();
    await n('POST', `/api/sessions/${id}/adverse-events`, {
      type: 'nausea-vomiting',
      severity: 'mild',
      actions: [],
    });
    const form = (await n('GET', `/api/sessions/${id}`)).json<SessionBody>().esketamine?.rems.form;
    expect(s.openAlertCount).toBe(1);
    expect(form).toMatchObject({ respiratoryDepression: true, hypertension: true, sedation: null });

    const quiet = await started('esketamine-session');
    const blank = (await n('GET', `/api/sessions/${quiet}`)).json<SessionBody>().esketamine?.rems
      .form;
    // Nothing charted after dosing yet: unknown, not "no".
    expect(blank).toMatchObject({ respiratoryDepression: null, hypertension: null });
  });

  test('the chair board audit row names the patients it showed', async () => {
    const id = await started();
    const board = await as(t.app, nurse)(
      'GET',
      `/api/sessions?date=${t.clock.now().toISOString().slice(0, 10)}`,
    );
    expect(board.statusCode).toBe(200);
    // One row per patient on the board, each naming its patient (so it is in their access log).
    const rows = await t.database.query(
      `select patient_id, detail from audit_log where action = 'patient.session.list'
         and request_id = (select request_id from audit_log order by id desc limit 1)`,
    );
    const detail = rows[0]?.detail as { sessionIds: string[] };
    expect(detail.sessionIds).toContain(id);
    const shown = board.json<{ items: { patient: { id: string } }[] }>().items;
    expect(rows.map((r) => r.patient_id).sort()).toEqual(
      [...new Set(shown.map((s) => s.patient.id))].sort(),
    );
  });
});
