import type { ProductRules } from './compile-rules';
import type { Finding, FindingSource, HistoryList, PatientFacts } from './types';

/** Codes of the findings for a history list the record does not hold. */
export const MISSING_LIST_CODES: Readonly<Record<HistoryList, string>> = {
  conditions: 'SCREEN.MISSING_CONDITION_LIST',
  medications: 'SCREEN.MISSING_MEDICATION_LIST',
  allergies: 'SCREEN.MISSING_ALLERGY_LIST',
};

const HYPERSENSITIVITY = 'CI.HYPERSENSITIVITY';

interface ListWords {
  readonly summary: string;
  readonly detail: string;
  readonly management: string;
  readonly sources: (rules: ProductRules) => readonly FindingSource[];
}

/** The sources of the contraindications (all but hypersensitivity, or it alone), unique by id. */
const contraindicationSources = (rules: ProductRules, hypersensitivity: boolean) =>
  rules.sourcesOf(
    rules.contraindications
      .filter((c) => (c.ci.code === HYPERSENSITIVITY) === hypersensitivity)
      .flatMap((c) => c.ci.sources),
  );

const WORDS: Readonly<Record<HistoryList, ListWords>> = {
  conditions: {
    summary: 'No medical conditions are on record, nor a note that there are none.',
    detail:
      'The contraindications are conditions: with no list, none of them can be ruled out. An empty list is read as unknown until a clinician records that the patient has no known conditions.',
    management:
      "Take the patient's medical history and record each condition, or record that there are none known; then screen again.",
    sources: (rules) => contraindicationSources(rules, false),
  },
  medications: {
    summary: 'No medicines are on record, nor a note that the patient takes none.',
    detail:
      'Interactions are checked against the medicine list: with no list, none of them can be ruled out. An empty list is read as unknown until a clinician records that the patient takes no medicines.',
    management:
      'Reconcile the medicines with the patient (prescribed, over the counter, recreational) and record each, or record that there are none; then screen again.',
    sources: (rules) =>
      rules.sourcesOf([...rules.interactionSources.values()].flatMap((l) => l.map((s) => s.id))),
  },
  allergies: {
    summary: 'No allergies are on record, nor a note that there are none known.',
    detail:
      'An allergy to the drug rules it out: with no list, that cannot be ruled out. An empty list is read as unknown until a clinician records no known allergies.',
    management:
      'Ask about allergies and record each, or record no known allergies; then screen again.',
    sources: (rules) => contraindicationSources(rules, true),
  },
};

/**
 * A history list the record does not hold (no entry, and no statement that there is none) is
 * missing data, never "none": a `missing-data` warning per list, so a clinician takes the history
 * before treatment. A list that is held, even empty, gives nothing here.
 */
export function screenUnrecordedLists(
  patient: PatientFacts,
  rules: ProductRules,
  out: Finding[],
): void {
  for (const list of patient.unrecordedLists ?? []) {
    const words = WORDS[list];
    out.push({
      kind: 'missing-data',
      severity: 'warning',
      code: MISSING_LIST_CODES[list],
      summary: words.summary,
      detail: words.detail,
      management: words.management,
      evidence: [{ reference: patient.reference, display: `${list}: not recorded` }],
      sources: words.sources(rules),
    });
  }
}
