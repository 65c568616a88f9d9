/**
 * The server is the authority on doses: it takes the patient's recorded weight, height and sex
 * itself, recomputes with the clinic's knowledge base through the same core code the browser
 * runs, refuses what a hard limit blocks or a soft limit holds without a reason, and stores the
 * calculation with its audit row in one transaction. Later features (orders, charting) call
 * `recordDoseCalculation` with their own purpose; the session start prepares the dose first
 * (`prepareDoseCalculation`) and stores it in the session's transaction (`insertDoseCalculation`).
 */
import {
  calculateDose,
  doseToJson,
  type DoseJson,
  type DoseRequest,
  type KnowledgeBase,
  type Problem,
} from '@ketaflow/core';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Database, Executor } from '../../db/client';
import {
  doseCalculations,
  locations,
  patientHeights,
  patients,
  patientWeights,
  users,
  type DosePurpose,
} from '../../db/schema/index';
import { AppError, type FieldError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';

/** Core problems as API field errors, under `body.`. */
export function toFieldErrors(problems: readonly Problem[]): FieldError[] {
  return problems.map((p) => ({
    path: p.path ? `body.${p.path}` : 'body',
    message: p.message,
  }));
}

/** What a client may choose; the patient's measurements come from the record. */
export type RecordedDoseRequest = Omit<
  DoseRequest,
  'weight' | 'height' | 'sex' | 'lastRecordedWeight' | 'asOf'
>;

export interface DoseCalculationDto {
  readonly id: string;
  readonly patientId: string;
  readonly purpose: DosePurpose;
  readonly createdAt: string;
  readonly createdBy: { readonly id: string; readonly displayName: string };
  readonly knowledgeVersion: string;
  readonly request: Record<string, unknown>;
  readonly result: DoseJson;
  readonly weightUsed: { readonly valueKg: number; readonly measuredOn: string } | null;
  readonly location: string | null;
}

interface PatientMeasures {
  readonly weight: { id: string; weightKg: number; measuredOn: string } | undefined;
  readonly previousWeight: { weightKg: number; measuredOn: string } | undefined;
  readonly heightCm: number | undefined;
  readonly sex: 'female' | 'male' | undefined;
}

async function loadMeasures(executor: Executor, patientId: string): Promise<PatientMeasures> {
  const weights = await executor
    .select({
      id: patientWeights.id,
      weightKg: patientWeights.weightKg,
      measuredOn: patientWeights.measuredOn,
    })
    .from(patientWeights)
    .where(eq(patientWeights.patientId, patientId))
    .orderBy(desc(patientWeights.measuredOn), desc(patientWeights.createdAt))
    .limit(2);
  const [height] = await executor
    .select({ heightCm: patientHeights.heightCm })
    .from(patientHeights)
    .where(eq(patientHeights.patientId, patientId))
    .orderBy(desc(patientHeights.measuredOn), desc(patientHeights.createdAt))
    .limit(1);
  const [patient] = await executor
    .select({ sex: patients.sex })
    .from(patients)
    .where(eq(patients.id, patientId));
  const [latest, previous] = weights;
  return {
    weight: latest && { ...latest, weightKg: Number(latest.weightKg) },
    previousWeight: previous && {
      weightKg: Number(previous.weightKg),
      measuredOn: previous.measuredOn,
    },
    heightCm: height ? Number(height.heightCm) : undefined,
    sex: patient?.sex === 'female' || patient?.sex === 'male' ? patient.sex : undefined,
  };
}

async function locationIdFor(executor: Executor, code: string | undefined) {
  if (code === undefined) return null;
  const [row] = await executor
    .select({ id: locations.id })
    .from(locations)
    .where(eq(locations.code, code));
  if (!row) {
    throw new AppError('VALIDATION.FAILED', `body.location: no location has the code ${code}`, [
      { path: 'body.location', message: `no location has the code ${code}` },
    ]);
  }
  return row.id;
}

/** A dose the server has recomputed and accepted, not yet stored (see `insertDoseCalculation`). */
export interface PreparedDoseCalculation {
  readonly patientId: string;
  readonly purpose: DosePurpose;
  readonly userId: string;
  readonly now: Date;
  readonly knowledgeVersion: string;
  readonly locationId: string | null;
  readonly weightId: string | null;
  readonly request: DoseRequest;
  readonly result: DoseJson;
  readonly overrides: readonly { readonly code: string; readonly reason: string }[];
}

/**
 * Recomputes a dose for a patient from their record and decides whether it may be stored; stores
 * nothing but the audit row of a refusal. Throws `DOSE.NO_WEIGHT`, `VALIDATION.FAILED` (with field
 * paths), `DOSE.BLOCKED` or `DOSE.OVERRIDE_REASON_REQUIRED`; each refusal is audited with its codes
 * (never the values), with `db`, so that it stays audited whatever the caller does next.
 */
export async function prepareDoseCalculation(
  db: Database,
  request: FastifyRequest,
  args: {
    readonly kb: KnowledgeBase;
    readonly patientId: string;
    readonly userId: string;
    readonly body: RecordedDoseRequest;
    readonly purpose: DosePurpose;
    readonly now: Date;
  },
): Promise<PreparedDoseCalculation> {
  const { kb, patientId, body } = args;
  const refuse = async (error: AppError, detail: Record<string, unknown>) => {
    await appendAudit(db, request, {
      action: 'patient.dose-calculation.create',
      resourceType: 'DoseCalculation',
      patientId,
      outcome: 'invalid',
      detail: { code: error.code, ...detail },
    });
    return error;
  };
  const measures = await loadMeasures(db, patientId);
  const isNasal = body.product === 'esketamine-nasal';
  if (!isNasal && measures.weight === undefined) {
    throw await refuse(
      new AppError(
        'DOSE.NO_WEIGHT',
        'Record the patient’s weight first: a dose is never calculated without one.',
      ),
      {},
    );
  }
  const full: DoseRequest = isNasal
    ? body
    : {
        ...body,
        ...(measures.weight && {
          weight: {
            value: measures.weight.weightKg,
            unit: 'kg',
            measuredOn: measures.weight.measuredOn,
          },
        }),
        ...(measures.heightCm !== undefined && {
          height: { value: measures.heightCm, unit: 'cm' },
        }),
        ...(measures.sex && { sex: measures.sex }),
        ...(measures.previousWeight && {
          lastRecordedWeight: {
            valueKg: measures.previousWeight.weightKg,
            measuredOn: measures.previousWeight.measuredOn,
          },
        }),
        asOf: args.now.toISOString(),
      };
  const outcome = calculateDose(kb, full);
  if (!outcome.ok) {
    const errors = toFieldErrors(outcome.error);
    throw await refuse(
      new AppError(
        'VALIDATION.FAILED',
        errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        errors,
      ),
      { fields: errors.map((e) => e.path) },
    );
  }
  const result = doseToJson(outcome.value);
  // Every limit as the calculation gives it: a prescriber must see a clinic setting as one.
  const limits = result.limits;
  if (result.blocked) {
    const hard = result.limits.filter((l) => l.level === 'hard');
    throw await refuse(
      new AppError(
        'DOSE.BLOCKED',
        hard.map((l) => l.message).join('; '),
        hard.map((l) => ({ path: 'body', message: `${l.code}: ${l.message}` })),
        limits,
      ),
      { limits: hard.map((l) => l.code) },
    );
  }
  if (result.requiresOverride) {
    const open = result.limits.filter((l) => l.level === 'soft' && !l.overridden);
    throw await refuse(
      new AppError(
        'DOSE.OVERRIDE_REASON_REQUIRED',
        `Give a reason for each soft limit: ${open.map((l) => l.code).join(', ')}`,
        open.map((l) => ({ path: 'body.overrides', message: `${l.code}: ${l.message}` })),
        limits,
      ),
      { limits: open.map((l) => l.code) },
    );
  }
  const overrides = result.limits
    .filter((l) => l.overridden)
    .map((l) => ({ code: l.code, reason: l.reason ?? '' }));
  const locationId = await locationIdFor(db, body.location);
  return {
    patientId,
    purpose: args.purpose,
    userId: args.userId,
    now: args.now,
    knowledgeVersion: kb.knowledgeVersion,
    locationId,
    weightId: isNasal ? null : (measures.weight?.id ?? null),
    request: full,
    result,
    overrides,
  };
}

/**
 * Stores a prepared calculation with its success audit row through `executor`: the caller's
 * transaction, so that the row commits together with whatever uses it, or not at all.
 */
export async function insertDoseCalculation(
  executor: Executor,
  request: FastifyRequest,
  prepared: PreparedDoseCalculation,
): Promise<string> {
  const { result, overrides, patientId } = prepared;
  const [row] = await executor
    .insert(doseCalculations)
    .values({
      patientId,
      purpose: prepared.purpose,
      product: result.product,
      indication: result.indication,
      locationId: prepared.locationId,
      weightId: prepared.weightId,
      knowledgeVersion: prepared.knowledgeVersion,
      request: prepared.request,
      result,
      blocked: false,
      overrides: [...overrides],
      createdBy: prepared.userId,
      createdAt: prepared.now,
    })
    .returning({ id: doseCalculations.id });
  if (!row) throw new Error('insert into dose_calculations returned no row');
  await appendAudit(executor, request, {
    action: 'patient.dose-calculation.create',
    resourceType: 'DoseCalculation',
    resourceId: row.id,
    patientId,
    outcome: 'success',
    detail: { purpose: prepared.purpose, overridden: overrides.map((o) => o.code) },
  });
  return row.id;
}

/**
 * Recomputes a dose for a patient from their record and stores it with its audit row in one
 * transaction of its own. Refuses as `prepareDoseCalculation` does. A caller that must store the
 * dose together with other rows (the session start) prepares, then inserts in its transaction.
 */
export async function recordDoseCalculation(
  db: Database,
  request: FastifyRequest,
  args: Parameters<typeof prepareDoseCalculation>[2],
): Promise<string> {
  const prepared = await prepareDoseCalculation(db, request, args);
  return db.transaction((tx) => insertDoseCalculation(tx, request, prepared));
}

/** Stored calculations of a patient, newest first (or one, by id). */
export async function listDoseCalculations(
  executor: Executor,
  patientId: string,
  id?: string,
): Promise<DoseCalculationDto[]> {
  const rows = await executor
    .select({
      c: doseCalculations,
      by: { id: users.id, displayName: users.displayName },
      locationCode: locations.code,
      weight: { weightKg: patientWeights.weightKg, measuredOn: patientWeights.measuredOn },
    })
    .from(doseCalculations)
    .innerJoin(users, eq(users.id, doseCalculations.createdBy))
    .leftJoin(locations, eq(locations.id, doseCalculations.locationId))
    .leftJoin(patientWeights, eq(patientWeights.id, doseCalculations.weightId))
    .where(
      id === undefined
        ? eq(doseCalculations.patientId, patientId)
        : and(eq(doseCalculations.patientId, patientId), eq(doseCalculations.id, id)),
    )
    .orderBy(desc(doseCalculations.createdAt), desc(doseCalculations.id))
    .limit(200);
  return rows.map(({ c, by, locationCode, weight }) => ({
    id: c.id,
    patientId: c.patientId,
    purpose: c.purpose,
    createdAt: c.createdAt.toISOString(),
    createdBy: by,
    knowledgeVersion: c.knowledgeVersion,
    request: c.request as Record<string, unknown>,
    result: c.result as DoseJson,
    weightUsed: weight ? { valueKg: Number(weight.weightKg), measuredOn: weight.measuredOn } : null,
    location: locationCode,
  }));
}
