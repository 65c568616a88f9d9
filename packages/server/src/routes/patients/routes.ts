import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database, Transaction } from '../../db/client';
import { patients } from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
import { appendAudit, appendAuditPerPatient } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { requireRole, STAFF_ROLES } from '../../plugins/auth';
import { IdParams, paged, problems } from '../common-schemas';
import { assertPatientAccess } from './access';
import { assertBirthDateNotFuture } from './birth-date';
import { insertPatient, loadPatient, searchPatients } from './repository';
import {
  PatientCreateBody,
  PatientListQuery,
  PatientPatchBody,
  PatientSchema,
  PatientSummarySchema,
} from './schemas';

/** Runs inside the transaction of every change to a patient's record (e.g. re-screening). */
export type RecordChangeHook = (
  tx: Transaction,
  request: FastifyRequest,
  patientId: string,
) => Promise<void>;

export interface PatientRouteOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly afterChange?: RecordChangeHook;
}

/** Demographics: list, create, read, edit. Clinical lists live in clinical-routes.ts. */
export const patientRoutes: FastifyPluginAsyncZod<PatientRouteOptions> = async (
  app,
  { db, clock, afterChange },
) => {
  const staffOnly = requireRole(...STAFF_ROLES);

  app.get(
    '/api/patients',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['patients'],
        summary:
          'Search patients by name or MRN, or find those with history to complete or an unconfirmed online account (staff)',
        querystring: PatientListQuery,
        response: { 200: paged(PatientSummarySchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { query, history, account, page, pageSize } = request.query;
      const result = await searchPatients(db, {
        query,
        incompleteHistory: history === 'incomplete',
        unconfirmedAccount: account === 'unconfirmed',
        page,
        pageSize,
      });
      await appendAuditPerPatient(
        db,
        request,
        {
          action: 'patient.search',
          resourceType: 'Patient',
          outcome: 'success',
          detail: { returned: result.items.length },
        },
        result.items.map((p) => p.id),
      );
      return { ...result, page, pageSize };
    },
  );

  app.post(
    '/api/patients',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['patients'],
        summary: 'Create a patient (staff)',
        body: PatientCreateBody,
        response: { 201: PatientSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      assertBirthDateNotFuture(request.body.birthDate, clock.now());
      const id = await db.transaction(async (tx) => {
        const row = await insertPatient(tx, request.body, clock.now());
        await appendAudit(tx, request, {
          action: 'patient.create',
          resourceType: 'Patient',
          resourceId: row.id,
          patientId: row.id,
          outcome: 'success',
        });
        return row.id;
      });
      return reply.status(201).send(await mustLoad(db, id));
    },
  );

  app.get(
    '/api/patients/:id',
    {
      schema: {
        tags: ['patients'],
        summary: "Read a patient's record (staff, or the patient themself)",
        params: IdParams,
        response: { 200: PatientSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await assertPatientAccess(db, request, id, 'patient.read');
      const patient = await mustLoad(db, id);
      await appendAudit(db, request, {
        action: 'patient.read',
        resourceType: 'Patient',
        resourceId: id,
        patientId: id,
        outcome: 'success',
      });
      return patient;
    },
  );

  app.patch(
    '/api/patients/:id',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['patients'],
        summary: 'Edit demographics (staff)',
        params: IdParams,
        body: PatientPatchBody,
        response: { 200: PatientSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await assertPatientAccess(db, request, id, 'patient.update');
      assertBirthDateNotFuture(request.body.birthDate, clock.now());
      await db.transaction(async (tx) => {
        await tx
          .update(patients)
          .set({ ...request.body, updatedAt: clock.now() })
          .where(eq(patients.id, id));
        await appendAudit(tx, request, {
          action: 'patient.update',
          resourceType: 'Patient',
          resourceId: id,
          patientId: id,
          outcome: 'success',
          detail: { fields: Object.keys(request.body) },
        });
        await afterChange?.(tx, request, id);
      });
      return mustLoad(db, id);
    },
  );
};

export async function mustLoad(db: Database, id: string) {
  const patient = await loadPatient(db, id);
  if (!patient) throw new AppError('RESOURCE.NOT_FOUND', 'No such patient.');
  return patient;
}
