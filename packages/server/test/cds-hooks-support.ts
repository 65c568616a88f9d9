/**
 * What the CDS Hooks test files share: the spec examples and Synthea bundles they read, and
 * `useCdsHooks`, which starts a KetaFlow app with two allow-listed EHR clients (ES384 and ES256
 * keys), signs their tokens and calls the services.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll } from 'vitest';
import { externalData } from '../../../test-support/external-data';
import { createTestApp, type DRIVERS, type TestApp } from './harness';

type Driver = (typeof DRIVERS)[number];

export type Json = Record<string, unknown>;

export const EXAMPLES = externalData('cds-hooks-spec-examples');
export const BUNDLES = join(externalData('synthea-smart-on-fhir-r4'), 'bundles');
export const PUBLIC_URL = 'http://ketaflow.test';
export const ISS = 'https://ehr.example.org';
export const ISS2 = 'https://other-ehr.example.org';
export const SERVICE_FOR_HOOK: Record<string, string> = {
  'order-select': 'ketaflow-order-select',
  'order-sign': 'ketaflow-order-sign',
  'patient-view': 'ketaflow-patient-view',
};
export const KETAMINE_ORDER = {
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

export function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

/** The R4 request, context and discovery examples for the hooks KetaFlow serves. */
export function hookExamples(): { file: string; hook: string; json: Json }[] {
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
export function hasPatient(bundle: Json): boolean {
  return (bundle.entry as { resource: Json }[]).some((e) => e.resource.resourceType === 'Patient');
}

export function prefetchFrom(bundle: Json): { patientId: string; prefetch: Json } {
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

/** A body for order-sign (when `extra` names no other fields, its context has a patientId). */
export interface OrderSignBody extends Json {
  readonly hookInstance: string;
  readonly context: Json & { readonly patientId: string };
}

export interface CdsHooksFixture {
  /** Screens calls in a worker thread, as a server with a core to spare does. */
  readonly t: TestApp;
  /** The same service screening on the event loop (KETAFLOW_CDS_WORKERS=0), when asked for. */
  readonly inline: TestApp;
  /** Key of a second allow-listed client (ISS2, kid k2, ES256). */
  readonly key2: CryptoKey;
  /** A key no client has. */
  readonly strangerKey: CryptoKey;
  /** A FHIR server stub answering from the first Synthea bundle, when asked for. */
  readonly stubUrl: string;
  readonly stubSeen: IncomingHttpHeaders[];
  /** The first Synthea bundle. */
  readonly synthea: Json;
  /** A token of the first client (ISS, kid k1, ES384), expiring in 4 minutes. */
  readonly sign: (
    claims: JWTPayload,
    header?: Record<string, unknown>,
    k?: CryptoKey,
  ) => Promise<string>;
  readonly call: (
    service: string,
    body: unknown,
    token?: string,
    app?: TestApp['app'],
  ) => Promise<LightMyRequestResponse>;
  /** An order-sign body with a draft ketamine order. */
  readonly orderSign: (patientId: string, prefetch?: Json, extra?: Json) => OrderSignBody;
}

/**
 * Registers the set-up and tear-down of a CDS Hooks app on `driver` in the calling `describe`; the
 * fixture's fields are there once its `beforeAll` has run.
 */
export function useCdsHooks(
  driver: Driver,
  options: { readonly inline?: boolean; readonly fhirStub?: boolean } = {},
): CdsHooksFixture {
  let t: TestApp | undefined;
  let inline: TestApp | undefined;
  let key: CryptoKey | undefined;
  let key2: CryptoKey | undefined;
  let strangerKey: CryptoKey | undefined;
  let stub: Server | undefined;
  let stubUrl = '';
  const stubSeen: IncomingHttpHeaders[] = [];
  let synthea: Json | undefined;
  const ready = <V>(value: V | undefined, name: string): V => {
    if (value === undefined) throw new Error(`useCdsHooks: ${name} is set in beforeAll`);
    return value;
  };

  const sign = async (claims: JWTPayload, header: Record<string, unknown> = {}, k?: CryptoKey) => {
    const now = Math.floor(ready(t, 't').clock.now().getTime() / 1000);
    return new SignJWT({ jti: randomUUID(), iss: ISS, iat: now, exp: now + 240, ...claims })
      .setProtectedHeader({ alg: 'ES384', kid: 'k1', typ: 'JWT', ...header })
      .sign(k ?? ready(key, 'key'));
  };

  const call = async (
    service: string,
    body: unknown,
    token?: string,
    app?: TestApp['app'],
  ): Promise<LightMyRequestResponse> => {
    const auth = token ?? (await sign({ aud: `${PUBLIC_URL}/cds-services/${service}` }));
    return (app ?? ready(t, 't').app).inject({
      method: 'POST',
      url: `/cds-services/${service}`,
      headers: { authorization: `Bearer ${auth}` },
      payload: body as Json,
    });
  };

  const orderSign = (patientId: string, prefetch?: Json, extra: Json = {}): OrderSignBody => ({
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
  });

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
    if (options.inline)
      inline = await createTestApp(driver, {
        demo: false,
        env: {
          CDS_CLIENTS: clientsFile,
          KETAFLOW_PUBLIC_URL: PUBLIC_URL,
          KETAFLOW_CDS_WORKERS: '0',
        },
      });
    const first = readdirSync(BUNDLES)
      .filter((f) => f.endsWith('.json'))
      .sort()[0]!;
    synthea = readJson(join(BUNDLES, first));
    if (options.fhirStub) {
      const { prefetch } = prefetchFrom(synthea);
      stub = fhirStub(prefetch, stubSeen);
      const server = stub;
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      stubUrl = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
    }
  });

  afterAll(async () => {
    const server = stub;
    if (server) await new Promise((resolve) => server.close(resolve));
    await t?.close();
    await inline?.close();
  });

  return {
    get t() {
      return ready(t, 't');
    },
    get inline() {
      return ready(inline, 'inline (useCdsHooks(driver, { inline: true }))');
    },
    get key2() {
      return ready(key2, 'key2');
    },
    get strangerKey() {
      return ready(strangerKey, 'strangerKey');
    },
    get stubUrl() {
      return stubUrl;
    },
    stubSeen,
    get synthea() {
      return ready(synthea, 'synthea');
    },
    sign,
    call,
    orderSign,
  };
}

/** A FHIR server answering reads and searches from `prefetch`; `/broken...` answers 500. */
function fhirStub(prefetch: Json, seen: IncomingHttpHeaders[]): Server {
  return createServer((req, res) => {
    seen.push(req.headers);
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
}
