import { calculateDose, doseToJson, PROTOCOL_IDS, WEIGHT_BASES } from '@ketaflow/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { DOSE_PURPOSES } from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
import type { Clock } from '../../lib/clock';
import { appendAudit } from '../../lib/audit';
import type { ClinicKnowledge } from '../../knowledge';
import { requireAuth, requireRole, STAFF_ROLES } from '../../plugins/auth';
import { IsoDate, problems, Uuid } from '../common-schemas';
import { DoseLimitSchema as Limit, Quantity } from '../dose-limit-schema';
import { assertPatientAccess } from '../patients/access';
import {
  listDoseCalculations,
  recordDoseCalculation,
  toFieldErrors,
  type RecordedDoseRequest,
} from './service';

const quantity = <U extends readonly [string, ...string[]]>(units: U, example: string) =>
  z
    .strictObject({ value: z.number(), unit: z.enum(units) })
    .describe(`A quantity with its unit, e.g. ${example}`);

const Override = z.strictObject({
  code: z.string().min(1).max(100),
  reason: z.string().trim().min(1).max(500),
});

/** What a clinician chooses (shared by preview and record). */
const choices = {
  product: z.enum(['ketamine-iv', 'esketamine-nasal']).optional(),
  indication: z.enum(PROTOCOL_IDS).optional(),
  location: z.string().max(64).optional(),
  weightBasis: z.enum(WEIGHT_BASES).optional(),
  dose: quantity(['mg/kg', 'mg'], '{ "value": 0.5, "unit": "mg/kg" }').optional(),
  duration: quantity(['min', 'h'], '{ "value": 40, "unit": "min" }').optional(),
  concentration: quantity(['mg/mL'], '{ "value": 50, "unit": "mg/mL" }').optional(),
  bagVolume: quantity(['mL'], '{ "value": 100, "unit": "mL" }').optional(),
  bagMode: z.enum(['add-to-bag', 'withdraw-equal-volume']).optional(),
  overrides: z.array(Override).max(20).optional(),
};

const PreviewBody = z.strictObject({
  ...choices,
  weight: z
    .strictObject({
      value: z.number(),
      unit: z.enum(['kg', 'lb']),
      measuredOn: IsoDate.optional(),
    })
    .optional(),
  height: quantity(['cm', 'in'], '{ "value": 170, "unit": "cm" }').optional(),
  sex: z.enum(['female', 'male']).optional(),
  lastRecordedWeight: z.strictObject({ valueKg: z.number(), measuredOn: IsoDate }).optional(),
});

const RecordBody = z.strictObject({
  ...choices,
  purpose: z.enum(DOSE_PURPOSES).default('calculation'),
});

/** The public calculation JSON (the same shape `ketaflow dose --json` prints). */
export const DoseJsonSchema = z
  .object({
    product: z.enum(['ketamine-iv', 'esketamine-nasal']),
    indication: z.string().nullable(),
    dose: Quantity,
    drugVolume: Quantity.nullable(),
    drawnDose: Quantity.nullable()
      .optional()
      .describe('Volume × vial strength; absent from calculations stored before it was added'),
    totalVolume: Quantity.nullable(),
    concentration: Quantity.nullable(),
    vialConcentration: Quantity.nullable(),
    rate: Quantity.nullable(),
    doseRate: Quantity.nullable(),
    doseRatePerMin: Quantity.nullable(),
    duration: Quantity.nullable(),
    dosingWeight: Quantity.extend({ basis: z.enum(WEIGHT_BASES) }).nullable(),
    bagMode: z.enum(['add-to-bag', 'withdraw-equal-volume']).nullable(),
    devices: z.number().int().nullable(),
    limits: z.array(Limit).readonly(),
    blocked: z.boolean(),
    requiresOverride: z.boolean(),
    steps: z.array(z.string()).readonly(),
    notes: z.array(z.string()).readonly(),
  })
  .describe('A dose calculation; quantities are { value, unit } with UCUM units');

