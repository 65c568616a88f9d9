/**
 * A transaction whose entry id already names another kind of row for the same patient (a weight
 * re-sent as a height): 409 with a `conflict` OperationOutcome naming the element, and nothing
 * of the transaction written. Two entries of one Bundle that are the same resource (same patient,
 * type and id, same kind of row): 400 naming the later entry, with the other problems found.
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

  describe('two entries of one Bundle that are the same resource', () => {
    /** Posts `entry`, expects a 400 whose issues name `elements` in order, and nothing written. */
    async function expectRefused(entry: Json[], elements: string[]) {
      const before = await counts();
      const response = await postFhir(t.app, staff, transaction(entry));
      expect(response.statusCode, response.body).toBe(400);
      const outcome = response.json<Outcome>();
      expect(outcome.issue.map((i) => i.expression?.[0])).toEqual(elements);
      expect(r4Errors(outcome)).toEqual([]);
      expect(await counts()).toEqual(before);
      return outcome.issue;
    }

    test('returns 400 naming the second of two weights with one id, and keeps neither', async () => {
      const [issue] = await expectRefused(
        [patient('twice'), weight('obs-4', 70), weight('obs-4', 75)],
        ['Bundle.entry[2]'],
      );
      expect(issue).toMatchObject({ severity: 'error', code: 'invalid' });
      expect(issue?.diagnostics).toContain(
        'Bundle.entry[2]: Observation obs-4 (Bundle.entry[2].resource.id) is the same resource as Bundle.entry[1]',
      );
    });

    test('returns 400 for an exact copy of an earlier entry, saying so', async () => {
      const [issue] = await expectRefused(
        [patient('copy'), weight('obs-5', 70), weight('obs-5', 70)],
        ['Bundle.entry[2]'],
      );
      expect(issue?.diagnostics).toContain(
        'Bundle.entry[2]: this Observation is an exact copy of Bundle.entry[1]. Send it once.',
      );
    });

    test('lists the repeated entry with the other problems of the Bundle, in Bundle order', async () => {
      await expectRefused(
        [
          patient('listed'),
          weight('obs-6', 70),
          { resource: { resourceType: 'Weight' }, request: { method: 'POST', url: 'Weight' } },
          weight('obs-6', 71),
          weight('obs-6', 71),
        ],
        ['Bundle.entry[2].resource.resourceType', 'Bundle.entry[3]', 'Bundle.entry[4]'],
      );
    });

    test('returns 400 when two Patient entries are one KetaFlow patient and each has a weight with one id', async () => {
      const again = {
        ...patient('same-person'),
        fullUrl: 'urn:uuid:55555555-5555-4555-8555-555555555555',
      };
      const againWeight = weight('obs-8', 75);
      (againWeight.resource as Json).subject = { reference: again.fullUrl };
      const [issue] = await expectRefused(
        [patient('same-person'), again, weight('obs-8', 70), againWeight],
        ['Bundle.entry[3]'],
      );
      expect(issue?.diagnostics).toContain(
        'Bundle.entry[3]: Observation obs-8 (Bundle.entry[3].resource.id) is the same resource as Bundle.entry[2], since both are about the same KetaFlow patient.',
      );
    });

    test('keeps one id used by two patients of the Bundle: they are different resources', async () => {
      const other = {
        ...patient('other'),
        fullUrl: 'urn:uuid:44444444-4444-4444-8444-444444444444',
      };
      const otherWeight = weight('obs-7', 80);
      (otherWeight.resource as Json).subject = { reference: other.fullUrl };
      const response = await postFhir(
        t.app,
        staff,
        transaction([patient('one'), other, weight('obs-7', 70), otherWeight]),
      );
      expect(response.statusCode, response.body).toBe(200);
      const entries = response.json<{ entry: { response: { status: string } }[] }>().entry;
      expect(entries.map((e) => e.response.status)).toEqual(Array(4).fill('201 Created'));
    });
  });
});
