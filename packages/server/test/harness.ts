import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { openDatabase, type DatabaseHandle } from '../src/db/client';
import { DEMO_PASSWORD } from '../src/demo/demo-people';
import { seedDemoData } from '../src/demo/seed-demo';
import { loadClinicKnowledge, type ClinicKnowledge } from '../src/knowledge';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '../../../test-support/scratch-postgres';
import type { Clock } from '../src/lib/clock';
import { createMailer, type MailTransport } from '../src/lib/mailer';

/** Every database suite runs on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set. */
export const DRIVERS: ('pglite' | 'postgres')[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/** A clock the test moves by hand. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export const T0 = new Date('2026-03-02T14:00:00Z');

export interface TestApp {
  readonly app: FastifyInstance;
  readonly database: DatabaseHandle;
  readonly clock: FixedClock;
  readonly config: Config;
  /** The PostgreSQL database's URL (postgres driver only), for a second instance on it. */
  readonly databaseUrl?: string;
  readonly knowledge: ClinicKnowledge;
  close(): Promise<void>;
}

async function freshPostgresDatabase(): Promise<ScratchDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  return createScratchDatabase(adminUrl);
}

/** Boots the app in-process (no port) on a fresh, migrated database with the demo clinic. */
export async function createTestApp(
  driver: 'pglite' | 'postgres' = 'pglite',
  options: {
    demo?: boolean;
    env?: Record<string, string>;
    knowledge?: ClinicKnowledge;
    /** The clock's start (default T0). */
    now?: Date;
    /** Where the app's mail goes (default: the outbox alone, or SMTP_URL from `env`). */
    mailTransport?: MailTransport;
  } = {},
): Promise<TestApp> {
  const pgDb = driver === 'postgres' ? await freshPostgresDatabase() : undefined;
  const config = loadConfig({ KETAFLOW_DEMO_DATA: 'on', LOG_LEVEL: 'silent', ...options.env });
  const database = openDatabase({ url: pgDb?.url });
  await database.migrate();
  const clock = new FixedClock(options.now ?? T0);
  if (options.demo ?? true) await seedDemoData(database.db, clock);
  const knowledge = options.knowledge ?? loadClinicKnowledge();
  const app = await buildApp({
    config,
    database,
    clock,
    knowledge,
    logger: false,
    serveWeb: false,
    ...(options.mailTransport
      ? { mailer: createMailer(database.db, options.mailTransport, config.mailFrom) }
      : {}),
  });
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    knowledge,
    ...(pgDb ? { databaseUrl: pgDb.url } : {}),
    close: async () => {
      await app.close();
      await database.close();
      await pgDb?.drop();
    },
  };
}

/**
 * A second server instance on the same PostgreSQL database as `first` (its own connection pool and
 * app, the same clock and knowledge), as behind a load balancer. Closing it leaves the database.
 */
export async function createPeerApp(first: TestApp): Promise<TestApp> {
  if (!first.databaseUrl) throw new Error('a peer instance needs the postgres driver');
  const database = openDatabase({ url: first.databaseUrl });
  await database.migrate();
  const app = await buildApp({
    config: first.config,
    database,
    clock: first.clock,
    knowledge: first.knowledge,
    logger: false,
    serveWeb: false,
  });
  await app.ready();
  return {
    app,
    database,
    clock: first.clock,
    config: first.config,
    knowledge: first.knowledge,
    databaseUrl: first.databaseUrl,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly user: { id: string; role: string; patientId: string | null; email: string };
}

export function cookieFrom(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  if (!first) throw new Error(`no cookie set (status ${response.statusCode}: ${response.body})`);
  return first.split(';')[0]!;
}

export async function login(
  app: FastifyInstance,
  email: string,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login ${email}: ${response.statusCode} ${response.body}`);
  const body = response.json<{ csrfToken: string; user: Session['user'] }>();
  return { cookie: cookieFrom(response), csrfToken: body.csrfToken, user: body.user };
}

/** Sends a request as a logged-in user, with the CSRF header on writes. */
export function as(app: FastifyInstance, session: Session | null) {
  return (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {},
    });
}

/**
 * POSTs a FHIR body to `/fhir` as `application/fhir+json`, as a logged-in user (with the CSRF
 * header) or, with `null`, as nobody. A string body goes as it is (a bundle file read from disk).
 */
export function postFhir(app: FastifyInstance, session: Session | null, body: unknown) {
  return app.inject({
    method: 'POST',
    url: '/fhir',
    headers: {
      'content-type': 'application/fhir+json',
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
    },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A FHIR transaction Bundle of `entry`. */
export function transaction(entry: readonly unknown[]) {
  return { resourceType: 'Bundle', type: 'transaction', entry };
}

export const DEMO = {
  admin: 'admin@demo.ketaflow.test',
  prescriber: 'prescriber@demo.ketaflow.test',
  nurse: 'nurse@demo.ketaflow.test',
  patient: 'patient@demo.ketaflow.test',
} as const;

/** The KetaFlow patient id of the demo patient's account (DEMO.patient). */
export async function demoPatientId(t: TestApp): Promise<string> {
  const rows = await t.database.query('select patient_id from users where email = $1', [
    DEMO.patient,
  ]);
  return rows[0]!.patient_id as string;
}

/** Rows in a table, to prove that a refused request wrote nothing. */
export async function countRows(t: TestApp, table: string): Promise<number> {
  const rows = await t.database.query(`select count(*)::int as n from ${table}`);
  return Number(rows[0]?.n);
}

/** The token of the newest confirmation link mailed to `email` (read from the outbox), if any. */
export async function verificationTokenSentTo(
  t: TestApp,
  email: string,
): Promise<string | undefined> {
  const rows = await t.database.query(
    'select body from outbox where to_address = $1 order by created_at desc, id',
    [email.toLowerCase()],
  );
  for (const row of rows) {
    const token = /\/verify-email\/([\w-]+)/.exec(String(row.body))?.[1];
    if (token !== undefined) return token;
  }
  return undefined;
}

/**
 * Registers a patient the way the web app does, then opens the confirmation link from the outbox
 * as the patient would; returns the session that link starts.
 */
export async function registerAndVerify(
  t: TestApp,
  payload: Record<string, unknown> & { email: string },
): Promise<Session & { user: { patientId: string } }> {
  const registered = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload });
  if (registered.statusCode !== 202)
    throw new Error(`register: ${String(registered.statusCode)} ${registered.body}`);
  const token = await verificationTokenSentTo(t, payload.email);
  if (token === undefined) throw new Error(`no confirmation link was mailed to ${payload.email}`);
  const verified = await t.app.inject({
    method: 'POST',
    url: '/api/auth/verify-email',
    payload: { token },
  });
  if (verified.statusCode !== 200)
    throw new Error(`verify-email: ${String(verified.statusCode)} ${verified.body}`);
  const body = verified.json<{
    csrfToken: string;
    user: Session['user'] & { patientId: string };
  }>();
  return { cookie: cookieFrom(verified), csrfToken: body.csrfToken, user: body.user };
}
