import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

/** Every environment variable KetaFlow reads; documented in the README's configuration table. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  KETAFLOW_DATA_DIR: z.string().min(1).default('./data'),
  KETAFLOW_SETTINGS: z.string().min(1).optional(),
  KETAFLOW_DEMO_DATA: z.enum(['on', 'off']).default('on'),
  KETAFLOW_DEMO_CDS_HISTORY: z.enum(['on', 'off']).default('on'),
  KETAFLOW_PUBLIC_URL: z.url().optional(),
  SMTP_URL: z.string().startsWith('smtp').optional(),
  MAIL_FROM: z.string().min(3).default('KetaFlow <no-reply@ketaflow.invalid>'),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(false|true|\d{1,2}|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/,
      'false, true, a number of proxy hops, or a comma-separated list of proxy addresses',
    )
    .default('false'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST_DIR: z.string().min(1).optional(),
  CDS_CLIENTS: z.string().min(1).optional(),
  KETAFLOW_CDS_WORKERS: z
    .union([z.literal('auto'), z.coerce.number().int().min(0).max(16)])
    .default('auto'),
  FHIR_CLIENTS: z.string().min(1).optional(),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** A PostgreSQL server; when absent the embedded PGlite database under `dataDir` is used. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly settingsFile: string | undefined;
  readonly demoData: boolean;
  /** With the demo clinic, two weeks of synthetic CDS Hooks cards and feedback. */
  readonly demoCdsHistory: boolean;
  readonly publicUrl: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly cookieSecure: boolean;
  /**
   * Which proxies' X-Forwarded-For to believe (Fastify's trustProxy). Off by default: otherwise any
   * client could name its own address and step around the per-address rate limits and the audit
   * log's client address.
   */
  readonly trustProxy: boolean | number | string[];
  readonly sessionTtlHours: number;
  readonly loginMaxFailures: number;
  readonly loginLockoutMinutes: number;
  readonly logLevel: string;
  readonly webDistDir: string;
  /** JSON file allow-listing CDS Hooks clients (iss, JWKS, jku URLs); unset allows none. */
  readonly cdsClientsFile: string | undefined;
  /** Worker threads that screen CDS Hooks calls; 0 screens on the request's thread. */
  readonly cdsWorkers: number;
  /** JSON file registering SMART Backend Services clients of /fhir (clientId, JWKS, scopes). */
  readonly fhirClientsFile: string | undefined;
}

export class ConfigError extends Error {}

/** `KETAFLOW_CDS_WORKERS=auto`: every core but the event loop's, at most 4 (none on one core). */
export function autoCdsWorkers(cores = availableParallelism()): number {
  return Math.max(0, Math.min(4, cores - 1));
}

/** Reads the configuration from environment variables, naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    // Relative paths are taken from where the user ran npm (INIT_CWD), not the workspace folder
    // npm switches to, so `npm start` at the root keeps the database in ./data there.
    dataDir: resolve(env['INIT_CWD'] ?? process.cwd(), e.KETAFLOW_DATA_DIR),
    settingsFile:
      e.KETAFLOW_SETTINGS === undefined
        ? undefined
        : resolve(env['INIT_CWD'] ?? process.cwd(), e.KETAFLOW_SETTINGS),
    demoData: e.KETAFLOW_DEMO_DATA === 'on',
    demoCdsHistory: e.KETAFLOW_DEMO_CDS_HISTORY === 'on',
    publicUrl: e.KETAFLOW_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    cookieSecure: e.COOKIE_SECURE === 'true',
    trustProxy:
      e.TRUST_PROXY === 'true'
        ? true
        : e.TRUST_PROXY === 'false'
          ? false
          : /^\d+$/.test(e.TRUST_PROXY)
            ? Number(e.TRUST_PROXY)
            : e.TRUST_PROXY.split(','),
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockoutMinutes: e.LOGIN_LOCKOUT_MINUTES,
    logLevel: e.LOG_LEVEL,
    cdsClientsFile:
      e.CDS_CLIENTS === undefined
        ? undefined
        : resolve(env['INIT_CWD'] ?? process.cwd(), e.CDS_CLIENTS),
    cdsWorkers: e.KETAFLOW_CDS_WORKERS === 'auto' ? autoCdsWorkers() : e.KETAFLOW_CDS_WORKERS,
    fhirClientsFile:
      e.FHIR_CLIENTS === undefined
        ? undefined
        : resolve(env['INIT_CWD'] ?? process.cwd(), e.FHIR_CLIENTS),
    webDistDir: resolve(e.WEB_DIST_DIR ?? new URL('../../web/dist', import.meta.url).pathname),
  };
}
