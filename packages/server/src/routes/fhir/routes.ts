/** FHIR R4 at /fhir: CapabilityStatement, read, search, Patient $everything, transaction import. */
import type { KnowledgeBase } from '@ketaflow/core';
import { and, eq, ilike, like, or, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/client';
import { fhirLinks, patients } from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { isStaff } from '../../plugins/auth';
import { importTransaction } from './import';
import { FHIR_JSON, FhirError, operationOutcome, type FhirResource } from './outcome';
import {
  isSearchableType,
  ownerOf,
  patientResources,
  resourcesFor,
  SEARCHABLE_TYPES,
  SYSTEM,
} from './resources';

export interface FhirOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly kb: KnowledgeBase;
}

const tags = ['FHIR R4'];
const MAX_COUNT = 1000;

function capabilityStatement(now: Date): FhirResource {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: now.toISOString(),
    publisher: 'KetaFlow',
    kind: 'instance',
    software: { name: 'KetaFlow', version: '0.1.0' },
    implementation: { description: 'KetaFlow FHIR R4 API' },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [
      {
        mode: 'server',
        security: {
          description:
            'A KetaFlow staff session (cookie); a patient account reads only its own record.',
        },
        interaction: [{ code: 'transaction' }],
        resource: SEARCHABLE_TYPES.map((type) => ({
          type,
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          searchParam: [
            { name: '_id', type: 'token' },
            { name: '_count', type: 'number' },
            ...(type === 'Patient'
              ? [
                  { name: 'identifier', type: 'token' },
                  { name: 'name', type: 'string' },
                ]
              : [{ name: 'patient', type: 'reference' }]),
          ],
          ...(type === 'Patient'
            ? {
                operation: [
                  {
                    name: 'everything',
                    definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything',
                  },
                ],
              }
            : {}),
        })),
      },
    ],
  };
}

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}/fhir`;
}

function bundle(
  request: FastifyRequest,
  resources: FhirResource[],
  total: number,
  type: 'searchset' | 'collection' = 'searchset',
): FhirResource {
  const base = baseUrl(request);
  return {
    resourceType: 'Bundle',
    type,
    ...(type === 'searchset' ? { total } : {}),
    link: [{ relation: 'self', url: `${request.protocol}://${request.host}${request.url}` }],
    entry: resources.map((resource) => ({
      fullUrl: `${base}/${resource.resourceType}/${resource.id ?? ''}`,
      resource,
      ...(type === 'searchset' ? { search: { mode: 'match' } } : {}),
    })),
  };
}

function send(reply: FastifyReply, body: FhirResource, status = 200): FastifyReply {
  return reply.code(status).type(FHIR_JSON).send(body);
}

function actor(request: FastifyRequest) {
  if (!request.auth)
    throw new FhirError(401, 'login', 'Log in with a KetaFlow staff session first.');
  return request.auth.user;
}

/** Patients may see only their own record; staff see all. Denials are audited. */
async function assertMay(
  db: Database,
  request: FastifyRequest,
  patientId: string,
  action: string,
): Promise<void> {
  const user = actor(request);
  if (isStaff(user) || user.patientId === patientId) return;
  await appendAudit(db, request, {
    action,
    resourceType: 'Patient',
    resourceId: patientId,
    patientId,
    outcome: 'denied',
  });
  throw new FhirError(403, 'forbidden', 'A patient account may read only its own record.');
}

