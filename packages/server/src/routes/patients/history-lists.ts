/**
 * Whether a patient's conditions, medicines and allergies were taken at all. A list with an entry
 * is held; an empty one is held only when a clinician recorded that there is none known (the
 * `*_none_known_at` columns). Otherwise it is not recorded, and screening reads it as unknown
 * (core `SCREEN.MISSING_*_LIST`), never as "none".
 */
import { HISTORY_LISTS, type HistoryList } from '@ketaflow/core';
import { and, count, eq, isNull, ne, notExists, sql, type SQL } from 'drizzle-orm';
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

const ENTERED_IN_ERROR = 'entered-in-error';

/**
 * What makes a row an entry of its list, defined once: any row but one entered in error, which says
 * nothing about the patient. The rule is the field that can say so; allergies have none (their
 * status is active, inactive or resolved, and the FHIR import leaves out allergies entered in
 * error), so every allergy row counts. COUNTING reads it row by row, COUNTING_WHERE in SQL.
 */
const ERROR_STATUS_FIELD = {
  conditions: 'verificationStatus',
  medications: 'status',
} as const;

const countsAsEntry =
  <K extends string>(field: K) =>
  (row: Readonly<Record<K, string>>): boolean =>
    row[field] !== ENTERED_IN_ERROR;

/** Which loaded rows make a list held. */
export const COUNTING = {
  conditions: countsAsEntry(ERROR_STATUS_FIELD.conditions),
  medications: countsAsEntry(ERROR_STATUS_FIELD.medications),
  allergies: () => true,
} as const;

/** The same rule as a condition on each list's table; undefined: every row counts. */
const COUNTING_WHERE = {
  conditions: ne(conditions[ERROR_STATUS_FIELD.conditions], ENTERED_IN_ERROR),
  medications: ne(medications[ERROR_STATUS_FIELD.medications], ENTERED_IN_ERROR),
  allergies: undefined,
} as const satisfies Record<HistoryList, SQL | undefined>;

const LIST_TABLE = { conditions, medications, allergies } as const;

/** The rows of `list` that are entries of the patient: an id, or the outer query's patients row. */
function entriesWhere(list: HistoryList, patientId: string | typeof patients.id): SQL | undefined {
  return and(eq(LIST_TABLE[list].patientId, patientId), COUNTING_WHERE[list]);
}

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
  const [row] = await executor
    .select({ n: count() })
    .from(LIST_TABLE[list])
    .where(entriesWhere(list, patientId));
  return row?.n ?? 0;
}

/**
 * SQL over a query from `patients`: true when the row's `list` is not recorded, that is neither
 * stated as none known nor holding an entry. One `exists` per list, so a page of patients is one
 * query however long it is.
 */
export function isNotRecordedSql(executor: Executor, list: HistoryList): SQL<boolean> {
  const entries = executor
    .select({ one: sql`1` })
    .from(LIST_TABLE[list])
    .where(entriesWhere(list, patients.id));
  return sql<boolean>`(${isNull(NONE_KNOWN_COLUMN[list])} and ${notExists(entries)})`;
}