const DoseCalculation = z.object({
  id: Uuid,
  patientId: Uuid,
  purpose: z.enum(DOSE_PURPOSES),
  createdAt: z.string(),
  createdBy: z.object({ id: Uuid, displayName: z.string() }),
  knowledgeVersion: z.string(),
  request: z.record(z.string(), z.unknown()),
  result: DoseJsonSchema,
  weightUsed: z.object({ valueKg: z.number(), measuredOn: z.string() }).nullable(),
  location: z.string().nullable(),
});

export interface DosingRouteOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly knowledge: ClinicKnowledge;
}

/** Dose preview for any staff member, and the server-side record of a patient's dose. */
export const dosingRoutes: FastifyPluginAsyncZod<DosingRouteOptions> = async (
  app,
  { db, clock, knowledge },
) => {
  const { kb } = knowledge;

  app.post(
    '/api/dose/preview',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['dosing'],
        summary:
          'Calculate a dose, volumes and pump rate with the clinic’s guardrails (nothing stored)',
        body: PreviewBody,
        response: {
          200: z.object({ knowledgeVersion: z.string(), result: DoseJsonSchema }),
          ...problems(400, 401, 403),
        },
      },
    },
    (request) => {
      // The server's clock dates the calculation, so a weight's age is always checked.
      const outcome = calculateDose(kb, { ...request.body, asOf: clock.now().toISOString() });
      if (!outcome.ok) {
        const errors = toFieldErrors(outcome.error);
        throw new AppError(
          'VALIDATION.FAILED',
          errors.map((e) => `${e.path}: ${e.message}`).join('; '),
          errors,
        );
      }
      return { knowledgeVersion: kb.knowledgeVersion, result: doseToJson(outcome.value) };
    },
  );

  app.post(
    '/api/patients/:id/dose-calculations',
    {
      preHandler: requireRole('nurse', 'prescriber'),
      schema: {
        tags: ['dosing'],
        summary:
          'Recompute a dose from the patient’s recorded weight, height and sex, and store it',
        description:
          'Refuses with 422 DOSE.BLOCKED when a hard limit is hit, DOSE.OVERRIDE_REASON_REQUIRED when a soft limit has no reason in `overrides`, and DOSE.NO_WEIGHT when no weight is recorded. A DOSE.BLOCKED or DOSE.OVERRIDE_REASON_REQUIRED problem lists the calculation’s `limits` as the 201 does, with `basis` and `clinicSetting`, so a refusal by a clinic setting says so. Every attempt is audited.',
        params: z.object({ id: Uuid }),
        body: RecordBody,
        response: { 201: DoseCalculation, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const patientId = request.params.id;
      const { user } = requireAuth(request);
      await assertPatientAccess(db, request, patientId, 'patient.dose-calculation.create');
      const { purpose, ...chosen } = request.body;
      // Absent and undefined are the same to the calculator; drop undefined for exact types.
      const body = Object.fromEntries(
        Object.entries(chosen).filter(([, value]) => value !== undefined),
      ) as RecordedDoseRequest;
      const id = await recordDoseCalculation(db, request, {
        kb,
        patientId,
        userId: user.id,
        body,
        purpose,
        now: clock.now(),
      });
      const [saved] = await listDoseCalculations(db, patientId, id);
      if (!saved) throw new Error('stored dose calculation not found');
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/api/patients/:id/dose-calculations',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['dosing'],
        summary: 'A patient’s stored dose calculations, newest first',
        params: z.object({ id: Uuid }),
        response: {
          200: z.object({ items: z.array(DoseCalculation) }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (request) => {
      const patientId = request.params.id;
      await assertPatientAccess(db, request, patientId, 'patient.dose-calculation.list');
      const items = await listDoseCalculations(db, patientId);
      await appendAudit(db, request, {
        action: 'patient.dose-calculation.list',
        resourceType: 'DoseCalculation',
        patientId,
        outcome: 'success',
        detail: { count: items.length },
      });
      return { items };
    },
  );
};
