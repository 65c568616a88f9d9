/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-assignment -- FHIR JSON walked loosely in assertions */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  as,
  countRows,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  postFhir,
  T0,
  transaction,
  type Session,
  type TestApp,
} from './harness';
import { r4Errors } from './r4-validation';

type Json = Record<string, any>;
type List = 'conditions' | 'medications' | 'allergies';

const IPS = 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips';

const PATIENT_URL = 'urn:uuid:0b7c0d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e';

/** A transaction entry (POST) of `resource`, about the bundle's patient unless it says whom. */
function entry(resource: Json, fullUrl?: string): Json {
  return {
    ...(fullUrl === undefined ? {} : { fullUrl }),
    resource,
    request: { method: 'POST', url: resource.resourceType },
  };
}

function patient(family: string): Json {
  return entry(
    {
      resourceType: 'Patient',
      name: [{ family, given: ['Ipsa'] }],
      gender: 'female',
      birthDate: '1980-04-02',
    },
    PATIENT_URL,
  );
}

/** A statement of `type` coded with IPS `code`, about `subject`. */
function statement(type: string, code: string, subject = PATIENT_URL, extra: Json = {}): Json {
  const concept = { coding: [{ system: IPS, code }] };
  const who = { reference: subject };
  if (type === 'AllergyIntolerance')
    return entry({ resourceType: type, code: concept, patient: who, ...extra });
  if (type === 'Condition')
    return entry({ resourceType: type, code: concept, subject: who, ...extra });
  return entry({
    resourceType: type,
    status: 'active',
    medicationCodeableConcept: concept,
    subject: who,
    ...extra,
  });
}

const PENICILLIN = (subject = PATIENT_URL) =>
  entry({
    resourceType: 'AllergyIntolerance',
    code: { text: 'Penicillin' },
    patient: { reference: subject },
  });

