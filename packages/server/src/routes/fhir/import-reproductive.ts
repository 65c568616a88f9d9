/**
 * Pregnancy status (LOINC 82810-3) and breastfeeding status (LOINC 63895-7) Observations, kept in
 * `reproductive_statuses`, whose rows hold both as recorded on one day (the latest row wins). Each
 * Observation fills its half of the clinic's row for its day, so that a pregnancy and a
 * breastfeeding status recorded together stay together; with no row that day, it starts one
 * whose other half is not stated (null: screening takes it from an older row that states it).
 */
import { BREASTFEEDING_STATUS_ANSWERS, PREGNANCY_STATUS_ANSWERS } from '@ketaflow/core';
import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { reproductiveStatuses } from '../../db/schema/index';
import { codesOf, type Json } from './fhir-read';

export interface Upsert {
  readonly table: string;
  /** The Observation id prefix of the row's FHIR view, when a table has more than one. */
  readonly prefix?: string;
  /** Inserts the row for `patientId`, who may have been created by this same import. */
  insert(patientId: string): Promise<string>;
  update(id: string): Promise<void>;
}

const PREGNANCY_STATUS = '82810-3';
const BREASTFEEDING_STATUS = '63895-7';

type Half =
  | { readonly pregnancy: 'pregnant' | 'not-pregnant' | 'unknown' }
  | { readonly breastfeeding: 'yes' | 'no' | 'unknown' };

/** The half of a row a status Observation gives, or undefined for another Observation. */
function halfOf(res: Json, loinc: readonly string[]): Half | undefined {
  const answers = codesOf(res.valueCodeableConcept).map((c) => c.code);
  if (loinc.includes(PREGNANCY_STATUS))
    return {
      pregnancy:
        answers.map((c) => PREGNANCY_STATUS_ANSWERS[c]).find((s) => s !== undefined) ?? 'unknown',
    };
  if (loinc.includes(BREASTFEEDING_STATUS))
    return {
      breastfeeding:
        answers.map((c) => BREASTFEEDING_STATUS_ANSWERS[c]).find((s) => s !== undefined) ??
        'unknown',
    };
  return undefined;
}

/** How a pregnancy or breastfeeding status Observation is kept; undefined for any other. */
export function planReproductiveStatus(
  tx: Transaction,
  res: Json,
  loinc: readonly string[],
  date: string,
  now: Date,
): Upsert | undefined {
  const half = halfOf(res, loinc);
  if (half === undefined) return undefined;
  const prefix = 'pregnancy' in half ? 'pregnancy' : 'breastfeeding';
  return {
    table: 'reproductive_statuses',
    prefix,
    insert: async (patientId) => {
      const [sameDay] = await tx
        .select({ id: reproductiveStatuses.id })
        .from(reproductiveStatuses)
        .where(
          and(
            eq(reproductiveStatuses.patientId, patientId),
            eq(reproductiveStatuses.recordedOn, date),
            eq(reproductiveStatuses.source, 'clinic'),
          ),
        )
        .limit(1);
      if (sameDay) {
        await tx
          .update(reproductiveStatuses)
          .set(half)
          .where(eq(reproductiveStatuses.id, sameDay.id));
        return sameDay.id;
      }
      const [row] = await tx
        .insert(reproductiveStatuses)
        .values({
          patientId,
          // The other half is not stated by this Observation: null, never 'unknown' (an answer).
          pregnancy: null,
          breastfeeding: null,
          ...half,
          recordedOn: date,
          source: 'clinic',
          createdAt: now,
        })
        .returning({ id: reproductiveStatuses.id });
      if (!row) throw new Error('insert returned no row');
      return row.id;
    },
    update: async (id) => {
      await tx
        .update(reproductiveStatuses)
        .set({ ...half, recordedOn: date })
        .where(eq(reproductiveStatuses.id, id));
    },
  };
}
