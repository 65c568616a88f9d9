import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  as,
  createTestApp,
  DEMO,
  demoPatientId,
  DRIVERS,
  login,
  type Session,
  type TestApp,
} from './harness';

type ListState = { state: string; noneKnownAt: string | null };
interface Patient {
  id: string;
  historyLists: Record<'conditions' | 'medications' | 'allergies', ListState>;
  medications: { id: string }[];
}
interface Screening {
  status: string;
  result: { decision: string; findings: { code: string; kind: string }[] };
}

const MISSING = {
  conditions: 'SCREEN.MISSING_CONDITION_LIST',
  medications: 'SCREEN.MISSING_MEDICATION_LIST',
  allergies: 'SCREEN.MISSING_ALLERGY_LIST',
} as const;

describe.each(DRIVERS)('history lists: none known or not recorded, on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  let patientSession: Session;
  let patientId: string;
  const api = (s: Session | null) => as(t.app, s);
  const url = (list: string, id = patientId) => `/api/patients/${id}/history/${list}/none-known`;

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    patientSession = await login(t.app, DEMO.patient);
    const created = await api(nurse)('POST', '/api/patients', {
      givenName: 'Hana',
      familyName: 'Historyless',
      birthDate: '1979-06-01',
      sex: 'male',
    });
    expect(created.statusCode, created.body).toBe(201);
    patientId = created.json<{ id: string }>().id;
    const screened = await api(nurse)('POST', `/api/patients/${patientId}/screenings`, {
      indication: 'depression',
    });
    expect(screened.statusCode, screened.body).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  async function record(): Promise<Patient> {
    const r = await api(nurse)('GET', `/api/patients/${patientId}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<Patient>();
  }

  /** The missing-list codes of the patient's current screening (rescreened on every change). */
  async function missingLists(): Promise<string[]> {
    const r = await api(nurse)('GET', `/api/patients/${patientId}/screenings`);
    const current = r.json<{ items: Screening[] }>().items.filter((s) => s.status === 'current');
    expect(current).toHaveLength(1);
    const codes: readonly string[] = Object.values(MISSING);
    return current[0]!.result.findings.map((f) => f.code).filter((c) => codes.includes(c));
  }

  test('a new patient has every list not recorded, and screening says so', async () => {
    const p = await record();
    expect(p.historyLists).toEqual({
      conditions: { state: 'not-recorded', noneKnownAt: null },
      medications: { state: 'not-recorded', noneKnownAt: null },
      allergies: { state: 'not-recorded', noneKnownAt: null },
    });
    expect((await missingLists()).sort()).toEqual(Object.values(MISSING).sort());
  });

  test('"none known" is recorded, audited and screened again; withdrawn, the list is unknown again', async () => {
    const put = await api(nurse)('PUT', url('conditions'));
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<Patient>().historyLists.conditions).toEqual({
      state: 'none-known',
      noneKnownAt: t.clock.now().toISOString(),
    });
    expect(await missingLists()).not.toContain(MISSING.conditions);
    const audit = await t.database.query(
      `select count(*)::int as n from audit_log where action = 'patient.conditions.none-known.record' and patient_id = $1`,
      [patientId],
    );
    expect(audit[0]?.n).toBe(1);

    const withdrawn = await api(nurse)('DELETE', url('conditions'));
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<Patient>().historyLists.conditions.state).toBe('not-recorded');
    expect(await missingLists()).toContain(MISSING.conditions);
  });

  test('an entry added withdraws "none known"; a list with an entry cannot be "none known"', async () => {
    expect((await api(nurse)('PUT', url('allergies'))).statusCode).toBe(200);
    const added = await api(nurse)('POST', `/api/patients/${patientId}/allergies`, {
      substance: 'Latex',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json<Patient>().historyLists.allergies).toEqual({
      state: 'entries',
      noneKnownAt: null,
    });
    const column = await t.database.query(
      'select allergies_none_known_at as at from patients where id = $1',
      [patientId],
    );
    expect(column[0]?.at).toBeNull();
    expect(await missingLists()).not.toContain(MISSING.allergies);

    const refused = await api(nurse)('PUT', url('allergies'));
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string; detail?: string; message?: string }>().code).toBe(
      'RESOURCE.CONFLICT',
    );
    expect(refused.body).toContain('1 entry');
    expect((await record()).historyLists.allergies.state).toBe('entries');
  });

  test('a medicine entered in error leaves the list not recorded', async () => {
    const added = await api(nurse)('POST', `/api/patients/${patientId}/medications`, {
      text: 'Sertraline 50 mg',
      status: 'active',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json<Patient>().historyLists.medications.state).toBe('entries');
    expect(await missingLists()).not.toContain(MISSING.medications);
    const medicationId = added.json<Patient>().medications[0]!.id;
    const voided = await api(nurse)(
      'PATCH',
      `/api/patients/${patientId}/medications/${medicationId}`,
      { status: 'entered-in-error' },
    );
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json<Patient>().historyLists.medications.state).toBe('not-recorded');
    expect(await missingLists()).toContain(MISSING.medications);
    // Now empty of anything real, it can be stated as none.
    expect((await api(nurse)('PUT', url('medications'))).statusCode).toBe(200);
    expect(await missingLists()).not.toContain(MISSING.medications);
  });

  test('bad requests are refused by name and change nothing', async () => {
    const before = await record();
    const badList = await api(nurse)('PUT', url('vaccines'));
    expect(badList.statusCode).toBe(400);
    expect(badList.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'params.list',
    ]);
    const unknown = await api(nurse)(
      'PUT',
      url('conditions', '00000000-0000-4000-8000-000000000000'),
    );
    expect(unknown.statusCode).toBe(404);
    const anonymous = await api(null)('PUT', url('conditions'));
    expect(anonymous.statusCode).toBe(401);
    // A patient cannot state their own history complete: staff take it.
    const own = await api(patientSession)('PUT', url('conditions', await demoPatientId(t)));
    expect(own.statusCode).toBe(403);
    expect((await record()).historyLists).toEqual(before.historyLists);
  });
});
