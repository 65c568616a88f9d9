/**
 * CDS Hooks order-sign over HTTP against a bare Fastify JSON route, both measured in the same run
 * on localhost (same machine, same moment): calls per second at a fixed concurrency, the ratio,
 * and p99 latency of order-sign paced at half its measured rate. Each call carries its own signed
 * ES256 JWT; the jti and the cards are stored, as in production. The service runs on embedded
 * PGlite (in memory) and, when KETAFLOW_BENCH_DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL
 * server, again on a scratch database there. The client runs in the same process as both
 * servers, so its cost is in both sides of the ratio. Each is measured as shipped (screening in
 * worker threads when the machine has a core to spare) and with screening on the event loop.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { buildApp } from '../packages/server/src/app';
import { autoCdsWorkers, loadConfig } from '../packages/server/src/config';
import { openDatabase } from '../packages/server/src/db/client';
import { loadClinicKnowledge } from '../packages/server/src/knowledge';
import { externalData } from '../test-support/external-data';
import { createScratchDatabase, type ScratchDatabase } from '../test-support/scratch-postgres';

type Json = Record<string, unknown>;

const CONCURRENCY = 16;
/** Each side runs ROUNDS slices of SLICE_MS, alternating, and keeps its best slice: on a shared
 * machine the fastest slice is the one least disturbed by other work (as in bench/run.ts). */
const ROUNDS = 6;
const SLICE_MS = 600;
const PACED_MS = 3000;
const TARGET_RATIO = 0.6;

function orderSignBody(): Json {
  const dir = join(externalData('synthea-smart-on-fhir-r4'), 'bundles');
  const file = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.includes('Information'))
    .sort()[0];
  if (file === undefined) throw new Error('no Synthea bundle');
  const bundle = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
    entry: { resource: Json }[];
  };
  const resources = bundle.entry.map((e) => e.resource);
  const set = (type: string) => ({
    resourceType: 'Bundle',
    type: 'searchset',
    entry: resources.filter((r) => r.resourceType === type).map((resource) => ({ resource })),
  });
  const patient = resources.find((r) => r.resourceType === 'Patient');
  const empty = { resourceType: 'Bundle', type: 'searchset', entry: [] };
  return {
    hook: 'order-sign',
    hookInstance: randomUUID(),
    context: {
      userId: 'PractitionerRole/1',
      patientId: String(patient?.id),
      draftOrders: {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          {
            resource: {
              resourceType: 'MedicationRequest',
              id: 'draft-1',
              status: 'draft',
              intent: 'order',
              medicationCodeableConcept: { text: 'ketamine 50 mg/mL injection' },
            },
          },
        ],
      },
    },
    prefetch: {
      patient,
      medicationRequests: set('MedicationRequest'),
      medicationStatements: set('MedicationStatement'),
      conditions: set('Condition'),
      allergies: set('AllergyIntolerance'),
      bloodPressure: empty,
      pregnancyStatus: empty,
      breastfeedingStatus: empty,
      weight: empty,
    },
  };
}

/** Calls per second with CONCURRENCY requests in flight for `ms`. */
async function throughput(send: () => Promise<Response>, ms: number): Promise<number> {
  let done = 0;
  const end = performance.now() + ms;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const r = await send();
        if (!r.ok) throw new Error(`HTTP ${String(r.status)}: ${await r.text()}`);
        await r.arrayBuffer();
        done += 1;
      }
    }),
  );
  return (done * 1000) / (performance.now() - start);
}

/** p99 latency (ms) of calls started at `rate` per second for `ms`. */
async function pacedP99(send: () => Promise<Response>, rate: number, ms: number): Promise<number> {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; performance.now() - start < ms; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const t0 = performance.now();
    pending.push(
      send().then(async (r) => {
        await r.arrayBuffer();
        latencies.push(performance.now() - t0);
      }),
    );
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  return latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0;
}

interface Setup {
  readonly label: string;
  readonly url?: string;
}

