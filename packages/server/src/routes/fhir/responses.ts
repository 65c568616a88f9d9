/** FHIR answers: Bundles of resources with their full URLs, sent as application/fhir+json. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FHIR_JSON, operationOutcome, type FhirResource } from './outcome';

export function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}/fhir`;
}

export function bundle(
  request: FastifyRequest,
  resources: FhirResource[],
  total: number,
  type: 'searchset' | 'collection' = 'searchset',
  next?: string,
  extra: { self?: string | undefined; outcome?: FhirResource | undefined } = {},
): FhirResource {
  const base = baseUrl(request);
  return {
    resourceType: 'Bundle',
    type,
    ...(type === 'searchset' ? { total } : {}),
    link: [
      {
        relation: 'self',
        url: extra.self ?? `${request.protocol}://${request.host}${request.url}`,
      },
      ...(next === undefined ? [] : [{ relation: 'next', url: next }]),
    ],
    entry: [
      ...resources.map((resource) => ({
        fullUrl: `${base}/${resource.resourceType}/${resource.id ?? ''}`,
        resource,
        ...(type === 'searchset' ? { search: { mode: 'match' } } : {}),
      })),
      ...(extra.outcome === undefined
        ? []
        : [{ resource: extra.outcome, search: { mode: 'outcome' } }]),
    ],
  };
}

export function send(reply: FastifyReply, body: FhirResource, status = 200): FastifyReply {
  return reply.code(status).type(FHIR_JSON).send(body);
}

/**
 * The answer to a body of a type the route does not read (HTTP 415): it names the types the
 * route's schema lists under `consumes`.
 */
export function unsupportedMediaType(request: FastifyRequest): FhirResource {
  const consumes = request.routeOptions.schema?.consumes ?? [FHIR_JSON, 'application/json'];
  return operationOutcome(
    'error',
    'not-supported',
    `Send the body as ${consumes.join(' or ')}; other content types are not supported here.`,
  );
}
