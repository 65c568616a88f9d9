/**
 * SMART Backend Services (https://hl7.org/fhir/smart-app-launch/backend-services.html): a
 * registered client posts a signed JWT `client_assertion` to /fhir/auth/token and gets a
 * short-lived bearer token. Tokens and used assertion ids live in the database, so any
 * instance can check them.
 */
import { readFileSync } from 'node:fs';
import { and, eq, gt } from 'drizzle-orm';
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  type JSONWebKeySet,
} from 'jose';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { fhirAccessTokens, fhirUsedAssertions } from '../../db/schema/index';
import { NUL } from '../../lib/nul';
import { hashToken, newToken } from '../../lib/tokens';

export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Asymmetric only: never `none` or HMAC. */
export const ASSERTION_ALGORITHMS = ['RS384', 'ES384', 'ES256'];
export const TOKEN_LIFETIME_SECONDS = 300;
const MAX_ASSERTION_LIFETIME_SECONDS = 300;

const ClientSchema = z.object({
  clientId: z.string().min(1),
  jwks: z.object({ keys: z.array(z.looseObject({ kty: z.string() })) }),
  /** Scopes the client may be granted, e.g. `system/*.read system/Bundle.write`. */
  scope: z.string().min(1),
});
export type FhirClient = z.infer<typeof ClientSchema>;

