/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- FHIR JSON walked loosely in assertions */
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
  postFhir,
  transaction,
  demoPatientId,
} from '../../../test/harness';

type Json = Record<string, any>;

const condition = (reference: string, text: string, fullUrl: string): Json => ({
  fullUrl,
  resource: {
    resourceType: 'Condition',
    subject: { reference },
    code: { text },
    clinicalStatus: { coding: [{ code: 'active' }] },
  },
  request: { method: 'POST', url: 'Condition' },
});

const CONDITION_URL = 'urn:uuid:44444444-4444-4444-8444-444444444444';
const ALLERGY_URL = 'urn:uuid:55555555-5555-4555-8555-555555555555';

describe.each(DRIVERS)('FHIR import references to KetaFlow patients on %s', (driver) => {
  let t: TestApp;
  let staff: Session;
  let demo: string;

  beforeAll(async () => {
    t = await createTestApp(driver);
    staff = await login(t.app, DEMO.prescriber);
    demo = await demoPatientId(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (entry: Json[]) => postFhir(t.app, staff, transaction(entry));

  test('a Condition about Patient/<KetaFlow id> is kept on that patient and audited', async () => {
    const response = await post([
      condition(`Patient/${demo}`, 'Imported migraine', CONDITION_URL),
      {
        fullUrl: ALLERGY_URL,
        resource: {
          resourceType: 'AllergyIntolerance',
          patient: { reference: `Patient/${demo}` },
          code: { text: 'Imported latex' },
        },
        request: { method: 'POST', url: 'AllergyIntolerance' },
      },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    const entries = response.json<Json>().entry as Json[];
    expect(entries.map((e) => String(e.response.status))).toEqual(['201 Created', '201 Created']);
    expect(entries[0]!.response.outcome.issue[0].diagnostics).toBe(
      'Kept: AllergyIntolerance 1, Condition 1. Not kept: none.',
    );
    const conditionId = String(entries[0]!.response.location).replace('Condition/', '');
    const read = await as(t.app, staff)('GET', `/fhir/Condition/${conditionId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<Json>()).toMatchObject({
      code: { text: 'Imported migraine' },
      subject: { reference: `Patient/${demo}` },
    });
    const allergies = await t.database.query(
      'select substance from allergies where patient_id = $1',
      [demo],
    );
    expect(allergies.map((r) => r.substance)).toContain('Imported latex');
    const audit = await t.database.query(
      "select patient_id from audit_log where action = 'fhir.import' and outcome = 'success'",
    );
    expect(audit.map((r) => r.patient_id)).toContain(demo);
  });

  test('importing it again updates the same row', async () => {
    const before = await countRows(t, 'conditions');
    const response = await post([condition(`Patient/${demo}`, 'Imported migraine', CONDITION_URL)]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Json>().entry[0].response.status).toBe('200 OK');
    expect(await countRows(t, 'conditions')).toBe(before);
  });

  test.each([
    ['an unknown patient id', 'Patient/00000000-0000-4000-8000-000000000000'],
    ['an id that is no KetaFlow id', 'Patient/not-a-ketaflow-id'],
  ])('%s: 400 naming the reference, nothing written', async (_name, reference) => {
    const before = await countRows(t, 'conditions');
    const response = await post([
      condition(
        `Patient/${demo}`,
        'Would be kept',
        'urn:uuid:66666666-6666-4666-8666-666666666666',
      ),
      condition(reference, 'Orphan', 'urn:uuid:77777777-7777-4777-8777-777777777777'),
    ]);
    expect(response.statusCode, response.body).toBe(400);
    const outcome = response.json<Json>();
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0].code).toBe('not-found');
    expect(outcome.issue[0].expression).toEqual(['Bundle.entry[1].resource.subject.reference']);
    expect(outcome.issue[0].diagnostics).toContain(reference);
    expect(await countRows(t, 'conditions')).toBe(before);
  });
});
