import { MISSING_BREASTFEEDING_STATUS } from '../screening/rules-breastfeeding';
import type { Finding } from '../screening/types';
import type { SelfReportedConditionsAnswer } from './answers';

/**
 * Breastfeeding left unanswered or "not sure" by someone it was asked of: core screening's own
 * finding (`screenBreastfeeding`), since the self-check's answers reach it as an unknown status.
 */
export const MISSING_BREASTFEEDING = MISSING_BREASTFEEDING_STATUS;
/** The conditions question left unanswered (no tick at all) or answered "not sure". */
export const MISSING_CONDITION_ANSWERS = 'SCREEN.MISSING_CONDITION_ANSWERS';

/** The answers this reads (`SelfScreeningAnswers`, or the server's parsed body). */
export interface SelfCheckAnswersRead {
  readonly conditions: readonly string[];
  readonly conditionsAnswer?: SelfReportedConditionsAnswer | undefined;
}

/**
 * The self-check's questions that its answers leave unknown and core screening cannot see, as
 * `missing-data` warnings: a conditions question with no tick or a "not sure". Core screening
 * reads an absent condition list as nothing to report; the self-check asked, so an answer it did
 * not get is unknown, never "none", and a clinician looks. (An unanswered or "not sure"
 * breastfeeding question reaches core screening as an unknown status and is its finding.)
 */
export function screenUnknownAnswers(answers: SelfCheckAnswersRead): Finding[] {
  const out: Finding[] = [];
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