const patientIdOf = (value: string) => value.replace(/^.*Patient\//, '');

export async function fhirRoutes(app: FastifyInstance, options: FhirOptions): Promise<void> {
  const { db, clock, kb } = options;
  const ctx = { db, kb };

  app.addContentTypeParser(
    ['application/fhir+json', 'application/json'],
    { parseAs: 'string', bodyLimit: 32 * 1024 * 1024 },
    (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(new FhirError(400, 'invalid', 'The body is not valid JSON.'), undefined);
      }
    },
  );

  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof FhirError)
      return send(
        reply,
        operationOutcome('error', error.code, error.message, error.expression),
        error.status,
      );
    if (error instanceof AppError) {
      const status = error.status;
      const code = status === 401 ? 'login' : status === 403 ? 'forbidden' : 'invalid';
      return send(reply, operationOutcome('error', code, error.message), status);
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500)
      return send(reply, operationOutcome('error', 'invalid', (error as Error).message), status);
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

  app.get(
    '/metadata',
    { schema: { tags, summary: 'CapabilityStatement (FHIR R4 4.0.1)' } },
    (_request, reply) => send(reply, capabilityStatement(clock.now())),
  );

  app.post(
    '/',
    { schema: { tags, summary: 'Transaction Bundle import (staff)' }, bodyLimit: 32 * 1024 * 1024 },
    async (request, reply) => {
      const user = actor(request);
      if (!isStaff(user)) throw new FhirError(403, 'forbidden', 'Only staff may import.');
      const result = await db.transaction((tx) => importTransaction(tx, request.body, clock.now()));
      for (const patientId of result.patientIds)
        await appendAudit(db, request, {
          action: 'fhir.import',
          resourceType: 'Patient',
          resourceId: patientId,
          patientId,
          outcome: 'success',
          detail: { kept: result.kept, notKept: result.notKept },
        });
      return send(reply, result.response);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/Patient/:id/$everything',
    { schema: { tags, summary: 'Everything KetaFlow holds about one patient' } },
    async (request, reply) => {
      const { id } = request.params;
      actor(request);
      const owner = await ownerOf(db, 'Patient', id);
      if (owner === undefined) throw new FhirError(404, 'not-found', `No Patient/${id}.`);
      await assertMay(db, request, owner, 'fhir.everything');
      const all: FhirResource[] = [];
      for (const type of SEARCHABLE_TYPES) all.push(...(await resourcesFor(ctx, type, owner)));
      await appendAudit(db, request, {
        action: 'fhir.everything',
        resourceType: 'Patient',
        resourceId: owner,
        patientId: owner,
        outcome: 'success',
        detail: { count: all.length },
      });
      return send(reply, bundle(request, all, all.length));
    },
  );

  app.get<{ Params: { type: string; id: string } }>(
    '/:type/:id',
    { schema: { tags, summary: 'Read one resource' } },
    async (request, reply) => {
      const { type, id } = request.params;
      actor(request);
      if (!isSearchableType(type))
        throw new FhirError(404, 'not-supported', `KetaFlow does not serve ${type} resources.`);
      const owner = await ownerOf(db, type, id);
      if (owner === undefined) throw new FhirError(404, 'not-found', `No ${type}/${id}.`);
      await assertMay(db, request, owner, 'fhir.read');
      const resource = (await resourcesFor(ctx, type, owner)).find((r) => r.id === id);
      if (resource === undefined) throw new FhirError(404, 'not-found', `No ${type}/${id}.`);
      await appendAudit(db, request, {
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
    { schema: { tags, summary: 'Search one resource type' } },
    async (request, reply) => {
      const { type } = request.params;
      const user = actor(request);
      if (!isSearchableType(type))
        throw new FhirError(404, 'not-supported', `KetaFlow does not serve ${type} resources.`);
      const query: Record<string, string> = {};
      for (const [key, value] of Object.entries(request.query)) {
        if (Array.isArray(value))
          throw new FhirError(400, 'not-supported', `Give ${key} once.`, key);
        query[key] = value;
      }
      const allowed = new Set([
        '_count',
        '_id',
        '_format',
        ...(type === 'Patient' ? ['identifier', 'name'] : ['patient', 'subject']),
      ]);
      for (const key of Object.keys(query))
        if (!allowed.has(key))
          throw new FhirError(
            400,
            'not-supported',
            `Unknown search parameter ${key} for ${type}.`,
            key,
          );
      let count = MAX_COUNT;
      if (query._count !== undefined) {
        count = Number(query._count);
        if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT)
          throw new FhirError(
            400,
            'value',
            `_count must be a whole number from 0 to ${String(MAX_COUNT)}.`,
            '_count',
          );
      }
      let patientIds: string[];
      if (type === 'Patient') {
        patientIds = await searchPatients(db, query);
        if (!isStaff(user)) patientIds = patientIds.filter((p) => p === user.patientId);
      } else {
        const ref = query.patient ?? query.subject;
        const id =
          ref === undefined
            ? isStaff(user)
              ? undefined
              : (user.patientId ?? undefined)
            : patientIdOf(ref);
        if (id === undefined)
          throw new FhirError(
            400,
            'required',
            `Searching ${type} needs the patient parameter.`,
            'patient',
          );
        const owner = await ownerOf(db, 'Patient', id);
        if (owner !== undefined) await assertMay(db, request, owner, 'fhir.search');
        patientIds = owner === undefined ? [] : [owner];
      }
      let found: FhirResource[] = [];
      if (type === 'Patient') found = await patientResources(ctx, patientIds);
      else for (const p of patientIds) found.push(...(await resourcesFor(ctx, type, p)));
      if (query._id !== undefined) found = found.filter((r) => r.id === query._id);
      for (const p of patientIds)
        await appendAudit(db, request, {
          action: 'fhir.search',
          resourceType: type,
          patientId: p,
          outcome: 'success',
          detail: { count: found.length },
        });
      return send(reply, bundle(request, found.slice(0, count), found.length));
    },
  );
}

async function searchPatients(db: Database, query: Record<string, string>): Promise<string[]> {
  const conditions = [];
  if (query._id !== undefined) conditions.push(sql`${patients.id}::text = ${query._id}`);
  if (query.name !== undefined) {
    const term = `%${query.name.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(patients.familyName, term), ilike(patients.givenName, term)));
  }
  if (query.identifier !== undefined) {
    const bar = query.identifier.indexOf('|');
    const system = bar < 0 ? undefined : query.identifier.slice(0, bar);
    const value = bar < 0 ? query.identifier : query.identifier.slice(bar + 1);
    const escaped = value.replace(/[%_\\]/g, (c) => `\\${c}`);
    const linkKey =
      system === undefined
        ? like(fhirLinks.sourceKey, `Patient|%|${escaped}`)
        : eq(fhirLinks.sourceKey, `Patient|${system}|${value}`);
    const byLink = db.select({ id: fhirLinks.patientId }).from(fhirLinks).where(linkKey);
    conditions.push(
      system === undefined || system === SYSTEM.mrn
        ? or(eq(patients.mrn, value), sql`${patients.id} in (${byLink})`)
        : sql`${patients.id} in (${byLink})`,
    );
  }
  const rows = await db
    .select({ id: patients.id })
    .from(patients)
    .where(and(...conditions))
    .orderBy(patients.familyName, patients.givenName, patients.id);
  return rows.map((r) => r.id);
}
