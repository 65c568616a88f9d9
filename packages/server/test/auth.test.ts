import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  as,
  cookieFrom,
  countRows,
  registerAndVerify,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  type TestApp,
} from './harness';

describe.each(DRIVERS)('accounts and sessions on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => {
    await t.close();
  });

  test('logs in with the demo password and reads the session back', async () => {
    const session = await login(t.app, DEMO.nurse);
    expect(session.user.role).toBe('nurse');
    const me = await as(t.app, session)('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: DEMO.nurse }, csrfToken: session.csrfToken });
  });

  test('sets an HttpOnly SameSite cookie and stores only a hash of it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: DEMO.admin, password: 'ketaflow-demo' },
    });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    const token = cookieFrom(response).split('=')[1]!;
    const rows = await t.database.query(
      'select count(*)::int as n from sessions where token_hash = $1',
      [token],
    );
    expect(rows).toEqual([{ n: 0 }]);
  });

  test('answers 401 with problem+json for a wrong password', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: DEMO.prescriber, password: 'wrong-password-1' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS', status: 401 });
  });

  test('answers the same for an unknown e-mail as for a wrong password', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.org', password: 'whatever-123' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
  });

  test('locks the account after 5 failures and unlocks after the lockout time', async () => {
    const email = 'prescriber2@demo.ketaflow.test';
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt('bad-password-x')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const whileLocked = await attempt('ketaflow-demo');
    expect(whileLocked.statusCode).toBe(423);
    expect(whileLocked.json()).toMatchObject({ code: 'AUTH.LOCKED' });
    t.clock.advanceMinutes(16);
    expect((await attempt('ketaflow-demo')).statusCode).toBe(200);
  });

  test('refuses a cookie-authenticated write without the CSRF token', async () => {
    const session = await login(t.app, DEMO.nurse);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'AUTH.CSRF_INVALID' });
  });

  test('logs out and the cookie stops working', async () => {
    const session = await login(t.app, DEMO.nurse);
    expect((await as(t.app, session)('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await as(t.app, session)('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  test('registers a patient, who after opening the mailed link is logged in and sees their own new record', async () => {
    const session = await registerAndVerify(t, {
      email: 'New.Person@Example.org',
      password: 'a-long-password-1',
      givenName: 'Robin',
      familyName: 'Quill',
      birthDate: '1990-05-05',
    });
    expect(session.user).toMatchObject({ role: 'patient', email: 'new.person@example.org' });
    const record = await as(t.app, session)('GET', `/api/patients/${session.user.patientId}`);
    expect(record.statusCode).toBe(200);
    const patient = record.json<{ givenName: string; familyName: string; mrn: string }>();
    expect(patient).toMatchObject({ givenName: 'Robin', familyName: 'Quill' });
    expect(patient.mrn).toMatch(/^KF\d+$/);
  });

  test('reports every invalid registration field with its path, and writes nothing', async () => {
    const before = await countRows(t, 'patients');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        email: 'not-an-email',
        password: 'short',
        givenName: '',
        familyName: 'X',
        birthDate: '1990-13-45',
      },
    });
    expect(response.statusCode).toBe(400);
    const paths = response
      .json<{ errors: { path: string }[] }>()
      .errors.map((e) => e.path)
      .sort();
    expect(paths).toEqual(['body.birthDate', 'body.email', 'body.givenName', 'body.password']);
    expect(await countRows(t, 'patients')).toBe(before);
  });

  test('resets a password through the outbox link, once', async () => {
    const requested = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: DEMO.patient },
    });
    expect(requested.statusCode).toBe(202);
    const admin = await login(t.app, DEMO.admin);
    const outbox = await as(t.app, admin)('GET', '/api/outbox');
    const mail = outbox
      .json<{ items: { to: string; body: string }[] }>()
      .items.find((m) => m.to === DEMO.patient);
    const token = mail?.body.match(/reset-password\/([\w-]+)/)?.[1];
    expect(token).toBeDefined();
    const confirm = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/confirm',
        payload: { token, password },
      });
    expect((await confirm('a-brand-new-password')).statusCode).toBe(204);
    expect((await login(t.app, DEMO.patient, 'a-brand-new-password')).user.role).toBe('patient');
    const reused = await confirm('another-new-password');
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toMatchObject({
      code: 'AUTH.RESET_TOKEN_INVALID',
      errors: [{ path: 'body.token' }],
    });
  });

  test('answers 202 for an unknown e-mail too, and sends nothing', async () => {
    const before = await countRows(t, 'outbox');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: 'ghost@example.org' },
    });
    expect(response.statusCode).toBe(202);
    expect(await countRows(t, 'outbox')).toBe(before);
  });
});
