/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- FHIR JSON walked loosely in assertions */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  type Session,
  type TestApp,
} from '../../../test/harness';

type Json = Record<string, any>;

describe.each(DRIVERS)('FHIR request content types on %s', (driver) => {
  let t: TestApp;
  let staff: Session;

  beforeAll(async () => {
    t = await createTestApp(driver);
    staff = await login(t.app, DEMO.prescriber);
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (url: string, contentType: string | undefined, payload: string) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: {
        ...(contentType === undefined ? {} : { 'content-type': contentType }),
        cookie: staff.cookie,
        'x-csrf-token': staff.csrfToken,
      },
      payload,
    });

  const BUNDLE = '{"resourceType":"Bundle","type":"transaction","entry":[]}';
  const XML = '<Bundle xmlns="http://hl7.org/fhir"/>';
  test.each([
    ['text/plain', 'text/plain', BUNDLE],
    ['application/xml', 'application/xml', XML],
    ['application/fhir+xml', 'application/fhir+xml', XML],
    ['multipart/form-data', 'multipart/form-data; boundary=x', '--x--'],
    ['no content type', undefined, BUNDLE],
  ])(
    'a transaction sent as %s answers 415 with an OperationOutcome naming the JSON types',
    async (_name, contentType, payload) => {
      const response = await post('/fhir', contentType, payload);
      expect(response.statusCode, response.body).toBe(415);
      expect(response.headers['content-type']).toMatch(/^application\/fhir\+json/);
      const outcome = response.json<Json>();
      expect(outcome.resourceType).toBe('OperationOutcome');
      expect(outcome.issue).toHaveLength(1);
      expect(outcome.issue[0]).toMatchObject({ severity: 'error', code: 'not-supported' });
      expect(outcome.issue[0].diagnostics).toContain('application/fhir+json');
      expect(outcome.issue[0].diagnostics).toContain('application/json');
    },
  );

  test('the token endpoint answers 415 naming the form type it reads', async () => {
    const response = await post('/fhir/auth/token', 'text/plain', 'grant_type=client_credentials');
    expect(response.statusCode).toBe(415);
    const outcome = response.json<Json>();
    expect(outcome.issue[0].code).toBe('not-supported');
    expect(outcome.issue[0].diagnostics).toContain('application/x-www-form-urlencoded');
  });

  test('the JSON types still import', async () => {
    for (const contentType of ['application/fhir+json', 'application/json; charset=utf-8']) {
      const response = await post(
        '/fhir',
        contentType,
        JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [] }),
      );
      expect(response.statusCode, `${contentType}: ${response.body}`).toBe(200);
    }
  });

  test('the rest of the API keeps its own problem+json answers', async () => {
    const plain = await post('/api/patients', 'text/plain', 'Ivy Checks');
    expect(plain.statusCode).toBe(400);
    expect(plain.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(plain.json<Json>().code).toBe('VALIDATION.FAILED');
    const xml = await post('/api/patients', 'application/xml', '<patient/>');
    expect(xml.statusCode).toBe(415);
    expect(xml.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(xml.json<Json>().code).toBe('REQUEST.MALFORMED');
  });
});
