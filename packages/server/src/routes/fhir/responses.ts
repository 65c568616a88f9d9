/** FHIR answers: Bundles of resources with their full URLs, sent as application/fhir+json. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FHIR_JSON, type FhirResource } from './outcome';

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
