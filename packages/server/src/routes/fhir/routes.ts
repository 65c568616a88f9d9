/** FHIR R4 at /fhir: CapabilityStatement, read, search, Patient $everything, transaction import. */
import type { KnowledgeBase } from '@ketaflow/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { NUL_MESSAGE } from '../../lib/nul';
import { findNul } from '../../plugins/request-input';
import { answerOf } from './error-outcome';
import { importTransaction } from './import';
import {
  ASSERTION_ALGORITHMS,
  issueToken,
  scopeAllows,
  TOKEN_LIFETIME_SECONDS,
  TokenError,
  type FhirClient,
} from './smart';
import {
  refuseLargeTokenBody,
  TOKEN_BODY_LIMIT,
  TOKEN_REQUESTS_PER_MINUTE,
  tokenRateLimit,
} from './token-limit';
import { FHIR_JSON, FhirError, operationOutcome, type FhirResource } from './outcome';
import {
  CapabilityStatementSchema,
  fhirJson,
  fhirSerializerCompiler,
  fhirValidatorCompiler,
  OAuthErrorSchema,
  OperationOutcomeSchema,
  outcomes,
  ResourceSchema,
  SearchQuerySchema,
  SearchsetSchema,
  SmartConfigurationSchema,
  TokenGrantSchema,
  TokenRequestSchema,
  TransactionResponseSchema,
  TransactionSchema,
  TypeIdParams,
  TypeParams,
} from './schemas';
import { planSearch, preferStrict } from './search';
import { isSearchableType, ownerOf, patientResources, resourcesFor } from './resources';
import { capabilityStatement } from './capability';
import { baseUrl, bundle, send, unsupportedMediaType } from './responses';
import { actorOf, assertMay, audit } from './access';
import { searchPatients } from './patient-search';
import { everythingRoute } from './everything';
import type { RecordChangeHook } from '../patients/routes';

export interface FhirOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly kb: KnowledgeBase;
  readonly clients: readonly FhirClient[];
  /** The server's public URL: the token endpoint's `aud` is `<publicUrl>/fhir/auth/token`. */
  readonly publicUrl: string;
  /**
   * Runs in an import's transaction for each patient it touched, as after any change to a record
   * (the app passes the one that marks current screenings stale and screens again).
   */
  readonly afterChange?: RecordChangeHook;
}

const tags = ['FHIR R4'];

