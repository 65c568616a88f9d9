import { describe, expect, test } from 'vitest';
import {
  initialSelfScreeningValues,
  selfScreeningValueErrors,
  toSelfScreeningAnswers,
  type SelfScreeningValues,
} from './answers';

const filled: SelfScreeningValues = {
  ...initialSelfScreeningValues,
  indication: 'anxiety',
  age: 29,
  sex: 'female',
  pregnancy: 'unsure',
  breastfeeding: 'no',
  medications: [' sertraline ', ''],
  otherConditions: ['  '],
};

describe('self-screening values', () => {
  test('an empty questionnaire names the three required answers', () => {
    expect(selfScreeningValueErrors(initialSelfScreeningValues)).toEqual({
      indication: 'Choose what you want treatment for',
      age: 'Enter your age in whole years',
      sex: 'Choose an answer',
    });
  });

  test('age must be a whole number of years from 1 to 120', () => {
    for (const age of [0, 121, 30.5, 'thirty'])
      expect(selfScreeningValueErrors({ ...filled, age }).age, String(age)).toBeDefined();
    expect(selfScreeningValueErrors({ ...filled, age: 120 })).toEqual({});
  });

  test('blood pressure is both numbers or neither, with the bottom below the top', () => {
    expect(selfScreeningValueErrors({ ...filled, systolic: 130 })).toEqual({
      diastolic: 'Enter both numbers, or leave both empty',
    });
    expect(selfScreeningValueErrors({ ...filled, systolic: 120, diastolic: 120 })).toEqual({
      diastolic: 'The bottom number is smaller than the top one',
    });
    expect(selfScreeningValueErrors({ ...filled, systolic: 20, diastolic: 10 }).systolic).toBe(
      'The top number is usually between 90 and 200',
    );
    expect(selfScreeningValueErrors({ ...filled, systolic: 128, diastolic: 82 })).toEqual({});
  });

  test('the answers leave out what was not asked or not given', () => {
    expect(toSelfScreeningAnswers(filled)).toEqual({
      indication: 'anxiety',
      ageYears: 29,
      sex: 'female',
      pregnancy: 'unsure',
      breastfeeding: 'no',
      conditions: [],
      otherConditions: [],
      medications: ['sertraline'],
    });
    // A man is not asked about pregnancy: an answer left over from before is dropped.
    const male = toSelfScreeningAnswers({ ...filled, sex: 'male', product: 'esketamine-nasal' });
    expect(male).not.toHaveProperty('pregnancy');
    expect(male).not.toHaveProperty('breastfeeding');
    expect(male.product).toBe('esketamine-nasal');
    expect(
      toSelfScreeningAnswers({ ...filled, systolic: 128, diastolic: 82 }).bloodPressure,
    ).toEqual({ systolicMmHg: 128, diastolicMmHg: 82 });
  });
});
