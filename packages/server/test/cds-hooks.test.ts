/**
 * CDS Hooks services: discovery, the spec's examples, the cards screening implies for each Synthea
 * bundle, bad bodies, dose suggestions, prefetch fetched from a fhirServer, and patient-view.
 * Client authentication, jti use and feedback: cds-hooks-auth.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { screenInput } from '@ketaflow/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOSE_RULE, DOSE_UNCHECKED_RULE } from '../src/routes/cds-hooks/card-types';
import { CardSchema, CdsResponseSchema, DiscoverySchema } from '../src/routes/cds-hooks/schemas';
import {
  BUNDLES,
  EXAMPLES,
  hasPatient,
  hookExamples,
  KETAMINE_ORDER,
  prefetchFrom,
  PUBLIC_URL,
  readJson,
  SERVICE_FOR_HOOK,
  useCdsHooks,
  type Json,
} from './cds-hooks-support';
import { DRIVERS, T0, type TestApp } from './harness';

describe.each(DRIVERS)('CDS Hooks (%s)', (driver) => {
  const cds = useCdsHooks(driver, { inline: true, fhirStub: true });
  const { sign, call, orderSign, stubSeen } = cds;
  let t: TestApp;
  let inline: TestApp;
  let stubUrl: string;
  let synthea: Json;
  beforeAll(() => {
    ({ t, inline, stubUrl, synthea } = cds);
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
});
