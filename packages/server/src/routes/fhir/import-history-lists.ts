/**
 * Importing the HL7 IPS absent/unknown statements (core IPS_ABSENT_UNKNOWN_CODES): an
 * AllergyIntolerance, Condition or MedicationStatement that says a list has none known, or that
 * there is no information, is never kept as an entry. "None known" for a whole list records the
 * list's none-known statement; "no information" keeps nothing (the list stays not recorded). An
 * entry of the list, already on the record or in the same bundle, wins over "none known". An
 * entry the import keeps withdraws "none known", as adding one through the API does.
 */
import {
  absentUnknownOf,
  HISTORY_LIST_OF_TYPE,
  isWithdrawnStatement,
  medicationConceptOf,
  type AbsentUnknownCode,
  type MedicationIndex,
} from '@ketaflow/core';
import type { Transaction } from '../../db/client';
import { patients } from '../../db/schema/index';
import {
  countingEntries,
  NONE_KNOWN_KEY,
  setNoneKnown,
  type HistoryList,
} from '../patients/history-lists';
import { eq } from 'drizzle-orm';
import { NONE_KNOWN_ID_PREFIX } from './history-list-resources';
import { operationOutcome } from './outcome';
import type { Json } from './fhir-read';

const NAMES: Readonly<Record<HistoryList, string>> = {
  conditions: 'conditions',
  medications: 'medicines',
  allergies: 'allergies',
};

/** An IPS statement found in the bundle, for a patient, at entry `index`. */
export interface ListStatement {
  readonly index: number;
  readonly type: string;
  readonly patientId: string;
  readonly list: HistoryList;
  readonly code: AbsentUnknownCode & { readonly code: string };
  readonly withdrawn: boolean;
  /** The statement is coded for another list than its resource type holds. */
  readonly misplaced: boolean;
}

/** The IPS statement a resource makes, when it is one (it is then never an entry). */
export function listStatementOf(
  res: Json,
  type: string,
  patientId: string,
  index: number,
  medicationsInBundle: MedicationIndex,
): ListStatement | undefined {
  const list = HISTORY_LIST_OF_TYPE[type];
  if (list === undefined) return undefined;
  const code = absentUnknownOf(
    list === 'medications'
      ? medicationConceptOf(res, `Bundle.entry[${String(index)}].resource`, medicationsInBundle)
          ?.concept
      : res.code,
  );
  if (code === undefined) return undefined;
  return {
    index,
    type,
    patientId,
    list,
    code,
    withdrawn: isWithdrawnStatement(res),
    misplaced: code.list !== list,
  };
}

/** The list an entry the import keeps belongs to, if any. */
export function listOfEntry(type: string): HistoryList | undefined {
  return HISTORY_LIST_OF_TYPE[type];
}

export interface StatementResult {
  /** Per patient, the lists whose "none known" this import recorded. */
  readonly noneKnown: Readonly<Record<string, readonly HistoryList[]>>;
}

type Respond = (
  index: number,
  type: string,
  response: Record<string, unknown>,
  kept: boolean,
) => void;

/**
 * Runs after every entry of the bundle is kept, so that an entry anywhere in the bundle wins.
 * `keptEntries` names each patient's list the import kept an entry of.
 */
export async function applyListStatements(
  tx: Transaction,
  statements: readonly ListStatement[],
  keptEntries: Iterable<{ readonly patientId: string; readonly list: HistoryList }>,
  now: Date,
  respond: Respond,
): Promise<StatementResult> {
  const noneKnown: Record<string, HistoryList[]> = {};
  // An entry kept by this import withdraws "none known", as adding one through the API does.
  for (const { patientId, list } of keptEntries) {
    if ((await countingEntries(tx, patientId, list)) > 0)
      await setNoneKnown(tx, patientId, list, null);
  }
  for (const s of statements) {
    const at = `Bundle.entry[${String(s.index)}]`;
    const notKept = (why: string) => {
      respond(
        s.index,
        s.type,
        {
          status: '200 OK',
          outcome: operationOutcome(
            'information',
            'not-supported',
            `${s.type} not kept: ${why}`,
            at,
          ),
        },
        false,
      );
    };
    if (s.withdrawn) {
      notKept(`"${s.code.display}" is refuted or entered in error, so it says nothing.`);
      continue;
    }
    if (s.misplaced) {
      notKept(`"${s.code.display}" is not a statement a ${s.type} can make.`);
      continue;
    }
    const name = NAMES[s.list];
    if (s.code.meaning === 'no-info') {
      notKept(`"${s.code.display}": the ${name} list stays not recorded.`);
      continue;
    }
    if (s.code.meaning === 'none-known-in-part') {
      notKept(
        `"${s.code.display}" covers only part of the ${name} list, so the list is not recorded as none known.`,
      );
      continue;
    }
    const entries = await countingEntries(tx, s.patientId, s.list);
    if (entries > 0) {
      notKept(`"${s.code.display}": the patient's ${name} list has entries, which stand.`);
      continue;
    }
    // A statement already on record keeps the time it was first made.
    const key = NONE_KNOWN_KEY[s.list];
    const [row] = await tx
      .select({ at: patients[key] })
      .from(patients)
      .where(eq(patients.id, s.patientId))
      .limit(1);
    if ((row?.at ?? null) === null) await setNoneKnown(tx, s.patientId, s.list, now);
    const lists = (noneKnown[s.patientId] ??= []);
    if (!lists.includes(s.list)) lists.push(s.list);
    respond(
      s.index,
      s.type,
      {
        status: '200 OK',
        location: `${s.type === 'MedicationRequest' ? 'MedicationStatement' : s.type}/${NONE_KNOWN_ID_PREFIX}${s.patientId}`,
      },
      true,
    );
  }
  return { noneKnown };
}
