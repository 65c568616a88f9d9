/**
 * The self-check's answer in plain words for the person who answered, not for a clinician: the
 * outcome, why, and what the consult will check. Never a diagnosis.
 */
import {
  MISSING_BREASTFEEDING,
  MISSING_CONDITION_ANSWERS,
  type KnowledgeBase,
  type ScreeningResult,
} from '@ketaflow/core';

export const SELF_SCREENING_OUTCOMES = ['may-suit', 'clinician-review', 'not-suitable'] as const;
export type SelfScreeningOutcome = (typeof SELF_SCREENING_OUTCOMES)[number];

/** The hypersensitivity contraindication is an allergy, not a condition. */
export const HYPERSENSITIVITY = 'CI.HYPERSENSITIVITY';
/**
 * Pregnancy is asked by the questionnaire itself and rules treatment out when present: left
 * unanswered or "not sure" by someone who could be pregnant, it is unknown, never "may suit".
 */
export const MISSING_PREGNANCY = 'SCREEN.MISSING_PREGNANCY_STATUS';

export const WORDING: Record<SelfScreeningOutcome, { title: string; message: string }> = {
  'may-suit': {
    title: 'Ketamine treatment may suit you: book a consult',
    message:
      'Nothing in your answers rules it out. A clinician confirms this at a video consult, where they also check your blood pressure and health history.',
  },
  'clinician-review': {
    title: 'A clinician needs to look at this',
    message:
      'Something in your answers needs a clinician’s judgement before treatment. This is not a diagnosis or a refusal: book a consult and the clinician will go through it with you.',
  },
  'not-suitable': {
    title: 'Ketamine is probably not suitable for you',
    message:
      'Your answers include something that usually rules this treatment out. This is not a diagnosis. Other treatments are listed below to discuss with your own doctor.',
  },
};

type FindingOf = ScreeningResult['findings'][number];

const listOf = (f: FindingOf): string => [...new Set(f.evidence.map((e) => e.display))].join(', ');

/**
 * A finding in words for the person who answered, not for a clinician: what they told us and
 * why a clinician will look at it. Never a diagnosis.
 */
export function plainReason(kb: KnowledgeBase, f: FindingOf): string {
  const ci = kb.contraindications.find((c) => c.code === f.code);
  // "Rules it out" only for a critical finding: a reading above a limit, or a report a
  // clinician must confirm, is a warning and leads to a clinician's review, not a refusal.
  if (f.kind === 'contraindication' && ci && f.severity === 'critical')
    return f.code === HYPERSENSITIVITY
      ? 'You told us you are allergic to ketamine: it should not be given.'
      : `You told us about: ${ci.name.toLowerCase()}. This usually rules ketamine out.`;
  if (f.kind === 'contraindication' && ci && f.code === HYPERSENSITIVITY)
    return 'You told us you may be allergic to ketamine: a clinician will check this before treatment.';
  if (f.code === MISSING_PREGNANCY)
    return 'You did not tell us whether you could be pregnant, or are not sure: ketamine is not given in pregnancy, so a clinician will check this before treatment.';
  if (f.code === MISSING_BREASTFEEDING)
    return 'You did not tell us whether you are breastfeeding, or are not sure: ketamine is usually avoided while breastfeeding, so a clinician will check this before treatment.';
  if (f.code === MISSING_CONDITION_ANSWERS)
    return 'You did not tell us whether a doctor has told you that you have any of the conditions listed, or are not sure: some of them rule ketamine out, so a clinician will go through them with you before treatment.';
  if (f.code === 'CI.PREGNANCY' || f.code === 'PL.PREGNANCY')
    return 'You may be pregnant: ketamine is not given in pregnancy without a specialist’s advice.';
  if (f.code === 'PL.BREASTFEEDING')
    return 'You are breastfeeding: a clinician will talk through whether and how treatment fits.';
  if (f.code === 'SCREEN.UNDER_18')
    return 'You are under 18: treatment of young people needs a specialist’s review.';
  if (f.code === 'VOCAB.UNRECOGNIZED_MEDICATION' || f.code === 'VOCAB.AMBIGUOUS_MEDICATION')
    return `We could not tell which medicine you meant (${listOf(f)}): a clinician will check it with you.`;
  if (f.kind === 'interaction')
    return `A medicine you take (${listOf(f)}) can interact with ketamine: a clinician will check the combination.`;
  if (f.code === 'SCREEN.KNOWN_HYPERTENSION' || f.code.includes('HYPERTENSION'))
    return 'Your blood pressure needs a clinician’s look before treatment, because ketamine raises it for a while.';
  if (f.kind === 'contraindication' && ci)
    return `You told us about: ${ci.name.toLowerCase()}. A clinician needs to look at it before treatment.`;
  if (f.kind === 'unrecognized-input')
    return `We could not read part of your answers (${listOf(f)}): a clinician will go through it with you.`;
  return 'Something in your answers needs a clinician’s judgement before treatment.';
}

/** What the consult will check, for facts the answers could not give. */
export function plainCheck(f: FindingOf): string {
  switch (f.code) {
    case 'SCREEN.MISSING_BLOOD_PRESSURE':
      return 'Your blood pressure will be measured (ketamine raises it for a while).';
    case 'SCREEN.MISSING_WEIGHT':
      return 'You will be weighed: the dose depends on your weight.';
    case 'SCREEN.MISSING_PREGNANCY_STATUS':
      return 'Whether you could be pregnant will be checked.';
    case MISSING_BREASTFEEDING:
      return 'Whether you are breastfeeding will be checked.';
    case MISSING_CONDITION_ANSWERS:
      return 'The conditions on the list will be gone through with you.';
    case 'SCREEN.MISSING_AGE':
      return 'Your date of birth will be confirmed.';
    default:
      return 'Your health history will be gone through with you.';
  }
}
