import { describe, expect, test } from 'vitest';
import {
  initialSelfScreeningValues,
  selfScreeningValueErrors,
  tickConditions,
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
  conditions: ['none'],
  otherConditions: ['  '],
};

describe('self-screening values', () => {
  test('an empty questionnaire names the four required answers', () => {
    expect(selfScreeningValueErrors(initialSelfScreeningValues)).toEqual({
      indication: 'Choose what you want treatment for',
      age: 'Enter your age in whole years',
      sex: 'Choose an answer',
      conditions:
        'Tick the conditions you have been told about, “None of these apply to me” or “I am not sure about some of these”',
    });
  });

  test.each([
    ['no tick at all', [], 'Tick the conditions'],
    ['"none" with a condition', ['none', 'CI.SEVERE_LIVER_DISEASE'], '“None of these apply'],
    ['"none" with "not sure"', ['none', 'unsure'], '“None of these apply'],
  ])('the conditions question is not answered by %s', (_label, conditions, message) => {
    expect(selfScreeningValueErrors({ ...filled, conditions }).conditions).toContain(message);
  });

  test.each([
    ['a condition', ['CI.SEVERE_LIVER_DISEASE'], ['CI.SEVERE_LIVER_DISEASE'], undefined],
    ['"none of these"', ['none'], [], 'none'],
    ['"not sure"', ['unsure'], [], 'unsure'],
    ['a condition and "not sure"', ['CI.X', 'unsure'], ['CI.X'], 'unsure'],
  ])('the conditions question answered with %s', (_label, ticked, codes, answer) => {
    const values = { ...filled, conditions: ticked };
    expect(selfScreeningValueErrors(values)).toEqual({});
    const answers = toSelfScreeningAnswers(values);
    expect(answers.conditions).toEqual(codes);
    expect(answers.conditionsAnswer).toBe(answer);
  });

  test('"none of these" clears the other ticks, and another tick clears it', () => {
    expect(tickConditions(['CI.X', 'unsure'], ['CI.X', 'unsure', 'none'])).toEqual(['none']);
    expect(tickConditions(['none'], ['none', 'CI.X'])).toEqual(['CI.X']);
    expect(tickConditions(['none'], ['none', 'unsure'])).toEqual(['unsure']);
    expect(tickConditions(['CI.X'], ['CI.X', 'unsure'])).toEqual(['CI.X', 'unsure']);
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
      conditionsAnswer: 'none',
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
