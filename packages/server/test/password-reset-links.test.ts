import { createServer, type Server, type Socket } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/demo-people';
import { REDACTED_AFTER_SEND, type MailTransport } from '../src/lib/mailer';
import { hashPassword } from '../src/lib/passwords';
import { hashToken, newToken } from '../src/lib/tokens';
import { as, countRows, createTestApp, DEMO, DRIVERS, login, type TestApp } from './harness';

describe.each(DRIVERS)('password-reset links on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => {
    await t.close();
  });

  async function linksSentTo(email: string): Promise<string[]> {
    const rows = await t.database.query('select body from outbox where to_address = $1', [email]);
    return rows.flatMap((r) => String(r.body).match(/reset-password\/([\w-]+)/)?.[1] ?? []);
  }

  let requests = 0;
  /** Asks for a reset link and returns the token of the mail it sent. */
  async function requestLink(email: string): Promise<string> {
    const before = new Set(await linksSentTo(email));
    requests += 1;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email },
      // Each from its own address, below the per-address limit of requests a minute.
      remoteAddress: `192.0.2.${String(requests)}`,
    });
    expect(response.statusCode).toBe(202);
    const fresh = (await linksSentTo(email)).filter((token) => !before.has(token));
    expect(fresh).toHaveLength(1);
    return fresh[0]!;
  }

  const confirm = (token: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password },
    });

  function expectRefused(response: LightMyRequestResponse) {
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'AUTH.RESET_TOKEN_INVALID' });
  }

  test('a new request withdraws the earlier unused link', async () => {
    const email = 'nurse2@demo.ketaflow.test';
    const first = await requestLink(email);
    const second = await requestLink(email);
    expectRefused(await confirm(first, 'first-link-password'));
    expect((await confirm(second, 'second-link-password')).statusCode).toBe(204);
    expect((await login(t.app, email, 'second-link-password')).user.email).toBe(email);
  });

  test("a successful reset withdraws the account's other open links", async () => {
    const email = 'nurse3@demo.ketaflow.test';
    const used = await requestLink(email);
    // A second open link, as from a request racing the first one.
    const other = newToken();
    await t.database.query(
      `insert into password_resets (token_hash, user_id, password_digest, expires_at)
       select $1, id, encode(sha256(convert_to(password_hash, 'UTF8')), 'hex'), $2
       from users where email = $3`,
      [hashToken(other), new Date(t.clock.now().getTime() + 30 * 60_000), email],
    );
    expect((await confirm(used, 'chosen-by-the-owner')).statusCode).toBe(204);
    expectRefused(await confirm(other, 'chosen-by-someone-else'));
    expect((await login(t.app, email, 'chosen-by-the-owner')).user.email).toBe(email);
  });

  test('a password changed another way (logged in, or by an admin) withdraws open links', async () => {
    const email = 'prescriber2@demo.ketaflow.test';
    const token = await requestLink(email);
    await t.database.query('update users set password_hash = $1 where email = $2', [
      await hashPassword('changed-while-logged-in'),
      email,
    ]);
    expectRefused(await confirm(token, 'an-old-link-password'));
    expect((await login(t.app, email, 'changed-while-logged-in')).user.email).toBe(email);
  });

  test('a reset ends every session of the account', async () => {
    const onLaptop = await login(t.app, DEMO.patient);
    const stolen = await login(t.app, DEMO.patient);
    expect((await as(t.app, stolen)('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await confirm(await requestLink(DEMO.patient), 'after-the-theft-1')).statusCode).toBe(
      204,
    );
    for (const session of [onLaptop, stolen])
      expect((await as(t.app, session)('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  test('a reset lifts a lockout of the account', async () => {
    const email = DEMO.nurse;
    for (let i = 0; i < 5; i++)
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'bad-password-x' },
      });
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: DEMO_PASSWORD },
    });
    expect(locked.statusCode).toBe(423);
    expect((await confirm(await requestLink(email), 'unlocked-by-reset')).statusCode).toBe(204);
    expect((await login(t.app, email, 'unlocked-by-reset')).user.email).toBe(email);
  });
});

