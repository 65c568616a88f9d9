import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screenInput } from '@ketaflow/core';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalData } from '../../../test-support/external-data';
import { DOSE_RULE, DOSE_UNCHECKED_RULE } from '../src/routes/cds-hooks/card-types';
import { CardSchema, CdsResponseSchema, DiscoverySchema } from '../src/routes/cds-hooks/schemas';
import { as, createTestApp, DEMO, DRIVERS, login, T0, type TestApp } from './harness';

type Json = Record<string, unknown>;

const EXAMPLES = externalData('cds-hooks-spec-examples');
const BUNDLES = join(externalData('synthea-smart-on-fhir-r4'), 'bundles');
const PUBLIC_URL = 'http://ketaflow.test';
const ISS = 'https://ehr.example.org';
const ISS2 = 'https://other-ehr.example.org';
const SERVICE_FOR_HOOK: Record<string, string> = {
  'order-select': 'ketaflow-order-select',
  'order-sign': 'ketaflow-order-sign',
  'patient-view': 'ketaflow-patient-view',
};
const KETAMINE_ORDER = {
  resourceType: 'MedicationRequest',
  id: 'draft-ketamine-1',
  status: 'draft',
  intent: 'order',
  medicationCodeableConcept: {
    coding: [
      { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '6130', display: 'ketamine' },
    ],
    text: 'ketamine 50 mg/mL injection',
  },
};

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

/** The R4 request, context and discovery examples for the hooks KetaFlow serves. */
function hookExamples(): { file: string; hook: string; json: Json }[] {
  const rows = readFileSync(join(EXAMPLES, 'index.csv'), 'utf8').trim().split('\n').slice(1);
  const out: { file: string; hook: string; json: Json }[] = [];
  for (const row of rows) {
    const [file = '', , , , , , kind = '', hookColumn = ''] = row.split(',');
    if (/stu3|dstu2/.test(file)) continue;
    const fromName = /hook-(order-select|order-sign|patient-view)-/.exec(file)?.[1];
    const hook = hookColumn || fromName;
    if (hook === undefined || !(hook in SERVICE_FOR_HOOK)) continue;
    if (kind !== 'request' && kind !== 'context') continue;
    const json = readJson(join(EXAMPLES, file));
    if (json.context === undefined) continue;
    out.push({ file, hook, json });
  }
  return out;
}

/** A prefetch as an EHR would fill the order templates from a Synthea bundle. */
function hasPatient(bundle: Json): boolean {
  return (bundle.entry as { resource: Json }[]).some((e) => e.resource.resourceType === 'Patient');
}

function prefetchFrom(bundle: Json): { patientId: string; prefetch: Json } {
  const resources = (bundle.entry as { resource: Json }[]).map((e) => e.resource);
  const searchset = (pick: (r: Json) => boolean) => ({
    resourceType: 'Bundle',
    type: 'searchset',
    entry: resources.filter(pick).map((resource) => ({ resource })),
  });
  const codes = (r: Json) =>
    ((r.code as { coding?: { code?: string }[] } | undefined)?.coding ?? []).map((c) => c.code);
  const obs = (...wanted: string[]) =>
    searchset(
      (r) => r.resourceType === 'Observation' && codes(r).some((c) => wanted.includes(c ?? '')),
    );
  const patient = resources.find((r) => r.resourceType === 'Patient')!;
  return {
    patientId: String(patient.id),
    prefetch: {
      patient,
      medicationRequests: searchset((r) => r.resourceType === 'MedicationRequest'),
      medicationStatements: searchset((r) => r.resourceType === 'MedicationStatement'),
      conditions: searchset((r) => r.resourceType === 'Condition'),
      allergies: searchset((r) => r.resourceType === 'AllergyIntolerance'),
      bloodPressure: obs('85354-9', '55284-4'),
      pregnancyStatus: obs('82810-3'),
      weight: obs('29463-7'),
    },
  };
}

