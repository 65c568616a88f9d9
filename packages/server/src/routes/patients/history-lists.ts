/**
 * Whether a patient's conditions, medicines and allergies were taken at all. A list with an entry
 * is held; an empty one is held only when a clinician recorded that there is none known (the
 * `*_none_known_at` columns). Otherwise it is not recorded, and screening reads it as unknown
 * (core `SCREEN.MISSING_*_LIST`), never as "none".
 */
import { HISTORY_LISTS, type HistoryList } from '@ketaflow/core';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client';
import { allergies, conditions, medications, patients } from '../../db/schema/index';

export { HISTORY_LISTS, type HistoryList };

export const HISTORY_LIST_STATES = ['entries', 'none-known', 'not-recorded'] as const;
export type HistoryListState = (typeof HISTORY_LIST_STATES)[number];

/** The patients column of each list's "none known" statement. */
export const NONE_KNOWN_COLUMN = {
  conditions: patients.conditionsNoneKnownAt,
  medications: patients.medicationsNoneKnownAt,
  allergies: patients.allergiesNoneKnownAt,
} as const;

/** The patients row's property of each list's "none known" statement. */
export const NONE_KNOWN_KEY = {
  conditions: 'conditionsNoneKnownAt',
  medications: 'medicationsNoneKnownAt',
  allergies: 'allergiesNoneKnownAt',
} as const satisfies Record<HistoryList, keyof typeof patients.$inferSelect>;

/** Which rows make a list held: a record entered in error says nothing about the patient. */
export const COUNTING = {
  conditions: (row: { readonly verificationStatus: string }) =>
    row.verificationStatus !== 'entered-in-error',
  medications: (row: { readonly status: string }) => row.status !== 'entered-in-error',
  allergies: () => true,
} as const;

export function historyListState(
  countingEntries: number,
  noneKnownAt: Date | null,
): HistoryListState {
  if (countingEntries > 0) return 'entries';
  return noneKnownAt === null ? 'not-recorded' : 'none-known';
}

export const HistoryListSchema = z.object({
  state: z
    .enum(HISTORY_LIST_STATES)
    .describe(
      '"entries": the list has an entry; "none-known": a clinician recorded that there is none; "not-recorded": neither, so screening reads it as unknown.',
    ),
  noneKnownAt: z
    .string()
    .nullable()
    .describe('When "none known" was recorded; null when it was not (or an entry replaced it).'),
});

export const HistoryListsSchema = z.object({
  conditions: HistoryListSchema,
  medications: HistoryListSchema,
  allergies: HistoryListSchema,
});
export type HistoryListsDto = z.infer<typeof HistoryListsSchema>;

export const HistoryListParams = z.object({
  id: z.uuid(),
  list: z.enum(HISTORY_LISTS),
});

/** Records (`at`) or withdraws (null) the statement that `list` has none known. */
export async function setNoneKnown(
  executor: Executor,
  patientId: string,
  list: HistoryList,
  at: Date | null,
): Promise<void> {
  await executor
    .update(patients)
    .set({ [NONE_KNOWN_KEY[list]]: at })
    .where(eq(patients.id, patientId));
}

/** How many entries of `list` make it held (entries entered in error do not). */
export async function countingEntries(
  executor: Executor,
  patientId: string,
  list: HistoryList,
): Promise<number> {
  switch (list) {
    case 'conditions': {
      const rows = await executor
        .select({ verificationStatus: conditions.verificationStatus })
        .from(conditions)
        .where(eq(conditions.patientId, patientId));
      return rows.filter(COUNTING.conditions).length;
    }
    case 'medications': {
      const rows = await executor
        .select({ status: medications.status })
        .from(medications)
        .where(eq(medications.patientId, patientId));
      return rows.filter(COUNTING.medications).length;
    }
    case 'allergies': {
      const rows = await executor
        .select({ id: allergies.id })
        .from(allergies)
        .where(eq(allergies.patientId, patientId));
      return rows.filter(COUNTING.allergies).length;
    }
  }
}
