/**
 * CDS Hooks client authentication (signed JWTs: algorithms, issuer, audience, expiry, replayed
 * jti), how order calls use up their jti and store their cards, and feedback with the admin's
 * override rates. The services themselves: cds-hooks.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { CdsResponseSchema } from '../src/routes/cds-hooks/schemas';
import { ISS, ISS2, prefetchFrom, PUBLIC_URL, useCdsHooks, type Json } from './cds-hooks-support';
import { as, DEMO, DRIVERS, login, T0, type TestApp } from './harness';

describe.each(DRIVERS)('CDS Hooks clients (%s)', (driver) => {
  const cds = useCdsHooks(driver);
  const { sign, call, orderSign } = cds;
  let t: TestApp;
  let synthea: Json;
  let key2: CryptoKey;
  let strangerKey: CryptoKey;
  beforeAll(() => {
    ({ t, synthea, key2, strangerKey } = cds);
  });

  describe('client JWTs', () => {
    const aud = `${PUBLIC_URL}/cds-services/ketaflow-patient-view`;
    const body = () => ({
      hook: 'patient-view',
      hookInstance: randomUUID(),
      context: { patientId: 'x' },
    });
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const expect401 = async (token: string) => {
      const r = await call('ketaflow-patient-view', body(), token);
      expect(r.statusCode, r.body).toBe(401);
      expect(r.json<Json>().code).toBe('CDS.UNAUTHORIZED');
    };

    it('accepts a good token once', async () => {
      const token = await sign({ aud });
      expect((await call('ketaflow-patient-view', body(), token)).statusCode).toBe(200);
      await expect401(token); // replayed jti
    });

    it('refuses a jti that is not text or holds a NUL, without failing calls stored with it', async () => {
      const good = await sign({ aud });
      const [nul, object, fine] = await Promise.all([
        call('ketaflow-patient-view', body(), await sign({ aud, jti: 'a\u0000b' })),
        call(
          'ketaflow-patient-view',
          body(),
          await sign({ aud, jti: { n: 1 } as unknown as string }),
        ),
        call('ketaflow-patient-view', body(), good),
      ]);
      for (const r of [nul, object]) {
        expect(r.statusCode, r.body).toBe(401);
        expect(r.json<Json>().code).toBe('CDS.UNAUTHORIZED');
      }
      expect(fine.statusCode, fine.body).toBe(200);
      await expect401(good); // and its jti was stored
    });

    it('names a patientId holding a NUL (400), never a database error', async () => {
      const r = await call('ketaflow-patient-view', {
        ...body(),
        context: { patientId: 'p\u0000' },
      });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json<Json>().errors).toEqual([
        expect.objectContaining({ path: 'context.patientId' }),
      ]);
    });

    it('refuses an unsigned token (alg none)', async () => {
      const now = Math.floor(T0.getTime() / 1000);
      await expect401(
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: ISS, aud, exp: now + 60, iat: now, jti: randomUUID() })}.`,
      );
    });

    it('refuses HS256', async () => {
      const now = Math.floor(T0.getTime() / 1000);
      const token = await new SignJWT({ jti: randomUUID() })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISS)
        .setAudience(aud)
        .setIssuedAt(now)
        .setExpirationTime(now + 60)
        .sign(new TextEncoder().encode('a-shared-secret-of-enough-length-000'));
      await expect401(token);
    });

    it('refuses a wrong audience, an expired token, an expiry over 5 minutes and an unknown issuer', async () => {
      const now = Math.floor(T0.getTime() / 1000);
      await expect401(await sign({ aud: `${PUBLIC_URL}/cds-services/ketaflow-order-sign` }));
      await expect401(await sign({ aud, exp: now - 10 }));
      await expect401(await sign({ aud, exp: now + 600 }));
      await expect401(await sign({ aud, iss: 'https://stranger.example' }));
      await expect401(await sign({ aud }, {}, strangerKey));
      const r = await t.app.inject({
        method: 'POST',
        url: '/cds-services/ketaflow-patient-view',
        payload: body(),
      });
      expect(r.statusCode).toBe(401);
    });
  });

  describe('jti use and card records on order calls', () => {
    const aud = `${PUBLIC_URL}/cds-services/ketaflow-order-sign`;
    const cardRows = async (hookInstance: string) =>
      Number(
        (
          await t.database.query(
            'select count(*)::int as n from cds_cards where hook_instance = $1',
            [hookInstance],
          )
        )[0]?.n,
      );

    it('answers a token once: a replay gets 401 and stores no cards', async () => {
      const { patientId, prefetch } = prefetchFrom(synthea);
      const token = await sign({ aud });
      const first = orderSign(patientId, prefetch);
      const r1 = await call('ketaflow-order-sign', first, token);
      expect(r1.statusCode, r1.body).toBe(200);
      const { cards } = CdsResponseSchema.parse(r1.json());
      expect(cards.length).toBeGreaterThan(0);
      expect(await cardRows(first.hookInstance)).toBe(cards.length);
      const replay = orderSign(patientId, prefetch);
      const r2 = await call('ketaflow-order-sign', replay, token);
      expect(r2.statusCode, r2.body).toBe(401);
      expect(await cardRows(replay.hookInstance)).toBe(0);
    });

    it('lets only one of two simultaneous calls with the same token through', async () => {
      const { patientId, prefetch } = prefetchFrom(synthea);
      const token = await sign({ aud });
      const bodies = [orderSign(patientId, prefetch), orderSign(patientId, prefetch)];
      const answers = await Promise.all(bodies.map((b) => call('ketaflow-order-sign', b, token)));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401]);
      const stored = await Promise.all(bodies.map((b) => cardRows(b.hookInstance)));
      const ok = answers.findIndex((a) => a.statusCode === 200);
      expect(stored[ok]).toBe(CdsResponseSchema.parse(answers[ok]!.json()).cards.length);
      expect(stored[1 - ok]).toBe(0);
    });

    it('stores every card of many simultaneous calls with its rule', async () => {
      const { patientId, prefetch } = prefetchFrom(synthea);
      const bodies = Array.from({ length: 24 }, () => orderSign(patientId, prefetch));
      const answers = await Promise.all(bodies.map((b) => call('ketaflow-order-sign', b)));
      const cardLists = answers.map((a) => {
        expect(a.statusCode, a.body).toBe(200);
        return CdsResponseSchema.parse(a.json()).cards;
      });
      const stored = await Promise.all(bodies.map((b) => cardRows(b.hookInstance)));
      expect(stored).toEqual(cardLists.map((c) => c.length));
      // Each stored under its own uuid, with its rule (what feedback looks up).
      const uuids = cardLists.flat().map((c) => c.uuid);
      const rows = await t.database.query(
        'select uuid::text as uuid, rule_code from cds_cards where uuid = any($1::uuid[])',
        [uuids],
      );
      const rules = new Map(rows.map((r) => [String(r.uuid), String(r.rule_code)]));
      for (const card of cardLists.flat())
        expect(rules.get(card.uuid)).toBe(card.source.topic?.code);
    });

    it('refuses a hookInstance holding a NUL by name, without failing calls stored with it', async () => {
      const { patientId, prefetch } = prefetchFrom(synthea);
      const bad = { ...orderSign(patientId, prefetch), hookInstance: 'call\u00001' };
      const good = orderSign(patientId, prefetch);
      const [refused, answered] = await Promise.all([
        call('ketaflow-order-sign', bad),
        call('ketaflow-order-sign', good),
      ]);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json<Json>().errors).toEqual([
        expect.objectContaining({ path: 'body.hookInstance' }),
      ]);
      expect(answered.statusCode, answered.body).toBe(200);
      expect(await cardRows(good.hookInstance)).toBeGreaterThan(0);
    });

    it('consumes the token of a call it cannot answer (412), so a replay gets 401', async () => {
      const { patientId } = prefetchFrom(synthea);
      const token = await sign({ aud });
      const r1 = await call('ketaflow-order-sign', orderSign(patientId), token);
      expect(r1.statusCode, r1.body).toBe(412);
      const r2 = await call('ketaflow-order-sign', orderSign(patientId), token);
      expect(r2.statusCode, r2.body).toBe(401);
    });
  });

  it('records feedback and shows override rates per rule to admins', async () => {
    const { patientId, prefetch } = prefetchFrom(synthea);
    // Three calls: three cards of the same rule.
    const answers = await Promise.all(
      [1, 2, 3].map(() => call('ketaflow-order-sign', orderSign(patientId, prefetch))),
    );
    const [a, b, c] = answers.map((r) => CdsResponseSchema.parse(r.json()).cards[0]!);
    const rule = a!.source.topic!.code;
    expect([b!, c!].map((x) => x.source.topic!.code)).toEqual([rule, rule]);
    // Issued on days no other card of these tests is: a on 10 Jan 2020, b and c on the 11th.
    await t.database.query(
      `update cds_cards set created_at = case when uuid = $1::uuid then '2020-01-10T12:00:00Z'::timestamptz else '2020-01-11T23:30:00Z'::timestamptz end where uuid = any($2::uuid[])`,
      [a!.uuid, [a!.uuid, b!.uuid, c!.uuid]],
    );
    const feedbackAud = `${PUBLIC_URL}/cds-services/ketaflow-order-sign/feedback`;
    const send = async (items: Json[], signer = sign) =>
      t.app.inject({
        method: 'POST',
        url: '/cds-services/ketaflow-order-sign/feedback',
        headers: { authorization: `Bearer ${await signer({ aud: feedbackAud })}` },
        payload: { feedback: items },
      });
    const ts1 = '2026-03-02T14:05:00Z';
    const ts2 = '2026-03-02T14:09:00Z';
    const ts3 = '2026-03-03T08:00:00Z';
    const aFeedback = {
      card: a!.uuid,
      outcome: 'overridden',
      outcomeTimestamp: ts1,
      overrideReason: {
        reason: { code: 'patient-informed', system: 'https://ketaflow.org/cds/rules' },
        userComment: 'discussed',
      },
    };
    const ok = await send([
      aFeedback,
      { card: b!.uuid, outcome: 'accepted', outcomeTimestamp: ts1 },
      { card: c!.uuid, outcome: 'accepted', outcomeTimestamp: ts1 },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<Json>().recorded).toBe(3);
    // A resend changes nothing (nor repeats the comment).
    expect((await send([aFeedback])).statusCode).toBe(200);
    // The clinician changes their mind on b the next day: its latest outcome is what counts.
    const changed = await send([
      {
        card: b!.uuid,
        outcome: 'overridden',
        outcomeTimestamp: ts3,
        overrideReason: { userComment: 'on reflection, the benefit is worth it' },
      },
    ]);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(
      (await send([{ card: randomUUID(), outcome: 'accepted', outcomeTimestamp: ts1 }])).statusCode,
    ).toBe(404);
    // Another allow-listed client cannot answer for this client's cards.
    const other = await send(
      [{ card: c!.uuid, outcome: 'overridden', outcomeTimestamp: ts2 }],
      (claims) => sign({ ...claims, iss: ISS2 }, { kid: 'k2', alg: 'ES256' }, key2),
    );
    expect(other.statusCode, other.body).toBe(404);

    const admin = await login(t.app, DEMO.admin);
    const report = async (query = '') => {
      const r = await as(t.app, admin)('GET', `/api/admin/cds-feedback${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ rules: Json[] }>().rules;
    };
    const ruleRow = async (query = '') => (await report(query)).find((r) => r.rule === rule);
    const row = (await ruleRow())!;
    expect(row).toMatchObject({ accepted: 1, overridden: 2, indicator: a!.indicator });
    expect(row.overrideRate).toBeCloseTo(2 / 3);
    expect(typeof row.title).toBe('string');
    expect(row.title).not.toBe(rule);
    expect(row.reasons).toEqual([
      {
        code: '(no reason)',
        system: null,
        display: 'No reason given',
        count: 1,
      },
      {
        code: 'patient-informed',
        system: 'https://ketaflow.org/cds/rules',
        display: 'Discussed with the patient',
        count: 1,
      },
    ]);
    // The comments, newest first, each once.
    expect(row.comments).toEqual([
      {
        comment: 'on reflection, the benefit is worth it',
        outcomeTimestamp: '2026-03-03T08:00:00.000Z',
      },
      { comment: 'discussed', outcomeTimestamp: '2026-03-02T14:05:00.000Z' },
    ]);
    // Every rule has a title here (all are KetaFlow's), and the dose card's is the card's own.
    for (const r of await report()) expect(r.title, String(r.rule)).toEqual(expect.any(String));

    // By service: the three services' cards add up to all of them; the feedback was on order-sign.
    const issuedFor = async (query: string) => Number((await ruleRow(query))?.cardsIssued ?? 0);
    const perService = await Promise.all(
      ['ketaflow-order-select', 'ketaflow-order-sign', 'ketaflow-patient-view'].map((id) =>
        issuedFor(`?serviceId=${id}`),
      ),
    );
    expect(perService[0]! + perService[1]! + perService[2]!).toBe(row.cardsIssued);
    const [signed] = await t.database.query(
      `select count(*)::int as n from cds_cards where rule_code = $1 and service_id = 'ketaflow-order-sign'`,
      [rule],
    );
    expect(perService[1]).toBe(Number(signed!.n));
    expect(await ruleRow('?serviceId=ketaflow-order-sign')).toMatchObject({
      accepted: 1,
      overridden: 2,
    });
    const select = await ruleRow('?serviceId=ketaflow-order-select');
    if (select) expect(select).toMatchObject({ accepted: 0, overridden: 0, overrideRate: null });

    // By date: cards by the day they were issued, outcomes by their timestamp (inclusive days).
    expect(await ruleRow('?from=2020-01-11&to=2020-01-11')).toMatchObject({
      cardsIssued: 2,
      accepted: 0,
      overridden: 0,
      overrideRate: null,
      reasons: [],
      comments: [],
    });
    expect(await issuedFor('?from=2020-01-10&to=2020-01-11')).toBe(3);
    expect(await issuedFor('?to=2020-01-10')).toBe(1);
    // Up to 2 March, b's latest outcome was still "accepted".
    const early = (await ruleRow('?from=2026-03-02&to=2026-03-02'))!;
    expect(early).toMatchObject({ accepted: 2, overridden: 1 });
    expect(early.overrideRate).toBeCloseTo(1 / 3);
    expect(early.comments).toEqual([
      { comment: 'discussed', outcomeTimestamp: '2026-03-02T14:05:00.000Z' },
    ]);
    expect(await ruleRow('?from=2026-03-03')).toMatchObject({
      accepted: 0,
      overridden: 1,
      overrideRate: 1,
      reasons: [{ code: '(no reason)', system: null, display: 'No reason given', count: 1 }],
    });

    const bad = async (query: string, field: string) => {
      const r = await as(t.app, admin)('GET', `/api/admin/cds-feedback${query}`);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
        `query.${field}`,
      ]);
    };
    await bad('?from=2026-13-01', 'from');
    await bad('?from=yesterday', 'from');
    await bad('?serviceId=ketaflow-nope', 'serviceId');
    await bad('?from=2026-03-04&to=2026-03-03', 'to');

    const nurse = await login(t.app, DEMO.nurse);
    expect((await as(t.app, nurse)('GET', '/api/admin/cds-feedback')).statusCode).toBe(403);
  });
});
