/**
 * Screening on the server: the patient's record becomes KetaFlow patient JSON (evidence then
 * names each row as `conditions/<id>`, `medications/<id>`, …), core screens it, and the input
 * snapshot, result and knowledge version are stored together. A change to the record marks the
 * patient's current screenings stale and runs each again.
 */
import {
  screenInput,
  type IndicationId,
  type KnowledgeBase,
  type PatientJson,
  type ScreeningProduct,
  type ScreeningResult,
} from '@ketaflow/core';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Executor } from '../../db/client';
import {
  allergies,
  bloodPressures,
  conditions,
  medications,
  patients,
  patientWeights,
  reproductiveStatuses,
  screenings,
  users,
} from '../../db/schema/index';
import { appendAudit } from '../../lib/audit';
import { readAll } from '../../db/read-all';
import {
  COUNTING,
  historyListState,
  NONE_KNOWN_KEY,
  type HistoryList,
} from '../patients/history-lists';

type ScreeningRow = typeof screenings.$inferSelect;
type ConditionJson = NonNullable<PatientJson['conditions']>[number];
type MedicationJson = NonNullable<PatientJson['medications']>[number];

/** The patient's record as core's patient JSON. Every row keeps its id as the evidence id. */
export async function patientJsonFromRecord(
  executor: Executor,
  patientId: string,
): Promise<PatientJson> {
  const [patient] = await executor.select().from(patients).where(eq(patients.id, patientId));
  if (!patient) throw new Error(`patient ${patientId} not found`);
  const [conditionRows, medicationRows, allergyRows, bpRows, weightRows, reproRows] = await readAll(
    executor,
    [
      executor.select().from(conditions).where(eq(conditions.patientId, patientId)),
      executor.select().from(medications).where(eq(medications.patientId, patientId)),
      executor.select().from(allergies).where(eq(allergies.patientId, patientId)),
      executor
        .select()
        .from(bloodPressures)
        .where(eq(bloodPressures.patientId, patientId))
        .orderBy(asc(bloodPressures.measuredOn), asc(bloodPressures.createdAt)),
      executor
        .select()
        .from(patientWeights)
        .where(eq(patientWeights.patientId, patientId))
        .orderBy(asc(patientWeights.measuredOn)),
      executor
        .select()
        .from(reproductiveStatuses)
        .where(eq(reproductiveStatuses.patientId, patientId))
        .orderBy(desc(reproductiveStatuses.recordedOn), desc(reproductiveStatuses.createdAt)),
    ],
  );
  // Each half from the newest row that states it: a row about breastfeeding alone (a FHIR
  // import) must not hide an older pregnancy status, nor the other way round.
  const pregnancyRow = reproRows.find((r) => r.pregnancy !== null);
  const breastfeedingRow = reproRows.find((r) => r.breastfeeding !== null);
  // A list that was not taken is left out (unknown to screening); an empty one is "none known".
  const held = (list: HistoryList, counting: number) =>
    historyListState(counting, patient[NONE_KNOWN_KEY[list]]) !== 'not-recorded';
  const conditionList: NonNullable<PatientJson['conditions']> = conditionRows.map((c) => ({
    id: c.id,
    text: c.text,
    ...(c.code && c.codeSystem
      ? { code: { system: c.codeSystem === 'snomed' ? 'snomed' : 'icd10', code: c.code } }
      : {}),
    // The table's check constraints hold a subset of the FHIR values core accepts.
    clinicalStatus: c.clinicalStatus as NonNullable<ConditionJson['clinicalStatus']>,
    verificationStatus: c.verificationStatus as NonNullable<ConditionJson['verificationStatus']>,
    ...(c.onsetDate ? { onset: c.onsetDate } : {}),
  }));
  const medicationList: NonNullable<PatientJson['medications']> = medicationRows.map((m) => ({
    id: m.id,
    text: m.doseText ? `${m.text} ${m.doseText}` : m.text,
    ...(m.rxnormCode ? { rxnorm: m.rxnormCode } : {}),
    status: m.status as NonNullable<MedicationJson['status']>,
  }));
  // An allergy that is no longer active is not a reason to withhold a drug.
  const allergyList: NonNullable<PatientJson['allergies']> = allergyRows
    .filter((a) => a.status === 'active')
    .map((a) => ({
      id: a.id,
      text: a.substance,
      ...(a.codeSystem === 'rxnorm' && a.code ? { rxnorm: a.code } : {}),
    }));
  const json: PatientJson = {
    id: patient.id,
    birthDate: patient.birthDate,
    sex: patient.sex,
    ...(held('conditions', conditionRows.filter(COUNTING.conditions).length)
      ? { conditions: conditionList }
      : {}),
    ...(held('medications', medicationRows.filter(COUNTING.medications).length)
      ? { medications: medicationList }
      : {}),
    ...(held('allergies', allergyRows.filter(COUNTING.allergies).length)
      ? { allergies: allergyList }
      : {}),
    bloodPressure: bpRows.map((b) => ({
      id: b.id,
      date: b.measuredOn,
      systolicMmHg: b.systolicMmHg,
      diastolicMmHg: b.diastolicMmHg,
    })),
    weight: weightRows.map((w) => ({
      id: w.id,
      date: w.measuredOn,
      valueKg: Number(w.weightKg),
    })),
    ...(pregnancyRow?.pregnancy
      ? { pregnancy: { status: pregnancyRow.pregnancy, recordedOn: pregnancyRow.recordedOn } }
      : {}),
    ...(breastfeedingRow?.breastfeeding
      ? {
          breastfeeding:
            breastfeedingRow.breastfeeding === 'unknown'
              ? 'unknown'
              : breastfeedingRow.breastfeeding === 'yes',
        }
      : {}),
  };
  return json;
}

