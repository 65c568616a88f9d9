/**
 * Starting a session stores its administration dose, the start event, the state change and the
 * audit rows in one transaction: two racing starts store one dose, and a start that fails after
 * the dose was computed stores none.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { as, createTestApp, DEMO, DRIVERS, login, T0, type Session, type TestApp } from './harness';
import { INFUSION_START, preCheckBody } from './session-fixtures';

interface Problem {
  code: string;
}
interface SessionBody {
  id: string;
  state: string;
  doseCalculationId: string | null;
}

const PRE_CHECK = preCheckBody();

describe.each(DRIVERS)('session start is atomic on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  let prescriber: Session;
  let locationId: string;
  let counter = 0;

  /** A checked-in infusion session of a new patient with a go pre-check: ready to start. */
  async function ready(): Promise<{ sessionId: string; patientId: string }> {
    counter += 1;
    const startsAt = new Date(T0.getTime() + 15 * 60_000);
    const [p] = await t.database.query(
      `insert into patients (given_name, family_name, birth_date, sex) values ($1, 'Atomic', '1980-05-01', 'male') returning id`,
      [`Start${String(counter)}`],
    );
    const patientId = String(p?.id);
    const [a] = await t.database.query(
      `insert into appointments (patient_id, type, status, location_id, starts_at, ends_at, created_by)
       values ($1, 'infusion', 'booked', $2, $3, $4, $5) returning id`,
      [
        patientId,
        locationId,
        startsAt.toISOString(),
        new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        nurse.user.id,
      ],
    );
    const n = as(t.app, nurse);
    const created = await n('POST', `/api/appointments/${String(a?.id)}/session`);
    expect(created.statusCode, created.body).toBe(201);
    const sessionId = created.json<SessionBody>().id;
    const pre = await n('POST', `/api/sessions/${sessionId}/pre-check`, PRE_CHECK);
    expect(pre.statusCode, pre.body).toBe(200);
    return { sessionId, patientId };
  }

  async function administrationDoses(patientId: string): Promise<string[]> {
    const rows = await t.database.query(
      `select id from dose_calculations where patient_id = $1 and purpose = 'administration'`,
      [patientId],
    );
    return rows.map((r) => String(r.id));
  }

  async function startEvents(sessionId: string): Promise<number> {
    const [row] = await t.database.query(
      `select count(*)::int as n from session_events where session_id = $1 and kind = 'start'`,
      [sessionId],
    );
    return Number(row?.n);
  }

  async function storedSession(sessionId: string) {
    const [row] = await t.database.query(
      `select state, dose_calculation_id from treatment_sessions where id = $1`,
      [sessionId],
    );
    return { state: String(row?.state), doseCalculationId: row?.dose_calculation_id ?? null };
  }

  async function doseAudits(patientId: string, outcome: string): Promise<number> {
    const [row] = await t.database.query(
      `select count(*)::int as n from audit_log
       where patient_id = $1 and action = 'patient.dose-calculation.create' and outcome = $2`,
      [patientId, outcome],
    );
    return Number(row?.n);
  }

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    prescriber = await login(t.app, DEMO.prescriber);
    const [loc] = await t.database.query(`select id from locations where code = 'downtown'`);
    locationId = String(loc?.id);
  });
  afterAll(async () => {
    await t.close();
  });

  test('two simultaneous starts: one 200, one 409, and one administration dose, the session’s', async () => {
    const { sessionId, patientId } = await ready();
    const before = await administrationDoses(patientId);
    const [a, b] = await Promise.all([
      as(t.app, nurse)('POST', `/api/sessions/${sessionId}/start`, INFUSION_START),
      as(t.app, prescriber)('POST', `/api/sessions/${sessionId}/start`, INFUSION_START),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses, `${a.body}\n${b.body}`).toEqual([200, 409]);
    const won = a.statusCode === 200 ? a : b;
    const lost = a.statusCode === 200 ? b : a;
    expect(lost.json<Problem>().code).toBe('SESSION.TRANSITION_INVALID');

    const after = await administrationDoses(patientId);
    expect(after).toHaveLength(before.length + 1);
    const created = after.filter((id) => !before.includes(id));
    expect(won.json<SessionBody>()).toMatchObject({
      state: 'in-progress',
      doseCalculationId: created[0],
    });
    expect(await storedSession(sessionId)).toEqual({
      state: 'in-progress',
      doseCalculationId: created[0],
    });
    expect(await startEvents(sessionId)).toBe(1);
    expect(await doseAudits(patientId, 'success')).toBe(1);
  });

  test('a start that fails after the dose was computed stores no dose, no event, no state', async () => {
    const { sessionId, patientId } = await ready();
    const before = await administrationDoses(patientId);
    // The start event is written after the dose row in the start's transaction: make it fail.
    await t.database.query(`create or replace function refuse_start_event() returns trigger
      language plpgsql as $$ begin raise exception 'start event refused by the test'; end $$`);
    await t.database.query(
      `create trigger refuse_start_event before insert on session_events for each row
       when (new.kind = 'start' and new.session_id = '${sessionId}')
       execute function refuse_start_event()`,
    );
    try {
      const failed = await as(t.app, nurse)(
        'POST',
        `/api/sessions/${sessionId}/start`,
        INFUSION_START,
      );
      expect(failed.statusCode, failed.body).toBe(500);
    } finally {
      await t.database.query(`drop trigger refuse_start_event on session_events`);
      await t.database.query(`drop function refuse_start_event()`);
    }
    expect(await administrationDoses(patientId)).toEqual(before);
    expect(await startEvents(sessionId)).toBe(0);
    expect(await storedSession(sessionId)).toEqual({ state: 'pre-check', doseCalculationId: null });
    expect(await doseAudits(patientId, 'success')).toBe(0);

    // Nothing half-written stands in the way of starting again.
    const retried = await as(t.app, nurse)(
      'POST',
      `/api/sessions/${sessionId}/start`,
      INFUSION_START,
    );
    expect(retried.statusCode, retried.body).toBe(200);
    expect(await administrationDoses(patientId)).toEqual([
      retried.json<SessionBody>().doseCalculationId,
    ]);
    expect(await startEvents(sessionId)).toBe(1);
  });

  test('a hard-limit dose at start: 422, no dose stored, no start event, the refusal audited', async () => {
    const { sessionId, patientId } = await ready();
    const before = await administrationDoses(patientId);
    const refused = await as(t.app, nurse)('POST', `/api/sessions/${sessionId}/start`, {
      ...INFUSION_START,
      dose: { ...INFUSION_START.dose, dose: { value: 3, unit: 'mg/kg' } },
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json<Problem>().code).toBe('DOSE.BLOCKED');
    expect(await administrationDoses(patientId)).toEqual(before);
    expect(await startEvents(sessionId)).toBe(0);
    expect(await storedSession(sessionId)).toEqual({ state: 'pre-check', doseCalculationId: null });
    expect(await doseAudits(patientId, 'invalid')).toBe(1);
    expect(await doseAudits(patientId, 'success')).toBe(0);
  });

  test.each([
    ['a stop', 'stop', { reason: 'Patient declined' }],
    ['a repeated pre-check', 'pre-check', PRE_CHECK],
  ] as const)('a start racing %s stores a dose only if it started', async (_what, path, body) => {
    const { sessionId, patientId } = await ready();
    const before = await administrationDoses(patientId);
    const [start, other] = await Promise.all([
      as(t.app, nurse)('POST', `/api/sessions/${sessionId}/start`, INFUSION_START),
      as(t.app, prescriber)('POST', `/api/sessions/${sessionId}/${path}`, body),
    ]);
    expect([200, 409], start.body).toContain(start.statusCode);
    expect([200, 409], other.body).toContain(other.statusCode);
    const created = (await administrationDoses(patientId)).filter((id) => !before.includes(id));
    const stored = await storedSession(sessionId);
    if (start.statusCode === 200) {
      expect(created).toEqual([start.json<SessionBody>().doseCalculationId]);
      expect(stored.doseCalculationId).toBe(created[0]);
      expect(await startEvents(sessionId)).toBe(1);
    } else {
      expect(created).toEqual([]);
      expect(stored.doseCalculationId).toBeNull();
      expect(await startEvents(sessionId)).toBe(0);
    }
  });
});
