/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return -- FHIR JSON walked loosely in assertions */
/**
 * A MedicationStatement or MedicationRequest may name its medicine by a reference to a Medication
 * (another entry of the bundle, or contained). The import keeps that Medication's name and RxNorm
 * code with the statement: without the code, KetaFlow's own screening of the imported patient
 * would miss an interaction that screening the same bundle directly finds.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  as,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  postFhir,
  transaction,
  type Session,
  type TestApp,
} from './harness';

type Json = Record<string, any>;

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const IPS = 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips';
const PATIENT_URL = 'urn:uuid:6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5';
const LORAZEPAM = {
  coding: [{ system: RXNORM, code: '197901', display: 'lorazepam 1 MG Oral Tablet' }],
};

function entry(resource: Json, fullUrl?: string): Json {
  return {
    ...(fullUrl === undefined ? {} : { fullUrl }),
    resource,
    request: { method: 'POST', url: resource.resourceType },
  };
}

const patient = (family: string) =>
  entry(
    {
      resourceType: 'Patient',
      name: [{ family, given: ['Refa'] }],
      gender: 'male',
      birthDate: '1979-06-11',
    },
    PATIENT_URL,
  );

const statement = (medicationReference: Json, extra: Json = {}) =>
  entry({
    resourceType: 'MedicationStatement',
    status: 'active',
    subject: { reference: PATIENT_URL },
    medicationReference,
    ...extra,
  });

describe.each(DRIVERS)('FHIR import of medicines named by reference, on %s', (driver) => {
  let t: TestApp;
  let staff: Session;

  beforeAll(async () => {
    t = await createTestApp(driver);
    staff = await login(t.app, DEMO.prescriber);
  });
  afterAll(async () => {
    await t.close();
  });

  async function importNew(family: string, ...entries: Json[]): Promise<[string, Json]> {
    const response = await postFhir(t.app, staff, transaction([patient(family), ...entries]));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Json>();
    return [String(body.entry[0].response.location).replace('Patient/', ''), body];
  }

  async function medicationsOf(id: string): Promise<Json[]> {
    const response = await as(t.app, staff)('GET', `/api/patients/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Json>().medications;
  }

  async function findingCodes(id: string): Promise<string[]> {
    const response = await as(t.app, staff)('POST', `/api/patients/${id}/screenings`, {
      indication: 'depression',
    });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json<Json>().result.findings as Json[]).map((f) => String(f.code));
  }

  test.each([
    ['a Medication entry, by Medication/<id>', 'Medication/lzp', undefined],
    ['a Medication entry, by its fullUrl', 'urn:uuid:11112222-3333-4444-8555-666677778888', true],
  ])(
    '%s: the statement keeps its name and RxNorm code, and screening finds the interaction',
    async (_, reference, byUrl) => {
      const medication = entry(
        { resourceType: 'Medication', id: 'lzp', code: LORAZEPAM },
        byUrl === true ? reference : undefined,
      );
      const [id, body] = await importNew('Entry', medication, statement({ reference }));
      const meds = await medicationsOf(id);
      expect(meds).toHaveLength(1);
      expect(meds[0]).toMatchObject({ text: 'lorazepam 1 MG Oral Tablet', rxnormCode: '197901' });
      // The Medication itself is not a record of its own, and the response says so.
      expect(body.entry[1].response.outcome.issue[0].diagnostics).toMatch(
        /^Medication not kept on its own/,
      );
      expect(await findingCodes(id)).toContain('IX.BENZODIAZEPINES');
    },
  );

  test('a contained Medication (#id)', async () => {
    const [id] = await importNew(
      'Contained',
      statement(
        { reference: '#m1', display: 'tablet' },
        { contained: [{ resourceType: 'Medication', id: 'm1', code: LORAZEPAM }] },
      ),
    );
    expect((await medicationsOf(id))[0]).toMatchObject({
      text: 'lorazepam 1 MG Oral Tablet',
      rxnormCode: '197901',
    });
  });

  test('a reference nothing answers keeps its display as the name, without a code', async () => {
    const [id] = await importNew(
      'Dangling',
      statement({ reference: 'Medication/absent', display: 'Ativan 1 mg' }),
    );
    expect((await medicationsOf(id))[0]).toMatchObject({ text: 'Ativan 1 mg', rxnormCode: null });
  });

  test('a too-long name in a referenced Medication is refused, naming its element', async () => {
    const response = await postFhir(
      t.app,
      staff,
      transaction([
        patient('TooLong'),
        entry({ resourceType: 'Medication', id: 'long', code: { text: 'x'.repeat(5000) } }),
        statement({ reference: 'Medication/long' }),
      ]),
    );
    expect(response.statusCode, response.body).toBe(400);
    expect(JSON.stringify(response.json())).toContain('Bundle.entry[1].resource.code.text');
  });

  test('a referenced Medication coded IPS no-known-medications records "none known"', async () => {
    const [id, body] = await importNew(
      'NoneKnown',
      entry({
        resourceType: 'Medication',
        id: 'none',
        code: { coding: [{ system: IPS, code: 'no-known-medications' }] },
      }),
      statement({ reference: 'Medication/none' }),
    );
    expect(await medicationsOf(id)).toEqual([]);
    expect(body.entry[2].response.location).toBe(`MedicationStatement/none-known-${id}`);
    const record = await as(t.app, staff)('GET', `/api/patients/${id}`);
    expect(record.json<Json>().historyLists.medications.state).toBe('none-known');
  });
});
