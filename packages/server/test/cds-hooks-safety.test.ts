/**
 * CDS Hooks order services: dose checks that never pass an unchecked dose as fine, prefetch that
 * cannot be used never read as "no records", and data of another patient refused.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeBase } from '@ketaflow/core';
import { DOSE_RULE, DOSE_UNCHECKED_RULE } from '../src/routes/cds-hooks/card-types';
import { orderCards } from '../src/routes/cds-hooks/cards';
import { ketamineDraftOrders } from '../src/routes/cds-hooks/draft-orders';
import { CdsResponseSchema } from '../src/routes/cds-hooks/schemas';
import { createTestApp, DRIVERS, type TestApp } from './harness';

type Json = Record<string, unknown>;
type Card = ReturnType<typeof CdsResponseSchema.parse>['cards'][number];

const PUBLIC_URL = 'http://ketaflow.test';
const ISS = 'https://ehr.example.org';
const SERVICE = 'ketaflow-order-sign';
const PATIENT_ID = 'pt-1';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const KETAMINE = { coding: [{ system: RXNORM, code: '6130', display: 'ketamine' }] };
const ESKETAMINE = { text: 'esketamine nasal spray' };

function searchset(...resources: Json[]): Json {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    entry: resources.map((resource) => ({ resource })),
  };
}

function weightObs(valueKg: number, date?: string, id = `w-${String(valueKg)}`): Json {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
    subject: { reference: `Patient/${PATIENT_ID}` },
    ...(date === undefined ? {} : { effectiveDateTime: date }),
    valueQuantity: { value: valueKg, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
  };
}

/** A complete prefetch for PATIENT_ID: a 45-year-old man, nothing else on record but `weights`. */
function prefetch(...weights: Json[]): Json {
  return {
    patient: { resourceType: 'Patient', id: PATIENT_ID, birthDate: '1981-01-01', gender: 'male' },
    medicationRequests: searchset(),
    medicationStatements: searchset(),
    conditions: searchset(),
    allergies: searchset(),
    bloodPressure: searchset(),
    pregnancyStatus: searchset(),
    breastfeedingStatus: searchset(),
    weight: searchset(...weights),
  };
}

function dose(quantity: Json, text?: string): Json[] {
  return [{ ...(text === undefined ? {} : { text }), doseAndRate: [{ doseQuantity: quantity }] }];
}

const mg = (value: number, unit = 'mg') => ({
  value,
  unit,
  system: 'http://unitsofmeasure.org',
  code: unit,
});

function order(fields: Json = {}, id = 'draft-1'): Json {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'order',
    subject: { reference: `Patient/${PATIENT_ID}` },
    ...(fields.medicationReference === undefined ? { medicationCodeableConcept: KETAMINE } : {}),
    ...fields,
  };
}

function body(orders: Json[], pre?: Json, extra: Json = {}, draftExtra: Json[] = []): Json {
  return {
    hook: 'order-sign',
    hookInstance: randomUUID(),
    context: {
      userId: 'PractitionerRole/1',
      patientId: PATIENT_ID,
      draftOrders: {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [...orders, ...draftExtra].map((resource) => ({ resource })),
      },
    },
    ...(pre === undefined ? {} : { prefetch: pre }),
    ...extra,
  };
}

