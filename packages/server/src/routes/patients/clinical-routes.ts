import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Transaction } from '../../db/client';
import {
  allergies,
  conditions,
  medications,
  patientHeights,
  patientWeights,
} from '../../db/schema/index';
import { AppError, fieldError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import { latestDateAnywhere, type Clock } from '../../lib/clock';
import { requireRole, STAFF_ROLES } from '../../plugins/auth';
import { IdParams, problems } from '../common-schemas';
import { assertPatientAccess } from './access';
import { setNoneKnown, type HistoryList } from './history-lists';
import { medicationBelongsTo, touchPatient } from './repository';
import { mustLoad, type PatientRouteOptions } from './routes';
import {
  AllergyBody,
  ConditionBody,
  HeightBody,
  toCm,
  toKg,
  MedicationBody,
  MedicationParams,
  MedicationPatchBody,
  PatientSchema,
  WeightBody,
} from './schemas';

function assertNotFuture(path: string, isoDate: string | undefined, clock: Clock): void {
  if (isoDate && isoDate > latestDateAnywhere(clock.now())) {
    throw fieldError(path, 'must not be in the future');
  }
}

/** Weights, heights, allergies, conditions and medications: staff add; every write is audited. */
export const clinicalRoutes: FastifyPluginAsyncZod<PatientRouteOptions> = async (
  app,
  { db, clock, afterChange },
) => {
  const staffOnly = requireRole(...STAFF_ROLES);
  const created = { 201: PatientSchema, ...problems(400, 401, 403, 404) };

  /**
   * Checks access, runs the write and its audit row in one transaction, returns the fresh record.
   * An entry added to a history list (`adds`) withdraws that list's "none known" statement.
   */
  async function write(
    request: FastifyRequest,
    patientId: string,
    action: string,
    resourceType: string,
    insert: (tx: Transaction) => Promise<string>,
    adds?: HistoryList,
  ) {
    await assertPatientAccess(db, request, patientId, action);
    await db.transaction(async (tx) => {
      const resourceId = await insert(tx);
      await touchPatient(tx, patientId, clock.now());
      if (adds) await setNoneKnown(tx, patientId, adds, null);
      await appendAudit(tx, request, {
        action,
        resourceType,
        resourceId,
        patientId,
        outcome: 'success',
      });
      await afterChange?.(tx, request, patientId);
    });
    return mustLoad(db, patientId);
  }

  async function insertedId(promise: Promise<{ id: string }[]>): Promise<string> {
    const [row] = await promise;
    if (!row) throw new Error('insert returned no row');
    return row.id;
  }

  app.post(
    '/api/patients/:id/weights',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['patients'],
        summary: 'Record a weight (kg or lb)',
        params: IdParams,
        body: WeightBody,
        response: created,
      },
    },
    async (request, reply) => {
      const { weight, measuredOn } = request.body;
      assertNotFuture('body.measuredOn', measuredOn, clock);
      const patient = await write(
        request,
        request.params.id,
        'patient.weight.create',
        'Observation',
        (tx) =>
          insertedId(
            tx
              .insert(patientWeights)
              .values({
                patientId: request.params.id,
                weightKg: String(toKg(weight.value, weight.unit)),
                enteredValue: String(weight.value),
                enteredUnit: weight.unit,
                measuredOn,
                recordedBy: request.auth?.user.id ?? null,
              })
              .returning({ id: patientWeights.id }),
          ),
      );
      return reply.status(201).send(patient);
    },
  );

  app.post(
    '/api/patients/:id/heights',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['patients'],
        summary: 'Record a height (cm or in)',
        params: IdParams,
        body: HeightBody,
        response: created,
      },
    },
    async (request, reply) => {
      const { height, measuredOn } = request.body;
      assertNotFuture('body.measuredOn', measuredOn, clock);
      const patient = await write(
        request,
        request.params.id,
        'patient.height.create',
        'Observation',
        (tx) =>
          insertedId(
            tx
              .insert(patientHeights)
              .values({
                patientId: request.params.id,
                heightCm: String(toCm(height.value, height.unit)),
                measuredOn,
                recordedBy: request.auth?.user.id ?? null,
              })
              .returning({ id: patientHeights.id }),
          ),
      );
      return reply.status(201).send(patient);
    },
  );

  app.post(
    '/api/patients/:id/allergies',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['patients'],
        summary: 'Record an allergy',
        params: IdParams,
        body: AllergyBody,
        response: created,
      },
    },
    async (request, reply) => {
      const b = request.body;
      const patient = await write(
        request,
        request.params.id,
        'patient.allergy.create',
        'AllergyIntolerance',
        (tx) =>
          insertedId(
            tx
              .insert(allergies)
              .values({
                patientId: request.params.id,
                substance: b.substance,
                codeSystem: b.codeSystem ?? null,
                code: b.code ?? null,
                reaction: b.reaction ?? null,
                criticality: b.criticality ?? null,
                status: b.status,
              })
              .returning({ id: allergies.id }),
          ),
        'allergies',
      );
      return reply.status(201).send(patient);
    },
  );

  app.post(
    '/api/patients/:id/conditions',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['patients'],
        summary: 'Record a condition',
        params: IdParams,
        body: ConditionBody,
        response: created,
      },
    },
    async (request, reply) => {
      const b = request.body;
      assertNotFuture('body.onsetDate', b.onsetDate, clock);
      if (b.onsetDate && b.abatementDate && b.abatementDate < b.onsetDate) {
        throw fieldError('body.abatementDate', 'must not be before onsetDate');
      }
      const patient = await write(
        request,
        request.params.id,
        'patient.condition.create',
        'Condition',
        (tx) =>
          insertedId(
            tx
              .insert(conditions)
              .values({
                patientId: request.params.id,
                text: b.text,
                codeSystem: b.codeSystem ?? null,
                code: b.code ?? null,
                clinicalStatus: b.clinicalStatus,
                verificationStatus: b.verificationStatus,
                onsetDate: b.onsetDate ?? null,
                abatementDate: b.abatementDate ?? null,
              })
              .returning({ id: conditions.id }),
          ),
        'conditions',
      );
      return reply.status(201).send(patient);
    },
  );

  app.post(
    '/api/patients/:id/medications',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['patients'],
        summary: 'Record a medication',
        params: IdParams,
        body: MedicationBody,
        response: created,
      },
    },
    async (request, reply) => {
      const b = request.body;
      if (b.startedOn && b.stoppedOn && b.stoppedOn < b.startedOn) {
        throw fieldError('body.stoppedOn', 'must not be before startedOn');
      }
      const patient = await write(
        request,
        request.params.id,
        'patient.medication.create',
        'MedicationStatement',
        (tx) =>
          insertedId(
            tx
              .insert(medications)
              .values({
                patientId: request.params.id,
                text: b.text,
                rxnormCode: b.rxnormCode ?? null,
                doseText: b.doseText ?? null,
                status: b.status,
                startedOn: b.startedOn ?? null,
                stoppedOn: b.stoppedOn ?? null,
              })
              .returning({ id: medications.id }),
          ),
        'medications',
      );
      return reply.status(201).send(patient);
    },
  );

  app.patch(
    '/api/patients/:id/medications/:medicationId',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['patients'],
        summary: "Change a medication's status",
        params: MedicationParams,
        body: MedicationPatchBody,
        response: { 200: PatientSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id, medicationId } = request.params;
      if (!(await medicationBelongsTo(db, id, medicationId))) {
        throw new AppError('RESOURCE.NOT_FOUND', 'No such medication for this patient.');
      }
      return write(request, id, 'patient.medication.update', 'MedicationStatement', async (tx) => {
        await tx
          .update(medications)
          .set({
            status: request.body.status,
            stoppedOn: request.body.stoppedOn ?? null,
            updatedAt: clock.now(),
          })
          .where(eq(medications.id, medicationId));
        return medicationId;
      });
    },
  );
};
