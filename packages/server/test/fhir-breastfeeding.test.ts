/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- FHIR JSON walked loosely in assertions */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  as,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  type Session,
  type TestApp,
  postFhir,
  transaction,
} from './harness';

type Json = Record<string, any>;

const PATIENT_URL = 'urn:uuid:44444444-4444-4444-8444-444444444444';
const LOINC = 'http://loinc.org';

const patient = {
  fullUrl: PATIENT_URL,
  resource: {
    resourceType: 'Patient',
    identifier: [{ system: 'urn:test', value: 'breastfeeding-1' }],
    name: [{ family: 'Nursing', given: ['Nell'] }],
    birthDate: '1990-04-02',
    gender: 'female',
  },
  request: { method: 'POST', url: 'Patient' },
};

/** A status Observation about the patient: LOINC `code`, answered with LOINC `answer`. */
function status(id: string, code: string, answer: string, date: string): Json {
  return {
    fullUrl: `urn:uuid:${id}`,
    resource: {
      resourceType: 'Observation',
      id,
      status: 'final',
      subject: { reference: PATIENT_URL },
      code: { coding: [{ system: LOINC, code }] },
      effectiveDateTime: date,
      valueCodeableConcept: { coding: [{ system: LOINC, code: answer }] },
    },
    request: { method: 'POST', url: 'Observation' },
  };
}

const NOT_PREGNANT = status('ps-1', '82810-3', 'LA26683-5', '2026-02-27');
const NOT_BREASTFEEDING = status('bf-1', '63895-7', 'LA29253-4', '2026-02-27');
const BREASTFEEDING_LATER = status('bf-2', '63895-7', 'LA29252-6', '2026-02-28');

describe.each(DRIVERS)('breastfeeding status Observations (LOINC 63895-7) on %s', (driver) => {
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
  const rowsOf = async (patientId: string) =>
    t.database.query(
      'select pregnancy, breastfeeding, recorded_on::text as "recordedOn" from reproductive_statuses where patient_id = $1 order by recorded_on',
      [patientId],
    );
  const findingsOf = async (patientId: string) => {
    const screened = await as(t.app, staff)('POST', `/api/patients/${patientId}/screenings`, {
      indication: 'depression',
    });
    expect(screened.statusCode, screened.body).toBe(201);
    return (screened.json<Json>().result.findings as Json[]).map((f) => f.code as string);
  };

  test('are kept beside the pregnancy status of their day, read back and screened', async () => {
    const imported = await post([patient, NOT_PREGNANT, NOT_BREASTFEEDING]);
    expect(imported.statusCode, imported.body).toBe(200);
    const responses = (imported.json<Json>().entry as Json[]).map((e) => e.response as Json);
    const patientId = String(responses[0]!.location).replace('Patient/', '');
    expect(responses.map((r) => String(r.status))).toEqual([
      '201 Created',
      '201 Created',
      '201 Created',
    ]);
    const rowId = String(responses[1]!.location).replace('Observation/pregnancy-', '');
    expect(responses[2]!.location).toBe(`Observation/breastfeeding-${rowId}`);
    // One row for the day: neither status hides the other.
    expect(await rowsOf(patientId)).toEqual([
      { pregnancy: 'not-pregnant', breastfeeding: 'no', recordedOn: '2026-02-27' },
    ]);
    expect(await findingsOf(patientId)).not.toContain('SCREEN.MISSING_BREASTFEEDING_STATUS');

    const read = await as(t.app, staff)('GET', `/fhir/Observation/breastfeeding-${rowId}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<Json>()).toMatchObject({
      resourceType: 'Observation',
      code: { coding: [{ system: LOINC, code: '63895-7' }] },
      subject: { reference: `Patient/${patientId}` },
      effectiveDateTime: '2026-02-27',
      valueCodeableConcept: { coding: [{ system: LOINC, code: 'LA29253-4' }] },
    });

    // Re-importing changes nothing; a newer "currently breastfeeding" wins.
    const again = await post([patient, NOT_PREGNANT, NOT_BREASTFEEDING, BREASTFEEDING_LATER]);
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json<Json>().entry as Json[]).map((e) => String(e.response.status))).toEqual([
      '200 OK',
      '200 OK',
      '200 OK',
      '201 Created',
    ]);
    // The newer row states breastfeeding only (null pregnancy): the older pregnancy status stands.
    expect(await rowsOf(patientId)).toEqual([
      { pregnancy: 'not-pregnant', breastfeeding: 'no', recordedOn: '2026-02-27' },
      { pregnancy: null, breastfeeding: 'yes', recordedOn: '2026-02-28' },
    ]);
    const later = await findingsOf(patientId);
    expect(later).toContain('PL.BREASTFEEDING');
    expect(later).not.toContain('SCREEN.MISSING_PREGNANCY_STATUS');
    // Nor is a pregnancy status made up for the export: the row has none to give.
    const laterRowId = String((again.json<Json>().entry as Json[])[3]!.response.location).replace(
      'Observation/breastfeeding-',
      '',
    );
    const made = await as(t.app, staff)('GET', `/fhir/Observation/pregnancy-${laterRowId}`);
    expect(made.statusCode).toBe(404);
  });

  test('a newer breastfeeding status never hides an older "pregnant"', async () => {
    const other = {
      ...patient,
      fullUrl: 'urn:uuid:55555555-5555-4555-8555-555555555555',
      resource: {
        ...patient.resource,
        identifier: [{ system: 'urn:test', value: 'breastfeeding-2' }],
      },
    };
    const about = (entry: Json): Json => {
      const resource = entry.resource as Json;
      const id = `${String(resource.id)}-b`;
      return {
        ...entry,
        fullUrl: `urn:uuid:${id}`,
        resource: { ...resource, id, subject: { reference: other.fullUrl } },
      };
    };
    const imported = await post([
      other,
      about(status('ps-2', '82810-3', 'LA15173-0', '2026-02-20')),
      about(status('bf-3', '63895-7', 'LA29253-4', '2026-03-01')),
    ]);
    expect(imported.statusCode, imported.body).toBe(200);
    const patientId = String((imported.json<Json>().entry as Json[])[0]!.response.location).replace(
      'Patient/',
      '',
    );
    expect(await rowsOf(patientId)).toEqual([
      { pregnancy: 'pregnant', breastfeeding: null, recordedOn: '2026-02-20' },
      { pregnancy: null, breastfeeding: 'no', recordedOn: '2026-03-01' },
    ]);
    const findings = await findingsOf(patientId);
    expect(findings).toContain('CI.PREGNANCY');
    expect(findings).not.toContain('SCREEN.MISSING_PREGNANCY_STATUS');
  });
});
