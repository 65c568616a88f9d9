/**
 * Patient/$everything (https://hl7.org/fhir/R4/patient-operation-everything.html): every resource
 * KetaFlow holds about one patient, in one searchset Bundle, or in pages of `_count` resources
 * with a `next` link (as search pages). `_since`, `start`, `end` and `_type` are not supported:
 * named as ignored in an OperationOutcome entry, or refused with `Prefer: handling=strict`.
 */
import type { KnowledgeBase } from '@ketaflow/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { actorOf, assertMay, audit } from './access';
import { FhirError, operationOutcome, type FhirResource } from './outcome';
import { ownerOf, resourcesFor, SEARCHABLE_TYPES } from './resources';
import { baseUrl, bundle, send } from './responses';
import { fhirJson, outcomes, SearchsetSchema } from './schemas';
import { preferStrict } from './search';
import { MAX_COUNT, readCount, readOffset } from './search-paging';

export interface EverythingOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly kb: KnowledgeBase;
  readonly tags: string[];
  readonly headers: z.ZodType;
}

const EverythingQuery = z
  .looseObject({
    _count: z
      .string()
      .optional()
      .describe(`Page size, 1 to ${String(MAX_COUNT)}; without it, every resource in one Bundle`),
    _offset: z.string().optional().describe('Resources to skip; the next link carries it'),
  })
  .describe(
    'Paging. Other parameters (_since, start, end, _type) are not supported: they are ignored and named in an OperationOutcome entry, or refused with Prefer: handling=strict.',
  );

/** The parameters $everything reads; `_format` is accepted as search accepts it. */
const PARAMETERS: ReadonlySet<string> = new Set(['_count', '_offset', '_format']);

/** One paging parameter: given once, an empty value being none (as in search). */
function single(query: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw new FhirError(400, 'not-supported', `Give ${name} once.`, name);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function everythingRoute(app: FastifyInstance, options: EverythingOptions): void {
  const { db, clock, kb } = options;
  app.get<{ Params: { id: string }; Querystring: Record<string, string | string[]> }>(
    '/Patient/:id/$everything',
    {
      schema: {
        tags: options.tags,
        summary: 'Everything KetaFlow holds about one patient',
        params: z.object({ id: z.string().min(1) }),
        querystring: EverythingQuery,
        headers: options.headers,
        response: { 200: fhirJson(SearchsetSchema), ...outcomes(400, 401, 403, 404, 500) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const who = await actorOf(db, request, clock.now());
      const count = readCount(single(request.query, '_count'), 1);
      const offset = readOffset(single(request.query, '_offset'));
      const ignored = Object.keys(request.query).filter((key) => !PARAMETERS.has(key));
      if (ignored.length > 0 && preferStrict(request.headers.prefer))
        throw new FhirError(
          400,
          'not-supported',
          `$everything does not support ${ignored.join(', ')}. Supported: ${[...PARAMETERS].join(', ')}.`,
          ignored[0],
        );
      const owner = await ownerOf(db, 'Patient', id);
      if (owner === undefined) throw new FhirError(404, 'not-found', `No Patient/${id}.`);
      await assertMay(db, request, who, owner, '*', 'fhir.everything');
      const all: FhirResource[] = [];
      for (const type of SEARCHABLE_TYPES)
        all.push(...(await resourcesFor({ db, kb }, type, owner)));
      await audit(db, request, who, {
        action: 'fhir.everything',
        resourceType: 'Patient',
        resourceId: owner,
        patientId: owner,
        outcome: 'success',
        detail: { count: all.length },
      });
      const size = count ?? all.length;
      const page = all.slice(offset, offset + size);
      const here = `${baseUrl(request)}/Patient/${owner}/$everything`;
      const next =
        offset + size < all.length
          ? `${here}?${new URLSearchParams({
              _count: String(size),
              _offset: String(offset + size),
            }).toString()}`
          : undefined;
      // As search does: the self link names only the parameters used, an OperationOutcome entry
      // the ones ignored (a client sending _since learns that it got everything).
      const used = new URLSearchParams(
        Object.entries(request.query).flatMap(([key, value]): [string, string][] =>
          PARAMETERS.has(key) ? [[key, String(value)]] : [],
        ),
      ).toString();
      const extra =
        ignored.length === 0
          ? {}
          : {
              self: used === '' ? here : `${here}?${used}`,
              outcome: operationOutcome(
                'warning',
                'not-supported',
                `Ignored parameters: ${ignored.join(', ')} (send Prefer: handling=strict to have them refused).`,
              ),
            };
      return send(reply, bundle(request, page, all.length, 'searchset', next, extra));
    },
  );
}