export async function runCdsHooksBench(): Promise<void> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256' };
  const clientsFile = join(mkdtempSync(join(tmpdir(), 'kf-bench-')), 'clients.json');
  const iss = 'https://bench.example';
  writeFileSync(clientsFile, JSON.stringify([{ iss, jwks: { keys: [jwk] } }]));
  const configWith = (workers: number) =>
    loadConfig({
      LOG_LEVEL: 'silent',
      KETAFLOW_DEMO_DATA: 'off',
      KETAFLOW_PUBLIC_URL: 'http://bench.test',
      CDS_CLIENTS: clientsFile,
      KETAFLOW_CDS_WORKERS: String(workers),
    });
  // As shipped (KETAFLOW_CDS_WORKERS=auto: a worker thread per spare core, at most 4), and, when
  // that is not 0, with screening on the event loop for comparison.
  const shipped = autoCdsWorkers();
  const modes = shipped > 0 ? [shipped, 0] : [0];
  const bare = Fastify({ logger: false });
  bare.post('/bare', (request) => ({ cards: [], received: typeof request.body }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${String((bare.server.address() as AddressInfo).port)}/bare`;
  const body = JSON.stringify(orderSignBody());
  const headers = { 'content-type': 'application/json' };
  const bareCall = () => fetch(bareUrl, { method: 'POST', headers, body });

  // The embedded database a newcomer runs, and a PostgreSQL server (as a hospital would run it)
  // when one is given: KETAFLOW_BENCH_DATABASE_URL or TEST_DATABASE_URL, an admin URL on which a
  // scratch database is created and dropped.
  const postgresAdmin = process.env.KETAFLOW_BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const setups: Setup[] = [{ label: 'PGlite, embedded (in memory)' }];
  let scratch: ScratchDatabase | undefined;
  if (postgresAdmin) {
    try {
      scratch = await createScratchDatabase(postgresAdmin, 'kf_bench');
      setups.push({ label: 'PostgreSQL server', url: scratch.url });
    } catch (error) {
      console.log(`(PostgreSQL at ${postgresAdmin} did not answer: ${String(error)})`);
    }
  }

  console.log('');
  console.log(`CDS Hooks over HTTP on localhost, ${String(CONCURRENCY)} in flight:`);
  for (const setup of setups) {
    console.log(`  ${setup.label}:`);
    for (const workers of modes) {
      const database = openDatabase({ url: setup.url });
      await database.migrate();
      const app = await buildApp({
        config: configWith(workers),
        database,
        knowledge: loadClinicKnowledge(),
        logger: false,
        serveWeb: false,
      });
      // Listening starts the screening threads (as `ketaflow serve` does).
      const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
      const aud = 'http://bench.test/cds-services/ketaflow-order-sign';
      // Tokens are signed ahead (the client's cost, not the service's), one per call.
      const now = Math.floor(Date.now() / 1000);
      const signToken = () =>
        new SignJWT({ iss, aud, jti: randomUUID(), iat: now, exp: now + 290 })
          .setProtectedHeader({ alg: 'ES256', kid: 'bench' })
          .sign(privateKey);
      const tokens = await Promise.all(Array.from({ length: 24000 }, signToken));
      let next = 0;
      const orderSign = async () =>
        fetch(`${appUrl}/cds-services/ketaflow-order-sign`, {
          method: 'POST',
          headers: { ...headers, authorization: `Bearer ${tokens[next++] ?? (await signToken())}` },
          body,
        });

      await throughput(bareCall, 500);
      await throughput(orderSign, 500);
      let bareOps = 0;
      let cdsOps = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        bareOps = Math.max(bareOps, await throughput(bareCall, SLICE_MS));
        cdsOps = Math.max(cdsOps, await throughput(orderSign, SLICE_MS));
      }
      const p99 = await pacedP99(orderSign, cdsOps / 2, PACED_MS);
      const ratio = cdsOps / bareOps;
      const where =
        workers === 0
          ? 'screened on the event loop'
          : `screened in ${String(workers)} worker thread${workers === 1 ? '' : 's'}`;
      console.log(`    ${where}${workers === shipped ? ' (as shipped here)' : ''}:`);
      console.log(
        `      bare Fastify JSON route      ${Math.round(bareOps).toLocaleString('en-US')} calls/s`,
      );
      console.log(
        `      order-sign (JWT, screening)  ${Math.round(cdsOps).toLocaleString('en-US')} calls/s  ratio ${ratio.toFixed(2)}  target ${TARGET_RATIO.toFixed(2)}  ${ratio >= TARGET_RATIO ? 'PASS' : 'FAIL'}`,
      );
      console.log(
        `      order-sign p99 at half load (${Math.round(cdsOps / 2).toLocaleString('en-US')}/s)  ${p99.toFixed(1)} ms`,
      );
      await app.close();
      await database.close();
    }
  }
  await bare.close();
  await scratch?.drop();
}