describe.each(DRIVERS)('CDS Hooks (%s)', (driver) => {
  /** Screens calls in a worker thread, as a server with a core to spare does. */
  let t: TestApp;
  /** The same service screening on the event loop (KETAFLOW_CDS_WORKERS=0). */
  let inline: TestApp;
  let key: CryptoKey;
  let strangerKey: CryptoKey;
  let key2: CryptoKey;
  let stub: Server;
  let stubUrl = '';
  const stubSeen: IncomingHttpHeaders[] = [];
  let synthea: Json;

  async function sign(claims: JWTPayload, header: Record<string, unknown> = {}, k = key) {
    const now = Math.floor(t.clock.now().getTime() / 1000);
    return new SignJWT({ jti: randomUUID(), iss: ISS, iat: now, exp: now + 240, ...claims })
      .setProtectedHeader({ alg: 'ES384', kid: 'k1', typ: 'JWT', ...header })
      .sign(k);
  }

  async function call(service: string, body: unknown, token?: string, app = t.app) {
    const auth = token ?? (await sign({ aud: `${PUBLIC_URL}/cds-services/${service}` }));
    return app.inject({
      method: 'POST',
      url: `/cds-services/${service}`,
      headers: { authorization: `Bearer ${auth}` },
      payload: body as Json,
    });
  }

  function orderSign(patientId: string, prefetch?: Json, extra: Json = {}) {
    return {
      hook: 'order-sign',
      hookInstance: randomUUID(),
      context: {
        userId: 'PractitionerRole/1',
        patientId,
        draftOrders: {
          resourceType: 'Bundle',
          type: 'collection',
          entry: [{ resource: KETAMINE_ORDER }],
        },
      },
      ...(prefetch ? { prefetch } : {}),
      ...extra,
    };
  }

  beforeAll(async () => {
    const pair = await generateKeyPair('ES384', { extractable: true });
    key = pair.privateKey;
    strangerKey = (await generateKeyPair('ES384')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES384' };
    const dir = mkdtempSync(join(tmpdir(), 'kf-cds-'));
    const clientsFile = join(dir, 'clients.json');
    const pair2 = await generateKeyPair('ES256', { extractable: true });
    key2 = pair2.privateKey;
    const jwk2 = { ...(await exportJWK(pair2.publicKey)), kid: 'k2', alg: 'ES256' };
    writeFileSync(
      clientsFile,
      JSON.stringify([
        { iss: ISS, jwks: { keys: [jwk] } },
        { iss: ISS2, jwks: { keys: [jwk2] } },
      ]),
    );
    t = await createTestApp(driver, {
      env: { CDS_CLIENTS: clientsFile, KETAFLOW_PUBLIC_URL: PUBLIC_URL, KETAFLOW_CDS_WORKERS: '1' },
    });
    inline = await createTestApp(driver, {
      demo: false,
      env: { CDS_CLIENTS: clientsFile, KETAFLOW_PUBLIC_URL: PUBLIC_URL, KETAFLOW_CDS_WORKERS: '0' },
    });
    const first = readdirSync(BUNDLES)
      .filter((f) => f.endsWith('.json'))
      .sort()[0]!;
    synthea = readJson(join(BUNDLES, first));
    const { prefetch } = prefetchFrom(synthea);
    stub = createServer((req, res) => {
      stubSeen.push(req.headers);
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (path.startsWith('/broken')) {
        res.writeHead(500).end();
        return;
      }
      const type = /\/(\w+)(\/|$)/.exec(path.replace(/^\/fhir/, ''))?.[1];
      const body =
        type === 'Patient'
          ? prefetch.patient
          : (
              {
                MedicationRequest: prefetch.medicationRequests,
                MedicationStatement: prefetch.medicationStatements,
                Condition: prefetch.conditions,
                AllergyIntolerance: prefetch.allergies,
                Observation: {
                  resourceType: 'Bundle',
                  type: 'searchset',
                  entry: (['bloodPressure', 'pregnancyStatus', 'weight'] as const).flatMap(
                    (k) => (prefetch[k] as Json).entry as Json[],
                  ),
                },
              } as Record<string, unknown>
            )[type ?? ''];
      res.writeHead(200, { 'content-type': 'application/fhir+json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    stubUrl = `http://127.0.0.1:${String((stub.address() as AddressInfo).port)}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => stub.close(resolve));
    await t.close();
    await inline.close();
  });

  it('discovery lists the three services with prefetch templates, in the spec examples shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/cds-services' });
    expect(response.statusCode).toBe(200);
    const body = DiscoverySchema.parse(response.json());
    expect(body.services.map((s) => [s.id, s.hook])).toEqual([
      ['ketaflow-order-select', 'order-select'],
      ['ketaflow-order-sign', 'order-sign'],
      ['ketaflow-patient-view', 'patient-view'],
    ]);
    const sign = body.services[1]!;
    expect(sign.prefetch?.patient).toBe('Patient/{{context.patientId}}');
    expect(sign.prefetch?.pregnancyStatus).toContain('82810-3');
    expect(sign.prefetch?.breastfeedingStatus).toContain('63895-7');
    expect(sign.prefetch?.weight).toContain('29463-7');
    for (const file of [
      'spec-current-01-discovery-discovery-example.json',
      'legacy-spec-old-docs-01-discovery-discovery-example.json',
    ]) {
      expect(DiscoverySchema.safeParse(readJson(join(EXAMPLES, file))).success, file).toBe(true);
    }
  });

  it('answers every R4 request and context example for its hooks with valid cards', async () => {
    const examples = hookExamples();
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const { file, hook, json } of examples) {
      const body = { hook, hookInstance: randomUUID(), ...json };
      const response = await call(SERVICE_FOR_HOOK[hook]!, body);
      if ((json.context as Json).patientId === undefined) {
        // spec-current-31 shows only extensions; patient-view requires context.patientId.
        expect(response.statusCode, file).toBe(400);
        expect(response.json<Json>().code).toBe('VALIDATION.FAILED');
        continue;
      }
      expect(response.statusCode, `${file}: ${response.body}`).toBe(200);
      const parsed = CdsResponseSchema.parse(response.json());
      // The examples order amoxicillin or a diet, not ketamine; patient 1288992 has no course.
      expect(parsed.cards, file).toEqual([]);
    }
  });

  it('returns the cards core screening implies for each Synthea bundle', async () => {
    // Synthea's hospital and practitioner bundles hold no patient.
    const files = readdirSync(BUNDLES)
      .filter((f) => f.endsWith('.json') && hasPatient(readJson(join(BUNDLES, f))))
      .sort();
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const bundle = readJson(join(BUNDLES, file));
      const { patientId, prefetch } = prefetchFrom(bundle);
      const response = await call('ketaflow-order-sign', orderSign(patientId, prefetch));
      expect(response.statusCode, `${file}: ${response.body}`).toBe(200);
      const { cards } = CdsResponseSchema.parse(response.json());
      const expected = screenInput(bundle, t.knowledge.kb, {
        indication: 'depression',
        product: 'ketamine-iv',
        asOf: T0.toISOString().slice(0, 10),
      });
      if (!expected.ok) throw new Error(`${file}: core refused the bundle`);
      const got = cards
        .filter((c) => ![DOSE_RULE, DOSE_UNCHECKED_RULE].includes(c.source.topic?.code ?? ''))
        .map((c) => `${c.source.topic?.code ?? ''}:${c.indicator}`)
        .sort();
      const want = expected.value.findings.map((f) => `${f.code}:${f.severity}`).sort();
      expect(got, file).toEqual(want);
      for (const c of cards) {
        expect(CardSchema.safeParse(c).success).toBe(true);
        expect(c.summary.length).toBeLessThanOrEqual(140);
        if (c.indicator !== 'info') expect(c.overrideReasons?.length).toBeGreaterThan(0);
      }
      expect(new Set(cards.map((c) => c.uuid)).size).toBe(cards.length);
    }
  });

  it('reads breastfeeding status from its own prefetch key; without it the status is unknown, never "no", and the call is still answered', async () => {
    const empty = { resourceType: 'Bundle', type: 'searchset', entry: [] };
    // A woman of 30: breastfeeding is asked of her. Not pregnant, so only the breastfeeding
    // status decides which card this test is about.
    const patientId = 'bf-woman-1';
    const today = T0.toISOString().slice(0, 10);
    const observation = (code: string, answer: string) => ({
      resourceType: 'Observation',
      id: `${code}-${answer}`,
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code }] },
      subject: { reference: `Patient/${patientId}` },
      effectiveDateTime: today,
      valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: answer }] },
    });
    const base = {
      patient: {
        resourceType: 'Patient',
        id: patientId,
        gender: 'female',
        birthDate: '1996-04-01',
      },
      medicationRequests: empty,
      medicationStatements: empty,
      conditions: empty,
      allergies: empty,
      bloodPressure: empty,
      // LOINC LA26683-5 "Not pregnant".
      pregnancyStatus: { ...empty, entry: [{ resource: observation('82810-3', 'LA26683-5') }] },
      weight: empty,
    };
    const rules = async (prefetch: Json) => {
      const response = await call('ketaflow-order-sign', orderSign(patientId, prefetch));
      expect(response.statusCode, response.body).toBe(200);
      return CdsResponseSchema.parse(response.json()).cards.map(
        (c) => `${c.source.topic?.code ?? ''}:${c.indicator}`,
      );
    };
    // A client built before the key existed: answered, with the status named as unknown.
    const withoutKey = await rules(base);
    expect(withoutKey).toContain('SCREEN.MISSING_BREASTFEEDING_STATUS:warning');
    expect(withoutKey).not.toContain('SCREEN.MISSING_PREGNANCY_STATUS:warning');
    // The key sent: "not currently breastfeeding" (LA29253-4) clears it; "currently" (LA29252-6)
    // is the knowledge base's breastfeeding finding.
    const answered = (answer: string) => ({
      ...base,
      breastfeedingStatus: { ...empty, entry: [{ resource: observation('63895-7', answer) }] },
    });
    const no = await rules(answered('LA29253-4'));
    expect(no.some((r) => r.includes('BREASTFEEDING'))).toBe(false);
    const yes = await rules(answered('LA29252-6'));
    expect(yes.some((r) => r.startsWith('PL.BREASTFEEDING:'))).toBe(true);
    expect(yes.some((r) => r.startsWith('SCREEN.MISSING_BREASTFEEDING_STATUS'))).toBe(false);
  });

  it('answers alike whether it screens in a worker thread or on the event loop', async () => {
    // Card uuids are new on every call; everything else must match.
    const sameShape = (text: string) =>
      text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');
    const files = readdirSync(BUNDLES).filter((f) => f.endsWith('.json'));
    let cards = 0;
    for (const file of files) {
      const bundle = readJson(join(BUNDLES, file));
      if (!hasPatient(bundle)) continue;
      const { patientId, prefetch } = prefetchFrom(bundle);
      const body = orderSign(patientId, prefetch);
      const threaded = await call('ketaflow-order-sign', body);
      const onLoop = await call('ketaflow-order-sign', body, undefined, inline.app);
      expect(threaded.statusCode, `${file}: ${threaded.body}`).toBe(200);
      expect(threaded.headers['content-type'], file).toMatch(/^application\/json/);
      expect(sameShape(threaded.body), file).toBe(sameShape(onLoop.body));
      cards += CdsResponseSchema.parse(threaded.json()).cards.length;
    }
    expect(cards).toBeGreaterThan(0);
  });

  it('refuses a body it cannot read with 400 naming the field, before the token is used', async () => {
    const aud = `${PUBLIC_URL}/cds-services/ketaflow-order-sign`;
    const { patientId, prefetch } = prefetchFrom(synthea);
    const good = JSON.stringify(orderSign(patientId, prefetch));
    const cases: [string, string, string | undefined][] = [
      ['{"hook": "order-sign", "hookInstance": ', 'REQUEST.MALFORMED', undefined],
      [
        '{"hook": "order-sign", "hookInstance": "x", "context": {}, "__proto__": {"admin": true}}',
        'REQUEST.MALFORMED',
        undefined,
      ],
      ['{"hook": "order-sign", "context": {}}', 'VALIDATION.FAILED', 'body.hookInstance'],
      [
        '{"hook": "order-sign", "hookInstance": "x", "context": []}',
        'VALIDATION.FAILED',
        'body.context',
      ],
      ['[]', 'VALIDATION.FAILED', 'body'],
    ];
    for (const app of [t.app, inline.app]) {
      for (const [payload, code, path] of cases) {
        const token = await sign({ aud });
        const send = (body: string) =>
          app.inject({
            method: 'POST',
            url: '/cds-services/ketaflow-order-sign',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            payload: body,
          });
        const refused = await send(payload);
        expect(refused.statusCode, payload).toBe(400);
        const problem = refused.json<{ code: string; errors?: { path: string }[] }>();
        expect(problem.code, payload).toBe(code);
        if (path !== undefined)
          expect(
            problem.errors?.map((e) => e.path),
            payload,
          ).toContain(path);
        // The token was not used up by the bad body.
        expect((await send(good)).statusCode, payload).toBe(200);
      }
      const plain = await app.inject({
        method: 'POST',
        url: '/cds-services/ketaflow-order-sign',
        headers: { authorization: `Bearer ${await sign({ aud })}`, 'content-type': 'text/plain' },
        payload: good,
      });
      expect(plain.statusCode).toBe(415);
    }
  });

  it('refuses an order-sign body sent to order-select, naming hook, and uses up its token', async () => {
    for (const app of [t.app, inline.app]) {
      const token = await sign({ aud: `${PUBLIC_URL}/cds-services/ketaflow-order-select` });
      const wrong = await call('ketaflow-order-select', orderSign('p1'), token, app);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
        'hook',
      ]);
      const right = { ...orderSign('p1'), hook: 'order-select' };
      expect((await call('ketaflow-order-select', right, token, app)).statusCode).toBe(401);
    }
  });

  it('suggests the protocol dose when an IV ketamine dose is out of range for the weight', async () => {
    const { patientId, prefetch } = prefetchFrom(synthea);
    const weight = {
      resourceType: 'Observation',
      id: 'w1',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
      subject: { reference: `Patient/${patientId}` },
      effectiveDateTime: '2026-02-20',
      valueQuantity: { value: 70, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
    };
    const order = {
      ...KETAMINE_ORDER,
      dosageInstruction: [
        {
          doseAndRate: [
            {
              doseQuantity: {
                value: 500,
                unit: 'mg',
                system: 'http://unitsofmeasure.org',
                code: 'mg',
              },
            },
          ],
        },
      ],
    };
    const body = orderSign(patientId, {
      ...prefetch,
      weight: { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: weight }] },
    });
    (body.context.draftOrders as { entry: Json[] }).entry = [{ resource: order }];
    const response = await call('ketaflow-order-sign', body);
    expect(response.statusCode, response.body).toBe(200);
    const card = CdsResponseSchema.parse(response.json()).cards.find(
      (c) => c.source.topic?.code === DOSE_RULE,
    );
    expect(card?.indicator).toMatch(/warning|critical/);
    expect(card?.suggestions?.[0]?.label).toContain('35 mg');
  });

  it('fetches missing prefetch from fhirServer with the access token, and answers 412 when it cannot', async () => {
    const { patientId, prefetch } = prefetchFrom(synthea);
    const withPrefetch = await call('ketaflow-order-sign', orderSign(patientId, prefetch));
    const fetched = await call(
      'ketaflow-order-sign',
      orderSign(patientId, undefined, {
        fhirServer: `${stubUrl}/fhir`,
        fhirAuthorization: {
          access_token: 'tok-123',
          token_type: 'Bearer',
          expires_in: 300,
          scope: 'x',
          subject: 'y',
        },
      }),
    );
    expect(fetched.statusCode, fetched.body).toBe(200);
    const codes = (r: typeof fetched) =>
      CdsResponseSchema.parse(r.json())
        .cards.map((c) => c.source.topic?.code)
        .sort();
    expect(codes(fetched)).toEqual(codes(withPrefetch));
    expect(stubSeen.at(-1)?.authorization).toBe('Bearer tok-123');

    const none = await call('ketaflow-order-sign', orderSign(patientId));
    expect(none.statusCode).toBe(412);
    expect(none.json<Json>().code).toBe('CDS.PREFETCH_UNAVAILABLE');
    const broken = await call(
      'ketaflow-order-sign',
      orderSign(patientId, undefined, { fhirServer: `${stubUrl}/broken` }),
    );
    expect(broken.statusCode).toBe(412);
  });

  it('shows a summary card on patient-view when the patient has a KetaFlow course', async () => {
    const rows = await t.database.query(
      `select p.mrn from courses c join patients p on p.id = c.patient_id where c.status in ('planned','active','paused') limit 1`,
    );
    const mrn = String(rows[0]?.mrn);
    const response = await call('ketaflow-patient-view', {
      hook: 'patient-view',
      hookInstance: randomUUID(),
      context: { userId: 'Practitioner/1', patientId: mrn },
    });
    expect(response.statusCode, response.body).toBe(200);
    const { cards } = CdsResponseSchema.parse(response.json());
    expect(cards).toHaveLength(1);
    expect(cards[0]!.summary).toMatch(/^KetaFlow: .* course for /);
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
