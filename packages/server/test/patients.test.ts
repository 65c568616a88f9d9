import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  as,
  countRows,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  type Session,
  type TestApp,
} from './harness';

type Role = 'anonymous' | 'patient' | 'nurse' | 'prescriber' | 'admin';

describe.each(DRIVERS)('patients on %s', (driver) => {
  let t: TestApp;
  const sessions = new Map<Role, Session | null>();
  let ownId: string;
  let otherId: string;

  beforeAll(async () => {
    t = await createTestApp(driver);
    sessions.set('anonymous', null);
    for (const role of ['patient', 'nurse', 'prescriber', 'admin'] as const)
      sessions.set(role, await login(t.app, DEMO[role]));
    ownId = sessions.get('patient')!.user.patientId!;
    const list = await as(t.app, sessions.get('nurse')!)('GET', '/api/patients?pageSize=100');
    otherId = list.json<{ items: { id: string }[] }>().items.find((p) => p.id !== ownId)!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const bodies = {
    patient: { givenName: 'Casey', familyName: 'Doe', birthDate: '1980-01-01', sex: 'female' },
    weight: { weight: { value: 176, unit: 'lb' }, measuredOn: '2026-03-01' },
    height: { height: { value: 170, unit: 'cm' }, measuredOn: '2026-03-01' },
    allergy: { substance: 'Ketamine', criticality: 'high' },
    condition: {
      text: 'History of stroke',
      codeSystem: 'icd10cm',
      code: 'Z86.73',
      clinicalStatus: 'resolved',
      verificationStatus: 'confirmed',
    },
    medication: { text: 'Xanax XR 1 mg tab bid', status: 'active' },
  };

  // [method, url (OTHER = someone else's record), body, expected status per role]
  const matrix: [string, string, unknown, Record<Role, number>][] = [
    [
      'GET',
      '/api/patients',
      undefined,
      { anonymous: 401, patient: 403, nurse: 200, prescriber: 200, admin: 200 },
    ],
    [
      'POST',
      '/api/patients',
      bodies.patient,
      { anonymous: 401, patient: 403, nurse: 201, prescriber: 201, admin: 201 },
    ],
    [
      'GET',
      '/api/patients/OTHER',
      undefined,
      { anonymous: 401, patient: 404, nurse: 200, prescriber: 200, admin: 200 },
    ],
    [
      'PATCH',
      '/api/patients/OTHER',
      { phone: '555-0100' },
      { anonymous: 401, patient: 403, nurse: 200, prescriber: 200, admin: 200 },
    ],
    [
      'POST',
      '/api/patients/OTHER/weights',
      bodies.weight,
      { anonymous: 401, patient: 403, nurse: 201, prescriber: 201, admin: 201 },
    ],
    [
      'POST',
      '/api/patients/OTHER/heights',
      bodies.height,
      { anonymous: 401, patient: 403, nurse: 201, prescriber: 201, admin: 201 },
    ],
    [
      'POST',
      '/api/patients/OTHER/allergies',
      bodies.allergy,
      { anonymous: 401, patient: 403, nurse: 201, prescriber: 201, admin: 201 },
    ],
    [
      'POST',
      '/api/patients/OTHER/conditions',
      bodies.condition,
      { anonymous: 401, patient: 403, nurse: 201, prescriber: 201, admin: 201 },
    ],
    [
      'POST',
      '/api/patients/OTHER/medications',
      bodies.medication,
      { anonymous: 401, patient: 403, nurse: 201, prescriber: 201, admin: 201 },
    ],
    [
      'GET',
      '/api/patients/OTHER/access-log',
      undefined,
      { anonymous: 401, patient: 404, nurse: 200, prescriber: 200, admin: 200 },
    ],
    [
      'GET',
      '/api/audit',
      undefined,
      { anonymous: 401, patient: 403, nurse: 403, prescriber: 403, admin: 200 },
    ],
    [
      'GET',
      '/api/outbox',
      undefined,
      { anonymous: 401, patient: 403, nurse: 403, prescriber: 403, admin: 200 },
    ],
  ];
  const cases = matrix.flatMap(([method, url, body, expected]) =>
    (Object.keys(expected) as Role[]).map(
      (role) => [method, url, role, expected[role], body] as const,
    ),
  );

  test.each(cases)('%s %s as %s answers %i', async (method, url, role, status, body) => {
    const response = await as(t.app, sessions.get(role)!)(
      method as 'GET',
      url.replace('OTHER', otherId),
      body,
    );
    expect(response.statusCode).toBe(status);
    if (status >= 400) expect(response.headers['content-type']).toMatch(/problem\+json/);
  });

  test("a patient reads their own record and its access log, but another's is 404 like a missing one", async () => {
    const asPatient = as(t.app, sessions.get('patient')!);
    expect((await asPatient('GET', `/api/patients/${ownId}`)).statusCode).toBe(200);
    expect((await asPatient('GET', `/api/patients/${ownId}/access-log`)).statusCode).toBe(200);
    const other = await asPatient('GET', `/api/patients/${otherId}`);
    const missing = await asPatient('GET', '/api/patients/00000000-0000-4000-8000-000000000000');
    expect(other.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(other.json<{ detail: string }>().detail).toBe(missing.json<{ detail: string }>().detail);
  });

  const audited: [string, string, string, unknown][] = [
    ['patient.read', 'GET', '', undefined],
    ['patient.update', 'PATCH', '', { city: 'Springfield' }],
    ['patient.weight.create', 'POST', '/weights', bodies.weight],
    ['patient.height.create', 'POST', '/heights', bodies.height],
    ['patient.allergy.create', 'POST', '/allergies', bodies.allergy],
    ['patient.condition.create', 'POST', '/conditions', bodies.condition],
    ['patient.medication.create', 'POST', '/medications', bodies.medication],
    ['patient.access-log.read', 'GET', '/access-log', undefined],
  ];

  test.each(audited)(
    'writes an audit row %s naming actor, patient, address and outcome',
    async (action, method, suffix, body) => {
      const nurse = sessions.get('nurse')!;
      const before = await auditRows(t, action, otherId);
      const response = await as(t.app, nurse)(
        method as 'GET',
        `/api/patients/${otherId}${suffix}`,
        body,
      );
      expect(response.statusCode).toBeLessThan(300);
      const after = await auditRows(t, action, otherId);
      expect(after.length).toBe(before.length + 1);
      expect(after[0]).toMatchObject({
        actorUserId: nurse.user.id,
        actorRole: 'nurse',
        patientId: otherId,
        outcome: 'success',
        clientIp: '127.0.0.1',
      });
    },
  );

  test('audits a denied attempt to read another patient', async () => {
    const before = await auditRows(t, 'patient.read', otherId);
    await as(t.app, sessions.get('patient')!)('GET', `/api/patients/${otherId}`);
    const after = await auditRows(t, 'patient.read', otherId);
    expect(after.length).toBe(before.length + 1);
    expect(after[0]).toMatchObject({ outcome: 'denied', actorRole: 'patient' });
  });

  test('audits a patient search with the ids it returned', async () => {
    const admin = sessions.get('admin')!;
    await as(t.app, sessions.get('prescriber')!)('GET', '/api/patients?query=Lindqvist');
    const log = await as(t.app, admin)('GET', '/api/audit?action=patient.search&pageSize=1');
    expect(log.json<{ items: { actorRole: string }[] }>().items[0]).toMatchObject({
      actorRole: 'prescriber',
    });
  });

  test('converts a weight entered in lb to kg and keeps the entered value', async () => {
    const response = await as(t.app, sessions.get('nurse')!)(
      'POST',
      `/api/patients/${otherId}/weights`,
      {
        weight: { value: 150, unit: 'lb' },
        measuredOn: '2026-03-02',
      },
    );
    const weights = response.json<{
      weights: { weightKg: number; enteredUnit: string; enteredValue: number }[];
    }>().weights;
    // 150 lb × 0.45359237 kg/lb = 68.0388555 kg, stored to the gram.
    expect(weights[0]).toMatchObject({ weightKg: 68.039, enteredUnit: 'lb', enteredValue: 150 });
  });

  test('finds patients by name and MRN, with the latest weight', async () => {
    const asNurse = as(t.app, sessions.get('nurse')!);
    const byName = await asNurse('GET', '/api/patients?query=lindq');
    const found = byName.json<{
      items: { mrn: string; latestWeight: { weightKg: number } | null }[];
      total: number;
    }>();
    expect(found.total).toBe(1);
    expect(found.items[0]!.latestWeight?.weightKg).toBe(68.4);
    const byMrn = await asNurse('GET', `/api/patients?query=${found.items[0]!.mrn}`);
    expect(byMrn.json<{ total: number }>().total).toBe(1);
  });

  const badInputs: [string, string, unknown, string[]][] = [
    [
      'weight with no unit',
      '/weights',
      { weight: { value: 80 }, measuredOn: '2026-03-01' },
      ['body.weight.unit'],
    ],
    [
      'negative weight',
      '/weights',
      { weight: { value: -80, unit: 'kg' }, measuredOn: '2026-03-01' },
      ['body.weight.value'],
    ],
    [
      'weight as text',
      '/weights',
      { weight: { value: '80', unit: 'kg' }, measuredOn: '2026-03-01' },
      ['body.weight.value'],
    ],
    [
      'unknown weight unit',
      '/weights',
      { weight: { value: 12, unit: 'st' }, measuredOn: '2026-03-01' },
      ['body.weight.unit'],
    ],
    [
      'weight measured in the future',
      '/weights',
      { weight: { value: 80, unit: 'kg' }, measuredOn: '2026-04-01' },
      ['body.measuredOn'],
    ],
    [
      'height with a bad date',
      '/heights',
      { height: { value: 170, unit: 'cm' }, measuredOn: '03/01/2026' },
      ['body.measuredOn'],
    ],
    [
      'condition with a code but no system',
      '/conditions',
      { text: 'x', code: 'I50', clinicalStatus: 'active', verificationStatus: 'confirmed' },
      ['body.code'],
    ],
    [
      'condition with an unknown status',
      '/conditions',
      { text: 'x', clinicalStatus: 'ongoing', verificationStatus: 'confirmed' },
      ['body.clinicalStatus'],
    ],
    [
      'medication with a non-numeric RxNorm code',
      '/medications',
      { text: 'x', rxnormCode: 'abc', status: 'active' },
      ['body.rxnormCode'],
    ],
    [
      'medication stopped before it started',
      '/medications',
      { text: 'x', status: 'stopped', startedOn: '2026-02-01', stoppedOn: '2026-01-01' },
      ['body.stoppedOn'],
    ],
    ['allergy with an unknown field', '/allergies', { substance: 'x', severity: 'high' }, ['body']],
  ];

  test.each(badInputs)(
    'rejects a %s with 400 naming the field, and writes nothing',
    async (_name, suffix, body, paths) => {
      const tables = [
        'patient_weights',
        'patient_heights',
        'conditions',
        'medications',
        'allergies',
      ];
      const before = await Promise.all(tables.map((tb) => countRows(t, tb)));
      const response = await as(t.app, sessions.get('nurse')!)(
        'POST',
        `/api/patients/${otherId}${suffix}`,
        body,
      );
      expect(response.statusCode).toBe(400);
      const problem = response.json<{ code: string; errors: { path: string }[] }>();
      expect(problem.code).toBe('VALIDATION.FAILED');
      expect(problem.errors.map((e) => e.path)).toEqual(paths);
      expect(await Promise.all(tables.map((tb) => countRows(t, tb)))).toEqual(before);
    },
  );

  test('rejects unparseable JSON with a 400 problem', async () => {
    const nurse = sessions.get('nurse')!;
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${otherId}/weights`,
      headers: {
        cookie: nurse.cookie,
        'x-csrf-token': nurse.csrfToken,
        'content-type': 'application/json',
      },
      payload: '{"weight": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'REQUEST.MALFORMED' });
  });

  test('edits only the fields sent, keeps the rest, and clears a contact field with null', async () => {
    const asNurse = as(t.app, sessions.get('nurse')!);
    const created = await asNurse('POST', '/api/patients', {
      ...bodies.patient,
      sex: 'male',
      phone: '555-0199',
    });
    const id = created.json<{ id: string }>().id;
    const edited = await asNurse('PATCH', `/api/patients/${id}`, {
      givenName: 'Casimir',
      phone: null,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      givenName: 'Casimir',
      familyName: 'Doe',
      sex: 'male',
      phone: null,
    });
    const empty = await asNurse('PATCH', `/api/patients/${id}`, {});
    expect(empty.statusCode).toBe(400);
  });

  test('changes a medication status and refuses a medication of another patient', async () => {
    const asNurse = as(t.app, sessions.get('nurse')!);
    const created = await asNurse('POST', `/api/patients/${otherId}/medications`, {
      text: 'Diazepam 5 mg',
      status: 'active',
    });
    const medId = created.json<{ medications: { id: string }[] }>().medications[0]!.id;
    const stopped = await asNurse('PATCH', `/api/patients/${otherId}/medications/${medId}`, {
      status: 'stopped',
      stoppedOn: '2026-03-02',
    });
    expect(
      stopped
        .json<{ medications: { id: string; status: string }[] }>()
        .medications.find((m) => m.id === medId),
    ).toMatchObject({ status: 'stopped' });
    const wrongPatient = await asNurse('PATCH', `/api/patients/${ownId}/medications/${medId}`, {
      status: 'active',
    });
    expect(wrongPatient.statusCode).toBe(404);
  });
});

async function auditRows(t: TestApp, action: string, patientId: string) {
  const admin = await login(t.app, DEMO.admin);
  const response = await as(t.app, admin)(
    'GET',
    `/api/audit?action=${action}&patientId=${patientId}&pageSize=100`,
  );
  return response.json<{ items: Record<string, unknown>[] }>().items;
}
