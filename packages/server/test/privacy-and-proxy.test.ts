/**
 * What a server error leaves in the log, and whose address the server believes: a 500's log line
 * carries no patient data, and without TRUST_PROXY a client cannot name its own address to step
 * around the per-address rate limits (or to write a false address into the audit log).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { loggableError } from '../src/app';
import { patients } from '../src/db/schema/index';
import { createTestApp, type TestApp } from './harness';

describe('server errors in the log', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  test("a failed insert's log entry names the query and where it failed, never the values", async () => {
    t = await createTestApp('pglite', { demo: false });
    let failure: unknown;
    try {
      // PostgreSQL refuses a NUL in text: the driver's error carries every parameter.
      await t.database.db.insert(patients).values({
        givenName: 'Zelda\u0000',
        familyName: 'Quarantotto',
        birthDate: '1961-07-14',
      });
    } catch (error) {
      failure = error;
    }
    expect((failure as Error).message).toContain('Quarantotto');
    const logged = JSON.stringify(loggableError(failure));
    for (const secret of ['Zelda', 'Quarantotto', '1961-07-14'])
      expect(logged).not.toContain(secret);
    expect(loggableError(failure)).toMatchObject({
      query: expect.stringContaining('insert into "patients"') as unknown,
      stack: expect.arrayContaining([expect.stringMatching(/^at /)]) as unknown,
    });
  });
});

describe('client addresses', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** Log-in attempts, each naming a new address in X-Forwarded-For; the statuses. */
  async function attempts(app: TestApp, n: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const response = await app.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': `203.0.113.${String(i % 250)}` },
        payload: { email: `nobody${String(i)}@example.org`, password: 'wrong-password' },
      });
      statuses.push(response.statusCode);
    }
    return statuses;
  }

  test('by default X-Forwarded-For is not believed: the log-in limit holds', async () => {
    t = await createTestApp('pglite', { demo: false });
    const statuses = await attempts(t, 31);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  test('with TRUST_PROXY=true the proxy-given address counts', async () => {
    t = await createTestApp('pglite', { demo: false, env: { TRUST_PROXY: 'true' } });
    const statuses = await attempts(t, 31);
    expect(statuses.every((s) => s === 401)).toBe(true);
  });
});
