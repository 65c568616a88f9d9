import type { IndicationId } from '../knowledge/ids';
import type { ScreeningProduct } from '../screening/types';

export type SelfReportedSex = 'female' | 'male' | 'other' | 'unknown';
export type SelfReportedPregnancy = 'pregnant' | 'not-pregnant' | 'unsure' | 'not-possible';
export type SelfReportedBreastfeeding = 'yes' | 'no' | 'unsure';
/** The conditions question answered without ticking a condition: none apply, or not sure. */
export type SelfReportedConditionsAnswer = 'none' | 'unsure';

/**
 * Ticked in the conditions question beside the conditions' codes (which start `CI.`): "none of
 * these apply to me" goes with no other tick; "not sure" may go with the conditions one is sure of.
 */
export const NO_LISTED_CONDITIONS = 'none';
export const UNSURE_OF_CONDITIONS = 'unsure';

/** The body of `POST /api/public/self-screening`, and the `intake` of a registration. */
export interface SelfScreeningAnswers {
  indication: IndicationId;
  product?: ScreeningProduct;
  ageYears: number;
  sex: SelfReportedSex;
  pregnancy?: SelfReportedPregnancy;
  breastfeeding?: SelfReportedBreastfeeding;
  /**
   * Codes from the questions' condition list. A non-empty list answers the question; an empty one
   * does not: "none of these" is `conditionsAnswer: 'none'`.
   */
  conditions: string[];
  /** `none`: none of the listed conditions apply (no code then); `unsure`: not sure. */
  conditionsAnswer?: SelfReportedConditionsAnswer;
  otherConditions: string[];
  medications: string[];
  bloodPressure?: { systolicMmHg: number; diastolicMmHg: number };
}

/**
 * The questionnaire as a person fills it in (the web form, or the plain form the server sends to
 * a browser without JavaScript); empty strings are questions not (yet) answered.
 */
export interface SelfScreeningValues {
  indication: IndicationId | '';
  product: ScreeningProduct | 'unsure';
  age: number | string;
  sex: SelfReportedSex | '';
  pregnancy: SelfReportedPregnancy | '';
  breastfeeding: SelfReportedBreastfeeding | '';
  /** The codes ticked, and `NO_LISTED_CONDITIONS` or `UNSURE_OF_CONDITIONS` when ticked. */
  conditions: string[];
  otherConditions: string[];
  medications: string[];
  systolic: number | string;
  diastolic: number | string;
}

export const initialSelfScreeningValues: SelfScreeningValues = {
  indication: '',
  product: 'unsure',
  age: '',
  sex: '',
  pregnancy: '',
  breastfeeding: '',
  conditions: [],
  otherConditions: [],
  medications: [],
  systolic: '',
  diastolic: '',
};

/** API paths to the questionnaire fields that show their errors. */
export const selfScreeningFieldMap: Readonly<Record<string, string>> = {
  ageYears: 'age',
  'bloodPressure.systolicMmHg': 'systolic',
  'bloodPressure.diastolicMmHg': 'diastolic',
  conditionsAnswer: 'conditions',
};

/** Pregnancy and breastfeeding are asked of everyone but men: the record keeps sex as told. */
export function canBePregnant(sex: SelfReportedSex | ''): boolean {
  return sex !== 'male';
}

const isAnswerTick = (value: string): boolean =>
  value === NO_LISTED_CONDITIONS || value === UNSURE_OF_CONDITIONS;

/** The condition codes among the ticks (without "none" or "not sure"). */
export function listedConditionCodes(ticked: readonly string[]): string[] {
  return ticked.filter((value) => !isAnswerTick(value));
}

/**
 * The ticks after a change from `previous` to `next`: "none of these apply to me" clears every
 * other tick when it is ticked, and is cleared when anything else is.
 */
export function tickConditions(previous: readonly string[], next: readonly string[]): string[] {
  if (!next.includes(NO_LISTED_CONDITIONS)) return [...next];
  return previous.includes(NO_LISTED_CONDITIONS)
    ? next.filter((value) => value !== NO_LISTED_CONDITIONS)
    : [NO_LISTED_CONDITIONS];
}

