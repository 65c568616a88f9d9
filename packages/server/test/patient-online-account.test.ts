/**
 * Staff see whether a self-registered patient confirmed their e-mail address, on the list and the
 * record, can mail the account a new confirmation link, and can correct a mistyped address.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  registerAndVerify,
  T0,
  type Session,
  type TestApp,
  verificationTokenSentTo,
} from './harness';

const ACTION = 'patient.account.confirmation-link';

describe.each(DRIVERS)("a patient's online account, seen and nudged by staff, on %s", (driver) => {
  let t: TestApp;
  let nurse: Session;
  const ids: Record<'unconfirmed' | 'confirmed' | 'staffMade', string> = {
    unconfirmed: '',
    confirmed: '',
    staffMade: '',
  };
  let calls = 0;

  /** Each request from its own address, below the per-address limits of requests a minute. */
  function send(
    session: Session | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
  ) {
    calls += 1;
    return t.app.inject({
      method,
      url,
      remoteAddress: `198.51.100.${String(calls)}`,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
      headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {},
    });
  }

  const person = (email: string, familyName: string) => ({
    email,
    password: 'a-long-password-1',
    givenName: 'Noor',
    familyName,
    birthDate: '1985-05-05',
  });

  async function register(email: string, familyName: string): Promise<string> {
    const response = await send(null, 'POST', '/api/auth/register', person(email, familyName));
    expect(response.statusCode, response.body).toBe(202);
    const rows = await t.database.query('select patient_id from users where email = $1', [email]);
    return rows[0]!.patient_id as string;
  }

  const linkFor = (id: string, session: Session = nurse) =>
    send(session, 'POST', `/api/patients/${id}/account/confirmation-link`);

  async function auditRows(patientId: string) {
    return t.database.query(
      `select actor_role, outcome, detail from audit_log where action = $1 and patient_id = $2 order by id`,
      [ACTION, patientId],
    );
  }

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    ids.unconfirmed = await register('noor.unconfirmed@example.test', 'Unconfirmedsson');
    const verified = await registerAndVerify(
      t,
      person('noor.confirmed@example.test', 'Confirmedsson'),
    );
    ids.confirmed = verified.user.patientId;
    const made = await send(nurse, 'POST', '/api/patients', {
      givenName: 'Noor',
      familyName: 'Staffmadesson',
      birthDate: '1985-05-05',
      email: 'noor.staff@example.test',
    });
    expect(made.statusCode, made.body).toBe(201);
    ids.staffMade = made.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await t.close();
  });

  const expected = {
    unconfirmed: {
      email: 'noor.unconfirmed@example.test',
      confirmed: false,
      registeredAt: T0.toISOString(),
    },
    confirmed: {
      email: 'noor.confirmed@example.test',
      confirmed: true,
      registeredAt: T0.toISOString(),
    },
    staffMade: null,
  };

  test.each(Object.keys(expected) as (keyof typeof expected)[])(
    'the list and the record show the account of the %s patient',
    async (which) => {
      const list = await send(nurse, 'GET', '/api/patients?query=sson&pageSize=50');
      expect(list.statusCode, list.body).toBe(200);
      const row = list
        .json<{ items: { id: string; account: unknown }[] }>()
        .items.find((p) => p.id === ids[which]);
      expect(row?.account).toEqual(expected[which]);
      const record = await send(nurse, 'GET', `/api/patients/${ids[which]}`);
      expect(record.statusCode, record.body).toBe(200);
      expect(record.json<{ account: unknown }>().account).toEqual(expected[which]);
    },
  );

  test('a patient reading their own record sees their account too', async () => {
    const patient = await login(t.app, 'noor.confirmed@example.test', 'a-long-password-1');
    const record = await send(patient, 'GET', `/api/patients/${ids.confirmed}`);
    expect(record.json<{ account: unknown }>().account).toEqual(expected.confirmed);
  });

  test('staff mail a new link that confirms the address; the registration link stops working', async () => {
    const email = expected.unconfirmed.email;
    const first = await verificationTokenSentTo(t, email);
    t.clock.advanceMinutes(30);
    const response = await linkFor(ids.unconfirmed);
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toEqual({
      sentTo: email,
      expiresAt: new Date(T0.getTime() + (30 + 24 * 60) * 60_000).toISOString(),
    });
    const fresh = await verificationTokenSentTo(t, email);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(first);
    expect((await auditRows(ids.unconfirmed)).at(-1)).toMatchObject({
      actor_role: 'nurse',
      outcome: 'success',
    });

    const stale = await send(null, 'POST', '/api/auth/verify-email', { token: first });
    expect(stale.statusCode).toBe(400);
    const opened = await send(null, 'POST', '/api/auth/verify-email', { token: fresh });
    expect(opened.statusCode, opened.body).toBe(200);
    const record = await send(nurse, 'GET', `/api/patients/${ids.unconfirmed}`);
    expect(record.json<{ account: unknown }>().account).toMatchObject({ confirmed: true });
  });

  test('prescribers and admins may send a link too', async () => {
    for (const [n, role] of (['prescriber', 'admin'] as const).entries()) {
      const id = await register(`noor.${role}@example.test`, `Rolesson${String(n)}`);
      const response = await linkFor(id, await login(t.app, DEMO[role]));
      expect(response.statusCode, response.body).toBe(202);
      expect((await auditRows(id)).at(-1)).toMatchObject({ actor_role: role, outcome: 'success' });
    }
  });

  test('answers 409 for a confirmed account, mails nothing, and audits the refusal', async () => {
    const mailsBefore = await t.database.query('select id from outbox');
    const response = await linkFor(ids.confirmed);
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json()).toMatchObject({ code: 'AUTH.EMAIL_ALREADY_CONFIRMED' });
    expect(await t.database.query('select id from outbox')).toHaveLength(mailsBefore.length);
    expect((await auditRows(ids.confirmed)).at(-1)).toMatchObject({
      outcome: 'denied',
      detail: { reason: 'already-confirmed' },
    });
  });

  test('answers 404 for a patient without an online account, and for no such patient', async () => {
    const none = await linkFor(ids.staffMade);
    expect(none.statusCode, none.body).toBe(404);
    expect(none.json()).toMatchObject({ code: 'RESOURCE.NOT_FOUND' });
    expect((await auditRows(ids.staffMade)).at(-1)).toMatchObject({ outcome: 'not-found' });
    const missing = await linkFor('00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  test('a patient may not send links (403), even for their own record', async () => {
    const patient = await login(t.app, DEMO.patient);
    const id = await register('noor.patient-try@example.test', 'Triesson');
    const before = await verificationTokenSentTo(t, 'noor.patient-try@example.test');
    const response = await linkFor(id, patient);
    expect(response.statusCode).toBe(403);
    expect(await verificationTokenSentTo(t, 'noor.patient-try@example.test')).toBe(before);
    const own = await linkFor(patient.user.patientId!, patient);
    expect(own.statusCode).toBe(403);
    const anonymous = await send(null, 'POST', `/api/patients/${id}/account/confirmation-link`);
    expect(anonymous.statusCode).toBe(401);
  });

  describe('correcting the address of an unconfirmed account', () => {
    const CORRECT = 'patient.account.email-corrected';
    const correct = (id: string, email: string, session: Session = nurse) =>
      send(session, 'PUT', `/api/patients/${id}/account/email`, { email });
    const correctionAudit = (patientId: string) =>
      t.database.query(
        `select actor_role, outcome, detail from audit_log where action = $1 and patient_id = $2 order by id`,
        [CORRECT, patientId],
      );
    const accountOf = async (id: string) =>
      (await send(nurse, 'GET', `/api/patients/${id}`)).json<{
        email: string | null;
        account: { email: string; confirmed: boolean } | null;
      }>();
    const mailsTo = async (email: string) =>
      (await t.database.query('select id from outbox where to_address = $1', [email])).length;

    test('the account and the record take the right address, and only its link works', async () => {
      const id = await register('noor.mistyped@exmaple.test', 'Mistypedsson');
      const first = await verificationTokenSentTo(t, 'noor.mistyped@exmaple.test');
      const response = await correct(id, ' Noor.Right@Example.test ');
      expect(response.statusCode, response.body).toBe(202);
      expect(response.json()).toMatchObject({
        sentTo: 'noor.right@example.test',
        recordEmailUpdated: true,
      });
      expect(await accountOf(id)).toMatchObject({
        email: 'noor.right@example.test',
        account: { email: 'noor.right@example.test', confirmed: false },
      });
      const audit = await correctionAudit(id);
      expect(audit.at(-1)).toMatchObject({
        actor_role: 'nurse',
        outcome: 'success',
        detail: { changed: true, recordEmailUpdated: true },
      });
      expect(JSON.stringify(audit)).not.toContain('@');

      const stale = await send(null, 'POST', '/api/auth/verify-email', { token: first });
      expect(stale.statusCode).toBe(400);
      const fresh = await verificationTokenSentTo(t, 'noor.right@example.test');
      const opened = await send(null, 'POST', '/api/auth/verify-email', { token: fresh });
      expect(opened.statusCode, opened.body).toBe(200);
      const session = await login(t.app, 'noor.right@example.test', 'a-long-password-1');
      expect(session.user.patientId).toBe(id);
    });

    test("a record e-mail that staff set apart from the account's stays as it is", async () => {
      const id = await register('noor.apart@exmaple.test', 'Apartsson');
      const edited = await send(nurse, 'PATCH', `/api/patients/${id}`, {
        email: 'noor.work@example.test',
      });
      expect(edited.statusCode, edited.body).toBe(200);
      const response = await correct(id, 'noor.apart@example.test');
      expect(response.statusCode, response.body).toBe(202);
      expect(response.json()).toMatchObject({ recordEmailUpdated: false });
      expect(await accountOf(id)).toMatchObject({
        email: 'noor.work@example.test',
        account: { email: 'noor.apart@example.test' },
      });
    });

    test('an address of another account is refused with the field named; nothing changes', async () => {
      const id = await register('noor.clash@exmaple.test', 'Clashsson');
      const before = await mailsTo(expected.confirmed.email);
      const response = await correct(id, expected.confirmed.email);
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json()).toMatchObject({
        code: 'RESOURCE.CONFLICT',
        errors: [{ path: 'body.email' }],
      });
      expect((await accountOf(id)).account?.email).toBe('noor.clash@exmaple.test');
      expect(await mailsTo(expected.confirmed.email)).toBe(before);
      expect(await correctionAudit(id)).toHaveLength(0);
    });

    test('a confirmed account is refused (409, audited); a bad address names the field', async () => {
      const confirmed = await correct(ids.confirmed, 'noor.elsewhere@example.test');
      expect(confirmed.statusCode, confirmed.body).toBe(409);
      expect(confirmed.json()).toMatchObject({ code: 'AUTH.EMAIL_ALREADY_CONFIRMED' });
      expect((await accountOf(ids.confirmed)).account?.email).toBe(expected.confirmed.email);
      expect((await correctionAudit(ids.confirmed)).at(-1)).toMatchObject({ outcome: 'denied' });
      expect(await mailsTo('noor.elsewhere@example.test')).toBe(0);

      const bad = await correct(ids.staffMade, 'not an address');
      expect(bad.statusCode, bad.body).toBe(400);
      expect(bad.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
        'body.email',
      ]);
      const none = await correct(ids.staffMade, 'noor.none@example.test');
      expect(none.statusCode, none.body).toBe(404);
    });

    test('patients may not correct addresses (403), anonymous callers get 401', async () => {
      const id = await register('noor.self@exmaple.test', 'Selfsson');
      const patient = await login(t.app, DEMO.patient);
      const response = await correct(id, 'noor.self@example.test', patient);
      expect(response.statusCode).toBe(403);
      expect((await accountOf(id)).account?.email).toBe('noor.self@exmaple.test');
      const anonymous = await send(null, 'PUT', `/api/patients/${id}/account/email`, {
        email: 'noor.self@example.test',
      });
      expect(anonymous.statusCode).toBe(401);
    });
  });
});
