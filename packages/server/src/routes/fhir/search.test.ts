/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-assignment -- FHIR JSON walked loosely in assertions */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { externalData } from '../../../../../test-support/external-data';
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
} from '../../../test/harness';
import { planSearch } from './search';
import { dateRange } from './search-dates';
import { r4Errors } from '../../../test/r4-validation';

const BUNDLES = join(externalData('synthea-smart-on-fhir-r4'), 'bundles');

type Json = Record<string, any>;

const ids = (bundle: Json): string[] =>
  ((bundle.entry ?? []) as Json[])
    .filter((e) => e.search?.mode === 'match')
    .map((e) => String(e.resource.id));
const resources = (bundle: Json): Json[] =>
  ((bundle.entry ?? []) as Json[])
    .filter((e) => e.search?.mode === 'match')
    .map((e) => e.resource as Json);
const loinc = (r: Json): string | undefined =>
  (r.code?.coding as Json[] | undefined)?.find((c) => c.system === 'http://loinc.org')?.code;
const day = (r: Json): string => String(r.effectiveDateTime ?? r.start).slice(0, 10);

describe('planSearch (no database)', () => {
  test('dates cover the range their precision says, time zones included', () => {
    expect(dateRange('2026')).toEqual({
      start: Date.parse('2026-01-01T00:00:00Z'),
      end: Date.parse('2027-01-01T00:00:00Z'),
    });
    expect(dateRange('2024-02')?.end).toBe(Date.parse('2024-03-01T00:00:00Z'));
    expect(dateRange('2026-02-02T16:00:00+01:00')).toEqual({
      start: Date.parse('2026-02-02T15:00:00Z'),
      end: Date.parse('2026-02-02T15:00:01Z'),
    });
    for (const bad of ['2026-13-01', '2026-02-30', '02/03/2026', '2026-1-1', 'today', ''])
      expect(dateRange(bad), bad).toBeUndefined();
  });

  test('prefixes compare ranges as FHIR search defines them', () => {
    const obs = (d: string) => ({ resourceType: 'Observation', id: d, effectiveDateTime: d });
    const all = ['2026-01-31', '2026-02-01', '2026-02-01T23:59:00Z', '2026-02-02'].map(obs);
    const hit = (date: string | string[]) =>
      all.filter(planSearch('Observation', { date }, false).matches).map((r) => r.id);
    expect(hit('2026-02-01')).toEqual(['2026-02-01', '2026-02-01T23:59:00Z']);
    expect(hit('eq2026-02')).toEqual(['2026-02-01', '2026-02-01T23:59:00Z', '2026-02-02']);
    expect(hit('gt2026-02-01')).toEqual(['2026-02-02']);
    expect(hit('ge2026-02-01')).toEqual(['2026-02-01', '2026-02-01T23:59:00Z', '2026-02-02']);
    expect(hit('lt2026-02-01')).toEqual(['2026-01-31']);
    expect(hit('le2026-02-01T12:00:00Z')).toEqual(['2026-01-31', '2026-02-01']);
    expect(hit('ne2026-02-01')).toEqual(['2026-01-31', '2026-02-02']);
    expect(hit('sa2026-02-01')).toEqual(['2026-02-02']);
    expect(hit('eb2026-02-01')).toEqual(['2026-01-31']);
    // Repeats AND, commas OR.
    expect(hit(['ge2026-02-01', 'lt2026-02-02'])).toEqual(['2026-02-01', '2026-02-01T23:59:00Z']);
    expect(hit('2026-01-31,2026-02-02')).toEqual(['2026-01-31', '2026-02-02']);
  });

  test('bad values and unknown parameters', () => {
    const refused = (query: Record<string, string>, strict = false) => {
      try {
        planSearch('Observation', query, strict);
      } catch (error) {
        return error as { status: number; expression?: string };
      }
      return undefined;
    };
    expect(refused({ date: 'ap2026-01-01' })).toMatchObject({ status: 400, expression: 'date' });
    expect(refused({ date: '2026-02-30' })).toMatchObject({ status: 400, expression: 'date' });
    expect(refused({ _sort: 'code' })).toMatchObject({ status: 400, expression: '_sort' });
    expect(refused({ 'code:text': 'weight' })).toMatchObject({
      status: 400,
      expression: 'code:text',
    });
    expect(refused({ _elements: 'id' })).toBeUndefined();
    expect(refused({ _elements: 'id' }, true)).toMatchObject({
      status: 400,
      expression: '_elements',
    });
    expect(planSearch('Observation', { _elements: 'id', code: 'x' }, false)).toMatchObject({
      ignored: ['_elements'],
      used: [['code', 'x']],
    });
  });
});

