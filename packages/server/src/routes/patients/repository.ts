import { and, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  allergies,
  bloodPressures,
  intakes,
  reproductiveStatuses,
  conditions,
  medications,
  patientHeights,
  patients,
  patientWeights,
} from '../../db/schema/index';
import type { PatientCreateInput, PatientDto, PatientSummaryDto } from './schemas';
import { readAll } from '../../db/read-all';
import {
  COUNTING,
  HISTORY_LISTS,
  historyListState,
  isNotRecordedSql,
  NONE_KNOWN_KEY,
  type HistoryList,
} from './history-lists';
import { onlineAccountSql, toOnlineAccount, unconfirmedAccountSql } from './online-account';

type PatientRow = typeof patients.$inferSelect;

/** Creates a patient with a fresh medical record number. */
export async function insertPatient(
  executor: Executor,
  input: PatientCreateInput,
  now: Date,
): Promise<PatientRow> {
  const [row] = await executor
    .insert(patients)
    .values({
      givenName: input.givenName,
      familyName: input.familyName,
      birthDate: input.birthDate,
      sex: input.sex,
      email: input.email ?? null,
      phone: input.phone ?? null,
      addressLine: input.addressLine ?? null,
      city: input.city ?? null,
      postalCode: input.postalCode ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert into patients returned no row');
  return row;
}

export async function findPatientRow(
  executor: Executor,
  id: string,
): Promise<PatientRow | undefined> {
  const [row] = await executor.select().from(patients).where(eq(patients.id, id)).limit(1);
  return row;
}

// The outer column is spelt out: drizzle renders a lone column unqualified, which the subquery would
// resolve to its own table.
const latestWeightSql = sql<{ weightKg: string; measuredOn: string } | null>`(
  select json_build_object('weightKg', w.weight_kg, 'measuredOn', w.measured_on)
  from patient_weights w where w.patient_id = "patients"."id"
  order by w.measured_on desc, w.created_at desc limit 1)`;

function toLatestWeight(
  raw: { weightKg: string | number; measuredOn: string } | null,
): PatientSummaryDto['latestWeight'] {
  return raw ? { weightKg: Number(raw.weightKg), measuredOn: raw.measuredOn } : null;
}

export interface PatientSearch {
  /** Name or MRN, in part. */
  readonly query: string | undefined;
  /** Only patients with a history list not recorded. */
  readonly incompleteHistory: boolean;
  /** Only patients whose online account's address is not confirmed. */
  readonly unconfirmedAccount: boolean;
  readonly page: number;
  readonly pageSize: number;
}

function nameOrMrnMatches(query: string | undefined): SQL | undefined {
  if (!query) return undefined;
  const term = `%${query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return or(
    ilike(patients.familyName, term),
    ilike(patients.givenName, term),
    ilike(patients.mrn, term),
    ilike(sql`${patients.givenName} || ' ' || ${patients.familyName}`, term),
  );
}

export async function searchPatients(
  executor: Executor,
  search: PatientSearch,
): Promise<{ items: PatientSummaryDto[]; total: number }> {
  const notRecorded = {
    conditions: isNotRecordedSql(executor, 'conditions'),
    medications: isNotRecordedSql(executor, 'medications'),
    allergies: isNotRecordedSql(executor, 'allergies'),
  };
  const where = and(
    nameOrMrnMatches(search.query),
    search.incompleteHistory ? or(...HISTORY_LISTS.map((list) => notRecorded[list])) : undefined,
    search.unconfirmedAccount ? unconfirmedAccountSql : undefined,
  );
  const [totalRow] = await executor.select({ n: count() }).from(patients).where(where);
  const rows = await executor
    .select({
      id: patients.id,
      mrn: patients.mrn,
      givenName: patients.givenName,
      familyName: patients.familyName,
      birthDate: patients.birthDate,
      sex: patients.sex,
      latestWeight: latestWeightSql,
      account: onlineAccountSql,
      conditionsNotRecorded: notRecorded.conditions,
      medicationsNotRecorded: notRecorded.medications,
      allergiesNotRecorded: notRecorded.allergies,
    })
    .from(patients)
    .where(where)
    .orderBy(patients.familyName, patients.givenName, patients.id)
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize);
  return {
    total: totalRow?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      mrn: r.mrn,
      givenName: r.givenName,
      familyName: r.familyName,
      birthDate: r.birthDate,
      sex: r.sex,
      latestWeight: toLatestWeight(r.latestWeight),
      account: toOnlineAccount(r.account),
      unrecordedLists: HISTORY_LISTS.filter((list) => r[`${list}NotRecorded`]),
    })),
  };
}

const nullable = (v: string | null | undefined): string | null => v ?? null;

/** The whole record of one patient, lists newest first; undefined when no such patient. */
export async function loadPatient(executor: Executor, id: string): Promise<PatientDto | undefined> {
  const row = await findPatientRow(executor, id);
  if (!row) return undefined;
  const [
    weights,
    heights,
    allergyRows,
    conditionRows,
    medicationRows,
    bpRows,
    reproRows,
    intakeRows,
    [accountRow],
  ] = await readAll(executor, [
    executor
      .select()
      .from(patientWeights)
      .where(eq(patientWeights.patientId, id))
      .orderBy(desc(patientWeights.measuredOn), desc(patientWeights.createdAt)),
    executor
      .select()
      .from(patientHeights)
      .where(eq(patientHeights.patientId, id))
      .orderBy(desc(patientHeights.measuredOn), desc(patientHeights.createdAt)),
    executor
      .select()
      .from(allergies)
      .where(eq(allergies.patientId, id))
      .orderBy(desc(allergies.createdAt)),
    executor
      .select()
      .from(conditions)
      .where(eq(conditions.patientId, id))
      .orderBy(desc(conditions.createdAt)),
    executor
      .select()
      .from(medications)
      .where(eq(medications.patientId, id))
      .orderBy(desc(medications.createdAt)),
    executor
      .select()
      .from(bloodPressures)
      .where(eq(bloodPressures.patientId, id))
      .orderBy(desc(bloodPressures.measuredOn), desc(bloodPressures.createdAt)),
    executor
      .select()
      .from(reproductiveStatuses)
      .where(eq(reproductiveStatuses.patientId, id))
      .orderBy(desc(reproductiveStatuses.recordedOn), desc(reproductiveStatuses.createdAt)),
    executor
      .select()
      .from(intakes)
      .where(eq(intakes.patientId, id))
      .orderBy(desc(intakes.createdAt)),
    executor.select({ account: onlineAccountSql }).from(patients).where(eq(patients.id, id)),
  ]);
  const latest = weights[0];
  const list = (list: HistoryList, counting: number) => {
    const at = row[NONE_KNOWN_KEY[list]];
    const state = historyListState(counting, at);
    return { state, noneKnownAt: state === 'none-known' && at ? at.toISOString() : null };
  };
  return {
    id: row.id,
    mrn: row.mrn,
    givenName: row.givenName,
    familyName: row.familyName,
    birthDate: row.birthDate,
    sex: row.sex,
    email: row.email,
    phone: row.phone,
    addressLine: row.addressLine,
    city: row.city,
    postalCode: row.postalCode,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    latestWeight: latest
      ? { weightKg: Number(latest.weightKg), measuredOn: latest.measuredOn }
      : null,
    account: toOnlineAccount(accountRow?.account ?? null),
    weights: weights.map((w) => ({
      id: w.id,
      weightKg: Number(w.weightKg),
      measuredOn: w.measuredOn,
      enteredUnit: w.enteredUnit,
      enteredValue: Number(w.enteredValue),
    })),
    heights: heights.map((h) => ({
      id: h.id,
      heightCm: Number(h.heightCm),
      measuredOn: h.measuredOn,
    })),
    allergies: allergyRows.map((a) => ({
      id: a.id,
      substance: a.substance,
      codeSystem: nullable(a.codeSystem),
      code: nullable(a.code),
      reaction: nullable(a.reaction),
      criticality: nullable(a.criticality),
      status: a.status,
    })),
    conditions: conditionRows.map((c) => ({
      id: c.id,
      text: c.text,
      codeSystem: nullable(c.codeSystem),
      code: nullable(c.code),
      clinicalStatus: c.clinicalStatus,
      verificationStatus: c.verificationStatus,
      onsetDate: nullable(c.onsetDate),
      abatementDate: nullable(c.abatementDate),
    })),
    medications: medicationRows.map((m) => ({
      id: m.id,
      text: m.text,
      rxnormCode: nullable(m.rxnormCode),
      doseText: nullable(m.doseText),
      status: m.status,
      startedOn: nullable(m.startedOn),
      stoppedOn: nullable(m.stoppedOn),
    })),
    bloodPressures: bpRows.map((b) => ({
      id: b.id,
      systolicMmHg: b.systolicMmHg,
      diastolicMmHg: b.diastolicMmHg,
      measuredOn: b.measuredOn,
      source: b.source,
    })),
    reproductiveStatuses: reproRows.map((r) => ({
      id: r.id,
      pregnancy: r.pregnancy,
      breastfeeding: r.breastfeeding,
      recordedOn: r.recordedOn,
      source: r.source,
    })),
    historyLists: {
      conditions: list('conditions', conditionRows.filter(COUNTING.conditions).length),
      medications: list('medications', medicationRows.filter(COUNTING.medications).length),
      allergies: list('allergies', allergyRows.filter(COUNTING.allergies).length),
    },
    intakes: intakeRows.map((i) => ({
      id: i.id,
      outcome: i.outcome,
      answers: i.answers as Record<string, unknown>,
      knowledgeVersion: i.knowledgeVersion,
      createdAt: i.createdAt.toISOString(),
    })),
  };
}

export async function medicationBelongsTo(
  executor: Executor,
  patientId: string,
  medicationId: string,
): Promise<boolean> {
  const [row] = await executor
    .select({ id: medications.id })
    .from(medications)
    .where(and(eq(medications.id, medicationId), eq(medications.patientId, patientId)))
    .limit(1);
  return row !== undefined;
}

export async function touchPatient(executor: Executor, id: string, now: Date): Promise<void> {
  await executor.update(patients).set({ updatedAt: now }).where(eq(patients.id, id));
}
