import type { KnowledgeBase } from '@ketaflow/core';

/**
 * Names for the rule codes that are not in the knowledge base: the checks screening makes itself
 * (missing or unreadable data) and the two cards the CDS Hooks services add.
 */
const fixedRuleNames: Readonly<Record<string, string>> = {
  'SCREEN.PATIENT_DECEASED': 'Patient recorded as deceased',
  'SCREEN.MISSING_AGE': 'Age unknown',
  'SCREEN.UNDER_18': 'Patient under 18',
  'SCREEN.MISSING_BLOOD_PRESSURE': 'No recent blood pressure',
  'SCREEN.MISSING_PREGNANCY_STATUS': 'Pregnancy status unknown or out of date',
  'SCREEN.MISSING_WEIGHT': 'No weight on record',
  'SCREEN.KNOWN_HYPERTENSION': 'Known high blood pressure',
  'SCREEN.UNREADABLE_CONDITION': 'Condition that could not be read',
  'SCREEN.UNREADABLE_ALLERGY': 'Allergy that could not be read',
  'VOCAB.AMBIGUOUS_MEDICATION': 'Ambiguous medication name',
  'VOCAB.UNRECOGNIZED_MEDICATION': 'Unrecognised medication',
  'CDS.DOSE_OUT_OF_RANGE': 'Ordered IV ketamine dose outside the protocol',
  'CDS.KETAFLOW_COURSE': 'KetaFlow course summary (patient view)',
};

const reproductiveTopicNames: Readonly<Record<string, string>> = {
  pregnancy: 'Pregnancy',
  breastfeeding: 'Breastfeeding',
  contraception: 'Contraception',
};

/** A readable name for a CDS rule code, or `undefined` when there is none to show. */
export function cdsRuleName(code: string, kb: KnowledgeBase | undefined): string | undefined {
  const fixed = fixedRuleNames[code];
  if (fixed !== undefined) return fixed;
  if (kb === undefined) return undefined;
  const contraindication = kb.contraindications.find((c) => c.code === code);
  if (contraindication) return contraindication.name;
  const interaction = kb.interactions.find((i) => i.code === code);
  if (interaction) return `Interaction: ${interaction.className}`;
  const guidance = kb.pregnancyAndLactation.find((g) => g.code === code);
  if (guidance) return reproductiveTopicNames[guidance.topic] ?? guidance.summary;
  return undefined;
}

/** The override reasons the KetaFlow cards offer (`overrideReasons` on each card). */
const overrideReasonNames: Readonly<Record<string, string>> = {
  'benefit-outweighs-risk': 'Benefit outweighs the risk',
  'patient-informed': 'Discussed with the patient',
  'data-incorrect': 'The record is wrong or out of date',
  'managed-elsewhere': 'Managed by another clinician',
  '(no reason)': 'No reason given',
};

/** A readable name for an override reason code, or `undefined` for a code the cards do not offer. */
export function overrideReasonName(code: string): string | undefined {
  return overrideReasonNames[code];
}