describe('password-reset request with a mail server that does not answer', () => {
  let t: TestApp;
  let smtp: Server;
  const connections: Socket[] = [];
  beforeAll(async () => {
    // Accepts connections and never says hello, as a slow or stuck mail server would.
    smtp = createServer((socket) => connections.push(socket));
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const address = smtp.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    t = await createTestApp('pglite', {
      env: { SMTP_URL: `smtp://127.0.0.1:${String(address.port)}` },
    });
  });
  afterAll(async () => {
    for (const socket of connections) socket.destroy();
    await new Promise((resolve) => smtp.close(resolve));
    await t.close();
  });

  const ask = (email: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email } });

  test('answers a known address without waiting for the mail, like an unknown one', async () => {
    const before = await countRows(t, 'outbox');
    const known = await ask(DEMO.admin);
    const unknown = await ask('nobody-at-all@example.org');
    for (const response of [known, unknown]) {
      expect(response.statusCode).toBe(202);
      expect(response.body).toBe('{}');
    }
    // Stored, neither sent nor failed yet: the answer did not wait for the mail server.
    const rows = await t.database.query(
      'select sent_at, last_error from outbox where to_address = $1',
      [DEMO.admin],
    );
    expect(rows).toEqual([{ sent_at: null, last_error: null }]);
    expect(await countRows(t, 'outbox')).toBe(before + 1);
  });
});

describe.each(DRIVERS)('reset links in the outbox once the mail is sent on %s', (driver) => {
  let t: TestApp;
  /** What the mail server accepted; `refuseNext` makes the next send fail, as a server down. */
  const delivered: { to: string; text: string }[] = [];
  let refuseNext = false;
  const transport: MailTransport = {
    sendMail: (message) => {
      if (refuseNext) {
        refuseNext = false;
        return Promise.reject(new Error('451 try again later'));
      }
      delivered.push({ to: message.to, text: message.text });
      return Promise.resolve({});
    },
  };
  beforeAll(async () => {
    t = await createTestApp(driver, { mailTransport: transport });
  });
  afterAll(async () => {
    await t.close();
  });

  let requests = 0;
  /** Asks for a link and waits until the mail was sent or failed; returns its outbox row. */
  async function requestLink(email: string) {
    requests += 1;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email },
      remoteAddress: `203.0.113.${String(requests)}`,
    });
    expect(response.statusCode).toBe(202);
    return vi.waitFor(async () => {
      const [row] = await t.database.query(
        `select body, sent_at, last_error from outbox where to_address = $1
         order by created_at desc limit 1`,
        [email],
      );
      if (!row || (row.sent_at === null && row.last_error === null)) throw new Error('not yet');
      return { body: String(row.body), sent: row.sent_at !== null };
    });
  }
  const tokenIn = (text: string) => /reset-password\/([\w-]+)/.exec(text)?.[1];
  const confirm = (token: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password },
    });

  test('once sent, the outbox copy holds no token, and the link in the mail still works', async () => {
    const email = DEMO.nurse;
    const row = await requestLink(email);
    expect(row.sent).toBe(true);
    const mail = delivered.filter((m) => m.to === email);
    expect(mail).toHaveLength(1);
    const token = tokenIn(mail[0]!.text);
    expect(token).toBeDefined();
    expect(row.body).not.toContain(token);
    expect(tokenIn(row.body)).toBeUndefined();
    expect(row.body).toContain(`/reset-password/${REDACTED_AFTER_SEND}`);
    expect((await confirm(token!, 'chosen-from-the-mail')).statusCode).toBe(204);
    expect((await login(t.app, email, 'chosen-from-the-mail')).user.email).toBe(email);
  });

  test('a send that failed keeps the link in the outbox, so it can still be sent', async () => {
    const email = DEMO.prescriber;
    refuseNext = true;
    const row = await requestLink(email);
    expect(row.sent).toBe(false);
    expect(delivered.filter((m) => m.to === email)).toEqual([]);
    const token = tokenIn(row.body);
    expect(token).toBeDefined();
    expect((await confirm(token!, 'chosen-after-a-retry')).statusCode).toBe(204);
    expect((await login(t.app, email, 'chosen-after-a-retry')).user.email).toBe(email);
  });
});
