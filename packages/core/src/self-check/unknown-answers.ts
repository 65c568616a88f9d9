import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import { rulesFor } from '../screening/compile-rules';
import type { Finding, ScreeningProduct } from '../screening/types';
import {
  canBePregnant,
  type SelfReportedBreastfeeding,
  type SelfReportedConditionsAnswer,
  type SelfReportedSex,
} from './answers';

/** Breastfeeding left unanswered or "not sure" by someone it was asked of. */
export const MISSING_BREASTFEEDING = 'SCREEN.MISSING_BREASTFEEDING_STATUS';
/** The conditions question left unanswered (no tick at all) or answered "not sure". */
export const MISSING_CONDITION_ANSWERS = 'SCREEN.MISSING_CONDITION_ANSWERS';

/** The answers this reads (`SelfScreeningAnswers`, or the server's parsed body). */
export interface SelfCheckAnswersRead {
  readonly ageYears: number;
  readonly sex: SelfReportedSex;
  readonly breastfeeding?: SelfReportedBreastfeeding | undefined;
  readonly conditions: readonly string[];
  readonly conditionsAnswer?: SelfReportedConditionsAnswer | undefined;
}

/**
 * Breastfeeding is asked of the people pregnancy is asked of (`screenPregnancy`): anyone but a
 * man, at the ages the knowledge base asks about pregnancy (`askAgeYears`; breastfeeding follows
 * a pregnancy, and the knowledge base has no separate ages for it). A pregnancy that is not
 * possible now says nothing about breastfeeding, so it does not spare the question.
 */
function isAskedBreastfeeding(
  kb: KnowledgeBase,
  product: ScreeningProduct,
  answers: SelfCheckAnswersRead,
) {
  if (!canBePregnant(answers.sex)) return false;
  const ask = rulesFor(kb, product).pregnancyRules?.askAgeYears;
  return ask === undefined || (answers.ageYears >= ask.min && answers.ageYears <= ask.max);
}

/**
 * The self-check's questions that its answers leave unknown, as `missing-data` warnings: an
 * unanswered or "not sure" breastfeeding question (for someone who could be breastfeeding), and
 * a conditions question with no tick or a "not sure". Core screening reads an absent
 * breastfeeding status or condition list as nothing to report; the self-check asked, so an
 * answer it did not get is unknown, never "none". Each warning means a clinician looks.
 */
export function screenUnknownAnswers(
  kb: KnowledgeBase,
  product: ScreeningProduct,
  answers: SelfCheckAnswersRead,
): Finding[] {
  const rules = rulesFor(kb, product);
  const out: Finding[] = [];
  const bf = rules.breastfeeding;
  if (
    bf !== undefined &&
    (answers.breastfeeding === undefined || answers.breastfeeding === 'unsure') &&
    isAskedBreastfeeding(kb, product, answers)
  ) {
    const ask = rules.pregnancyRules?.askAgeYears;
    out.push({
      kind: 'missing-data',
      severity: 'warning',
      code: MISSING_BREASTFEEDING,
      summary: 'Breastfeeding is unknown (not answered, or not sure) for a patient who could be.',
      detail: [bf.summary, ...(ask === undefined ? [] : [ask.note])].join(' '),
      management: bf.management,
      evidence: [
        {
          reference: 'breastfeeding',
          display:
            answers.breastfeeding === 'unsure'
              ? 'breastfeeding: not sure'
              : 'breastfeeding: no answer',
        },
      ],
      sources: rules.sourcesOf([...bf.sources, ...(ask?.sources ?? [])]),
    });
  }
  const unanswered = answers.conditions.length === 0 && answers.conditionsAnswer === undefined;
  if (unanswered || answers.conditionsAnswer === 'unsure') {
    out.push({
      kind: 'missing-data',
      severity: 'warning',
      code: MISSING_CONDITION_ANSWERS,
      summary:
        'Not known whether the patient has any of the listed conditions (not answered, or not sure).',
      detail:
        'The listed conditions are the contraindications of the knowledge base; some rule treatment out. No tick, or "not sure", leaves them unknown, never "none".',
      management: 'Go through the listed conditions with the patient and their records.',
      evidence: [
        {
          reference: 'conditions',
          display: unanswered ? 'conditions: no answer' : 'conditions: not sure',
        },
      ],
      sources: [],
    });
  }
  return out;
}
