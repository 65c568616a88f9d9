/**
 * The limits of the SMART token endpoint: how large a request may be, and how often it may come.
 * A token lasts TOKEN_LIFETIME_SECONDS (five minutes), so a backend client needs one every few
 * minutes, a handful a minute at the most even with several workers; 60 a minute leaves it ample
 * room and still caps how often one caller can make the server verify a signature and write to
 * the database.
 */
import { normalizeIP, type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import { TokenError, type FhirClient } from './smart';

export const TOKEN_REQUESTS_PER_MINUTE = 60;

/**
 * A token request is a short form: a grant type, an assertion type, scopes, and one signed JWT,
 * a few kilobytes at most even with a 4096-bit RSA key. 64 KiB leaves ample room; without a limit
 * of its own the route would read a JSON body up to the 32 MB of a FHIR import (a form up to the
 * app's 1 MB) before the rate limit counts it.
 */
export const TOKEN_BODY_LIMIT = 64 * 1024;

/**
 * The token route's error handler: Fastify's 413 for a body over TOKEN_BODY_LIMIT becomes a
 * TokenError, which the FHIR error handler answers as OAuth JSON like the route's other refusals;
 * anything else goes on to that handler as it is.
 */
export function refuseLargeTokenBody(error: unknown): never {
  if ((error as { code?: unknown }).code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    throw new TokenError(
      413,
      'invalid_request',
      `The request body is larger than ${String(TOKEN_BODY_LIMIT / 1024)} KiB, more than a token request needs.`,
    );
  throw error;
}

/**
 * Who is asking, for the count: a registered client named by the assertion's `iss`, read without
 * checking the signature. Anything else (no assertion, an unreadable one, an issuer nobody
 * registered) shares one bucket, so a caller cannot escape the limit by inventing issuers.
 */
export function assertingClientOf(clients: readonly FhirClient[], body: unknown): string {
  const assertion = (body as { client_assertion?: unknown } | undefined)?.client_assertion;
  if (typeof assertion !== 'string') return '';
  let issuer: unknown;
  try {
    issuer = decodeJwt(assertion).iss;
  } catch {
    return '';
  }
  return clients.find((c) => c.clientId === issuer)?.clientId ?? '';
}

/**
 * Counted per address and asserting client together. The address keeps anyone elsewhere from
 * spending a hospital's allowance by naming its client id (the claim is not yet verified); the
 * client keeps several registered clients behind one proxy or integration engine from sharing one.
 * The count runs once the form is read (preValidation), before the assertion is verified.
 */
export function tokenRateLimit(clients: readonly FhirClient[]): RateLimitOptions {
  return {
    max: TOKEN_REQUESTS_PER_MINUTE,
    timeWindow: '1 minute',
    hook: 'preValidation',
    keyGenerator: (request: FastifyRequest) =>
      `${normalizeIP(request.ip)}|${assertingClientOf(clients, request.body)}`,
    // The route's error handler answers a TokenError as OAuth JSON; the plugin has already set
    // Retry-After.
    errorResponseBuilder: (_request, context) =>
      new TokenError(
        429,
        'temporarily_unavailable',
        `More than ${String(context.max)} token requests a minute: try again in ${context.after}.`,
      ),
  };
}
