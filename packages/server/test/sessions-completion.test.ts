/**
 * A session to its end: an infusion from check-in to discharge with an alert and its
 * acknowledgement, discharge refused with every unmet criterion, and the esketamine observation
 * time, 40-minute blood pressure and REMS form.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { as, DRIVERS, type Session, type TestApp } from './harness';
import {
  GOOD_ALDRETE,
  INFUSION_START,
  NORMAL,
  preCheckBody,
  useSessions,
  type Problem,
  type SessionBody,
} from './session-fixtures';

describe.each(DRIVERS)('sessions: completion on %s', (driver) => {
  const fixture = useSessions(driver);
  const { appointment, started } = fixture;
  let t: TestApp;
  let nurse: Session;
  let locationId: string;
  beforeAll(() => {
    ({ t, nurse, locationId } = fixture);
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
});
