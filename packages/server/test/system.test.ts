import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ERROR_CATALOG } from '../src/errors/catalog';
import { createTestApp, DRIVERS, type TestApp } from './harness';

describe.each(DRIVERS)('system routes on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver, { demo: false });
  });
  afterAll(async () => {
    await t.close();
  });

  test('GET /healthz answers 200 with the database status', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  test('serves an OpenAPI 3.1 document naming every API route, and the docs UI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      openapi: string;
      paths: Record<string, object>;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/auth/login',
      '/api/patients',
      '/api/patients/{id}',
      '/api/patients/{id}/weights',
      '/api/audit',
      '/healthz',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  test('the OpenAPI document gives errors the media type they are sent in', async () => {
    type Doc = {
      paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
    };
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Doc>();
    const login = doc.paths['/api/auth/login']?.post?.responses;
    expect(Object.keys(login?.['400']?.content ?? {})).toEqual(['application/problem+json']);
    expect(Object.keys(login?.['200']?.content ?? {})).toEqual(['application/json']);
    const sent = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} });
    expect(sent.statusCode).toBe(400);
    expect(sent.headers['content-type']).toMatch(/^application\/problem\+json/);
    // FHIR keeps its own: OperationOutcome as fhir+json.
    const fhir = doc.paths['/fhir/metadata']?.get?.responses;
    expect(Object.keys(fhir?.['500']?.content ?? {})).toEqual(['application/fhir+json']);
  });

  test('answers an unknown API route with a 404 problem', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'RESOURCE.NOT_FOUND' });
  });

  test('refuses to change or delete audit rows, even from SQL', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'x@example.org', password: 'not-a-password' },
    });
    await t.database.query(
      "insert into audit_log (action, resource_type, outcome) values ('test.append', 'Test', 'success')",
    );
    expect(await failureOf(t.database.query("update audit_log set outcome = 'changed'"))).toMatch(
      /append-only/,
    );
    expect(await failureOf(t.database.query('delete from audit_log'))).toMatch(/append-only/);
  });
});

/** The database's error message; fails the test if the query succeeded. */
async function failureOf(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('the query was expected to fail');
}

describe('error catalog', () => {
  const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
  const documented = [...doc.matchAll(/^\|\s*`([A-Z_.]+)`\s*\|\s*(\d{3})\s*\|/gm)].map((m) => [
    m[1],
    Number(m[2]),
  ]);

  test('docs/errors.md lists exactly the codes and statuses of the catalog', () => {
    const catalog = Object.entries(ERROR_CATALOG).map(([code, entry]) => [code, entry.status]);
    expect(documented.sort()).toEqual(catalog.sort());
  });
});