export interface ScreeningDto {
  readonly id: string;
  readonly patientId: string;
  readonly indication: string;
  readonly product: ScreeningProduct;
  readonly asOf: string;
  readonly status: 'current' | 'stale' | 'signed' | 'signed-stale';
  readonly createdAt: string;
  readonly createdBy: { readonly id: string; readonly displayName: string } | null;
  readonly staleAt: string | null;
  readonly supersededBy: string | null;
  readonly signedAt: string | null;
  readonly signedBy: { readonly id: string; readonly displayName: string } | null;
  readonly acceptances: readonly { readonly code: string; readonly reason: string }[] | null;
  readonly input: Record<string, unknown>;
  readonly result: ScreeningResult;
}

function statusOf(row: ScreeningRow): ScreeningDto['status'] {
  if (row.signedAt) return row.staleAt ? 'signed-stale' : 'signed';
  return row.staleAt ? 'stale' : 'current';
}

/** Runs a screening on the record as it is now and stores it; returns its id. */
export async function runScreening(
  executor: Executor,
  args: {
    readonly kb: KnowledgeBase;
    readonly patientId: string;
    readonly indication: IndicationId;
    readonly product: ScreeningProduct;
    readonly userId: string | null;
    readonly now: Date;
    /** The record as patient JSON, when the caller already read it. */
    readonly input?: PatientJson;
  },
): Promise<string> {
  const input = args.input ?? (await patientJsonFromRecord(executor, args.patientId));
  const asOf = args.now.toISOString().slice(0, 10);
  const outcome = screenInput(input, args.kb, {
    indication: args.indication,
    product: args.product,
    asOf,
  });
  // The record's own rows always parse; a failure here is a bug, not input.
  if (!outcome.ok) throw new Error(`record did not screen: ${JSON.stringify(outcome.error)}`);
  const [row] = await executor
    .insert(screenings)
    .values({
      patientId: args.patientId,
      indication: args.indication,
      product: args.product,
      asOf,
      knowledgeVersion: args.kb.knowledgeVersion,
      input,
      result: outcome.value,
      decision: outcome.value.decision,
      createdBy: args.userId,
      createdAt: args.now,
    })
    .returning({ id: screenings.id });
  if (!row) throw new Error('insert into screenings returned no row');
  return row.id;
}

/**
 * After a change to a patient's record: every screening that was not yet stale becomes stale,
 * and each (indication, product) pair is screened again, in the same transaction as the change.
 */
export async function rescreenAfterChange(
  tx: Executor,
  request: FastifyRequest,
  args: {
    readonly kb: KnowledgeBase;
    readonly patientId: string;
    readonly now: Date;
    readonly userId: string | null;
  },
): Promise<void> {
  const open = await tx
    .select()
    .from(screenings)
    .where(and(eq(screenings.patientId, args.patientId), isNull(screenings.staleAt)));
  if (open.length === 0) return;
  // Every open screening sees the same record: read it once.
  const input = await patientJsonFromRecord(tx, args.patientId);
  for (const old of open) {
    const id = await runScreening(tx, {
      input,
      kb: args.kb,
      patientId: args.patientId,
      indication: old.indication as IndicationId,
      product: old.product,
      userId: args.userId,
      now: args.now,
    });
    await tx
      .update(screenings)
      .set({ staleAt: args.now, supersededBy: id })
      .where(eq(screenings.id, old.id));
    await appendAudit(tx, request, {
      action: 'patient.screening.rescreen',
      resourceType: 'Screening',
      resourceId: id,
      patientId: args.patientId,
      outcome: 'success',
      detail: { replaces: old.id },
    });
  }
}

const signer = users;

/** Screenings of a patient, newest first, or one by id. */
export async function loadScreenings(
  executor: Executor,
  where: { readonly patientId?: string; readonly id?: string },
): Promise<ScreeningDto[]> {
  const condition =
    where.id !== undefined
      ? eq(screenings.id, where.id)
      : eq(screenings.patientId, where.patientId ?? '');
  const rows = await executor
    .select()
    .from(screenings)
    .where(condition)
    .orderBy(desc(screenings.createdAt), desc(screenings.id))
    .limit(100);
  const ids = new Set<string>();
  for (const r of rows) {
    if (r.createdBy) ids.add(r.createdBy);
    if (r.signedBy) ids.add(r.signedBy);
  }
  const names = new Map<string, string>();
  for (const id of ids) {
    const [u] = await executor
      .select({ id: signer.id, displayName: signer.displayName })
      .from(signer)
      .where(eq(signer.id, id));
    if (u) names.set(u.id, u.displayName);
  }
  const person = (id: string | null) =>
    id === null ? null : { id, displayName: names.get(id) ?? 'unknown' };
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patientId,
    indication: r.indication,
    product: r.product,
    asOf: r.asOf,
    status: statusOf(r),
    createdAt: r.createdAt.toISOString(),
    createdBy: person(r.createdBy),
    staleAt: r.staleAt?.toISOString() ?? null,
    supersededBy: r.supersededBy,
    signedAt: r.signedAt?.toISOString() ?? null,
    signedBy: person(r.signedBy),
    acceptances: r.acceptances as ScreeningDto['acceptances'],
    input: r.input as Record<string, unknown>,
    result: r.result as ScreeningResult,
  }));
}
