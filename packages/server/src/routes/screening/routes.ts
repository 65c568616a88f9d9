import type { ScreeningResult } from '@ketaflow/core';
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database, Transaction } from '../../db/client';
import { bloodPressures, reproductiveStatuses, screenings } from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import { latestDateAnywhere, type Clock } from '../../lib/clock';
import type { ClinicKnowledge } from '../../knowledge';
import { requireAuth, requireRole, STAFF_ROLES } from '../../plugins/auth';
import { IdParams, problems, Uuid } from '../common-schemas';
import { assertPatientAccess } from '../patients/access';
import { touchPatient } from '../patients/repository';
import {
  BloodPressureBody,
  ReproductiveBody,
  ScreeningBody,
  ScreeningSchema,
  SignBody,
} from './schemas';
import { loadScreenings, rescreenAfterChange, runScreening, type ScreeningDto } from './service';

export interface ScreeningRouteOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly knowledge: ClinicKnowledge;
}

/** The re-screening hook the patient routes run inside every change to a record. */
export function rescreenHook(options: ScreeningRouteOptions) {
  return async (tx: Transaction, request: FastifyRequest, patientId: string): Promise<void> => {
    await rescreenAfterChange(tx, request, {
      kb: options.knowledge.kb,
      patientId,
      now: options.clock.now(),
      userId: request.auth?.user.id ?? null,
    });
  };
}

/** Warnings that need a reason before signing, by code. */
function warningCodes(result: ScreeningResult): string[] {
  return [...new Set(result.findings.filter((f) => f.severity === 'warning').map((f) => f.code))];
}

