import type { ScreeningProduct } from '@ketaflow/core';
import type {
  SelfReportedBreastfeeding,
  SelfReportedPregnancy,
  SelfReportedSex,
} from '../api/screening-types';
import type { Option } from '../format/labels';

/** Answer choices in plain words, in the order a person reads them. */
export const productChoices: Option<ScreeningProduct | 'unsure'>[] = [
  { value: 'ketamine-iv', label: 'Ketamine infusion (a drip into a vein)' },
  { value: 'esketamine-nasal', label: 'Esketamine nasal spray (Spravato)' },
  { value: 'unsure', label: 'Not sure yet' },
];

export const sexChoices: Option<SelfReportedSex>[] = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
  { value: 'unknown', label: 'Prefer not to say' },
];

export const pregnancyChoices: Option<SelfReportedPregnancy>[] = [
  { value: 'not-pregnant', label: 'No' },
  { value: 'pregnant', label: 'Yes, I am pregnant' },
  { value: 'unsure', label: 'I am not sure' },
  { value: 'not-possible', label: 'Pregnancy is not possible for me' },
];

export const breastfeedingChoices: Option<SelfReportedBreastfeeding>[] = [
  { value: 'no', label: 'No' },
  { value: 'yes', label: 'Yes' },
  { value: 'unsure', label: 'Not sure' },
];
