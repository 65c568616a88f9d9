/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- FHIR JSON walked loosely in assertions */
/** SMART Backend Services: client credentials with a signed JWT, and what the access token reaches. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TOKEN_BODY_LIMIT } from '../src/routes/fhir/token-limit';
import { externalData } from '../../../test-support/external-data';
import { createTestApp, DRIVERS, type TestApp } from './harness';
import { r4Errors } from './r4-validation';

const BUNDLES = join(externalData('synthea-smart-on-fhir-r4'), 'bundles');
const FILES = readdirSync(BUNDLES).filter((f) => f.endsWith('.json'));

type Json = Record<string, any>;

describe.each(DRIVERS)('SMART Backend Services on %s', (driver) => {
  let t: TestApp;
  let key: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  let tokenUrl: string;
  let jti = 0;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES384', { extractable: true });
    key = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), alg: 'ES384', kid: 'k1' };
    const file = join(mkdtempSync(join(tmpdir(), 'kf-fhir-')), 'clients.json');
    writeFileSync(
      file,
      JSON.stringify([
        {
          clientId: 'hospital-ehr',
          jwks: { keys: [jwk] },
          scope: 'system/*.read system/Bundle.write',
        },
        { clientId: 'reader', jwks: { keys: [jwk] }, scope: 'system/Condition.read' },
      ]),
    );
    t = await createTestApp(driver, { env: { FHIR_CLIENTS: file } });
    tokenUrl = `${t.config.publicUrl.replace(/\/$/, '')}/fhir/auth/token`;
  });
  afterAll(async () => {
    await t.close();
  });

  const nowS = () => Math.floor(t.clock.now().getTime() / 1000);
  const assertion = (claims: JWTPayload = {}, iss = 'hospital-ehr') =>
    new SignJWT({ jti: `j${String(++jti)}`, ...claims })
      .setProtectedHeader({ alg: 'ES384', kid: 'k1', typ: 'JWT' })
      .setIssuer(iss)
      .setSubject(iss)
      .setAudience(String(claims.aud ?? tokenUrl))
      .setExpirationTime(claims.exp ?? nowS() + 240)
      .sign(key);
  const token = (
    clientAssertion: string,
    scope = 'system/*.read system/Bundle.write',
    remoteAddress = '127.0.0.1',
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/fhir/auth/token',
      remoteAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: clientAssertion,
        scope,
      }).toString(),
    });
  const bearer = (access: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${access}`,
        ...(body === undefined ? {} : { 'content-type': 'application/fhir+json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });

  test('a signed client assertion gets a short-lived token that reads and imports', async () => {
    const response = await token(await assertion());
    expect(response.statusCode).toBe(200);
    const grant = response.json<Json>();
    expect(grant).toMatchObject({
      token_type: 'bearer',
      expires_in: 300,
      scope: 'system/*.read system/Bundle.write',
    });
    const file = FILES.find((f) => !f.startsWith('hospital') && !f.startsWith('practitioner'))!;
    const bundle = JSON.parse(readFileSync(join(BUNDLES, file), 'utf8')) as Json;
    const imported = await bearer(String(grant.access_token), 'POST', '/fhir', bundle);
    expect(imported.statusCode).toBe(200);
    const id = String(imported.json<Json>().entry[0].response.location).replace('Patient/', '');
    const conditions = await bearer(
      String(grant.access_token),
      'GET',
      `/fhir/Condition?patient=${id}`,
    );
    expect(conditions.statusCode).toBe(200);
    expect(conditions.json<Json>().total).toBeGreaterThan(0);
    const audit = await t.database.query(
      "select detail from audit_log where action = 'fhir.search' order by id desc limit 1",
    );
    expect(audit[0]?.detail).toMatchObject({ client: 'hospital-ehr' });
    // Five minutes later the token is dead.
    t.clock.advanceMinutes(6);
    expect(
      (await bearer(String(grant.access_token), 'GET', `/fhir/Condition?patient=${id}`)).statusCode,
    ).toBe(401);
    t.clock.advanceMinutes(-6);
  });

  test('scopes limit what a token reads and whether it imports', async () => {
    const grant = (
      await token(await assertion({}, 'reader'), 'system/Condition.read')
    ).json<Json>();
    const access = String(grant.access_token);
    const someone = (await t.database.query('select id from patients limit 1'))[0]!.id as string;
    expect((await bearer(access, 'GET', `/fhir/Condition?patient=${someone}`)).statusCode).toBe(
      200,
    );
    expect((await bearer(access, 'GET', `/fhir/Observation?patient=${someone}`)).statusCode).toBe(
      403,
    );
    expect(
      (
        await bearer(access, 'POST', '/fhir', {
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [],
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await bearer('not-a-token', 'GET', `/fhir/Condition?patient=${someone}`)).statusCode,
    ).toBe(401);
  });

  test('a registered scope grants the narrower scopes it covers, and nothing wider', async () => {
    const narrow = await token(await assertion(), 'system/Condition.read system/*.rs');
    expect(narrow.statusCode, narrow.body).toBe(200);
    expect(narrow.json<Json>().scope).toBe('system/Condition.read system/*.rs');
    const v2 = await token(await assertion({}, 'reader'), 'system/Condition.rs');
    expect(v2.statusCode, v2.body).toBe(200);
    const access = String(v2.json<Json>().access_token);
    const someone = (await t.database.query('select id from patients limit 1'))[0]!.id as string;
    expect((await bearer(access, 'GET', `/fhir/Condition?patient=${someone}`)).statusCode).toBe(
      200,
    );
    expect((await bearer(access, 'GET', `/fhir/Observation?patient=${someone}`)).statusCode).toBe(
      403,
    );
    // Wider than registered: refused, and a reader never writes.
    const wider = await token(await assertion({}, 'reader'), 'system/*.read system/Bundle.write');
    expect(wider.statusCode).toBe(400);
    expect(wider.json()).toMatchObject({ error: 'invalid_scope' });
  });

  test('bad client assertions get 401 invalid_client', async () => {
    const [header, payload] = (await assertion()).split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload!}.`;
    const hs256 = await new SignJWT({ jti: 'hs' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('hospital-ehr')
      .setSubject('hospital-ehr')
      .setAudience(tokenUrl)
      .setExpirationTime(nowS() + 60)
      .sign(new TextEncoder().encode('a shared secret that must not work'));
    const replayed = await assertion();
    expect((await token(replayed)).statusCode).toBe(200);
    const cases: Record<string, string> = {
      unsigned,
      hs256,
      wrongAudience: await assertion({ aud: 'https://elsewhere.example/token' }),
      expired: await assertion({ exp: nowS() - 10 }),
      tooLong: await assertion({ exp: nowS() + 3600 }),
      replayed,
      unknownIssuer: await assertion({}, 'stranger'),
      badSignature: `${header!}.${payload!}.${'A'.repeat(86)}`,
      // Claims that cannot be read or stored: never a 500.
      payloadNotJson: `${header!}.${Buffer.from('not json').toString('base64url')}.${'A'.repeat(86)}`,
      payloadNull: `${header!}.${Buffer.from('null').toString('base64url')}.${'A'.repeat(86)}`,
      jtiWithNul: await assertion({ jti: 'j\u0000nul' }),
      jtiNotText: await assertion({ jti: { id: 7 } as unknown as string }),
    };
    for (const [name, jwt] of Object.entries(cases)) {
      const response = await token(jwt);
      expect(response.statusCode, name).toBe(401);
      expect(response.json(), name).toMatchObject({ error: 'invalid_client' });
    }
  });

  test('the CapabilityStatement names the token endpoint; SMART configuration is served', async () => {
    const cap = (await t.app.inject({ method: 'GET', url: '/fhir/metadata' })).json<Json>();
    expect(JSON.stringify(cap.rest[0].security)).toContain(tokenUrl);
    expect(r4Errors(cap)).toEqual([]);
    const smart = await t.app.inject({
      method: 'GET',
      url: '/fhir/.well-known/smart-configuration',
    });
    expect(smart.json()).toMatchObject({
      token_endpoint: tokenUrl,
      grant_types_supported: ['client_credentials'],
    });
  });

  test('the token endpoint allows 60 requests a minute per address and client, then 429 with Retry-After', async () => {
    const address = '198.51.100.7';
    const used = async () =>
      Number((await t.database.query('select count(*) as n from fhir_used_assertions'))[0]!.n);
    for (let i = 1; i <= 60; i += 1) {
      const response = await token(await assertion(), 'system/*.read', address);
      expect(response.statusCode, `request ${String(i)}`).toBe(200);
    }
    const before = await used();
    const limited = await token(await assertion(), 'system/*.read', address);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/json');
    expect(limited.headers['cache-control']).toBe('no-store');
    const wait = Number(limited.headers['retry-after']);
    expect(Number.isInteger(wait) && wait >= 1 && wait <= 60, String(wait)).toBe(true);
    expect(limited.json()).toEqual({
      error: 'temporarily_unavailable',
      error_description: expect.stringMatching(
        /^More than 60 token requests a minute: try again in /,
      ) as unknown,
    });
    // Refused before the assertion was checked: its jti is not spent.
    expect(await used()).toBe(before);

    // Another caller: the same client from elsewhere, another client from the same address.
    expect((await token(await assertion(), 'system/*.read', '198.51.100.8')).statusCode).toBe(200);
    expect(
      (await token(await assertion({}, 'reader'), 'system/Condition.read', address)).statusCode,
    ).toBe(200);
  });

  test('a token request body over 64 KiB gets 413 invalid_request as OAuth JSON, and is not counted', async () => {
    const address = '198.51.100.10';
    const form = (assertionChars: number) =>
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: 'x'.repeat(assertionChars),
        scope: 'system/*.read',
      }).toString();
    const over = form(TOKEN_BODY_LIMIT);
    const post = (payload: string | Readable, contentType = 'application/x-www-form-urlencoded') =>
      t.app.inject({
        method: 'POST',
        url: '/fhir/auth/token',
        remoteAddress: address,
        headers: { 'content-type': contentType },
        payload,
      });
    const bodies: Record<string, () => string | Readable> = {
      // Refused on its Content-Length, unread.
      form: () => over,
      // Sent in chunks with no length: refused once 64 KiB have been read.
      streamed: () => Readable.from([over.slice(0, 40_000), over.slice(40_000)]),
    };
    for (const [name, body] of Object.entries(bodies)) {
      const response = await post(body());
      expect(response.statusCode, name).toBe(413);
      expect(response.headers['content-type'], name).toContain('application/json');
      expect(response.headers['cache-control'], name).toBe('no-store');
      expect(response.json(), name).toEqual({
        error: 'invalid_request',
        error_description:
          'The request body is larger than 64 KiB, more than a token request needs.',
      });
    }
    // JSON is read by the parser of imports, whose own limit is 32 MB: the route's limit wins.
    const json = await post(
      JSON.stringify({ grant_type: 'client_credentials', pad: 'x'.repeat(2_000_000) }),
      'application/json',
    );
    expect(json.statusCode).toBe(413);
    expect(json.json()).toMatchObject({ error: 'invalid_request' });
    // Just under the limit, the form is read and its assertion checked.
    const under = await post(form(TOKEN_BODY_LIMIT - 1024));
    expect(under.statusCode).toBe(401);
    expect(under.json()).toMatchObject({ error: 'invalid_client' });
    // Only that one counted, for no registered client: 59 more this minute, not 56.
    for (let i = 2; i <= 60; i += 1) {
      const response = await token('not-a-jwt', 'system/*.read', address);
      expect(response.statusCode, `request ${String(i)}`).toBe(401);
    }
    expect((await token('not-a-jwt', 'system/*.read', address)).statusCode).toBe(429);
  });

  test('issuers nobody registered share one count per address, so inventing them does not escape it', async () => {
    const address = '198.51.100.9';
    // Never verified (no such client), so an unsigned token serves.
    const made = (iss: string) =>
      [{ alg: 'ES384' }, { iss, sub: iss }, 'sig']
        .map((part) =>
          Buffer.from(typeof part === 'string' ? part : JSON.stringify(part)).toString('base64url'),
        )
        .join('.');
    for (let i = 1; i <= 60; i += 1) {
      const response = await token(made(`stranger-${String(i)}`), 'system/*.read', address);
      expect(response.statusCode, `request ${String(i)}`).toBe(401);
    }
    const limited = await token(made('stranger-61'), 'system/*.read', address);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'temporarily_unavailable' });
    // A registered client at that address has its own count.
    expect((await token(await assertion(), 'system/*.read', address)).statusCode).toBe(200);
  });
});