/** Reads the registered clients (`FHIR_CLIENTS`); no file means no client may get a token. */
export function loadFhirClients(file: string | undefined): readonly FhirClient[] {
  if (file === undefined) return [];
  const parsed = z.array(ClientSchema).safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`FHIR_CLIENTS file ${file} is invalid: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * An OAuth 2.0 error answer (RFC 6749 section 5.2); 413 is the token endpoint's body limit, 429
 * its rate limit.
 */
export class TokenError extends Error {
  constructor(
    readonly status: 400 | 401 | 413 | 429,
    readonly error:
      | 'invalid_request'
      | 'invalid_client'
      | 'invalid_scope'
      | 'unsupported_grant_type'
      | 'temporarily_unavailable',
    message: string,
  ) {
    super(message);
  }
}

export interface TokenGrant {
  readonly access_token: string;
  readonly token_type: 'bearer';
  readonly expires_in: number;
  readonly scope: string;
}

/** Checks a client-credentials request and issues a token. */
export async function issueToken(
  db: Database,
  clients: readonly FhirClient[],
  form: Readonly<Record<string, string | undefined>>,
  tokenUrl: string,
  now: Date,
): Promise<TokenGrant> {
  if (form.grant_type !== 'client_credentials')
    throw new TokenError(400, 'unsupported_grant_type', 'grant_type must be client_credentials.');
  if (form.client_assertion_type !== ASSERTION_TYPE)
    throw new TokenError(
      400,
      'invalid_request',
      `client_assertion_type must be ${ASSERTION_TYPE}.`,
    );
  const assertion = form.client_assertion;
  if (assertion === undefined || assertion === '')
    throw new TokenError(400, 'invalid_request', 'client_assertion is required.');
  let alg: string | undefined;
  try {
    alg = decodeProtectedHeader(assertion).alg;
  } catch {
    throw new TokenError(401, 'invalid_client', 'client_assertion is not a JWT.');
  }
  if (alg === undefined || !ASSERTION_ALGORITHMS.includes(alg))
    throw new TokenError(401, 'invalid_client', 'client_assertion algorithm not allowed.');
  let issuer: unknown;
  try {
    issuer = decodeJwt(assertion).iss;
  } catch {
    throw new TokenError(401, 'invalid_client', 'client_assertion claims are not a JSON object.');
  }
  const client = clients.find((c) => c.clientId === issuer);
  if (client === undefined) throw new TokenError(401, 'invalid_client', 'Unknown client.');
  let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
  try {
    ({ payload } = await jwtVerify(assertion, createLocalJWKSet(client.jwks as JSONWebKeySet), {
      algorithms: ASSERTION_ALGORITHMS,
      issuer: client.clientId,
      subject: client.clientId,
      audience: tokenUrl,
      currentDate: now,
      requiredClaims: ['iss', 'sub', 'aud', 'exp', 'jti'],
    }));
  } catch {
    throw new TokenError(401, 'invalid_client', 'client_assertion signature or claims invalid.');
  }
  // Stored as text: a jti that is not text, or holds a NUL, cannot be recorded as used.
  if (typeof payload.jti !== 'string' || payload.jti.includes(NUL))
    throw new TokenError(401, 'invalid_client', 'client_assertion jti must be text.');
  const exp = payload.exp ?? 0;
  if (exp > Math.floor(now.getTime() / 1000) + MAX_ASSERTION_LIFETIME_SECONDS)
    throw new TokenError(401, 'invalid_client', 'client_assertion expires too far ahead.');
  const used = await db
    .insert(fhirUsedAssertions)
    .values({ key: `${client.clientId}|${payload.jti ?? ''}`, expiresAt: new Date(exp * 1000) })
    .onConflictDoNothing()
    .returning({ key: fhirUsedAssertions.key });
  if (used.length === 0) throw new TokenError(401, 'invalid_client', 'client_assertion replayed.');

  const allowed = client.scope.split(/\s+/);
  const requested = (form.scope ?? '').split(/\s+/).filter((s) => s !== '');
  // A registered scope covers narrower ones: system/*.read grants system/Condition.read and the
  // SMART v2 system/*.rs the configuration advertises.
  const granted = requested.filter((s) => allowed.some((a) => covers(a, s)));
  if (granted.length === 0)
    throw new TokenError(400, 'invalid_scope', `Ask for some of: ${client.scope}.`);
  const token = newToken();
  await db.insert(fhirAccessTokens).values({
    tokenHash: hashToken(token),
    clientId: client.clientId,
    scope: granted.join(' '),
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_SECONDS * 1000),
    createdAt: now,
  });
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: TOKEN_LIFETIME_SECONDS,
    scope: granted.join(' '),
  };
}

/** The client and scopes of a live bearer token, or undefined. */
export async function resolveToken(
  db: Database,
  token: string,
  now: Date,
): Promise<{ clientId: string; scopes: ReadonlySet<string> } | undefined> {
  const [row] = await db
    .select()
    .from(fhirAccessTokens)
    .where(
      and(eq(fhirAccessTokens.tokenHash, hashToken(token)), gt(fhirAccessTokens.expiresAt, now)),
    )
    .limit(1);
  return row === undefined
    ? undefined
    : { clientId: row.clientId, scopes: new Set(row.scope.split(' ')) };
}

/** Whether SMART scopes (v1 `.read`/`.write`, v2 `.rs`/`.cud`) allow an interaction on a type. */
/**
 * The permissions a system scope grants, as SMART v2 letters: v1 `read` is r and s, `write` is c,
 * u and d, `*` all five; v2 suffixes (`rs`, `cud`, `r`, ...) are their letters in order.
 */
function parseScope(
  scope: string,
): { readonly type: string; readonly permissions: ReadonlySet<string> } | undefined {
  const m = /^system\/(\*|[A-Z][A-Za-z]+)\.(read|write|\*|c?r?u?d?s?)$/.exec(scope);
  if (m?.[1] === undefined || m[2] === undefined || m[2] === '') return undefined;
  const suffix = m[2];
  const letters =
    suffix === 'read' ? 'rs' : suffix === 'write' ? 'cud' : suffix === '*' ? 'cruds' : suffix;
  return { type: m[1], permissions: new Set(letters) };
}

/** Whether the registered scope `allowed` covers the requested `wanted` (type and permissions). */
function covers(allowed: string, wanted: string): boolean {
  if (allowed === wanted) return true;
  const a = parseScope(allowed);
  const w = parseScope(wanted);
  if (a === undefined || w === undefined) return false;
  if (a.type !== '*' && a.type !== w.type) return false;
  return [...w.permissions].every((p) => a.permissions.has(p));
}

/** Whether granted scopes let a client read (or search), or write, resources of `type`. */
export function scopeAllows(
  scopes: ReadonlySet<string>,
  type: string,
  need: 'read' | 'write',
): boolean {
  return [...scopes].some((scope) => {
    const s = parseScope(scope);
    if (s === undefined || (s.type !== '*' && s.type !== type)) return false;
    // Reading or searching needs r or s; an import creates and updates, so it needs c and u.
    return need === 'read'
      ? s.permissions.has('r') || s.permissions.has('s')
      : s.permissions.has('c') && s.permissions.has('u');
  });
}