describe.each(DRIVERS)('FHIR search parameters on %s', (driver) => {
  let t: TestApp;
  let staff: Session;
  let demo: string;
  /** The imported Synthea patient with the most vital-sign Observations. */
  let synthea: string;
  let observations: Json[];
  let conditions: Json[];

  beforeAll(async () => {
    t = await createTestApp(driver);
    staff = await login(t.app, DEMO.prescriber);
    demo = await demoPatientId(t);
    const get = as(t.app, staff);
    let best = { id: '', observations: [] as Json[], conditions: [] as Json[] };
    for (const file of readdirSync(BUNDLES).filter((f) => f.endsWith('.json'))) {
      const response = await postFhir(t.app, staff, readFileSync(join(BUNDLES, file), 'utf8'));
      expect(response.statusCode, file).toBe(200);
      const location = String(response.json<Json>().entry[0].response.location ?? '');
      if (!location.startsWith('Patient/')) continue;
      const id = location.slice('Patient/'.length);
      const everything = resources((await get('GET', `/fhir/Patient/${id}/$everything`)).json());
      const obs = everything.filter((r) => r.resourceType === 'Observation');
      const cond = everything.filter((r) => r.resourceType === 'Condition');
      const clinical = (r: Json) => String(r.clinicalStatus.coding[0].code);
      const mixed = new Set(cond.map(clinical)).size > 1;
      if (mixed && obs.length > best.observations.length)
        best = { id, observations: obs, conditions: cond };
    }
    synthea = best.id;
    observations = best.observations;
    conditions = best.conditions;
    expect(observations.length).toBeGreaterThan(10);
  }, 600_000);
  afterAll(async () => {
    await t.close();
  });

  const search = async (url: string, headers: Record<string, string> = {}) => {
    const response = await t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: staff.cookie, ...headers },
    });
    return { status: response.statusCode, body: response.json<Json>() };
  };

  test('Observation by code (system|code, code, several) and category', async () => {
    const base = `/fhir/Observation?patient=${synthea}`;
    const weights = observations.filter((r) => loinc(r) === '29463-7').map((r) => String(r.id));
    expect(weights.length).toBeGreaterThan(1);
    const bySystem = await search(`${base}&code=${encodeURIComponent('http://loinc.org|29463-7')}`);
    expect(bySystem.status).toBe(200);
    expect(ids(bySystem.body)).toEqual(weights);
    expect(bySystem.body.total).toBe(weights.length);
    expect(r4Errors(bySystem.body)).toEqual([]);
    expect(ids((await search(`${base}&code=29463-7`)).body)).toEqual(weights);
    expect(
      (await search(`${base}&code=${encodeURIComponent('http://snomed.info/sct|29463-7')}`)).body
        .total,
    ).toBe(0);
    const heights = observations.filter((r) => loinc(r) === '8302-2').map((r) => String(r.id));
    expect(ids((await search(`${base}&code=29463-7,8302-2`)).body).sort()).toEqual(
      [...weights, ...heights].sort(),
    );

    const vitals = observations.filter((r) => r.category?.[0]?.coding?.[0]?.code === 'vital-signs');
    expect(ids((await search(`${base}&category=vital-signs`)).body)).toEqual(
      vitals.map((r) => String(r.id)),
    );
    // The demo patient's PHQ-9 totals are survey Observations.
    const surveys = await search(
      `/fhir/Observation?patient=${demo}&category=${encodeURIComponent('http://terminology.hl7.org/CodeSystem/observation-category|survey')}`,
    );
    expect(surveys.body.total).toBe(4);
    expect(ids(surveys.body).every((id) => id.startsWith('score-'))).toBe(true);
  });

  test('Observation by date with prefixes, a range, and _sort=-date', async () => {
    const base = `/fhir/Observation?patient=${synthea}`;
    const days = [...new Set(observations.map(day))].sort();
    const mid = days[Math.floor(days.length / 2)]!;
    const expectIds = (got: Json, pick: (d: string) => boolean) => {
      expect(ids(got).sort()).toEqual(
        observations
          .filter((r) => pick(day(r)))
          .map((r) => String(r.id))
          .sort(),
      );
    };
    expectIds((await search(`${base}&date=${mid}`)).body, (d) => d === mid);
    expectIds((await search(`${base}&date=eq${mid}`)).body, (d) => d === mid);
    expectIds((await search(`${base}&date=ge${mid}`)).body, (d) => d >= mid);
    expectIds((await search(`${base}&date=gt${mid}`)).body, (d) => d > mid);
    expectIds((await search(`${base}&date=lt${mid}`)).body, (d) => d < mid);
    expectIds((await search(`${base}&date=le${mid}`)).body, (d) => d <= mid);
    const year = mid.slice(0, 4);
    expectIds((await search(`${base}&date=${year}`)).body, (d) => d.startsWith(year));
    const from = days[1]!;
    const to = days[days.length - 2]!;
    expectIds(
      (await search(`${base}&date=ge${from}&date=le${to}`)).body,
      (d) => d >= from && d <= to,
    );

    const newestFirst = resources((await search(`${base}&_sort=-date`)).body).map(day);
    expect(newestFirst).toHaveLength(observations.length);
    expect(newestFirst).toEqual([...newestFirst].sort().reverse());
    const oldestFirst = resources((await search(`${base}&_sort=date`)).body).map(day);
    expect(oldestFirst).toEqual([...oldestFirst].sort());

    // Filters and sort carry over to the next page.
    const page = (await search(`${base}&code=29463-7&_sort=-date&_count=1`)).body;
    const next = new URL(String((page.link as Json[]).find((l) => l.relation === 'next')!.url));
    expect(next.searchParams.get('code')).toBe('29463-7');
    expect(next.searchParams.get('_sort')).toBe('-date');
    const second = (await search(`${next.pathname}${next.search}`)).body;
    expect(day(resources(second)[0]!) <= day(resources(page)[0]!)).toBe(true);
  });

  test('a bad date or prefix is a 400 OperationOutcome naming the parameter', async () => {
    for (const [query, param] of [
      [`date=2026-02-30`, 'date'],
      [`date=last-week`, 'date'],
      [`date=ap2026-01-01`, 'date'],
      [`_sort=code`, '_sort'],
      [`code:text=weight`, 'code:text'],
    ]) {
      const response = await search(`/fhir/Observation?patient=${synthea}&${query!}`);
      expect(response.status, query).toBe(400);
      expect(response.body).toMatchObject({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', expression: [param] }],
      });
      expect(r4Errors(response.body)).toEqual([]);
    }
    // Letters that are not a prefix before a digit are not a date, and the message says so.
    const words = await search(`/fhir/Observation?patient=${synthea}&date=notadate`);
    expect(words.status).toBe(400);
    expect(words.body.issue[0].diagnostics).toMatch(/notadate is not a date/);
    const unknownPrefix = await search(`/fhir/Observation?patient=${synthea}&date=xx2026-01-01`);
    expect(unknownPrefix.status).toBe(400);
    expect(unknownPrefix.body.issue[0].diagnostics).toMatch(/prefix xx is not supported/);
    const birth = await search('/fhir/Patient?birthdate=1990-02-31');
    expect(birth.status).toBe(400);
    expect(birth.body.issue[0].expression).toEqual(['birthdate']);
  });

  test('Condition by clinical-status', async () => {
    const base = `/fhir/Condition?patient=${synthea}`;
    const status = (r: Json) => String(r.clinicalStatus.coding[0].code);
    const statuses = [...new Set(conditions.map(status))];
    expect(statuses.length).toBeGreaterThan(1);
    for (const s of statuses) {
      const got = (await search(`${base}&clinical-status=${s}`)).body;
      expect(ids(got), s).toEqual(conditions.filter((r) => status(r) === s).map((r) => r.id));
    }
    const system = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
    expect(
      (await search(`${base}&clinical-status=${encodeURIComponent(`${system}|${statuses[0]!}`)}`))
        .body.total,
    ).toBe(conditions.filter((r) => status(r) === statuses[0]).length);
    expect((await search(`${base}&clinical-status=${statuses.join(',')}`)).body.total).toBe(
      conditions.length,
    );
  });

  test('Appointment by date and status; MedicationRequest by status', async () => {
    const [appointment] = await t.database.query(
      'select id from appointments where patient_id = $1 order by starts_at limit 1',
      [demo],
    );
    await t.database.query(
      "update appointments set status = 'cancelled', cancel_reason = 'Patient unwell' where id = $1",
      [appointment!.id],
    );
    const base = `/fhir/Appointment?patient=${demo}`;
    const all = resources((await search(base)).body);
    expect(all.length).toBeGreaterThan(2);
    const cancelled = await search(`${base}&status=cancelled`);
    expect(ids(cancelled.body)).toEqual([String(appointment!.id)]);
    expect((await search(`${base}&status=booked`)).body.total).toBe(all.length - 1);
    expect((await search(`${base}&status=booked,cancelled`)).body.total).toBe(all.length);

    const march = all.filter((r) => String(r.start) >= '2026-03-01');
    expect(march.length).toBeGreaterThan(0);
    expect(ids((await search(`${base}&date=ge2026-03-01`)).body)).toEqual(march.map((r) => r.id));
    expect(ids((await search(`${base}&date=lt2026-03`)).body)).toEqual(
      all.filter((r) => String(r.start) < '2026-03').map((r) => r.id),
    );
    const first = all[0]!;
    // A time with its zone: the appointment starts at exactly this instant.
    const at = new Date(String(first.start)).toISOString().replace('.000Z', '+00:00');
    expect(ids((await search(`${base}&date=${encodeURIComponent(at)}`)).body)).toEqual([first.id]);
    const newest = resources((await search(`${base}&_sort=-date`)).body).map((r) => r.start);
    expect(newest).toEqual([...newest].sort().reverse());

    const requests = `/fhir/MedicationRequest?patient=${demo}`;
    expect((await search(`${requests}&status=active`)).body.total).toBe(1);
    expect((await search(`${requests}&status=completed`)).body.total).toBe(0);
  });

  test('Patient by birthdate, family, given and _lastUpdated', async () => {
    const patient = (await search(`/fhir/Patient?_id=${synthea}`)).body.entry[0].resource as Json;
    const born = String(patient.birthDate);
    const family = String(patient.name[0].family);
    const given = String(patient.name[0].given[0]);
    const has = async (query: string) => ids((await search(`/fhir/Patient?${query}`)).body);
    const enc = encodeURIComponent;
    expect(await has(`birthdate=${born}`)).toContain(synthea);
    expect(await has(`birthdate=${born.slice(0, 4)}`)).toContain(synthea);
    expect(await has(`birthdate=lt${born}`)).not.toContain(synthea);
    expect(await has(`birthdate=ge${born}&birthdate=le${born}`)).toContain(synthea);
    for (const r of resources((await search(`/fhir/Patient?birthdate=lt1970`)).body))
      expect(String(r.birthDate) < '1970').toBe(true);
    // Starts with, case ignored.
    expect(await has(`family=${enc(family.slice(0, 3).toLowerCase())}`)).toContain(synthea);
    expect(await has(`family=${enc(family.slice(1))}`)).not.toContain(synthea);
    expect(await has(`given=${enc(given.toUpperCase())}&family=${enc(family)}`)).toEqual([synthea]);
    const updated = String(patient.meta.lastUpdated);
    expect(await has(`_lastUpdated=${enc(updated)}`)).toContain(synthea);
    expect(await has(`_lastUpdated=gt${enc(updated)}`)).not.toContain(synthea);
    expect(await has('_lastUpdated=lt2000')).toEqual([]);
  });

  test('unknown parameters are ignored and named, or refused with Prefer: handling=strict', async () => {
    const base = `/fhir/Observation?patient=${synthea}`;
    const lenient = await search(`${base}&code=29463-7&_elements=id&foo=bar`);
    expect(lenient.status).toBe(200);
    const plain = await search(`${base}&code=29463-7`);
    expect(ids(lenient.body)).toEqual(ids(plain.body));
    expect(lenient.body.total).toBe(plain.body.total);
    const last = (lenient.body.entry as Json[]).at(-1)!;
    expect(last.search).toEqual({ mode: 'outcome' });
    expect(last.resource).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'warning', code: 'not-supported' }],
    });
    expect(last.resource.issue[0].diagnostics).toContain('_elements, foo');
    const self = new URL(String((lenient.body.link as Json[])[0]!.url));
    expect([...self.searchParams.keys()]).toEqual(['patient', 'code']);
    expect(r4Errors(lenient.body)).toEqual([]);
    // A parameter of another type is unknown here too.
    expect((await search(`${base}&birthdate=2000`)).body.total).toBe(observations.length);

    const strict = await search(`${base}&code=29463-7&foo=bar`, {
      prefer: 'return=representation, handling=strict',
    });
    expect(strict.status).toBe(400);
    expect(strict.body).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ code: 'not-supported', expression: ['foo'] }],
    });
    const strictKnown = await search(`${base}&code=29463-7`, { prefer: 'handling=strict' });
    expect(strictKnown.status).toBe(200);
    expect(strictKnown.body.total).toBe(plain.body.total);
    expect((await search(`${base}&foo=bar`, { prefer: 'handling=lenient' })).status).toBe(200);
  });

  test('the CapabilityStatement lists every supported parameter per type', async () => {
    const cap = (await t.app.inject({ method: 'GET', url: '/fhir/metadata' })).json<Json>();
    expect(r4Errors(cap)).toEqual([]);
    const params = (type: string) =>
      ((cap.rest[0].resource as Json[]).find((r) => r.type === type)!.searchParam as Json[]).map(
        (p) => `${String(p.name)}:${String(p.type)}`,
      );
    expect(params('Observation')).toEqual(
      expect.arrayContaining(['code:token', 'category:token', 'date:date', 'patient:reference']),
    );
    expect(params('Condition')).toContain('clinical-status:token');
    expect(params('Appointment')).toEqual(expect.arrayContaining(['date:date', 'status:token']));
    expect(params('MedicationRequest')).toContain('status:token');
    expect(params('Patient')).toEqual(
      expect.arrayContaining([
        'birthdate:date',
        'family:string',
        'given:string',
        '_lastUpdated:date',
        'identifier:token',
        'name:string',
      ]),
    );
    expect(String(cap.rest[0].documentation)).toContain('handling=strict');
    // Every listed parameter is accepted in strict mode.
    for (const resource of cap.rest[0].resource as Json[]) {
      const names = (resource.searchParam as Json[])
        .map((p) => String(p.name))
        .filter((n) => !['_count', '_offset', '_sort'].includes(n));
      const query = names.map((n) => `${n}=${n === 'patient' ? synthea : ''}`).join('&');
      const response = await search(`/fhir/${String(resource.type)}?${query}`, {
        prefer: 'handling=strict',
      });
      expect(response.status, `${String(resource.type)}?${query}`).toBe(200);
    }
  });
});
