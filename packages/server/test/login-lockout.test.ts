import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/demo-people';
import { loginFailureKey } from '../src/routes/auth/login-failures';
import { createTestApp, DRIVERS, login, type TestApp } from './harness';

/** Headers that move with every request from one address (the per-address rate limit, the date). */
const PER_REQUEST_HEADERS = new Set(['date', 'x-ratelimit-remaining', 'x-ratelimit-reset']);

/** What an outside caller sees of an answer, apart from what changes with every request. */
function seen(response: LightMyRequestResponse) {
  const headers = Object.fromEntries(
    Object.entries(response.headers).filter(([name]) => !PER_REQUEST_HEADERS.has(name)),
  );
  return { status: response.statusCode, headers, body: response.body };
}

describe.each(DRIVERS)('log-in lockout on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => {
    await t.close();
  });

  const attempt = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

  test('an unknown e-mail locks after the same failures, with the same answers, as an account', async () => {
    const account = 'nurse2@demo.ketaflow.test';
    const unknown = 'no-such-person@example.org';
    const steps: { password: string; minutesBefore?: number }[] = [
      ...Array.from({ length: 5 }, () => ({ password: 'bad-password-x' })),
      // While locked, the account's right password is refused like any other.
      { password: DEMO_PASSWORD },
      { password: 'bad-password-x', minutesBefore: 16 },
    ];
    const answers = { account: [] as unknown[], unknown: [] as unknown[] };
    const statuses: number[] = [];
    for (const { password, minutesBefore } of steps) {
      if (minutesBefore) t.clock.advanceMinutes(minutesBefore);
      const fromAccount = await attempt(account, password);
      statuses.push(fromAccount.statusCode);
      answers.account.push(seen(fromAccount));
      answers.unknown.push(seen(await attempt(unknown, password)));
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423, 423, 401]);
    expect(answers.unknown).toEqual(answers.account);
    expect((await login(t.app, account)).user.email).toBe(account);
  });
  test('counts failures by a hash of the address, not the address typed', async () => {
    const email = 'typed-by-a-stranger@example.org';
    expect((await attempt(email, 'bad-password-x')).statusCode).toBe(401);
    const rows = await t.database.query('select email_hash from login_failures');
    expect(JSON.stringify(rows)).not.toContain('stranger');
    expect(rows).toContainEqual({ email_hash: loginFailureKey(email) });
    // The migration computes the same key in SQL when it carries lockouts over from accounts.
    const [inSql] = await t.database.query(
      "select encode(sha256(convert_to($1, 'UTF8')), 'hex') as key",
      [email],
    );
    expect(inSql).toEqual({ key: loginFailureKey(email) });
  });

  test('each failure stamps the row with when it happened (by the app clock)', async () => {
    const email = 'stamped@example.org';
    expect((await attempt(email, 'bad-password-x')).statusCode).toBe(401);
    t.clock.advanceMinutes(3);
    expect((await attempt(email, 'bad-password-x')).statusCode).toBe(401);
    const rows = await t.database.query(
      'select failed_count, last_failed_at from login_failures where email_hash = $1',
      [loginFailureKey(email)],
    );
    expect(rows).toEqual([{ failed_count: 2, last_failed_at: t.clock.now() }]);
  });

  test('log-in attempts delete rows whose lockout is over and whose failures are a day old', async () => {
    const now = () => t.clock.now().getTime();
    const hoursAgo = (h: number) => new Date(now() - h * 3_600_000);
    const rows = {
      oldNeverLocked: { lastFailedAt: hoursAgo(25), lockedUntil: null },
      oldLockOver: { lastFailedAt: hoursAgo(25), lockedUntil: hoursAgo(24) },
      oldStillLocked: { lastFailedAt: hoursAgo(25), lockedUntil: hoursAgo(-1) },
      recent: { lastFailedAt: hoursAgo(23), lockedUntil: null },
    };
    for (const [key, row] of Object.entries(rows))
      await t.database.query(
        `insert into login_failures (email_hash, failed_count, last_failed_at, locked_until)
         values ($1, 3, $2, $3)`,
        [`sweep-${key}`, row.lastFailedAt, row.lockedUntil],
      );
    // The sweep runs at most every ten minutes per instance, on any log-in attempt.
    t.clock.advanceMinutes(11);
    const keys = async () =>
      (
        await t.database.query(
          "select email_hash from login_failures where email_hash like 'sweep-%' order by 1",
        )
      ).map((r) => r.email_hash);
    expect(await keys()).toHaveLength(4);
    expect((await login(t.app, 'admin@demo.ketaflow.test')).user.role).toBe('admin');
    expect(await keys()).toEqual(['sweep-oldStillLocked', 'sweep-recent']);
  });

  test('a successful log-in clears the failures counted before it', async () => {
    const email = 'nurse3@demo.ketaflow.test';
    for (let i = 0; i < 4; i++)
      expect((await attempt(email, 'bad-password-x')).statusCode).toBe(401);
    expect((await attempt(email, DEMO_PASSWORD)).statusCode).toBe(200);
    const afterSuccess: number[] = [];
    for (let i = 0; i < 4; i++)
      afterSuccess.push((await attempt(email, 'bad-password-x')).statusCode);
    expect(afterSuccess).toEqual([401, 401, 401, 401]);
  });
});
