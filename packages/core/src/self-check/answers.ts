import type { IndicationId } from '../knowledge/ids';
import type { ScreeningProduct } from '../screening/types';

export type SelfReportedSex = 'female' | 'male' | 'other' | 'unknown';
export type SelfReportedPregnancy = 'pregnant' | 'not-pregnant' | 'unsure' | 'not-possible';
export type SelfReportedBreastfeeding = 'yes' | 'no' | 'unsure';

/** The body of `POST /api/public/self-screening`, and the `intake` of a registration. */
export interface SelfScreeningAnswers {
  indication: IndicationId;
  product?: ScreeningProduct;
  ageYears: number;
  sex: SelfReportedSex;
  pregnancy?: SelfReportedPregnancy;
  breastfeeding?: SelfReportedBreastfeeding;
  /** Codes from the questions' condition list. */
  conditions: string[];
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
};

/** Pregnancy and breastfeeding are asked of everyone but men: the record keeps sex as told. */
export function canBePregnant(sex: SelfReportedSex | ''): boolean {
  return sex !== 'male';
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
    ['systolic', v.systolic(values.systolic, values)],
    ['diastolic', v.diastolic(values.diastolic, values)],
  ];
  return Object.fromEntries(found.filter((e): e is [string, string] => e[1] !== null));
}

/** The request body; call only once the values validated (the casts rest on that). */
export function toSelfScreeningAnswers(values: SelfScreeningValues): SelfScreeningAnswers {
  const asksPregnancy = canBePregnant(values.sex);
  return {
    indication: values.indication as IndicationId,
    ...(values.product !== 'unsure' ? { product: values.product } : {}),
    ageYears: Number(values.age),
    sex: values.sex as SelfReportedSex,
    ...(asksPregnancy && values.pregnancy !== '' ? { pregnancy: values.pregnancy } : {}),
    ...(asksPregnancy && values.breastfeeding !== ''
      ? { breastfeeding: values.breastfeeding }
      : {}),
    conditions: values.conditions,
    otherConditions: values.otherConditions.map((text) => text.trim()).filter((t) => t !== ''),
    medications: values.medications.map((text) => text.trim()).filter((t) => t !== ''),
    ...(typeof values.systolic === 'number' && typeof values.diastolic === 'number'
      ? { bloodPressure: { systolicMmHg: values.systolic, diastolicMmHg: values.diastolic } }
      : {}),
  };
}
