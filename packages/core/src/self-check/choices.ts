import type { ScreeningProduct } from '../screening/types';
import {
  NO_LISTED_CONDITIONS,
  UNSURE_OF_CONDITIONS,
  type SelfReportedBreastfeeding,
  type SelfReportedPregnancy,
  type SelfReportedSex,
} from './answers';

export interface SelfScreeningChoice<V extends string> {
  readonly value: V;
  readonly label: string;
}

/** Answer choices in plain words, in the order a person reads them. */
export const productChoices: readonly SelfScreeningChoice<ScreeningProduct | 'unsure'>[] = [
  { value: 'ketamine-iv', label: 'Ketamine infusion (a drip into a vein)' },
  { value: 'esketamine-nasal', label: 'Esketamine nasal spray (Spravato)' },
  { value: 'unsure', label: 'Not sure yet' },
];

export const sexChoices: readonly SelfScreeningChoice<SelfReportedSex>[] = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
  { value: 'unknown', label: 'Prefer not to say' },
];

export const pregnancyChoices: readonly SelfScreeningChoice<SelfReportedPregnancy>[] = [
  { value: 'not-pregnant', label: 'No' },
  { value: 'pregnant', label: 'Yes, I am pregnant' },
  { value: 'unsure', label: 'I am not sure' },
  { value: 'not-possible', label: 'Pregnancy is not possible for me' },
];

export const breastfeedingChoices: readonly SelfScreeningChoice<SelfReportedBreastfeeding>[] = [
  { value: 'no', label: 'No' },
  { value: 'yes', label: 'Yes' },
  { value: 'unsure', label: 'Not sure' },
];

/** An unticked list is no answer: "none of these" is a tick of its own. */
export const conditionsQuestionHint =
  'Tick all that apply. If none do, tick “None of these apply to me”; if you are not sure, tick “I am not sure about some of these”.';

/** Ticked below the list of conditions, when no condition on it is ticked (or some are unsure). */
export const conditionsAnswerChoices: readonly SelfScreeningChoice<string>[] = [
  { value: NO_LISTED_CONDITIONS, label: 'None of these apply to me' },
  { value: UNSURE_OF_CONDITIONS, label: 'I am not sure about some of these' },
];
