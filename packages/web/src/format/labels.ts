import type {
  AllergyCodeSystem,
  AllergyCriticality,
  AllergyStatus,
  ConditionClinicalStatus,
  ConditionCodeSystem,
  ConditionVerificationStatus,
  HistoryList,
  MedicationStatus,
  Sex,
} from '../api/patient-types';

/**
 * A label inside a sentence: its first letter in lower case, unless its first word is an
 * abbreviation ("IV ketamine", "SpO2"); capitals later in it stay ("ketamine IV infusion",
 * "ideal body weight (Devine)").
 */
export function inSentence(label: string): string {
  const [first = '', second = ''] = label;
  if (second !== '' && second !== second.toLowerCase()) return label;
  return first.toLowerCase() + label.slice(1);
}

export interface Option<V extends string> {
  value: V;
  label: string;
}

export const sexOptions: Option<Sex>[] = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
  { value: 'unknown', label: 'Unknown' },
];

export const criticalityOptions: Option<AllergyCriticality>[] = [
  { value: 'low', label: 'Low' },
  { value: 'high', label: 'High' },
  { value: 'unable-to-assess', label: 'Unable to assess' },
];

export const allergyStatusOptions: Option<AllergyStatus>[] = [
  { value: 'active', label: 'Active' },
  { value: 'inactive', label: 'Inactive' },
  { value: 'resolved', label: 'Resolved' },
];

export const allergyCodeSystemOptions: Option<AllergyCodeSystem>[] = [
  { value: 'rxnorm', label: 'RxNorm' },
  { value: 'snomed', label: 'SNOMED CT' },
];

export const codeSystemOptions: Option<ConditionCodeSystem>[] = [
  { value: 'snomed', label: 'SNOMED CT' },
  { value: 'icd10cm', label: 'ICD-10-CM' },
];

export const clinicalStatusOptions: Option<ConditionClinicalStatus>[] = [
  { value: 'active', label: 'Active' },
  { value: 'recurrence', label: 'Recurrence' },
  { value: 'relapse', label: 'Relapse' },
  { value: 'inactive', label: 'Inactive' },
  { value: 'remission', label: 'Remission' },
  { value: 'resolved', label: 'Resolved' },
];

export const verificationStatusOptions: Option<ConditionVerificationStatus>[] = [
  { value: 'unconfirmed', label: 'Unconfirmed' },
  { value: 'provisional', label: 'Provisional' },
  { value: 'differential', label: 'Differential' },
  { value: 'confirmed', label: 'Confirmed' },
  { value: 'refuted', label: 'Refuted' },
  { value: 'entered-in-error', label: 'Entered in error' },
];

export const medicationStatusOptions: Option<MedicationStatus>[] = [
  { value: 'active', label: 'Active' },
  { value: 'stopped', label: 'Stopped' },
  { value: 'completed', label: 'Completed' },
  { value: 'on-hold', label: 'On hold' },
  { value: 'entered-in-error', label: 'Entered in error' },
];

/** The label of `value` among `options`; an unknown or missing value is shown as a dash or as sent. */
export function labelOf<V extends string>(options: readonly Option<V>[], value: V | null): string {
  if (value === null) return '—';
  return options.find((option) => option.value === value)?.label ?? value;
}

/** Options for a `NativeSelect` whose first choice is "not recorded". */
export function withNotRecorded<V extends string>(options: readonly Option<V>[]): Option<V | ''>[] {
  return [{ value: '', label: 'Not recorded' }, ...options];
}

/** Each history list's name as it reads inside a sentence. */
export const historyListNames: Readonly<Record<HistoryList, string>> = {
  conditions: 'medical conditions',
  medications: 'medicines',
  allergies: 'allergies',
};
