import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fieldError } from '../errors/catalog';
import { NUL, NUL_MESSAGE } from '../lib/nul';
import { problemFor } from '../errors/error-handler';
import { operationOutcome } from '../routes/fhir/outcome';
import { send as sendFhir } from '../routes/fhir/responses';

/**
 * The deepest nesting of arrays and objects a JSON body may have. No KetaFlow body comes near it;
 * code that walks a body recursively (e.g. the idempotency hash) must not meet a deeper one.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The longest path parameter the router hands to a route (Fastify's default is 100, answered with
 * its own non-problem 414). Anything longer than an id is then refused by the route's own schema;
 * the request line is capped by Node's header size (16 KiB) anyway.
 */
export const MAX_PARAM_LENGTH = 16_384;

export type JsonFinding =
  | { readonly kind: 'nul'; readonly path: string; readonly inKey: boolean }
  | { readonly kind: 'too-deep' };

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly parent: Frame | undefined;
  readonly key: string | undefined;
}

function pathOf(prefix: string, frame: Frame | undefined, lastKey?: string): string {
  const keys: string[] = lastKey === undefined ? [] : [lastKey];
  for (let f = frame; f?.key !== undefined; f = f.parent) keys.push(f.key);
  keys.reverse();
  // A NUL in a key is shown escaped, so the path itself is printable.
  return [prefix, ...keys.map((k) => k.replaceAll(NUL, '\\u0000'))].join('.');
}

/**
 * The first string (value or key, in document order) that holds a NUL character, which
 * PostgreSQL cannot store in text, or a nesting deeper than `maxDepth`. Iterative: never recursion
 * on a hostile body.
 */
export function inspectParsed(
  value: unknown,
  prefix: string,
  maxDepth = MAX_JSON_DEPTH,
): JsonFinding | undefined {
  const stack: Frame[] = [{ value, depth: 0, parent: undefined, key: undefined }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const v = frame.value;
    if (typeof v === 'string') {
      if (v.includes(NUL)) return { kind: 'nul', path: pathOf(prefix, frame), inKey: false };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    const depth = frame.depth + 1;
    if (depth > maxDepth) return { kind: 'too-deep' };
    const entries: [string, unknown][] = Array.isArray(v)
      ? v.map((item, i) => [String(i), item])
      : Object.entries(v as Record<string, unknown>);
    for (const [key] of entries) {
      if (key.includes(NUL)) return { kind: 'nul', path: pathOf(prefix, frame, key), inKey: true };
    }
    // Reversed, so the stack pops them in document order.
    for (const [key, item] of entries.reverse()) {
      stack.push({ value: item, depth, parent: frame, key });
    }
  }
  return undefined;
}

/** The first string or key holding a NUL character (`<prefix>.<path>`), at any depth. */
export function findNul(value: unknown, prefix: string): string | undefined {
  const finding = inspectParsed(value, prefix, Number.POSITIVE_INFINITY);
  return finding?.kind === 'nul' ? finding.path : undefined;
}

function findingError(finding: JsonFinding): AppError {
  if (finding.kind === 'too-deep')
    return new AppError(
      'REQUEST.MALFORMED',
      `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`,
    );
  return fieldError(
    finding.path,
    finding.inKey
      ? 'the name holds a NUL character (\\u0000), which cannot be stored'
      : NUL_MESSAGE,
  );
}

/**
 * Bad input the schemas cannot see, refused for every `/api` route in one place:
 * - JSON bodies (the default parser, still guarding against prototype poisoning) with a NUL
 *   character in any string or key (400 VALIDATION.FAILED naming `body.<path>`), or nested deeper
 *   than MAX_JSON_DEPTH (400 REQUEST.MALFORMED);
 * - query strings with a NUL character (400 naming `query.<name>`).
 * FHIR and CDS Hooks register their own JSON parsers in their scopes and keep their own formats.
 */
export function registerRequestInputChecks(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    void parseJson(request, body as string, (error: Error | null, parsed?: unknown) => {
      if (error) {
        done(error, undefined);
        return;
      }
      const finding = inspectParsed(parsed, 'body');
      if (finding) done(findingError(finding), undefined);
      else done(null, parsed);
    });
  });

  app.addHook('preValidation', async (request) => {
    if (!request.routeOptions.url?.startsWith('/api/')) return;
    const finding = inspectParsed(request.query, 'query');
    if (finding) throw findingError(finding);
  });
}

/**
 * Fastify's own router errors (a path that is not valid percent-encoding, a parameter longer than
 * MAX_PARAM_LENGTH) as problem+json, or as an OperationOutcome under `/fhir`.
 */
export function frameworkErrors(
  error: Error & { code?: string },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? `a path parameter is longer than ${MAX_PARAM_LENGTH} characters`
      : 'the path is not a valid URL (bad percent-encoding)';
  const path = request.url.split('?')[0] ?? '';
  if (path === '/fhir' || path.startsWith('/fhir/')) {
    void sendFhir(reply, operationOutcome('error', 'invalid', message), 400);
    return;
  }
  const failed = fieldError('params', message);
  void reply
    .status(400)
    .type('application/problem+json')
    .send({ ...problemFor(failed.code, failed.message, failed.errors), instance: path });
}
