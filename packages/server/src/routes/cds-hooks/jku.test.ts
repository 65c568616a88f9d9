/**
 * CDS client keys fetched from an allow-listed `jku` (CDS Hooks 2.0 trusting CDS clients): a real
 * HTTP server on 127.0.0.1 serves the JWKS, and the test counts what KetaFlow asks it for.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createTestApp, DRIVERS, type TestApp } from '../../../test/harness';

const PUBLIC_URL = 'http://ketaflow.test';
const ISS = 'https://ehr.example.org';
const AUD = `${PUBLIC_URL}/cds-services/ketaflow-order-select`;

interface Key {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
}

async function newKey(kid: string): Promise<Key> {
  const pair = await generateKeyPair('ES384', { extractable: true });
  return {
    kid,
    privateKey: pair.privateKey,
    jwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'ES384', use: 'sig' },
  };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
}

describe.each(DRIVERS)('CDS client keys from a jku (%s)', (driver) => {
  let t: TestApp;
  let threaded: TestApp;
  let jwksServer: Server;
  let origin = '';
  let deadOrigin = '';
  let keyA: Key;
  let keyB: Key;
  let keyC: Key;
  /** What the JWKS server serves at /jwks.json. */
  let served: JWK[] = [];
  /** Every path the JWKS server was asked for. */
  const hits: string[] = [];
  const hitsOf = (path: string) => hits.filter((h) => h === path).length;

  beforeAll(async () => {
    [keyA, keyB, keyC] = await Promise.all([newKey('a'), newKey('b'), newKey('c')]);
    served = [keyA.jwk];
    jwksServer = createServer((req, res) => {
      const path = req.url ?? '';
      hits.push(path);
      if (path === '/jwks.json')
        res
          .writeHead(200, { 'content-type': 'application/jwk-set+json' })
          .end(JSON.stringify({ keys: served }));
      else if (path === '/html')
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in</html>');
      else if (path === '/not-a-jwks')
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"hello":"world"}');
      else if (path === '/error') res.writeHead(500).end();
      else if (path === '/redirect') res.writeHead(302, { location: '/jwks.json' }).end();
      else res.writeHead(404).end();
    });
    origin = await listen(jwksServer);
    // A port nothing listens on: opened, then closed.
    const closed = createServer();
    deadOrigin = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));

    const file = join(mkdtempSync(join(tmpdir(), 'kf-jku-')), 'clients.json');
    writeFileSync(
      file,
      JSON.stringify([
        {
          iss: ISS,
          jku: [
            `${origin}/jwks.json`,
            `${origin}/html`,
            `${origin}/not-a-jwks`,
            `${origin}/error`,
            `${origin}/redirect`,
            `${deadOrigin}/jwks.json`,
          ],
        },
      ]),
    );
    // Screening on the test's thread: jose's key-set cool-down reads Date.now(), which these tests
    // fake to move time on, and a worker thread's clock cannot be faked. `threaded` screens in a
    // worker thread as a server with a core to spare does.
    t = await createTestApp(driver, {
      demo: false,
      env: { CDS_CLIENTS: file, KETAFLOW_PUBLIC_URL: PUBLIC_URL, KETAFLOW_CDS_WORKERS: '0' },
    });
    threaded = await createTestApp(driver, {
      demo: false,
      env: { CDS_CLIENTS: file, KETAFLOW_PUBLIC_URL: PUBLIC_URL, KETAFLOW_CDS_WORKERS: '1' },
    });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
    await threaded.close();
    await new Promise((resolve) => jwksServer.close(resolve));
  });

  async function token(key: Key, jku: string | undefined, kid = key.kid): Promise<string> {
    const now = Math.floor(t.clock.now().getTime() / 1000);
    return new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: 'ES384', typ: 'JWT', kid, ...(jku === undefined ? {} : { jku }) })
      .setIssuer(ISS)
      .setAudience(AUD)
      .setIssuedAt(now)
      .setExpirationTime(now + 240)
      .sign(key.privateKey);
  }

  /** order-select with no ketamine order: the cheapest call that needs a verified client. */
  async function orderSelect(jwt: string, app = t.app) {
    const response = await app.inject({
      method: 'POST',
      url: '/cds-services/ketaflow-order-select',
      headers: { authorization: `Bearer ${jwt}` },
      payload: {
        hook: 'order-select',
        hookInstance: randomUUID(),
        context: {
          userId: 'Practitioner/1',
          patientId: 'p1',
          selections: [],
          draftOrders: { resourceType: 'Bundle', type: 'collection', entry: [] },
        },
      },
    });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  }

  /** Moves Date.now (jose's JWKS cache clock) on, past its 30 s cool-down between fetches. */
  function laterBy(seconds: number): void {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + seconds * 1000 });
  }

  test('a token signed by the served key is accepted; the JWKS is fetched once and cached', async () => {
    const jku = `${origin}/jwks.json`;
    expect(await orderSelect(await token(keyA, jku))).toEqual({ status: 200, body: { cards: [] } });
    expect(hitsOf('/jwks.json')).toBe(1);
    expect((await orderSelect(await token(keyA, jku))).status).toBe(200);
    expect(hitsOf('/jwks.json')).toBe(1);
  });

  test('a jku not on the allow-list is refused without being fetched', async () => {
    const before = hits.length;
    for (const jku of [
      `${origin}/other-jwks.json`,
      `${origin}/jwks.json?x=1`,
      `${origin.replace('127.0.0.1', 'localhost')}/jwks.json`,
    ]) {
      const response = await orderSelect(await token(keyA, jku));
      expect(response.status, jku).toBe(401);
      expect(response.body).toMatchObject({ code: 'CDS.UNAUTHORIZED' });
    }
    expect(hits.length).toBe(before);
    // Without a jku the client has no keys of its own (no jwks configured).
    expect((await orderSelect(await token(keyA, undefined))).status).toBe(401);
    expect(hits.length).toBe(before);
  });

  test('a rotated key is fetched again for its unknown kid; keys not served are refused', async () => {
    const jku = `${origin}/jwks.json`;
    served = [keyB.jwk];
    // Within jose's cool-down (30 s after the last fetch) an unknown kid does not refetch.
    expect((await orderSelect(await token(keyB, jku))).status).toBe(401);
    expect(hitsOf('/jwks.json')).toBe(1);

    laterBy(31);
    expect((await orderSelect(await token(keyB, jku))).status).toBe(200);
    expect(hitsOf('/jwks.json')).toBe(2);
    expect((await orderSelect(await token(keyB, jku))).status).toBe(200);
    expect(hitsOf('/jwks.json')).toBe(2);

    // The retired key is gone from the set.
    expect((await orderSelect(await token(keyA, jku))).status).toBe(401);
    // A key never served: refetched once after the cool-down, still unknown.
    laterBy(62);
    expect((await orderSelect(await token(keyC, jku))).status).toBe(401);
    expect(hitsOf('/jwks.json')).toBe(3);
    // A key not served, claiming a served kid: the signature fails.
    expect((await orderSelect(await token(keyC, jku, 'b'))).status).toBe(401);
    expect(hitsOf('/jwks.json')).toBe(3);
    vi.useRealTimers();
  });

  test('a jku that is down, not JSON, not a JWKS, an error or a redirect is a 401, not a 500', async () => {
    for (const jku of [
      `${deadOrigin}/jwks.json`,
      `${origin}/html`,
      `${origin}/not-a-jwks`,
      `${origin}/error`,
      `${origin}/redirect`,
    ]) {
      const response = await orderSelect(await token(keyB, jku));
      expect(response.status, jku).toBe(401);
      expect(response.body, jku).toMatchObject({ code: 'CDS.UNAUTHORIZED' });
    }
    for (const path of ['/html', '/not-a-jwks', '/error', '/redirect'])
      expect(hitsOf(path), path).toBe(1);
    // The redirect was not followed.
    expect(hitsOf('/jwks.json')).toBe(3);
  });

  test('in a worker thread too: the served key is accepted and cached, an off-list jku is not fetched', async () => {
    vi.useRealTimers();
    served = [keyA.jwk];
    const jku = `${origin}/jwks.json`;
    const before = hitsOf('/jwks.json');
    expect(await orderSelect(await token(keyA, jku), threaded.app)).toEqual({
      status: 200,
      body: { cards: [] },
    });
    expect((await orderSelect(await token(keyA, jku), threaded.app)).status).toBe(200);
    // The worker keeps its own cache: one more fetch in all, for the first call.
    expect(hitsOf('/jwks.json')).toBe(before + 1);
    const hitsBefore = hits.length;
    const refused = await orderSelect(await token(keyA, `${origin}/other-jwks.json`), threaded.app);
    expect(refused).toMatchObject({ status: 401, body: { code: 'CDS.UNAUTHORIZED' } });
    expect(hits.length).toBe(hitsBefore);
  });
});
