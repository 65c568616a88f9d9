/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument -- FHIR JSON walked loosely in assertions */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  as,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  type Session,
  type TestApp,
  demoPatientId,
} from '../../../test/harness';
import { SearchsetSchema } from './schemas';

type Json = Record<string, any>;

const fullUrls = (bundle: Json): string[] => (bundle.entry as Json[]).map((e) => String(e.fullUrl));
const nextOf = (bundle: Json): string | undefined =>
  (bundle.link as Json[]).find((l) => l.relation === 'next')?.url as string | undefined;

describe.each(DRIVERS)('FHIR Patient/$everything on %s', (driver) => {
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

  const get = async (url: string) => {
    const response = await as(t.app, staff)('GET', url);
    return { status: response.statusCode, body: response.json<Json>() };
  };

  test('without _count, every resource in one Bundle with no next link', async () => {
    const { status, body } = await get(`/fhir/Patient/${demo}/$everything`);
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(5);
    expect(body.entry).toHaveLength(body.total);
    expect(nextOf(body)).toBeUndefined();
  });

  test('_count pages through every resource once, in order, following the next links', async () => {
    const whole = (await get(`/fhir/Patient/${demo}/$everything`)).body;
    const seen: string[] = [];
    let url: string | undefined = `/fhir/Patient/${demo}/$everything?_count=4`;
    let pages = 0;
    while (url !== undefined) {
      const { status, body } = await get(url);
      expect(status, url).toBe(200);
      expect(SearchsetSchema.safeParse(body).success).toBe(true);
      expect(body.total).toBe(whole.total);
      expect(body.entry.length).toBeLessThanOrEqual(4);
      seen.push(...fullUrls(body));
      pages += 1;
      const next = nextOf(body);
      if (next !== undefined) {
        const parsed = new URL(next);
        expect(parsed.pathname).toBe(`/fhir/Patient/${demo}/$everything`);
        expect(parsed.searchParams.get('_count')).toBe('4');
      }
      url = next === undefined ? undefined : `${new URL(next).pathname}${new URL(next).search}`;
    }
    expect(pages).toBe(Math.ceil(Number(whole.total) / 4));
    expect(seen).toEqual(fullUrls(whole));
  });

  test('a _count of all or more answers one page with no next link', async () => {
    const whole = (await get(`/fhir/Patient/${demo}/$everything`)).body;
    const { body } = await get(`/fhir/Patient/${demo}/$everything?_count=${String(whole.total)}`);
    expect(fullUrls(body)).toEqual(fullUrls(whole));
    expect(nextOf(body)).toBeUndefined();
  });

  test.each(['0', '-1', '2.5', 'lots', '1001'])(
    '_count=%s answers 400 naming _count',
    async (count) => {
      const { status, body } = await get(`/fhir/Patient/${demo}/$everything?_count=${count}`);
      expect(status).toBe(400);
      expect(body.resourceType).toBe('OperationOutcome');
      expect(body.issue[0].code).toBe('value');
      expect(body.issue[0].expression).toEqual(['_count']);
    },
  );

  test('_since is not supported: everything comes back, with a warning naming it', async () => {
    const whole = (await get(`/fhir/Patient/${demo}/$everything`)).body;
    const { status, body } = await get(
      `/fhir/Patient/${demo}/$everything?_since=2026-01-01T00:00:00Z&_count=500`,
    );
    expect(status).toBe(200);
    expect(SearchsetSchema.safeParse(body).success).toBe(true);
    const matches = (body.entry as Json[]).filter((e) => e.search.mode === 'match');
    expect(matches.map((e) => String(e.fullUrl))).toEqual(fullUrls(whole));
    const outcome = (body.entry as Json[]).find((e) => e.search.mode === 'outcome');
    expect(outcome?.resource.issue[0]).toMatchObject({
      severity: 'warning',
      code: 'not-supported',
    });
    expect(outcome?.resource.issue[0].diagnostics).toContain('_since');
    const self = new URL(String((body.link as Json[]).find((l) => l.relation === 'self')?.url));
    expect([...self.searchParams.keys()]).toEqual(['_count']);
  });

  test('_since with Prefer: handling=strict answers 400 naming _since', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/fhir/Patient/${demo}/$everything?_since=2026-01-01`,
      headers: { cookie: staff.cookie, prefer: 'handling=strict' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<Json>().issue[0]).toMatchObject({
      code: 'not-supported',
      expression: ['_since'],
    });
  });

  test('_count given twice answers 400 naming _count', async () => {
    const { status, body } = await get(`/fhir/Patient/${demo}/$everything?_count=2&_count=3`);
    expect(status).toBe(400);
    expect(body.issue[0].expression).toEqual(['_count']);
  });
});
