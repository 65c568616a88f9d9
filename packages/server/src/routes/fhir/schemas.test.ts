/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- OpenAPI and FHIR JSON walked loosely in assertions */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  as,
  createTestApp,
  DEMO,
  login,
  type Session,
  type TestApp,
  demoPatientId,
} from '../../../test/harness';
import {
  CapabilityStatementSchema,
  OperationOutcomeSchema,
  ResourceSchema,
  SearchsetSchema,
} from './schemas';

type Json = Record<string, any>;

describe('FHIR route schemas', () => {
  let t: TestApp;
  let staff: Session;
  let demo: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    staff = await login(t.app, DEMO.prescriber);
    demo = await demoPatientId(t);
  });
  afterAll(async () => {
    await t.close();
  });

  test('the OpenAPI document has a schema for every /fhir response status', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<Json>();
    const want: Record<string, Record<string, string[]>> = {
      'post /fhir/auth/token': {
        200: ['application/json'],
        400: ['application/json', 'application/fhir+json'],
        401: ['application/json'],
        429: ['application/json'],
        413: ['application/json'],
        415: ['application/fhir+json'],
        500: ['application/fhir+json'],
      },
      'get /fhir/.well-known/smart-configuration': {
        200: ['application/json'],
        500: ['application/fhir+json'],
      },
      'get /fhir/metadata': { 200: ['application/fhir+json'], 500: ['application/fhir+json'] },
      'post /fhir/': Object.fromEntries(
        [200, 400, 401, 403, 409, 413, 415, 500].map((s) => [s, ['application/fhir+json']]),
      ),
      'get /fhir/Patient/{id}/$everything': Object.fromEntries(
        [200, 400, 401, 403, 404, 500].map((s) => [s, ['application/fhir+json']]),
      ),
      'get /fhir/{type}/{id}': Object.fromEntries(
        [200, 401, 403, 404, 500].map((s) => [s, ['application/fhir+json']]),
      ),
      'get /fhir/{type}': Object.fromEntries(
        [200, 400, 401, 403, 404, 500].map((s) => [s, ['application/fhir+json']]),
      ),
    };
    const fhirPaths = Object.keys(doc.paths as Json).filter((p) => p.startsWith('/fhir'));
    const operations = fhirPaths.flatMap((p) =>
      Object.keys(doc.paths[p] as Json).map((m) => `${m} ${p}`),
    );
    expect(operations.sort()).toEqual(Object.keys(want).sort());
    for (const [operation, statuses] of Object.entries(want)) {
      const [method, path] = operation.split(' ') as [string, string];
      const responses = doc.paths[path][method].responses as Json;
      expect(Object.keys(responses).sort(), operation).toEqual(Object.keys(statuses).sort());
      for (const [status, types] of Object.entries(statuses)) {
        const content = responses[status].content as Json;
        expect(Object.keys(content).sort(), `${operation} ${status}`).toEqual([...types].sort());
        for (const type of types)
          expect(content[type].schema, `${operation} ${status} ${type}`).toBeTypeOf('object');
      }
    }
    const outcome = doc.paths['/fhir/{type}'].get.responses['400'].content['application/fhir+json'];
    expect(JSON.stringify(outcome.schema)).toContain('OperationOutcome');
    const search = doc.paths['/fhir/{type}'].get.parameters as Json[];
    expect(search.map((p) => String(p.name))).toEqual(
      expect.arrayContaining(['patient', '_count']),
    );
    const everything = doc.paths['/fhir/Patient/{id}/$everything'].get.parameters as Json[];
    expect(everything.map((p) => String(p.name))).toEqual(
      expect.arrayContaining(['_count', '_offset']),
    );
  });

  test('responses pass their schemas with every FHIR field kept, in order', async () => {
    const get = as(t.app, staff);
    const everything = await get('GET', `/fhir/Patient/${demo}/$everything`);
    expect(everything.statusCode).toBe(200);
    const bundle = everything.json<Json>();
    expect(SearchsetSchema.safeParse(bundle).success).toBe(true);
    // Written as built, not as zod re-assembles it: key order and fields not in the schema stay.
    expect(everything.body).toBe(JSON.stringify(bundle));
    expect(Object.keys(bundle)).toEqual(['resourceType', 'type', 'total', 'link', 'entry']);
    const weight = (bundle.entry as Json[])
      .map((e) => e.resource as Json)
      .find((r) => String(r.id).startsWith('weight-'))!;
    expect(Object.keys(weight)).toEqual([
      'resourceType',
      'id',
      'status',
      'category',
      'code',
      'subject',
      'effectiveDateTime',
      'valueQuantity',
    ]);
    expect(weight.valueQuantity).toMatchObject({ unit: 'kg', system: 'http://unitsofmeasure.org' });

    const read = await get('GET', `/fhir/Observation/${String(weight.id)}`);
    expect(read.body).toBe(JSON.stringify(weight));
    expect(ResourceSchema.safeParse(read.json()).success).toBe(true);

    const metadata = await t.app.inject({ method: 'GET', url: '/fhir/metadata' });
    expect(CapabilityStatementSchema.safeParse(metadata.json()).success).toBe(true);

    for (const [url, status] of [
      ['/fhir/Condition/00000000-0000-4000-8000-000000000000', 404],
      ['/fhir/Condition?patient=x&_count=lots', 400],
      ['/fhir/Basic/1', 404],
    ] as const) {
      const response = await get('GET', url);
      expect(response.statusCode, url).toBe(status);
      expect(response.headers['content-type']).toContain('application/fhir+json');
      expect(OperationOutcomeSchema.safeParse(response.json()).success, url).toBe(true);
    }
  });

  test('the token endpoint answers OAuth errors as JSON, an unreadable body as an OperationOutcome', async () => {
    const form = await t.app.inject({
      method: 'POST',
      url: '/fhir/auth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=password',
    });
    expect(form.statusCode).toBe(400);
    expect(form.headers['content-type']).toContain('application/json');
    expect(form.json()).toEqual({
      error: 'unsupported_grant_type',
      error_description: 'grant_type must be client_credentials.',
    });
    const broken = await t.app.inject({
      method: 'POST',
      url: '/fhir/auth/token',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/fhir+json');
    expect(broken.json()).toMatchObject({ resourceType: 'OperationOutcome' });
    const xml = await t.app.inject({
      method: 'POST',
      url: '/fhir',
      headers: {
        'content-type': 'application/fhir+xml',
        cookie: staff.cookie,
        'x-csrf-token': staff.csrfToken,
      },
      payload: '<Bundle/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(OperationOutcomeSchema.safeParse(xml.json()).success).toBe(true);
  });
});