describe.each(DRIVERS)('FHIR IPS "none known" and "no information", on %s', (driver) => {
  let t: TestApp;
  let staff: Session;
  const get = (url: string) => as(t.app, staff)('GET', url);
  const post = (body: unknown) => postFhir(t.app, staff, body);

  beforeAll(async () => {
    t = await createTestApp(driver);
    staff = await login(t.app, DEMO.prescriber);
  });
  afterAll(async () => {
    await t.close();
  });

  /** Imports `entries` (with a new patient first) and answers the new patient's id. */
  async function importNew(family: string, ...entries: Json[]): Promise<[string, Json]> {
    const response = await post(transaction([patient(family), ...entries]));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Json>();
    const id = String(body.entry[0].response.location).replace('Patient/', '');
    return [id, body];
  }

  async function lists(
    id: string,
  ): Promise<Record<List, { state: string; noneKnownAt: string | null }>> {
    const response = await get(`/api/patients/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Json>().historyLists;
  }

  async function everything(id: string): Promise<Json[]> {
    const response = await get(`/fhir/Patient/${id}/$everything`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Json>();
    expect(r4Errors(body)).toEqual([]);
    return (body.entry as Json[]).map((e) => e.resource as Json);
  }

  test('an AllergyIntolerance coded no-known-allergies records "none known", not an allergy; audited', async () => {
    const before = await countRows(t, 'allergies');
    const [id, body] = await importNew(
      'Nka',
      statement('AllergyIntolerance', 'no-known-allergies'),
    );
    expect(body.entry[1].response).toMatchObject({
      status: '200 OK',
      location: `AllergyIntolerance/none-known-${id}`,
    });
    expect(await countRows(t, 'allergies')).toBe(before);
    const state = await lists(id);
    expect(state.allergies).toEqual({ state: 'none-known', noneKnownAt: T0.toISOString() });
    expect(state.conditions.state).toBe('not-recorded');
    expect(state.medications.state).toBe('not-recorded');
    const audit = await t.database.query(
      "select detail from audit_log where action = 'fhir.import' and patient_id = $1",
      [id],
    );
    expect(audit[0]?.detail).toMatchObject({ noneKnown: ['allergies'] });
    // Screening reads the allergies as taken (none), the other lists as unknown.
    const screened = await as(t.app, staff)('POST', `/api/patients/${id}/screenings`, {
      indication: 'depression',
    });
    expect(screened.statusCode, screened.body).toBe(201);
    const codes = (screened.json<Json>().result.findings as Json[]).map((f) => f.code);
    expect(codes).not.toContain('SCREEN.MISSING_ALLERGY_LIST');
    expect(codes).not.toContain('SCREEN.UNREADABLE_ALLERGY');
    expect(codes).toContain('SCREEN.MISSING_CONDITION_LIST');
  });

  test('the export holds one IPS resource per "none known" list, readable and searchable', async () => {
    const [id] = await importNew(
      'Export',
      statement('AllergyIntolerance', 'no-known-allergies'),
      statement('Condition', 'no-known-problems'),
      statement('MedicationStatement', 'no-known-medications'),
    );
    const resources = await everything(id);
    const ips = resources.filter((r) =>
      [r.code, r.medicationCodeableConcept].some((c) => c?.coding?.[0]?.system === IPS),
    );
    expect(ips.map((r) => `${String(r.resourceType)}/${String(r.id)}`).sort()).toEqual([
      `AllergyIntolerance/none-known-${id}`,
      `Condition/none-known-${id}`,
      `MedicationStatement/none-known-${id}`,
    ]);
    const allergy = ips.find((r) => r.resourceType === 'AllergyIntolerance')!;
    expect(allergy.code.coding[0].code).toBe('no-known-allergies');
    expect(allergy.clinicalStatus.coding[0].code).toBe('active');
    expect(allergy.verificationStatus.coding[0].code).toBe('confirmed');
    expect(ips.find((r) => r.resourceType === 'MedicationStatement')!.status).toBe('active');
    expect(ips.find((r) => r.resourceType === 'Condition')!.code.coding[0].code).toBe(
      'no-known-problems',
    );
    for (const r of ips) expect(r4Errors(r), r.resourceType).toEqual([]);
    const read = await get(`/fhir/AllergyIntolerance/none-known-${id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual(allergy);
    const search = await get(`/fhir/AllergyIntolerance?patient=Patient/${id}`);
    expect((search.json<Json>().entry as Json[]).map((e) => e.resource)).toEqual([allergy]);
    // A list that is not recorded, or has entries, has no such resource.
    const [other] = await importNew('NoStatement', PENICILLIN());
    const otherIps = (await everything(other)).filter((r) =>
      String(r.id).startsWith('none-known-'),
    );
    expect(otherIps).toEqual([]);
    expect((await get(`/fhir/AllergyIntolerance/none-known-${other}`)).statusCode).toBe(404);
  });

  test('$everything round-trips: importing the export records "none known" again', async () => {
    const [first] = await importNew(
      'Roundtrip',
      statement('AllergyIntolerance', 'no-known-allergies'),
      statement('Condition', 'no-known-problems'),
      statement('MedicationStatement', 'no-known-medications'),
    );
    const exported = await everything(first);
    // The export's Patient has only its KetaFlow MRN, so the import makes a new patient of it.
    const response = await post(transaction(exported.map((r) => entry(r))));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Json>();
    const second = String(body.entry[0].response.location).replace('Patient/', '');
    expect(second).not.toBe(first);
    const state = await lists(second);
    expect([state.allergies.state, state.conditions.state, state.medications.state]).toEqual([
      'none-known',
      'none-known',
      'none-known',
    ]);
    const again = (await everything(second)).filter((r) => String(r.id).startsWith('none-known-'));
    expect(again.map((r) => r.id)).toEqual([
      `none-known-${second}`,
      `none-known-${second}`,
      `none-known-${second}`,
    ]);
  });

  test.each([
    ['AllergyIntolerance', 'no-allergy-info', 'allergies'],
    ['Condition', 'no-problem-info', 'conditions'],
    ['MedicationStatement', 'no-medication-info', 'medications'],
  ] as const)(
    'a %s coded %s keeps nothing: the list stays not recorded',
    async (type, code, list) => {
      const rows = await countRows(t, list);
      const [id, body] = await importNew(`Info${type}`, statement(type, code));
      expect(body.entry[1].response.outcome.issue[0].diagnostics).toMatch(/not kept/);
      expect((await lists(id))[list]).toEqual({ state: 'not-recorded', noneKnownAt: null });
      expect(await countRows(t, list)).toBe(rows);
    },
  );

  test('a real allergy in the same bundle wins over no-known-allergies, in either order', async () => {
    for (const order of ['statement-first', 'entry-first'] as const) {
      const nka = statement('AllergyIntolerance', 'no-known-allergies');
      const [id, body] = await importNew(
        `Both${order}`,
        ...(order === 'statement-first' ? [nka, PENICILLIN()] : [PENICILLIN(), nka]),
      );
      expect((await lists(id)).allergies, order).toEqual({ state: 'entries', noneKnownAt: null });
      const record = await get(`/api/patients/${id}`);
      const kept = record.json<{ allergies: { substance: string }[] }>().allergies;
      expect(kept.map((a) => a.substance)).toEqual(['Penicillin']);
      const at = order === 'statement-first' ? 1 : 2;
      expect(body.entry[at].response.outcome.issue[0].diagnostics).toMatch(/has entries/);
      const exported = (await everything(id)).filter(
        (r) => r.resourceType === 'AllergyIntolerance',
      );
      expect(exported.map((r) => r.code.text)).toEqual(['Penicillin']);
    }
  });

  test('an allergy already on record wins over a later no-known-allergies; a later allergy withdraws "none known"', async () => {
    const [id] = await importNew('Later', PENICILLIN());
    const late = await post(
      transaction([statement('AllergyIntolerance', 'no-known-allergies', `Patient/${id}`)]),
    );
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json<Json>().entry[0].response.outcome.issue[0].diagnostics).toMatch(
      /Not kept: AllergyIntolerance 1/,
    );
    expect((await lists(id)).allergies.state).toBe('entries');

    const [nka] = await importNew(
      'Withdrawn',
      statement('AllergyIntolerance', 'no-known-allergies'),
    );
    expect((await lists(nka)).allergies.state).toBe('none-known');
    const added = await post(transaction([PENICILLIN(`Patient/${nka}`)]));
    expect(added.statusCode, added.body).toBe(200);
    expect((await lists(nka)).allergies).toEqual({ state: 'entries', noneKnownAt: null });
  });

  test.each([
    ['refuted', { verificationStatus: { coding: [{ code: 'refuted' }] } }],
    ['entered in error', { verificationStatus: { coding: [{ code: 'entered-in-error' }] } }],
  ])('a no-known-allergies record %s is ignored', async (_why, extra) => {
    const [id] = await importNew(
      `Void${_why.replace(/ /g, '')}`,
      statement('AllergyIntolerance', 'no-known-allergies', PATIENT_URL, extra),
    );
    expect((await lists(id)).allergies.state).toBe('not-recorded');
  });

  test('SNOMED CT 716186003 "No known allergy" records "none known" as the IPS code does', async () => {
    const before = await countRows(t, 'allergies');
    const [id, body] = await importNew(
      'Snomed',
      entry({
        resourceType: 'AllergyIntolerance',
        code: {
          coding: [
            { system: 'http://snomed.info/sct', code: '716186003', display: 'No known allergy' },
          ],
        },
        patient: { reference: PATIENT_URL },
      }),
    );
    expect(body.entry[1].response.location).toBe(`AllergyIntolerance/none-known-${id}`);
    expect(await countRows(t, 'allergies')).toBe(before);
    expect((await lists(id)).allergies.state).toBe('none-known');
  });

  test('no-known-medication-allergies covers only part of the list: not recorded as none known', async () => {
    const [id, body] = await importNew(
      'Nkda',
      statement('AllergyIntolerance', 'no-known-medication-allergies'),
    );
    expect((await lists(id)).allergies.state).toBe('not-recorded');
    expect(body.entry[1].response.outcome.issue[0].diagnostics).toMatch(/only part/);
  });

  test('the CapabilityStatement declares Patient $everything with _count and the IPS codes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/fhir/metadata' });
    const body = response.json<Json>();
    expect(r4Errors(body)).toEqual([]);
    const patientResource = (body.rest[0].resource as Json[]).find((r) => r.type === 'Patient')!;
    const op = (patientResource.operation as Json[]).find((o) => o.name === 'everything')!;
    expect(op.definition).toBe('http://hl7.org/fhir/OperationDefinition/Patient-everything');
    expect(op.documentation).toMatch(/_count \(page size, 1 to 1000/);
    expect(op.documentation).toContain('no-known-allergies');
  });

  test('a refused bundle records no "none known" (all or nothing)', async () => {
    const [id] = await importNew('Atomic', PENICILLIN());
    const [empty] = await importNew('AtomicEmpty');
    const response = await post(
      transaction([
        statement('AllergyIntolerance', 'no-known-allergies', `Patient/${empty}`),
        entry({
          resourceType: 'Observation',
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
          subject: { reference: `Patient/${empty}` },
          effectiveDateTime: '2026-03-01',
          valueQuantity: { value: 9000, code: 'kg', unit: 'kg' },
        }),
      ]),
    );
    expect(response.statusCode, response.body).toBe(400);
    expect((await lists(empty)).allergies.state).toBe('not-recorded');
    expect((await lists(id)).allergies.state).toBe('entries');
  });
});
