/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-assignment -- FHIR JSON walked loosely in assertions */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { externalData } from '../../../test-support/external-data';
import {
  as,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  type Session,
  type TestApp,
  postFhir,
  demoPatientId,
} from './harness';
import { r4Errors } from './r4-validation';

const BUNDLES = join(externalData('synthea-smart-on-fhir-r4'), 'bundles');
const FILES = readdirSync(BUNDLES).filter((f) => f.endsWith('.json'));

type Json = Record<string, any>;

const loincOf = (r: Json): string[] =>
  ((r.code?.coding ?? []) as Json[])
    .filter((c) => c.system === 'http://loinc.org')
    .map((c) => c.code as string);

/** What KetaFlow keeps from a bundle, per FHIR type it answers with, and the codes/values. */
function expected(bundle: Json) {
  const resources = (bundle.entry as Json[]).map((e) => e.resource as Json);
  const codes = (type: string[], field: string) =>
    resources
      .filter((r) => type.includes(r.resourceType))
      .map((r) => ((r[field]?.coding ?? []) as Json[])[0]?.code as string)
      .sort();
  const vitals = resources.filter((r) => {
    if (r.resourceType !== 'Observation' || ['entered-in-error', 'cancelled'].includes(r.status))
      return false;
    const l = loincOf(r);
    return ['85354-9', '55284-4', '29463-7', '8302-2', '82810-3'].some((c) => l.includes(c));
  });
  return {
    patient: resources.find((r) => r.resourceType === 'Patient'),
    conditions: codes(['Condition'], 'code'),
    medications: codes(['MedicationRequest', 'MedicationStatement'], 'medicationCodeableConcept'),
    allergies: codes(['AllergyIntolerance'], 'code'),
    // KetaFlow answers every BP panel (55284-4 too) with 85354-9, the same two values.
    vitals: vitals
      .map((r) => `${loincOf(r)[0]!.replace('55284-4', '85354-9')}:${vitalValue(r)}`)
      .sort(),
  };
}

function vitalValue(r: Json): string {
  // KetaFlow keeps heights to 0.01 cm and weights to 0.001 kg.
  if (r.valueQuantity)
    return Number(
      Number(r.valueQuantity.value).toFixed(loincOf(r)[0] === '29463-7' ? 3 : 2),
    ).toFixed(2);
  if (r.component)
    return (r.component as Json[])
      .filter((c) => ['8480-6', '8462-4'].includes(loincOf(c)[0] ?? ''))
      .map((c) => `${loincOf(c)[0]!}=${String(Math.round(c.valueQuantity.value))}`)
      .sort()
      .join('/');
  return String(r.valueCodeableConcept?.coding?.[0]?.code);
}

function actual(everything: Json) {
  const resources = (everything.entry as Json[]).map((e) => e.resource as Json);
  const codes = (type: string, field: string) =>
    resources
      .filter((r) => r.resourceType === type)
      .map((r) => ((r[field]?.coding ?? []) as Json[])[0]?.code as string)
      .sort();
  return {
    conditions: codes('Condition', 'code'),
    medications: codes('MedicationStatement', 'medicationCodeableConcept'),
    allergies: codes('AllergyIntolerance', 'code'),
    vitals: resources
      .filter((r) => r.resourceType === 'Observation' && !String(r.id).startsWith('score-'))
      .map((r) => `${loincOf(r)[0]!}:${vitalValue(r)}`)
      .sort(),
  };
}

