/**
 * A transaction whose entry id already names another kind of row for the same patient (a weight
 * re-sent as a height): 409 with a `conflict` OperationOutcome naming the element, and nothing
 * of the transaction written.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  countRows,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  postFhir,
  transaction,
  type Session,
  type TestApp,
} from './harness';
import { r4Errors } from './r4-validation';

type Json = Record<string, unknown>;

interface Outcome {
  resourceType: string;
  issue: { severity: string; code: string; diagnostics?: string; expression?: string[] }[];
}

const PATIENT_URL = 'urn:uuid:33333333-3333-4333-8333-333333333333';

function patient(identifier: string): Json {
  return {
    fullUrl: PATIENT_URL,
    resource: {
      resourceType: 'Patient',
      identifier: [{ system: 'urn:test:conflicts', value: identifier }],
      name: [{ family: 'Conflict', given: ['Rowan'] }],
      birthDate: '1979-05-06',
      gender: 'female',
    },
    request: { method: 'POST', url: 'Patient' },
  };
}

/** An Observation `id` of the patient above, coded `loinc`. */
function observation(id: string, loinc: string, valueQuantity: Json): Json {
  return {
    resource: {
      resourceType: 'Observation',
      id,
      status: 'final',
      subject: { reference: PATIENT_URL },
      code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
      effectiveDateTime: '2025-01-10T09:00:00Z',
      valueQuantity,
    },
    request: { method: 'POST', url: 'Observation' },
  };
}

const weight = (id: string, kg: number) =>
  observation(id, '29463-7', { value: kg, unit: 'kg', code: 'kg' });
const height = (id: string, cm: number) =>
  observation(id, '8302-2', { value: cm, unit: 'cm', code: 'cm' });

const TABLES = ['patients', 'patient_weights', 'patient_heights', 'fhir_links'];

describe.each(DRIVERS)('FHIR import conflicts on %s', (driver) => {
  let t: TestApp;
  let staff: Session;

  beforeAll(async () => {
    t = await createTestApp(driver);
    staff = await login(t.app, DEMO.prescriber);
  });
  afterAll(async () => {
    await t.close();
  });

  const counts = () => Promise.all(TABLES.map((table) => countRows(t, table)));

  /** Posts `entry`, expects the 409 conflict naming `element`, and that nothing was written. */
  async function expectConflict(entry: Json[], element: string, had: string, wanted: string) {
    const before = await counts();
    const response = await postFhir(t.app, staff, transaction(entry));
    expect(response.statusCode, response.body).toBe(409);
    expect(response.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const outcome = response.json<Outcome>();
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue).toHaveLength(1);
    expect(outcome.issue[0]).toMatchObject({
      severity: 'error',
      code: 'conflict',
      expression: [element],
    });
    expect(outcome.issue[0]?.diagnostics).toContain(`${element}: Observation `);
    expect(outcome.issue[0]?.diagnostics).toContain(`is already kept for this patient as ${had}`);
    expect(outcome.issue[0]?.diagnostics).toContain(`cannot also be ${wanted}`);
    expect(r4Errors(outcome)).toEqual([]);
    expect(await counts()).toEqual(before);
  }

  test('returns 409 when a later import sends a height under the id of an imported weight', async () => {
    const first = await postFhir(
      t.app,
      staff,
      transaction([patient('later'), weight('obs-1', 70)]),
    );
    expect(first.statusCode, first.body).toBe(200);
    await expectConflict(
      [patient('later'), height('obs-1', 170)],
      'Bundle.entry[1].resource.id',
      'a weight',
      'a height',
    );
    // The weight the first import kept is untouched.
    const kept = await t.database.query(
      `select w.entered_value from patient_weights w join fhir_links l on l.target_id = w.id
       where l.source_key like '%|Observation|obs-1'`,
    );
    expect(kept.map((row) => Number(row.entered_value))).toEqual([70]);
  });

  test('returns 409 when two entries of one Bundle share an id for different kinds of row, and keeps none of them', async () => {
    await expectConflict(
      [patient('same-bundle'), weight('obs-2', 71), height('obs-2', 172)],
      'Bundle.entry[2].resource.id',
      'a weight',
      'a height',
    );
  });

  test('an Observation re-sent with its id and the same kind of row is updated, not refused', async () => {
    const first = await postFhir(
      t.app,
      staff,
      transaction([patient('again'), weight('obs-3', 72)]),
    );
    expect(first.statusCode, first.body).toBe(200);
    const before = await counts();
    const again = await postFhir(
      t.app,
      staff,
      transaction([patient('again'), weight('obs-3', 73)]),
    );
    expect(again.statusCode, again.body).toBe(200);
    const entries = again.json<{ entry: { response: { status: string } }[] }>().entry;
    expect(entries.map((e) => e.response.status)).toEqual(['200 OK', '200 OK']);
    expect(await counts()).toEqual(before);
  });
});
