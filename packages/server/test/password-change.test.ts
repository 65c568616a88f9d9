import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/demo-people';
import { as, createTestApp, DEMO, DRIVERS, login, type Session, type TestApp } from './harness';

describe.each(DRIVERS)('changing the password while logged in on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => {
    await t.close();
  });

  let calls = 0;
  /** POST /api/auth/password, each call from its own address (below the per-address limit). */
  const change = (session: Session | null, currentPassword: string, newPassword: string) => {
    calls += 1;
    return t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword, newPassword },
      remoteAddress: `198.51.100.${String(calls)}`,
      headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {},
    });
  };
  const tryLogin = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const fieldPaths = (body: { errors?: { path: string }[] }) =>
    (body.errors ?? []).map((e) => e.path);

  test.each([
    ['patient', DEMO.patient],
    ['nurse', DEMO.nurse],
    ['prescriber', DEMO.prescriber],
    ['admin', DEMO.admin],
  ])(
    'a %s changes their password, keeps this session and ends the others',
    async (_role, email) => {
      const here = await login(t.app, email);
      const elsewhere = await login(t.app, email);
      const newPassword = `new-${email}-passphrase`;
      expect((await change(here, DEMO_PASSWORD, newPassword)).statusCode).toBe(204);

      expect((await as(t.app, here)('GET', '/api/auth/me')).statusCode).toBe(200);
      expect((await as(t.app, elsewhere)('GET', '/api/auth/me')).statusCode).toBe(401);
      expect((await tryLogin(email, DEMO_PASSWORD)).statusCode).toBe(401);
      expect((await login(t.app, email, newPassword)).user.email).toBe(email);

      // The same argon2id settings as every other password hash.
      const [user] = await t.database.query('select password_hash from users where email = $1', [
        email,
      ]);
      expect(String(user?.password_hash)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      const audit = await t.database.query(
        `select a.outcome from audit_log a join users u on u.id::text = a.resource_id
         where a.action = 'auth.password.change' and u.email = $1`,
        [email],
      );
      expect(audit).toEqual([{ outcome: 'success' }]);
      const mail = await t.database.query(
        'select subject, body from outbox where to_address = $1',
        [email],
      );
      expect(mail).toHaveLength(1);
      expect(mail[0]?.subject).toBe('Your KetaFlow password was changed');
      expect(String(mail[0]?.body)).toContain('was changed');
      for (const secret of [newPassword, DEMO_PASSWORD])
        expect(String(mail[0]?.body)).not.toContain(secret);
    },
  );

  test('a wrong current password is a field error and counts towards the log-in lockout', async () => {
    const email = 'nurse2@demo.ketaflow.test';
    const session = await login(t.app, email);
    const wrong = await change(session, 'not-my-password', 'a-fine-new-passphrase');
    expect(wrong.statusCode).toBe(400);
    expect(fieldPaths(wrong.json())).toEqual(['body.currentPassword']);

    // Four failures in all (one here, three at log-in), then the fifth locks, as at log-in.
    for (let i = 0; i < 3; i++)
      expect((await tryLogin(email, 'bad-password-x')).statusCode).toBe(401);
    const fifth = await change(session, 'still-not-it', 'a-fine-new-passphrase');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({ code: 'AUTH.LOCKED' });
    // Locked: the right password is refused both here and at log-in, and nothing changed.
    expect((await change(session, DEMO_PASSWORD, 'a-fine-new-passphrase')).statusCode).toBe(423);
    expect((await tryLogin(email, DEMO_PASSWORD)).statusCode).toBe(423);
    t.clock.advanceMinutes(16);
    expect((await login(t.app, email)).user.email).toBe(email);
    const audit = await t.database.query(
      `select a.outcome from audit_log a join users u on u.id::text = a.resource_id
       where a.action = 'auth.password.change' and u.email = $1 order by a.id`,
      [email],
    );
    expect(audit).toEqual([{ outcome: 'denied' }, { outcome: 'denied' }, { outcome: 'denied' }]);
  });

  test.each([
    ['too short for the registration rule', 'short-one', 'must be at least 12 characters'],
    ['the same as the current one', DEMO_PASSWORD, 'must differ from the current password'],
  ])('a new password %s is a field error naming body.newPassword', async (_, newPassword, why) => {
    const email = 'nurse3@demo.ketaflow.test';
    const session = await login(t.app, email);
    const response = await change(session, DEMO_PASSWORD, newPassword);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      errors: [{ path: 'body.newPassword', message: why }],
    });
    expect((await login(t.app, email)).user.email).toBe(email);
  });

  test('needs a session and the CSRF token', async () => {
    expect((await change(null, DEMO_PASSWORD, 'a-fine-new-passphrase')).statusCode).toBe(401);
    const session = await login(t.app, 'prescriber2@demo.ketaflow.test');
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: session.cookie },
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'a-fine-new-passphrase' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ code: 'AUTH.CSRF_INVALID' });
    expect((await login(t.app, 'prescriber2@demo.ketaflow.test')).user.role).toBe('prescriber');
  });

  test('withdraws the reset links sent before the change', async () => {
    const email = 'prescriber2@demo.ketaflow.test';
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email },
    });
    expect(asked.statusCode).toBe(202);
    const [mail] = await t.database.query('select body from outbox where to_address = $1', [email]);
    const token = /reset-password\/([\w-]+)/.exec(String(mail?.body))?.[1] ?? '';
    expect(token).not.toBe('');

    const session = await login(t.app, email);
    expect((await change(session, DEMO_PASSWORD, 'changed-while-logged-in')).statusCode).toBe(204);
    const open = await t.database.query(
      `select count(*)::int as n from password_resets r join users u on u.id = r.user_id
       where u.email = $1 and r.used_at is null`,
      [email],
    );
    expect(open).toEqual([{ n: 0 }]);
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'chosen-with-an-old-link' },
    });
    expect(confirm.statusCode).toBe(400);
    expect(confirm.json()).toMatchObject({ code: 'AUTH.RESET_TOKEN_INVALID' });
    expect((await login(t.app, email, 'changed-while-logged-in')).user.email).toBe(email);
  });
});
