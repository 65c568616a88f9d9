/**
 * A transaction whose entry id already names another kind of row for the same patient (a weight
 * re-sent as a height): 409 with a `conflict` OperationOutcome naming the element, and nothing
 * of the transaction written. Two entries of one Bundle that are the same resource (same patient,
 * type and id, same kind of row): 400 naming the later entry, with the other problems found. So
 * are two entries with one fullUrl, and two Patients that would be one KetaFlow patient.
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

    test('returns 400 when an entry about a Patient of the Bundle and one about Patient/<id> are one patient, each with a weight of one id', async () => {
      const first = await postFhir(t.app, staff, transaction([patient('same-person')]));
      expect(first.statusCode, first.body).toBe(200);
      const location = String(
        first.json<{ entry: { response: { location: string } }[] }>().entry[0]?.response.location,
      );
      const byId = weight('obs-8', 75);
      (byId.resource as Json).subject = { reference: location };
      const [issue] = await expectRefused(
        [patient('same-person'), weight('obs-8', 70), byId],
        ['Bundle.entry[2]'],
      );
      expect(issue?.diagnostics).toContain(
        'Bundle.entry[2]: Observation obs-8 (Bundle.entry[2].resource.id) is the same resource as Bundle.entry[1], since both are about the same KetaFlow patient.',
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

  describe('two entries of one Bundle with one fullUrl, or two Patients that are one patient', () => {
    async function expectRefused(entry: Json[], elements: string[]) {
      const before = await counts();
      const response = await postFhir(t.app, staff, transaction(entry));
      expect(response.statusCode, response.body).toBe(400);
      const outcome = response.json<Outcome>();
      expect(outcome.issue.map((i) => i.expression?.[0])).toEqual(elements);
      for (const issue of outcome.issue)
        expect(issue).toMatchObject({ severity: 'error', code: 'invalid' });
      expect(r4Errors(outcome)).toEqual([]);
      expect(await counts()).toEqual(before);
      return outcome.issue;
    }

    test('returns 400 naming the fullUrl of the later of two Patients with one fullUrl, and keeps neither', async () => {
      // Without the check the second became a patient of its own, and the weight its.
      const [issue] = await expectRefused(
        [patient('url-first'), patient('url-second'), weight('obs-9', 70)],
        ['Bundle.entry[1].fullUrl'],
      );
      expect(issue?.diagnostics).toBe(
        'Bundle.entry[1].fullUrl is the fullUrl of Bundle.entry[0] too. Each entry of a Bundle needs its own fullUrl.',
      );
    });

    test('returns 400 once for each later entry with a repeated fullUrl, even of other versions', async () => {
      const noId = (kg: number, versionId: string) => {
        const entry = weight('unused', kg);
        const { id: _id, ...resource } = entry.resource as Json;
        return {
          ...entry,
          fullUrl: 'urn:uuid:66666666-6666-4666-8666-666666666666',
          resource: { ...resource, meta: { versionId } },
        };
      };
      // Both weights would be linked by the fullUrl, so they are one resource too: said once.
      await expectRefused(
        [patient('url-versions'), noId(70, '1'), noId(71, '2'), noId(72, '3')],
        ['Bundle.entry[2].fullUrl', 'Bundle.entry[3].fullUrl'],
      );
    });

    test('returns 400 naming the identifier of the later of two Patients that share one, and keeps neither', async () => {
      const second: Json = {
        ...patient('shared'),
        fullUrl: 'urn:uuid:77777777-7777-4777-8777-777777777777',
      };
      const resource = second.resource as Json;
      resource.name = [{ family: 'Other', given: ['Sam'] }];
      resource.identifier = [
        { system: 'urn:test:conflicts', value: 'not-shared' },
        ...(resource.identifier as Json[]),
      ];
      const [issue] = await expectRefused(
        [patient('shared'), second],
        ['Bundle.entry[1].resource.identifier[1]'],
      );
      expect(issue?.diagnostics).toBe(
        'Bundle.entry[1]: Bundle.entry[1].resource.identifier[1] is the same identifier (system and value) as Bundle.entry[0].resource.identifier[0], so both entries would be one KetaFlow patient, the later overwriting the name, birth date and contact details of the earlier. Send each patient in one entry.',
      );
      // The identifier's value is not echoed: it may be a national number.
      expect(issue?.diagnostics).not.toContain('shared');
    });

    test('returns 400 when two Patients with different identifiers were linked to one patient by an earlier import', async () => {
      const both = patient('linked-a');
      (both.resource as Json).identifier = [
        { system: 'urn:test:conflicts', value: 'linked-a' },
        { system: 'urn:test:conflicts', value: 'linked-b' },
      ];
      const first = await postFhir(t.app, staff, transaction([both]));
      expect(first.statusCode, first.body).toBe(200);
      const id = String(
        first.json<{ entry: { response: { location: string } }[] }>().entry[0]?.response.location,
      ).replace('Patient/', '');
      const other: Json = {
        ...patient('linked-b'),
        fullUrl: 'urn:uuid:88888888-8888-4888-8888-888888888888',
      };
      (other.resource as Json).name = [{ family: 'Other', given: ['Sam'] }];
      const [issue] = await expectRefused([patient('linked-a'), other], ['Bundle.entry[1]']);
      expect(issue?.diagnostics).toBe(
        `Bundle.entry[1]: this Patient and Bundle.entry[0] are one KetaFlow patient (Patient/${id}), linked by an earlier import to the identifiers of both, so the later would overwrite the earlier. Send each patient in one entry.`,
      );
      const [row] = await t.database.query('select family_name from patients where id = $1', [id]);
      expect(row?.family_name).toBe('Conflict');
    });

    test('two Patients with different identifiers are two patients, each counted as kept', async () => {
      const other = {
        ...patient('apart-b'),
        fullUrl: 'urn:uuid:99999999-9999-4999-8999-999999999999',
      };
      const before = await countRows(t, 'patients');
      const response = await postFhir(t.app, staff, transaction([patient('apart-a'), other]));
      expect(response.statusCode, response.body).toBe(200);
      const entries = response.json<{
        entry: { response: { status: string; location: string; outcome?: Outcome } }[];
      }>().entry;
      expect(entries.map((e) => e.response.status)).toEqual(['201 Created', '201 Created']);
      expect(new Set(entries.map((e) => e.response.location)).size).toBe(2);
      expect(entries[0]?.response.outcome?.issue[0]?.diagnostics).toBe(
        'Kept: Patient 2. Not kept: none.',
      );
      expect(await countRows(t, 'patients')).toBe(before + 2);
    });
  });
});
