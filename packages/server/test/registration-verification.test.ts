/**
 * Registration answers alike for every address (it must not tell anyone who is a patient of the
 * clinic); a new account logs in only after its owner opens the mailed link.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/demo-people';
import {
  as,
  cookieFrom,
  countRows,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  type TestApp,
} from './harness';

describe.each(DRIVERS)('registration with e-mail verification on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => {
    await t.close();
  });

  let calls = 0;
  /** Each call from its own address, below the per-address limit of requests a minute. */
  function post(url: string, payload: Record<string, unknown>) {
    calls += 1;
    return t.app.inject({
      method: 'POST',
      url,
      payload,
      remoteAddress: `198.51.100.${String(calls)}`,
    });
  }

  const person = (email: string, password = 'a-long-password-1') => ({
    email,
    password,
    givenName: 'Rae',
    familyName: 'Register',
    birthDate: '1990-01-01',
  });

  async function mailsTo(email: string): Promise<{ subject: string; body: string }[]> {
    return (await t.database.query('select subject, body from outbox where to_address = $1', [
      email,
    ])) as { subject: string; body: string }[];
  }

  async function linksSentTo(email: string): Promise<string[]> {
    return (await mailsTo(email)).flatMap(
      (m) => /\/verify-email\/([\w-]+)/.exec(m.body)?.[1] ?? [],
    );
  }

  /** The one link that `send` mailed to `email`. */
  async function newLink(email: string, send: () => Promise<LightMyRequestResponse>) {
    const before = new Set(await linksSentTo(email));
    const response = await send();
    expect(response.statusCode, response.body).toBe(202);
    const fresh = (await linksSentTo(email)).filter((token) => !before.has(token));
    expect(fresh).toHaveLength(1);
    return fresh[0]!;
  }

  const register = (email: string, password?: string) =>
    post('/api/auth/register', person(email, password));
  const verify = (token: string) => post('/api/auth/verify-email', { token });
  const resend = (email: string) => post('/api/auth/verify-email/resend', { email });

  function expectTokenRefused(response: LightMyRequestResponse) {
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'AUTH.VERIFY_TOKEN_INVALID',
      errors: [{ path: 'body.token' }],
    });
    expect(response.headers['set-cookie']).toBeUndefined();
  }

  /** What a caller can compare between two answers. */
  const visible = (r: LightMyRequestResponse) => ({
    status: r.statusCode,
    body: r.body,
    contentType: r.headers['content-type'],
    setCookie: r.headers['set-cookie'],
  });

  test('answers a new and a taken address alike, and neither starts a session', async () => {
    const fresh = await register('fresh.person@example.org');
    const taken = await register(DEMO.patient);
    expect(visible(fresh)).toEqual(visible(taken));
    expect(fresh.statusCode).toBe(202);
    expect(fresh.json()).toEqual({ status: 'check-email' });
    expect(fresh.headers['set-cookie']).toBeUndefined();
  });

  test('a taken address keeps its account untouched; its owner is told by mail', async () => {
    const [before] = await t.database.query('select * from users where email = $1', [DEMO.patient]);
    const patients = await countRows(t, 'patients');
    const response = await register(DEMO.patient, 'someone-elses-password');
    expect(response.statusCode).toBe(202);
    const [after] = await t.database.query('select * from users where email = $1', [DEMO.patient]);
    expect(after).toEqual(before);
    expect(await countRows(t, 'patients')).toBe(patients);
    const mails = await mailsTo(DEMO.patient);
    expect(mails.at(-1)?.subject).toBe('Someone tried to register with your KetaFlow address');
    expect(mails.at(-1)?.body).toContain('/reset-password');
    expect(await linksSentTo(DEMO.patient)).toEqual([]);
    expect((await login(t.app, DEMO.patient, DEMO_PASSWORD)).user.email).toBe(DEMO.patient);
  });

  test('a new account cannot log in before verifying: 403 only with the right password', async () => {
    const email = 'not-yet@example.org';
    await newLink(email, () => register(email, 'the-right-password'));
    const attempt = (password: string) => post('/api/auth/login', { email, password });

    const right = await attempt('the-right-password');
    expect(right.statusCode).toBe(403);
    expect(right.json()).toMatchObject({ code: 'AUTH.EMAIL_NOT_VERIFIED' });
    expect(right.headers['set-cookie']).toBeUndefined();

    const wrong = await attempt('a-wrong-password');
    const unknown = await post('/api/auth/login', {
      email: 'nobody-here@example.org',
      password: 'a-wrong-password',
    });
    expect(wrong.statusCode).toBe(401);
    const { instance: _w, ...wrongBody } = wrong.json<Record<string, unknown>>();
    const { instance: _u, ...unknownBody } = unknown.json<Record<string, unknown>>();
    expect(wrongBody).toEqual(unknownBody);
  });

  test('the mailed link logs the new patient in, once', async () => {
    const email = 'link.opener@example.org';
    const token = await newLink(email, () => register(email, 'opener-password-1'));
    const opened = await verify(token);
    expect(opened.statusCode, opened.body).toBe(200);
    const body = opened.json<{
      user: { id: string; role: string; email: string };
      csrfToken: string;
    }>();
    expect(body.user).toMatchObject({ role: 'patient', email });
    const session = { cookie: cookieFrom(opened), csrfToken: body.csrfToken, user: body.user };
    const me = await as(t.app, { ...session, user: { ...session.user, patientId: null } })(
      'GET',
      '/api/auth/me',
    );
    expect(me.statusCode).toBe(200);
    const audited = await t.database.query(
      `select outcome from audit_log where action = 'auth.verify-email' and resource_id = $1`,
      [body.user.id],
    );
    expect(audited).toEqual([{ outcome: 'success' }]);

    expectTokenRefused(await verify(token));
    expect((await login(t.app, email, 'opener-password-1')).user.email).toBe(email);
  });

  test('a link expires after 24 hours', async () => {
    const email = 'slow.reader@example.org';
    const token = await newLink(email, () => register(email));
    t.clock.advanceMinutes(24 * 60 + 1);
    expectTokenRefused(await verify(token));
    // A new link works.
    expect((await verify(await newLink(email, () => resend(email)))).statusCode).toBe(200);
  });

  test('registering again before confirming mails a fresh link; the first registration stands', async () => {
    const email = 'twice.over@example.org';
    const first = await newLink(email, () => register(email, 'the-first-password-1'));
    const patients = await countRows(t, 'patients');
    const second = await newLink(email, () => register(email, 'the-second-password-2'));
    expect(await countRows(t, 'patients')).toBe(patients);
    expect((await mailsTo(email)).at(-1)?.body).toContain('password you chose the first time');
    expectTokenRefused(await verify(first));
    expect((await verify(second)).statusCode).toBe(200);
    const wrong = await post('/api/auth/login', { email, password: 'the-second-password-2' });
    expect(wrong.statusCode).toBe(401);
    expect((await login(t.app, email, 'the-first-password-1')).user.email).toBe(email);
  });

  test('only the newest link works', async () => {
    const email = 'two.links@example.org';
    const first = await newLink(email, () => register(email));
    const second = await newLink(email, () => resend(email));
    expectTokenRefused(await verify(first));
    expect((await verify(second)).statusCode).toBe(200);
  });

  test('resending answers alike for every address; only an unverified account gets a link', async () => {
    const unverified = 'waiting@example.org';
    await newLink(unverified, () => register(unverified));
    const answers = [];
    const outbox = await countRows(t, 'outbox');
    for (const email of [unverified, DEMO.nurse, 'nobody-at-all@example.org'])
      answers.push(visible(await resend(email)));
    expect(answers[0]).toMatchObject({ status: 202, body: '{"status":"check-email"}' });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await countRows(t, 'outbox')).toBe(outbox + 1);
    expect(await linksSentTo(DEMO.nurse)).toEqual([]);
  });

  test('a password reset proves the address too', async () => {
    const email = 'reset.instead@example.org';
    await newLink(email, () => register(email));
    const requested = await post('/api/auth/password-reset/request', { email });
    expect(requested.statusCode).toBe(202);
    const [mail] = await t.database.query(
      `select body from outbox where to_address = $1 and body like '%/reset-password/%'`,
      [email],
    );
    const token = /reset-password\/([\w-]+)/.exec(String(mail?.body))?.[1];
    const confirmed = await post('/api/auth/password-reset/confirm', {
      token,
      password: 'reset-password-12',
    });
    expect(confirmed.statusCode).toBe(204);
    expect((await login(t.app, email, 'reset-password-12')).user.email).toBe(email);
  });

  test('the link carries the in-app path to continue at; a path elsewhere is refused', async () => {
    const email = 'chose.a.time@example.org';
    const next = '/me/book-consult?startsAt=2026-03-05T15%3A00%3A00Z&prescriberId=x';
    await newLink(email, () => post('/api/auth/register', { ...person(email), next }));
    const [mail] = await mailsTo(email);
    expect(mail?.body).toContain(`?${new URLSearchParams({ next }).toString()}`);

    const elsewhere = await post('/api/auth/register', {
      ...person('elsewhere@example.org'),
      next: '//evil.example/steal',
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json()).toMatchObject({ errors: [{ path: 'body.next' }] });
  });
});