/**
 * An empty list of ticks is no answer, never "none of these": a condition that rules ketamine out
 * would pass unseen.
 */
function conditionsMessage(ticked: readonly string[]): string | null {
  if (ticked.length === 0)
    return 'Tick the conditions you have been told about, “None of these apply to me” or “I am not sure about some of these”';
  if (ticked.includes(NO_LISTED_CONDITIONS) && ticked.length > 1)
    return '“None of these apply to me” cannot go with another tick: untick one of them';
  return null;
}

function isWholeNumberIn(value: number | string, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Per field: the message to show, or `null` when the answer will do. */
export const validateSelfScreeningValues = {
  indication: (value: string) => (value === '' ? 'Choose what you want treatment for' : null),
  age: (value: number | string) =>
    isWholeNumberIn(value, 1, 120) ? null : 'Enter your age in whole years',
  sex: (value: string) => (value === '' ? 'Choose an answer' : null),
  conditions: (value: string[]) => conditionsMessage(value),
  systolic: (value: number | string, values: SelfScreeningValues) => {
    if (value === '' && values.diastolic === '') return null;
    if (value === '') return 'Enter both numbers, or leave both empty';
    return isWholeNumberIn(value, 30, 320) ? null : 'The top number is usually between 90 and 200';
  },
  diastolic: (value: number | string, values: SelfScreeningValues) => {
    if (value === '' && values.systolic === '') return null;
    if (value === '') return 'Enter both numbers, or leave both empty';
    if (!isWholeNumberIn(value, 10, 250)) return 'The bottom number is usually between 50 and 130';
    return typeof values.systolic === 'number' && value >= values.systolic
      ? 'The bottom number is smaller than the top one'
      : null;
  },
};

/** Every field's message at once (empty when the answers will do). */
export function selfScreeningValueErrors(values: SelfScreeningValues): Record<string, string> {
  const v = validateSelfScreeningValues;
  const found: [string, string | null][] = [
    ['indication', v.indication(values.indication)],
    ['age', v.age(values.age)],
    ['sex', v.sex(values.sex)],
    ['conditions', v.conditions(values.conditions)],
    ['systolic', v.systolic(values.systolic, values)],
    ['diastolic', v.diastolic(values.diastolic, values)],
  ];
  return Object.fromEntries(found.filter((e): e is [string, string] => e[1] !== null));
}

/** The request body; call only once the values validated (the casts rest on that). */
export function toSelfScreeningAnswers(values: SelfScreeningValues): SelfScreeningAnswers {
  const asksPregnancy = canBePregnant(values.sex);
  const conditionsAnswer: SelfReportedConditionsAnswer | undefined = values.conditions.includes(
    NO_LISTED_CONDITIONS,
  )
    ? 'none'
    : values.conditions.includes(UNSURE_OF_CONDITIONS)
      ? 'unsure'
      : undefined;
  return {
    indication: values.indication as IndicationId,
    ...(values.product !== 'unsure' ? { product: values.product } : {}),
    ageYears: Number(values.age),
    sex: values.sex as SelfReportedSex,
    ...(asksPregnancy && values.pregnancy !== '' ? { pregnancy: values.pregnancy } : {}),
    ...(asksPregnancy && values.breastfeeding !== ''
      ? { breastfeeding: values.breastfeeding }
      : {}),
    conditions: listedConditionCodes(values.conditions),
    ...(conditionsAnswer === undefined ? {} : { conditionsAnswer }),
    otherConditions: values.otherConditions.map((text) => text.trim()).filter((t) => t !== ''),
    medications: values.medications.map((text) => text.trim()).filter((t) => t !== ''),
    ...(typeof values.systolic === 'number' && typeof values.diastolic === 'number'
      ? { bloodPressure: { systolicMmHg: values.systolic, diastolicMmHg: values.diastolic } }
      : {}),
  };
}