describe.each(DRIVERS)('CDS Hooks order safety (%s)', (driver) => {
  let t: TestApp;
  let key: CryptoKey;
  let stub: Server;
  let stubUrl = '';
  let foreign: Server;
  let foreignUrl = '';
  const stubPaths: string[] = [];
  const foreignSeen: IncomingHttpHeaders[] = [];

  async function call(payload: Json) {
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const token = await new SignJWT({
      jti: randomUUID(),
      iss: ISS,
      aud: `${PUBLIC_URL}/cds-services/${SERVICE}`,
      iat: now,
      exp: now + 240,
    })
      .setProtectedHeader({ alg: 'ES384', kid: 'k1', typ: 'JWT' })
      .sign(key);
    return t.app.inject({
      method: 'POST',
      url: `/cds-services/${SERVICE}`,
      headers: { authorization: `Bearer ${token}` },
      payload,
    });
  }

  async function cards(payload: Json): Promise<Card[]> {
    const r = await call(payload);
    expect(r.statusCode, r.body).toBe(200);
    return CdsResponseSchema.parse(r.json()).cards;
  }

  const doseCards = (all: Card[]) =>
    all.filter((c) => [DOSE_RULE, DOSE_UNCHECKED_RULE].includes(c.source.topic?.code ?? ''));

  beforeAll(async () => {
    const pair = await generateKeyPair('ES384', { extractable: true });
    key = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES384' };
    const clientsFile = join(mkdtempSync(join(tmpdir(), 'kf-cds-safety-')), 'clients.json');
    writeFileSync(clientsFile, JSON.stringify([{ iss: ISS, jwks: { keys: [jwk] } }]));
    t = await createTestApp(driver, {
      demo: false,
      env: { CDS_CLIENTS: clientsFile, KETAFLOW_PUBLIC_URL: PUBLIC_URL, KETAFLOW_CDS_WORKERS: '0' },
    });
    const pre = prefetch(weightObs(70, '2026-02-20'));
    stub = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      stubPaths.push(path);
      if (path.startsWith('/html')) {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Please log in</html>');
        return;
      }
      const type = /\/(\w+)(\/|$)/.exec(path.replace(/^\/fhir/, ''))?.[1] ?? '';
      const answer: Record<string, unknown> = {
        Patient: pre.patient,
        MedicationRequest: searchset(),
        MedicationStatement: searchset(),
        Condition: searchset(),
        AllergyIntolerance: searchset(),
        Observation: pre.weight,
      };
      res
        .writeHead(200, { 'content-type': 'application/fhir+json' })
        .end(JSON.stringify(answer[type]));
    });
    foreign = createServer((req, res) => {
      foreignSeen.push(req.headers);
      res
        .writeHead(200, { 'content-type': 'application/fhir+json' })
        .end(JSON.stringify(searchset()));
    });
    const listen = async (s: Server) => {
      await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${String((s.address() as AddressInfo).port)}`;
    };
    stubUrl = await listen(stub);
    foreignUrl = await listen(foreign);
  });

  afterAll(async () => {
    await new Promise((resolve) => stub.close(resolve));
    await new Promise((resolve) => foreign.close(resolve));
    await t.close();
  });

  describe('IV ketamine dose', () => {
    it.each([
      [900, 'above'],
      [20, 'below'],
    ])(
      'offers no dose and says the dose was not checked when the weight %i kg is outside the hard range',
      async (kg) => {
        const got = doseCards(
          await cards(
            body(
              [order({ dosageInstruction: dose(mg(500)) })],
              prefetch(weightObs(kg, '2026-02-20')),
            ),
          ),
        );
        expect(got).toHaveLength(1);
        const card = got[0]!;
        expect(card.source.topic?.code).toBe(DOSE_UNCHECKED_RULE);
        expect(card.indicator).toBe('critical');
        expect(card.summary).toMatch(/could not be checked/);
        expect(card.summary).toMatch(/weight/i);
        expect(card.suggestions ?? []).toEqual([]);
      },
    );

    it.each([
      ['0.5 g', { dosageInstruction: dose(mg(0.5, 'g')) }],
      ['500000 ug', { dosageInstruction: dose(mg(500000, 'ug')) }],
      ['500000 mcg (unit only)', { dosageInstruction: dose({ value: 500000, unit: 'mcg' }) }],
      ['5 mg/kg', { dosageInstruction: dose(mg(5, 'mg/kg')) }],
      [
        'a 300-600 mg range',
        { dosageInstruction: [{ doseAndRate: [{ doseRange: { low: mg(300), high: mg(600) } }] }] },
      ],
    ])('checks a dose of %s against the protocol', async (_name, fields) => {
      const got = doseCards(
        await cards(body([order(fields)], prefetch(weightObs(70, '2026-02-20')))),
      );
      expect(got.map((c) => [c.source.topic?.code, c.indicator])).toEqual([
        [DOSE_RULE, 'critical'],
      ]);
      expect(got[0]!.suggestions?.[0]?.label).toContain('35 mg');
    });

    it.each([
      ['5 mL', { dosageInstruction: dose(mg(5, 'mL')) }, /unit mL/],
      ['a text value', { dosageInstruction: dose({ value: '500', unit: 'mg' }) }, /dose value/],
      ['no dose', {}, /no dose/],
      [
        'two doses',
        { dosageInstruction: [...dose(mg(35)), ...dose(mg(500))] },
        /more than one dose/,
      ],
    ])('answers a warning that the dose was not checked for %s', async (_name, fields, why) => {
      const got = doseCards(
        await cards(body([order(fields)], prefetch(weightObs(70, '2026-02-20')))),
      );
      expect(got).toHaveLength(1);
      expect(got[0]!.source.topic?.code).toBe(DOSE_UNCHECKED_RULE);
      expect(got[0]!.indicator).toBe('warning');
      expect(got[0]!.summary).toMatch(why);
    });

    it('takes the newest dated, past, positive weight and checks its age', async () => {
      const ok = order({ dosageInstruction: dose(mg(35)) });
      // The future-dated 20 kg and the undated 120 kg are skipped: 35 mg is right for 70 kg.
      const picked = await cards(
        body(
          [ok],
          prefetch(
            weightObs(70, '2026-02-20'),
            weightObs(20, '2026-04-01'),
            weightObs(120),
            weightObs(0, '2026-03-01'),
          ),
        ),
      );
      expect(doseCards(picked)).toEqual([]);
      // 70 kg weighed over a year ago: the dose is not passed as fine.
      const stale = doseCards(await cards(body([ok], prefetch(weightObs(70, '2025-01-10')))));
      expect(stale).toHaveLength(1);
      expect(stale[0]!.source.topic?.code).toBe(DOSE_UNCHECKED_RULE);
      expect(stale[0]!.indicator).toBe('warning');
      expect(stale[0]!.summary).toMatch(/days ago/);
    });

    it('says the dose was not checked without a usable weight, and flags a total above the hard limit', async () => {
      const unchecked = doseCards(
        await cards(body([order({ dosageInstruction: dose(mg(35)) })], prefetch(weightObs(70)))),
      );
      expect(unchecked.map((c) => [c.source.topic?.code, c.indicator])).toEqual([
        [DOSE_UNCHECKED_RULE, 'warning'],
      ]);
      expect(unchecked[0]!.summary).toMatch(/no usable weight/);
      const tooMuch = doseCards(
        await cards(body([order({ dosageInstruction: dose(mg(500)) })], prefetch())),
      );
      expect(tooMuch.map((c) => [c.source.topic?.code, c.indicator])).toEqual([
        [DOSE_RULE, 'critical'],
      ]);
      // The knowledge base's hard total-dose limit for depression.
      expect(tooMuch[0]!.summary).toContain('250 mg');
    });

    it('removes the order text that would contradict the suggested dose', async () => {
      const got = doseCards(
        await cards(
          body(
            [order({ dosageInstruction: dose(mg(500), '500 mg IV over 40 minutes') })],
            prefetch(weightObs(70, '2026-02-20')),
          ),
        ),
      );
      const action = (got[0]!.suggestions?.[0]?.actions as { resource: Json }[])[0]!;
      const dosage = (action.resource.dosageInstruction as Json[])[0]!;
      expect(dosage.text).toBeUndefined();
      expect(dosage.doseAndRate).toEqual([{ doseQuantity: mg(35) }]);
    });
  });

  describe('esketamine dose', () => {
    it('gives a critical card above the 84 mg labeled maximum and none for 56 mg', async () => {
      const nasal = (value: number) =>
        order({ medicationCodeableConcept: ESKETAMINE, dosageInstruction: dose(mg(value)) });
      const over = doseCards(await cards(body([nasal(224)], prefetch())));
      expect(over.map((c) => [c.source.topic?.code, c.indicator])).toEqual([
        [DOSE_RULE, 'critical'],
      ]);
      expect(over[0]!.summary).toContain('84 mg');
      expect(over[0]!.detail).toContain('[S14]');
      expect(doseCards(await cards(body([nasal(56)], prefetch())))).toEqual([]);
    });
  });

  describe('draft orders with a medicationReference', () => {
    const withRef = (reference: Json, extra: Json = {}) =>
      order(
        { medicationReference: reference, dosageInstruction: dose(mg(500)), ...extra },
        'draft-ref',
      );
    it.each([
      [
        'a contained Medication',
        withRef(
          { reference: '#m' },
          { contained: [{ resourceType: 'Medication', id: 'm', code: KETAMINE }] },
        ),
        [],
      ],
      [
        'a Medication in the draft bundle',
        withRef({ reference: 'Medication/med-1' }),
        [{ resourceType: 'Medication', id: 'med-1', code: KETAMINE }],
      ],
      ['a display only', withRef({ display: 'Ketamine 50 mg/mL injection' }), []],
    ])('screens an order naming %s', async (_name, draft, others) => {
      const got = await cards(body([draft], prefetch(weightObs(70, '2026-02-20')), {}, others));
      expect(doseCards(got).map((c) => c.source.topic?.code)).toEqual([DOSE_RULE]);
    });
  });

  describe('prefetch that cannot be used', () => {
    const good = () => order({ dosageInstruction: dose(mg(35)) });
    const outcome = (severity: string) => ({
      resourceType: 'OperationOutcome',
      issue: [{ severity, code: 'exception', diagnostics: 'search failed' }],
    });
    it.each([
      ['an OperationOutcome', outcome('error')],
      ['a Bundle with an error OperationOutcome', searchset(outcome('error'))],
      ['a string', 'not available'],
      ['a Bundle short of its total with no next page', { ...searchset(), total: 3 }],
      [
        'a Bundle with a next page and no fhirServer',
        { ...searchset(), link: [{ relation: 'next', url: 'https://ehr.example.org/fhir/x' }] },
      ],
    ])('answers 412 for %s without a fhirServer', async (_name, value) => {
      const r = await call(
        body([good()], { ...prefetch(weightObs(70, '2026-02-20')), conditions: value }),
      );
      expect(r.statusCode, r.body).toBe(412);
      expect(r.json<Json>().code).toBe('CDS.PREFETCH_UNAVAILABLE');
    });

    it('reads a key sent as null as "no such data" (CDS Hooks 2.0), never as normal', async () => {
      stubPaths.length = 0;
      const r = await call(
        body(
          [good()],
          {
            ...prefetch(weightObs(70, '2026-02-20')),
            conditions: null,
            bloodPressure: null,
          },
          { fhirServer: `${stubUrl}/fhir` },
        ),
      );
      expect(r.statusCode, r.body).toBe(200);
      // Nothing fetched: the client said it has none.
      expect(stubPaths).toEqual([]);
      const codes = CdsResponseSchema.parse(r.json()).cards.map((c) => c.source.topic?.code);
      expect(codes).toContain('SCREEN.MISSING_BLOOD_PRESSURE');
      // Without a patient nothing can be screened.
      const noPatient = await call(
        body([good()], { ...prefetch(weightObs(70, '2026-02-20')), patient: null }),
      );
      expect(noPatient.statusCode, noPatient.body).toBe(412);
    });

    it('fetches from the fhirServer instead, and reads a warning OperationOutcome as no error', async () => {
      stubPaths.length = 0;
      const r = await call(
        body(
          [good()],
          { ...prefetch(weightObs(70, '2026-02-20')), conditions: outcome('error') },
          {
            fhirServer: `${stubUrl}/fhir`,
          },
        ),
      );
      expect(r.statusCode, r.body).toBe(200);
      expect(stubPaths).toEqual(['/fhir/Condition']);
      const warned = await call(
        body([good()], {
          ...prefetch(weightObs(70, '2026-02-20')),
          conditions: searchset(outcome('warning')),
        }),
      );
      expect(warned.statusCode, warned.body).toBe(200);
    });

    it('answers 412 when the fhirServer answers 200 with HTML', async () => {
      const r = await call(body([good()], undefined, { fhirServer: `${stubUrl}/html` }));
      expect(r.statusCode, r.body).toBe(412);
      expect(r.json<Json>().code).toBe('CDS.PREFETCH_UNAVAILABLE');
    });

    it("never sends the access token to a next link off the fhirServer's origin", async () => {
      foreignSeen.length = 0;
      const paged = {
        ...searchset(),
        link: [{ relation: 'next', url: `${foreignUrl}/fhir/Condition?page=2` }],
      };
      const r = await call(
        body(
          [good()],
          { ...prefetch(weightObs(70, '2026-02-20')), conditions: paged },
          {
            fhirServer: `${stubUrl}/fhir`,
            fhirAuthorization: { access_token: 'secret-token', token_type: 'Bearer' },
          },
        ),
      );
      expect(foreignSeen).toEqual([]);
      // The conditions were fetched from the fhirServer itself instead.
      expect(r.statusCode, r.body).toBe(200);
    });
  });

  describe('data of another patient', () => {
    it.each([
      ['a Patient with another id', { patient: { resourceType: 'Patient', id: 'someone-else' } }],
      [
        'a Condition of another patient',
        {
          conditions: searchset({
            resourceType: 'Condition',
            id: 'c1',
            subject: { reference: 'Patient/someone-else' },
            code: { text: 'hypertension' },
          }),
        },
      ],
    ])('refuses %s with 412', async (_name, change) => {
      const r = await call(
        body([order({ dosageInstruction: dose(mg(35)) })], {
          ...prefetch(weightObs(70, '2026-02-20')),
          ...change,
        }),
      );
      expect(r.statusCode, r.body).toBe(412);
      expect(r.json<Json>().code).toBe('CDS.PREFETCH_UNAVAILABLE');
    });
  });

  it('gives one missing blood pressure card for a ketamine and an esketamine order together', async () => {
    const got = await cards(
      body(
        [
          order({ dosageInstruction: dose(mg(35)) }),
          order(
            { medicationCodeableConcept: ESKETAMINE, dosageInstruction: dose(mg(56)) },
            'draft-2',
          ),
        ],
        prefetch(weightObs(70, '2026-02-20')),
      ),
    );
    const codes = got.map((c) => c.source.topic?.code);
    expect(codes.filter((c) => c === 'SCREEN.MISSING_BLOOD_PRESSURE')).toHaveLength(1);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('a dose not yet written', () => {
  // On order-select the clinician has only picked the medicine: the dose comes later, and is
  // checked on order-sign, where an order without one is a warning.
  const orders = ketamineDraftOrders({
    draftOrders: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: order() }] },
  });
  const patient = { resourceType: 'Patient', id: PATIENT_ID, birthDate: '1980-01-01' };
  const codes = (hook: 'order-select' | 'order-sign') => {
    const result = orderCards(
      orders,
      [patient],
      knowledgeBase,
      '2026-03-02T14:00:00Z',
      PUBLIC_URL,
      hook,
    );
    if (!result.ok) throw new Error(result.message);
    return result.cards.map((c) => [c.source.topic.code, c.indicator]);
  };

  it('is not flagged on order-select, and is a warning on order-sign', () => {
    expect(codes('order-select')).not.toContainEqual([DOSE_UNCHECKED_RULE, 'warning']);
    expect(codes('order-sign')).toContainEqual([DOSE_UNCHECKED_RULE, 'warning']);
  });
});
