import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import type { CdsClient } from './clients';
import { NUL } from '../../lib/nul';

/** The algorithms CDS Hooks allows; never `none` and never HMAC. */
export const CDS_JWT_ALGORITHMS = ['ES256', 'ES384', 'RS384'];
/** A token may not live longer than this (CDS Hooks: expiry at most 5 minutes ahead). */
export const MAX_TOKEN_LIFETIME_SECONDS = 300;

export interface VerifiedClient {
  readonly iss: string;
  readonly jti: string;
  readonly expiresAt: Date;
}

export interface JwtVerifierOptions {
  readonly clients: readonly CdsClient[];
}

/** Why a token was refused (never shown in full to the caller, logged as a code). */
export class CdsAuthError extends Error {}

/**
 * Verifies a CDS client's bearer JWT: signature by an allow-listed issuer's key (from its JWKS or
 * an allow-listed `jku`), audience, expiry at most 5 minutes ahead, and a jti present. Using the
 * jti once is the caller's part: the call log stores it (call-log.ts), so a replay gets 401.
 */
export function createJwtVerifier(options: JwtVerifierOptions) {
  const byIss = new Map(options.clients.map((c) => [c.iss, c]));
  const local = new Map<string, JWTVerifyGetKey>();
  const remote = new Map<string, JWTVerifyGetKey>();
  for (const c of options.clients) {
    if (c.jwks) local.set(c.iss, createLocalJWKSet(c.jwks));
  }

  return async (
    authorization: string | undefined,
    audience: readonly string[],
    now: Date,
  ): Promise<VerifiedClient> => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const token = match?.[1];
    if (token === undefined) throw new CdsAuthError('no bearer token');
    let header: ReturnType<typeof decodeProtectedHeader>;
    let claims: ReturnType<typeof decodeJwt>;
    try {
      header = decodeProtectedHeader(token);
      claims = decodeJwt(token);
    } catch {
      throw new CdsAuthError('not a JWT');
    }
    if (!CDS_JWT_ALGORITHMS.includes(header.alg ?? ''))
      throw new CdsAuthError('algorithm not allowed');
    const client = typeof claims.iss === 'string' ? byIss.get(claims.iss) : undefined;
    if (client === undefined) throw new CdsAuthError('unknown issuer');
    let keys: JWTVerifyGetKey | undefined;
    if (header.jku !== undefined) {
      if (!client.jku.includes(header.jku)) throw new CdsAuthError('jku not allowed');
      keys = remote.get(header.jku);
      if (keys === undefined) {
        keys = createRemoteJWKSet(new URL(header.jku));
        remote.set(header.jku, keys);
      }
    } else {
      keys = local.get(client.iss);
    }
    if (keys === undefined) throw new CdsAuthError('no keys for issuer');
    let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: CDS_JWT_ALGORITHMS,
        issuer: client.iss,
        audience: [...audience],
        currentDate: now,
        requiredClaims: ['iss', 'aud', 'exp', 'jti'],
      }));
    } catch {
      throw new CdsAuthError('signature or claims invalid');
    }
    const exp = payload.exp ?? 0;
    if (exp > Math.floor(now.getTime() / 1000) + MAX_TOKEN_LIFETIME_SECONDS)
      throw new CdsAuthError('expiry too far ahead');
    // Stored as text by the call log: a jti that is not text, or holds a NUL the database cannot
    // store, would fail the statement it shares with other clients' calls.
    const jti: unknown = payload.jti;
    if (typeof jti !== 'string' || jti === '') throw new CdsAuthError('no jti, or not text');
    if (jti.includes(NUL)) throw new CdsAuthError('jti holds a NUL character');
    return { iss: client.iss, jti, expiresAt: new Date(exp * 1000) };
  };
}