const patientIdOf = (value: string) => value.replace(/^.*Patient\//, '');

export async function fhirRoutes(app: FastifyInstance, options: FhirOptions): Promise<void> {
  const { db, clock, kb, clients } = options;
  const tokenUrl = `${options.publicUrl.replace(/\/$/, '')}/fhir/auth/token`;
  const ctx = { db, kb };
  app.setValidatorCompiler(fhirValidatorCompiler);
  app.setSerializerCompiler(fhirSerializerCompiler);
  const auth = z.object({
    authorization: z
      .string()
      .optional()
      .describe('Bearer <SMART access token>; or a KetaFlow staff session cookie'),
  });

  // FHIR reads its JSON itself, answering with OperationOutcomes: not the app's parser. Only the
  // types registered here are read (not Fastify's text/plain either); anything else is 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ['application/fhir+json', 'application/json'],
    { parseAs: 'string', bodyLimit: 32 * 1024 * 1024 },
    (_request, body, done) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body as string);
      } catch {
        done(new FhirError(400, 'invalid', 'The body is not valid JSON.'), undefined);
        return;
      }
      // PostgreSQL cannot store a NUL character in text.
      const nul = findNul(parsed, 'body');
      if (nul) done(new FhirError(400, 'invalid', `${nul}: ${NUL_MESSAGE}`), undefined);
      else done(null, parsed);
    },
  );
  app.addHook('preValidation', async (request) => {
    const nul = findNul(request.query, 'query');
    if (nul) throw new FhirError(400, 'invalid', `${nul}: ${NUL_MESSAGE}`);
  });

  app.setErrorHandler((error: unknown, request, reply) => {
    // The token endpoint speaks OAuth, not FHIR: its refusals (the rate limit's too) are OAuth JSON.
    if (error instanceof TokenError) {
      request.log.info({ reason: error.message }, 'FHIR token refused');
      return reply
        .code(error.status)
        .header('cache-control', 'no-store')
        .send({ error: error.error, error_description: error.message });
    }
    if ((error as { statusCode?: unknown }).statusCode === 415)
      return send(reply, unsupportedMediaType(request), 415);
    const answer = answerOf(error);
    if (answer !== undefined) return send(reply, answer.outcome, answer.status);
    request.log.error({ err: error }, 'FHIR request failed');
    return send(reply, operationOutcome('fatal', 'exception', 'Internal error.'), 500);
  });
  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      operationOutcome(
        'error',
        'not-found',
        `No FHIR endpoint at ${request.url.split('?')[0] ?? ''}.`,
      ),
      404,
    ),
  );

  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );

  app.post(
    '/auth/token',
    {
      schema: {
        tags,
        summary: 'SMART Backend Services token (client_credentials, signed JWT)',
        description: `A token lasts ${String(TOKEN_LIFETIME_SECONDS / 60)} minutes. At most ${String(TOKEN_REQUESTS_PER_MINUTE)} requests a minute from one address for one client (refused ones count too); over that, 429 \`temporarily_unavailable\` with Retry-After in seconds. A body larger than ${String(TOKEN_BODY_LIMIT / 1024)} KiB is refused with 413 \`invalid_request\` once it passes that (a refusal the rate limit does not count).`,
        consumes: ['application/x-www-form-urlencoded'],
        body: TokenRequestSchema,
        response: {
          200: TokenGrantSchema,
          400: {
            description: 'An OAuth error; an OperationOutcome when the body cannot be read',
            content: {
              'application/json': { schema: OAuthErrorSchema },
              [FHIR_JSON]: { schema: OperationOutcomeSchema },
            },
          },
          401: OAuthErrorSchema,
          429: {
            description: `More than ${String(TOKEN_REQUESTS_PER_MINUTE)} requests a minute from this address for this client; Retry-After says when to try again`,
            content: { 'application/json': { schema: OAuthErrorSchema } },
          },
          413: {
            description: `The body is larger than ${String(TOKEN_BODY_LIMIT / 1024)} KiB`,
            content: { 'application/json': { schema: OAuthErrorSchema } },
          },
          ...outcomes(415, 500),
        },
      },
      // Its own limit, whatever the media type (a route's limit wins over its parser's).
      bodyLimit: TOKEN_BODY_LIMIT,
      errorHandler: refuseLargeTokenBody,
      config: { rateLimit: tokenRateLimit(clients) },
    },
    async (request, reply) => {
      const form = (request.body ?? {}) as Record<string, string | undefined>;
      const grant = await issueToken(db, clients, form, tokenUrl, clock.now());
      return reply.header('cache-control', 'no-store').send(grant);
    },
  );

  app.get(
    '/.well-known/smart-configuration',
    {
      schema: {
        tags,
        summary: 'SMART configuration (token endpoint, auth methods, scopes)',
        response: { 200: SmartConfigurationSchema, ...outcomes(500) },
      },
    },
    () => ({
      token_endpoint: tokenUrl,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ASSERTION_ALGORITHMS,
      grant_types_supported: ['client_credentials'],
      scopes_supported: ['system/*.read', 'system/*.rs', 'system/Bundle.write'],
      capabilities: ['client-confidential-asymmetric'],
    }),
  );

  app.get(
    '/metadata',
    {
      schema: {
        tags,
        summary: 'CapabilityStatement (FHIR R4 4.0.1)',
        response: { 200: fhirJson(CapabilityStatementSchema), ...outcomes(500) },
      },
    },
    (_request, reply) => send(reply, capabilityStatement(clock.now(), tokenUrl)),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Transaction Bundle import (staff, or a client with system/Bundle.write)',
        consumes: [FHIR_JSON, 'application/json'],
        headers: auth,
        body: TransactionSchema,
        response: {
          200: fhirJson(TransactionResponseSchema),
          ...outcomes(400, 401, 403, 409, 413, 415, 500),
        },
      },
      bodyLimit: 32 * 1024 * 1024,
    },
    async (request, reply) => {
      const who = await actorOf(db, request, clock.now());
      const allowed =
        who.kind === 'staff' ||
        (who.kind === 'client' && scopeAllows(who.scopes, 'Bundle', 'write'));
      if (!allowed)
        throw new FhirError(
          403,
          'forbidden',
          'Only staff or a client with write scope may import.',
        );
      const result = await db.transaction(async (tx) => {
        const imported = await importTransaction(tx, request.body, clock.now());
        // New facts change what screening sees: screenings of these patients are run again.
        for (const patientId of imported.patientIds)
          await options.afterChange?.(tx, request, patientId);
        return imported;
      });
      for (const patientId of result.patientIds)
        await audit(db, request, who, {
          action: 'fhir.import',
          resourceType: 'Patient',
          resourceId: patientId,
          patientId,
          outcome: 'success',
          detail: {
            kept: result.kept,
            notKept: result.notKept,
            ...(result.noneKnown[patientId] === undefined
              ? {}
              : { noneKnown: result.noneKnown[patientId] }),
          },
        });
      return send(reply, result.response);
    },
  );

  everythingRoute(app, { db, clock, kb, tags, headers: auth });

  app.get<{ Params: { type: string; id: string } }>(
    '/:type/:id',
    {
      schema: {
        tags,
        summary: 'Read one resource',
        params: TypeIdParams,
        headers: auth,
        response: { 200: fhirJson(ResourceSchema), ...outcomes(401, 403, 404, 500) },
      },
    },
    async (request, reply) => {
      const { type, id } = request.params;
      const who = await actorOf(db, request, clock.now());
      if (!isSearchableType(type))
        throw new FhirError(404, 'not-supported', `KetaFlow does not serve ${type} resources.`);
      const owner = await ownerOf(db, type, id);
      if (owner === undefined) throw new FhirError(404, 'not-found', `No ${type}/${id}.`);
      await assertMay(db, request, who, owner, type, 'fhir.read');
      const resource = (await resourcesFor(ctx, type, owner)).find((r) => r.id === id);
      if (resource === undefined) throw new FhirError(404, 'not-found', `No ${type}/${id}.`);
      await audit(db, request, who, {
        action: 'fhir.read',
        resourceType: type,
        resourceId: id,
        patientId: owner,
        outcome: 'success',
      });
      return send(reply, resource);
    },
  );

  app.get<{ Params: { type: string }; Querystring: Record<string, string | string[]> }>(
    '/:type',
    {
      schema: {
        tags,
        summary: 'Search one resource type',
        params: TypeParams,
        querystring: SearchQuerySchema,
        headers: auth,
        response: { 200: fhirJson(SearchsetSchema), ...outcomes(400, 401, 403, 404, 500) },
      },
    },
    async (request, reply) => {
      const { type } = request.params;
      const who = await actorOf(db, request, clock.now());
      if (!isSearchableType(type))
        throw new FhirError(404, 'not-supported', `KetaFlow does not serve ${type} resources.`);
      const plan = planSearch(type, request.query, preferStrict(request.headers.prefer));
      const query = plan.single;
      let patientIds: string[];
      if (type === 'Patient') {
        const id = request.query._id;
        patientIds = await searchPatients(db, query, typeof id === 'string' ? id : undefined);
        if (who.kind === 'patient') patientIds = patientIds.filter((p) => p === who.patientId);
        if (who.kind === 'client' && !scopeAllows(who.scopes, 'Patient', 'read'))
          throw new FhirError(403, 'forbidden', "The token's scopes do not allow reading Patient.");
      } else {
        const ref = query.patient ?? query.subject;
        const id =
          ref === undefined
            ? who.kind === 'patient'
              ? (who.patientId ?? undefined)
              : undefined
            : patientIdOf(ref);
        if (id === undefined)
          throw new FhirError(
            400,
            'required',
            `Searching ${type} needs the patient parameter.`,
            'patient',
          );
        const owner = await ownerOf(db, 'Patient', id);
        if (owner !== undefined) await assertMay(db, request, who, owner, type, 'fhir.search');
        patientIds = owner === undefined ? [] : [owner];
      }
      let found: FhirResource[] = [];
      if (type === 'Patient') found = await patientResources(ctx, patientIds);
      else for (const p of patientIds) found.push(...(await resourcesFor(ctx, type, p)));
      found = found.filter(plan.matches);
      if (plan.sort !== undefined) found.sort(plan.sort);
      for (const p of patientIds)
        await audit(db, request, who, {
          action: 'fhir.search',
          resourceType: type,
          patientId: p,
          outcome: 'success',
          detail: { count: found.length },
        });
      const { count, offset } = plan;
      const page = found.slice(offset, offset + count);
      let next: string | undefined;
      if (count > 0 && offset + count < found.length) {
        const params = new URLSearchParams(plan.used.map(([k, v]): [string, string] => [k, v]));
        params.set('_count', String(count));
        params.set('_offset', String(offset + count));
        next = `${baseUrl(request)}/${type}?${params.toString()}`;
      }
      // The self link names only the parameters used (FHIR search 3.1.1.1); an OperationOutcome
      // entry names the ones ignored.
      const self =
        plan.ignored.length === 0
          ? undefined
          : `${baseUrl(request)}/${type}${plan.used.length === 0 ? '' : '?'}${new URLSearchParams(
              plan.used.map(([k, v]): [string, string] => [k, v]),
            ).toString()}`;
      const warning =
        plan.ignored.length === 0
          ? undefined
          : operationOutcome(
              'warning',
              'not-supported',
              `Ignored search parameters: ${plan.ignored.join(', ')} (send Prefer: handling=strict to have them refused).`,
            );
      return send(
        reply,
        bundle(request, page, found.length, 'searchset', next, { self, outcome: warning }),
      );
    },
  );
}
