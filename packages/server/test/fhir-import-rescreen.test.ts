import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  as,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  postFhir,
  type Session,
  type TestApp,
  transaction,
} from './harness';

interface Screening {
  id: string;
  status: string;
  supersededBy: string | null;
  result: { findings: { code: string }[] };
}

describe.each(DRIVERS)('a FHIR import screens the patients it changed again, on %s', (driver) => {
  let t: TestApp;
  let staff: Session;

  beforeAll(async () => {
    t = await createTestApp(driver);
    staff = await login(t.app, DEMO.nurse);
  });
  afterAll(async () => {
    await t.close();
  });

  const screeningsOf = async (patientId: string) =>
    (await as(t.app, staff)('GET', `/api/patients/${patientId}/screenings`)).json<{
      items: Screening[];
    }>().items;

  test('an imported "pregnant" makes the current screening stale and the new one contraindicated', async () => {
    const created = await as(t.app, staff)('POST', '/api/patients', {
      givenName: 'Ines',
      familyName: 'Imported',
      birthDate: '1992-08-08',
      sex: 'female',
    });
    expect(created.statusCode, created.body).toBe(201);
    const patientId = created.json<{ id: string }>().id;
    const first = await as(t.app, staff)('POST', `/api/patients/${patientId}/screenings`, {
      indication: 'depression',
    });
    expect(first.statusCode, first.body).toBe(201);
    const before = first.json<Screening>();
    expect(before.result.findings.map((f) => f.code)).not.toContain('CI.PREGNANCY');

    const imported = await postFhir(
      t.app,
      staff,
      transaction([
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            subject: { reference: `Patient/${patientId}` },
            code: { coding: [{ system: 'http://loinc.org', code: '82810-3' }] },
            effectiveDateTime: '2026-03-01',
            valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA15173-0' }] },
          },
          request: { method: 'POST', url: 'Observation' },
        },
      ]),
    );
    expect(imported.statusCode, imported.body).toBe(200);

    const after = await screeningsOf(patientId);
    const current = after.filter((s) => s.status === 'current');
    expect(current).toHaveLength(1);
    expect(current[0]!.result.findings.map((f) => f.code)).toContain('CI.PREGNANCY');
    const old = after.find((s) => s.id === before.id);
    expect(old).toMatchObject({ status: 'stale', supersededBy: current[0]!.id });
    const audit = await t.database.query(
      `select count(*)::int as n from audit_log where action = 'patient.screening.rescreen' and patient_id = $1`,
      [patientId],
    );
    expect(audit[0]?.n).toBe(1);
  });

  test('a refused import screens nothing again', async () => {
    const created = await as(t.app, staff)('POST', '/api/patients', {
      givenName: 'Rafa',
      familyName: 'Refused',
      birthDate: '1980-01-01',
      sex: 'male',
    });
    const patientId = created.json<{ id: string }>().id;
    await as(t.app, staff)('POST', `/api/patients/${patientId}/screenings`, {
      indication: 'depression',
    });
    const refused = await postFhir(
      t.app,
      staff,
      transaction([
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            subject: { reference: `Patient/${patientId}` },
            code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
            effectiveDateTime: '2026-03-01',
            valueQuantity: {
              value: 80,
              unit: 'kg',
              system: 'http://unitsofmeasure.org',
              code: 'kg',
            },
          },
          request: { method: 'POST', url: 'Observation' },
        },
        {
          resource: {
            resourceType: 'Condition',
            subject: { reference: 'Patient/00000000-0000-4000-8000-000000000000' },
            code: { text: 'stroke' },
          },
          request: { method: 'POST', url: 'Condition' },
        },
      ]),
    );
    expect(refused.statusCode).toBe(400);
    const items = await screeningsOf(patientId);
    expect(items.map((s) => s.status)).toEqual(['current']);
  });
});