/** Screenings of a patient's record: run, list, read, sign; and the facts screening needs. */
export const screeningRoutes: FastifyPluginAsyncZod<ScreeningRouteOptions> = async (
  app,
  options,
) => {
  const { db, clock, knowledge } = options;
  const staffOnly = requireRole(...STAFF_ROLES);
  const afterChange = rescreenHook(options);

  async function one(id: string): Promise<ScreeningDto> {
    const [screening] = await loadScreenings(db, { id });
    if (!screening) throw new AppError('RESOURCE.NOT_FOUND', 'No such screening.');
    return screening;
  }

  /** A fact added to the record: stored, audited and re-screened in one transaction. */
  async function addFact(
    request: FastifyRequest,
    patientId: string,
    action: string,
    resourceType: string,
    insert: (tx: Transaction) => Promise<string>,
  ): Promise<{ id: string }> {
    await assertPatientAccess(db, request, patientId, action);
    const id = await db.transaction(async (tx) => {
      const resourceId = await insert(tx);
      await touchPatient(tx, patientId, clock.now());
      await appendAudit(tx, request, {
        action,
        resourceType,
        resourceId,
        patientId,
        outcome: 'success',
      });
      await afterChange(tx, request, patientId);
      return resourceId;
    });
    return { id };
  }

  const notFuture = (path: string, isoDate: string) => {
    if (isoDate > latestDateAnywhere(clock.now()))
      throw new AppError('VALIDATION.FAILED', `${path}: must not be in the future`, [
        { path, message: 'must not be in the future' },
      ]);
  };

  app.post(
    '/api/patients/:id/blood-pressures',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['screening'],
        summary: 'Record a blood-pressure reading (re-screens the patient)',
        params: IdParams,
        body: BloodPressureBody,
        response: { 201: z.object({ id: Uuid }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      notFuture('body.measuredOn', b.measuredOn);
      const userId = requireAuth(request).user.id;
      const created = await addFact(
        request,
        request.params.id,
        'patient.blood-pressure.create',
        'Observation',
        async (tx) => {
          const [row] = await tx
            .insert(bloodPressures)
            .values({ patientId: request.params.id, ...b, recordedBy: userId })
            .returning({ id: bloodPressures.id });
          if (!row) throw new Error('insert returned no row');
          return row.id;
        },
      );
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/patients/:id/reproductive-status',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['screening'],
        summary: 'Record pregnancy status and breastfeeding (re-screens the patient)',
        params: IdParams,
        body: ReproductiveBody,
        response: { 201: z.object({ id: Uuid }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      notFuture('body.recordedOn', b.recordedOn);
      const userId = requireAuth(request).user.id;
      const created = await addFact(
        request,
        request.params.id,
        'patient.reproductive-status.create',
        'Observation',
        async (tx) => {
          const [row] = await tx
            .insert(reproductiveStatuses)
            .values({ patientId: request.params.id, ...b, recordedBy: userId })
            .returning({ id: reproductiveStatuses.id });
          if (!row) throw new Error('insert returned no row');
          return row.id;
        },
      );
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/patients/:id/screenings',
    {
      preHandler: requireRole('nurse', 'prescriber'),
      schema: {
        tags: ['screening'],
        summary: 'Screen the patient’s record for an indication and product, and store it',
        params: IdParams,
        body: ScreeningBody,
        response: { 201: ScreeningSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const patientId = request.params.id;
      await assertPatientAccess(db, request, patientId, 'patient.screening.create');
      const userId = requireAuth(request).user.id;
      const id = await db.transaction(async (tx) => {
        // A new screening for the same question replaces the open one.
        const open = await tx
          .select({ id: screenings.id })
          .from(screenings)
          .where(
            and(
              eq(screenings.patientId, patientId),
              eq(screenings.indication, request.body.indication),
              eq(screenings.product, request.body.product),
              isNull(screenings.staleAt),
            ),
          );
        const created = await runScreening(tx, {
          kb: knowledge.kb,
          patientId,
          indication: request.body.indication,
          product: request.body.product,
          userId,
          now: clock.now(),
        });
        for (const old of open)
          await tx
            .update(screenings)
            .set({ staleAt: clock.now(), supersededBy: created })
            .where(eq(screenings.id, old.id));
        await appendAudit(tx, request, {
          action: 'patient.screening.create',
          resourceType: 'Screening',
          resourceId: created,
          patientId,
          outcome: 'success',
        });
        return created;
      });
      return reply.status(201).send(await one(id));
    },
  );

  app.get(
    '/api/patients/:id/screenings',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['screening'],
        summary: 'A patient’s screenings, newest first (current, stale and signed)',
        params: IdParams,
        response: {
          200: z.object({ items: z.array(ScreeningSchema) }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (request) => {
      const patientId = request.params.id;
      await assertPatientAccess(db, request, patientId, 'patient.screening.list');
      const items = await loadScreenings(db, { patientId });
      await appendAudit(db, request, {
        action: 'patient.screening.list',
        resourceType: 'Screening',
        patientId,
        outcome: 'success',
        detail: { count: items.length },
      });
      return { items };
    },
  );

  app.get(
    '/api/screenings/:id',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['screening'],
        summary: 'One screening with its input snapshot and result',
        params: IdParams,
        response: { 200: ScreeningSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const screening = await one(request.params.id);
      await appendAudit(db, request, {
        action: 'patient.screening.read',
        resourceType: 'Screening',
        resourceId: screening.id,
        patientId: screening.patientId,
        outcome: 'success',
      });
      return screening;
    },
  );

  app.post(
    '/api/screenings/:id/sign',
    {
      preHandler: requireRole('prescriber'),
      schema: {
        tags: ['screening'],
        summary: 'Sign a current screening, with a reason for each warning accepted',
        description:
          'Refuses a stale or already signed screening (409 SCREEN.STALE, RESOURCE.CONFLICT), a contraindicated one (422 SCREEN.CONTRAINDICATED) and a warning without a reason (422 SCREEN.REASON_REQUIRED).',
        params: IdParams,
        body: SignBody,
        response: { 200: ScreeningSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const screening = await one(request.params.id);
      const { user } = requireAuth(request);
      const refuse = async (error: AppError) => {
        await appendAudit(db, request, {
          action: 'patient.screening.sign',
          resourceType: 'Screening',
          resourceId: screening.id,
          patientId: screening.patientId,
          outcome: 'invalid',
          detail: { code: error.code },
        });
        return error;
      };
      if (screening.signedAt)
        throw await refuse(new AppError('RESOURCE.CONFLICT', 'This screening is already signed.'));
      if (screening.staleAt)
        throw await refuse(
          new AppError(
            'SCREEN.STALE',
            'The record changed after this screening: sign the current one instead.',
          ),
        );
      if (screening.result.decision === 'contraindicated')
        throw await refuse(
          new AppError(
            'SCREEN.CONTRAINDICATED',
            'A critical finding makes the patient ineligible: this screening cannot be signed.',
          ),
        );
      const given = new Map(request.body.acceptances.map((a) => [a.code, a.reason]));
      const needed = warningCodes(screening.result);
      const missing = needed.filter((code) => !given.has(code));
      const unknown = [...given.keys()].filter((code) => !needed.includes(code));
      if (missing.length > 0 || unknown.length > 0)
        throw await refuse(
          new AppError(
            'SCREEN.REASON_REQUIRED',
            missing.length > 0
              ? `Give a reason for each warning accepted: ${missing.join(', ')}`
              : `Acceptances name codes that are not warnings here: ${unknown.join(', ')}`,
            [
              ...missing.map((code) => ({
                path: 'body.acceptances',
                message: `${code}: a reason is required`,
              })),
              ...unknown.map((code) => ({
                path: 'body.acceptances',
                message: `${code}: not a warning of this screening`,
              })),
            ],
          ),
        );
      const acceptances = needed.map((code) => ({ code, reason: given.get(code) ?? '' }));
      await db.transaction(async (tx) => {
        const updated = await tx
          .update(screenings)
          .set({ signedAt: clock.now(), signedBy: user.id, acceptances })
          .where(
            and(
              eq(screenings.id, screening.id),
              isNull(screenings.signedAt),
              isNull(screenings.staleAt),
            ),
          )
          .returning({ id: screenings.id });
        // Someone changed the record (or signed) between the read and this write.
        if (updated.length === 0)
          throw new AppError('SCREEN.STALE', 'The screening changed while signing: reload it.');
        await appendAudit(tx, request, {
          action: 'patient.screening.sign',
          resourceType: 'Screening',
          resourceId: screening.id,
          patientId: screening.patientId,
          outcome: 'success',
          detail: { accepted: acceptances.map((a) => a.code) },
        });
      });
      return one(screening.id);
    },
  );
};