describe.each(DRIVERS)('FHIR R4 API on %s', (driver) => {
  let t: TestApp;
  let staff: Session;
  const imported = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp(driver);
    staff = await login(t.app, DEMO.prescriber);
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (body: unknown, session: Session | null = staff) => postFhir(t.app, session, body);

  test('the CapabilityStatement is valid FHIR R4 4.0.1', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/fhir/metadata' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/fhir+json');
    const body = response.json<Json>();
    expect(body.fhirVersion).toBe('4.0.1');
    expect(r4Errors(body)).toEqual([]);
  });

  test(
    'every Synthea bundle imports; $everything round-trips what KetaFlow keeps',
    { timeout: 600_000 },
    async () => {
      for (const file of FILES) {
        const bundle = JSON.parse(readFileSync(join(BUNDLES, file), 'utf8')) as Json;
        const response = await post(bundle);
        expect(response.statusCode, `${file}: ${response.body.slice(0, 300)}`).toBe(200);
        const result = response.json<Json>();
        expect(result.type).toBe('transaction-response');
        expect(result.entry).toHaveLength((bundle.entry as unknown[]).length);
        expect(r4Errors(result)).toEqual([]);
        const want = expected(bundle);
        if (want.patient === undefined) {
          expect(result.entry[0].response.outcome.issue[0].diagnostics).toMatch(/Kept: none/);
          continue;
        }
        const location = String(result.entry[0].response.location);
        const id = location.replace('Patient/', '');
        imported.set(file, id);
        const everything = await as(t.app, staff)('GET', `/fhir/Patient/${id}/$everything`);
        expect(everything.statusCode).toBe(200);
        const got = actual(everything.json<Json>());
        expect(got.conditions, file).toEqual(want.conditions);
        expect(got.medications, file).toEqual(want.medications);
        expect(got.allergies, file).toEqual(want.allergies);
        expect(got.vitals, file).toEqual(want.vitals);
      }
      expect(imported.size).toBe(42);
    },
  );

  test('re-importing a bundle is idempotent', async () => {
    const file = FILES.find((f) => imported.has(f))!;
    const bundle = JSON.parse(readFileSync(join(BUNDLES, file), 'utf8')) as Json;
    const count = async () =>
      (await t.database.query('select count(*)::int as n from fhir_links'))[0]?.n;
    const before = [
      await count(),
      (await t.database.query('select count(*)::int as n from patients'))[0]?.n,
    ];
    const again = await post(bundle);
    expect(again.statusCode).toBe(200);
    expect(again.json<Json>().entry[0].response).toMatchObject({
      status: '200 OK',
      location: `Patient/${imported.get(file)!}`,
    });
    expect([
      await count(),
      (await t.database.query('select count(*)::int as n from patients'))[0]?.n,
    ]).toEqual(before);
    const identifier = (expected(bundle).patient!.identifier as Json[])[0]!;
    const search = await as(t.app, staff)(
      'GET',
      `/fhir/Patient?identifier=${encodeURIComponent(`${String(identifier.system)}|${String(identifier.value)}`)}`,
    );
    expect(search.json<Json>().total).toBe(1);
  });

  test('read and search answer valid searchset Bundles and resources', async () => {
    const id = [...imported.values()][0]!;
    const get = as(t.app, staff);
    for (const type of [
      'Patient',
      'Condition',
      'MedicationStatement',
      'AllergyIntolerance',
      'Observation',
      'QuestionnaireResponse',
      'Appointment',
      'CarePlan',
      'MedicationAdministration',
      'MedicationRequest',
    ]) {
      const url =
        type === 'Patient'
          ? `/fhir/Patient?_id=${id}`
          : `/fhir/${type}?patient=Patient/${id}&_count=5`;
      const response = await get('GET', url);
      expect(response.statusCode, url).toBe(200);
      const body = response.json<Json>();
      expect(body.type).toBe('searchset');
      expect(r4Errors(body), url).toEqual([]);
      for (const entry of (body.entry as Json[]).slice(0, 2)) {
        const read = await get('GET', `/fhir/${type}/${String(entry.resource.id)}`);
        expect(read.statusCode).toBe(200);
        expect(read.json()).toEqual(entry.resource);
      }
    }
    // The demo clinic's own patients too (courses, appointments, sessions, rating scores).
    const demo = await demoPatientId(t);
    const all = await get('GET', `/fhir/Patient/${demo}/$everything`);
    expect(all.statusCode).toBe(200);
    expect(r4Errors(all.json())).toEqual([]);
    const types = new Set((all.json<Json>().entry as Json[]).map((e) => e.resource.resourceType));
    for (const type of ['CarePlan', 'MedicationRequest', 'Appointment', 'QuestionnaireResponse'])
      expect(types).toContain(type);
    const scores = (all.json<Json>().entry as Json[])
      .map((e) => e.resource as Json)
      .filter((r) => r.resourceType === 'Observation' && String(r.id).startsWith('score-'));
    expect(scores.map((r) => r.code.coding[0].code)).toContain('44261-6');
  });

  test('an infusion started in KetaFlow answers as a MedicationAdministration with its dose', async () => {
    const nurse = await login(t.app, DEMO.nurse);
    const [loc] = await t.database.query(`select id from locations where code = 'downtown'`);
    const [p] = await t.database.query(
      `insert into patients (given_name, family_name, birth_date, sex) values ('Infused', 'Fhir', '1980-05-01', 'male') returning id`,
    );
    const startsAt = new Date(t.clock.now().getTime() + 15 * 60_000);
    const [a] = await t.database.query(
      `insert into appointments (patient_id, type, status, location_id, starts_at, ends_at, created_by)
       values ($1, 'infusion', 'booked', $2, $3, $4, $5) returning id`,
      [
        p?.id,
        loc?.id,
        startsAt.toISOString(),
        new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        nurse.user.id,
      ],
    );
    const n = as(t.app, nurse);
    const session = (await n('POST', `/api/appointments/${String(a?.id)}/session`)).json<Json>();
    const pre = await n('POST', `/api/sessions/${String(session.id)}/pre-check`, {
      vitals: {
        systolicMmHg: 122,
        diastolicMmHg: 78,
        heartRate: 72,
        spo2: 98,
        respiratoryRate: 14,
        temperatureC: 36.7,
      },
      weight: { value: 70, unit: 'kg' },
      pregnancyTest: 'not-applicable',
      fasting: true,
      medicationChanges: [],
      consentOnFile: true,
    });
    expect(pre.statusCode, pre.body).toBe(200);
    const start = await n('POST', `/api/sessions/${String(session.id)}/start`, {
      dose: { indication: 'depression', concentration: { value: 50, unit: 'mg/mL' } },
      vialLot: 'LOT-123',
      vialExpiry: '2027-01-31',
    });
    expect(start.statusCode, start.body).toBe(200);
    const search = await as(t.app, staff)(
      'GET',
      `/fhir/MedicationAdministration?patient=${String(p?.id)}`,
    );
    const body = search.json<Json>();
    expect(body.total).toBe(1);
    expect(body.entry[0].resource).toMatchObject({
      id: session.id,
      status: 'in-progress',
      medicationCodeableConcept: { coding: [{ code: '6130' }] },
      dosage: { dose: { unit: 'mg' } },
    });
    expect(body.entry[0].resource.dosage.dose.value).toBeGreaterThan(0);
    expect(r4Errors(body)).toEqual([]);
  });

  test('search pages with _count and a next link; Patient by name', async () => {
    const id = [...imported.values()][0]!;
    const get = as(t.app, staff);
    const first = (await get('GET', `/fhir/Observation?patient=${id}&_count=3`)).json<Json>();
    expect(first.entry).toHaveLength(3);
    const next = (first.link as Json[]).find((l) => l.relation === 'next')!;
    const url = new URL(String(next.url));
    const second = (await get('GET', `${url.pathname}${url.search}`)).json<Json>();
    expect(second.entry).toHaveLength(3);
    expect(second.entry[0].resource.id).not.toBe(first.entry[0].resource.id);
    expect(second.total).toBe(first.total);
    const patient = (await get('GET', `/fhir/Patient/${id}`)).json<Json>();
    const byName = await get(
      'GET',
      `/fhir/Patient?name=${encodeURIComponent(String(patient.name[0].family))}`,
    );
    expect((byName.json<Json>().entry as Json[]).map((e) => e.resource.id)).toContain(id);
    // FHIR string search matches the start of a name part, not the middle of one.
    const family = String(patient.name[0].family);
    const ids = async (name: string) => {
      const bundle = (await get('GET', `/fhir/Patient?name=${encodeURIComponent(name)}`)).json<{
        entry?: { resource: { id: string } }[];
      }>();
      return (bundle.entry ?? []).map((e) => e.resource.id);
    };
    expect(await ids(family.slice(0, 3).toLowerCase())).toContain(id);
    expect(await ids(family.slice(1))).not.toContain(id);
    // Commas give alternatives (OR), as the CapabilityStatement says: this patient and another.
    const other = (await get('GET', '/fhir/Patient?_count=50'))
      .json<{
        entry: { resource: { id: string; name: { family: string }[] } }[];
      }>()
      .entry.find((e) => e.resource.name[0]?.family !== family)!.resource;
    const either = await ids(`${family},${other.name[0]!.family}`);
    expect(either).toContain(id);
    expect(either).toContain(other.id);
    expect(await ids(`zzzz-nobody,${family}`)).toContain(id);
    expect(await ids(',')).toEqual([]);
    const mrn = String(
      (patient.identifier as Json[]).find((i) => String(i.system).includes('mrn'))?.value,
    );
    const byIdentifier = await get('GET', `/fhir/Patient?identifier=NOPE-1,${mrn}`);
    expect((byIdentifier.json<Json>().entry as Json[]).map((e) => e.resource.id)).toEqual([id]);
  });

  test('errors are OperationOutcomes naming the problem', async () => {
    const get = as(t.app, staff);
    const missing = await get('GET', '/fhir/Condition/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ code: 'not-found' }],
    });
    const badCount = await get('GET', '/fhir/Condition?patient=x&_count=lots');
    expect(badCount.statusCode).toBe(400);
    expect(badCount.json<Json>().issue[0].expression).toEqual(['_count']);
    const noPatient = await get('GET', '/fhir/Condition');
    expect(noPatient.statusCode).toBe(400);
    expect(noPatient.json<Json>().issue[0].expression).toEqual(['patient']);
    const notBundle = await post({ resourceType: 'Bundle', type: 'batch', entry: [] });
    expect(notBundle.statusCode).toBe(400);
    expect(notBundle.json<Json>().issue[0].expression).toEqual(['Bundle.type']);
    expect(r4Errors(notBundle.json())).toEqual([]);
  });

  test('a form too large for the token endpoint answers 413 as an OAuth error', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/fhir/auth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=client_credentials&scope=${'x'.repeat(2 * 1024 * 1024)}`,
    });
    expect(response.statusCode, response.body).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toMatchObject({ error: 'invalid_request' });
  });

  test('roles: anonymous 401, a patient reads only their own record, imports are staff-only; audited', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/fhir/Patient' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ resourceType: 'OperationOutcome' });
    const patient = await login(t.app, DEMO.patient);
    const own = patient.user.patientId!;
    const mine = await as(t.app, patient)('GET', `/fhir/Patient/${own}`);
    expect(mine.statusCode).toBe(200);
    const other = [...imported.values()][0]!;
    const theirs = await as(t.app, patient)('GET', `/fhir/Patient/${other}`);
    expect(theirs.statusCode).toBe(403);
    const list = await as(t.app, patient)('GET', '/fhir/Patient');
    expect((list.json<Json>().entry as Json[]).map((e) => e.resource.id)).toEqual([own]);
    expect(
      (await post({ resourceType: 'Bundle', type: 'transaction', entry: [] }, patient)).statusCode,
    ).toBe(403);
    const audit = await t.database.query(
      "select action, outcome, patient_id from audit_log where action like 'fhir.%'",
    );
    const actions = audit.map((r) => `${String(r.action)}:${String(r.outcome)}`);
    expect(actions).toContain('fhir.import:success');
    expect(actions).toContain('fhir.everything:success');
    expect(actions).toContain('fhir.read:success');
    expect(actions).toContain('fhir.search:success');
    expect(audit.some((r) => r.outcome === 'denied' && r.patient_id === other)).toBe(true);
  });
});
