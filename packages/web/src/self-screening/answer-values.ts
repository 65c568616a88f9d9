import type { IndicationId, ScreeningProduct } from '@ketaflow/core';
import type {
  SelfReportedBreastfeeding,
  SelfReportedPregnancy,
  SelfReportedSex,
  SelfScreeningAnswers,
} from '../api/screening-types';

/** The questionnaire as typed; empty strings are questions not (yet) answered. */
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

export const initialValues: SelfScreeningValues = {
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

/** API paths to the fields that show their errors. */
export const answerFieldMap: Readonly<Record<string, string>> = {
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

export const validateAnswers = {
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

/** The request body; call only once the form validated (the casts rest on that). */
export function toAnswers(values: SelfScreeningValues): SelfScreeningAnswers {
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
