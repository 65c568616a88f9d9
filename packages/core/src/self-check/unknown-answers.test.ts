import { describe, expect, test } from 'vitest';
import { MISSING_BREASTFEEDING_STATUS } from '../screening/rules-breastfeeding';
import {
  MISSING_BREASTFEEDING,
  MISSING_CONDITION_ANSWERS,
  screenUnknownAnswers,
  type SelfCheckAnswersRead,
} from './unknown-answers';

const answered: SelfCheckAnswersRead = { conditions: [], conditionsAnswer: 'none' };

const codesFor = (answers: SelfCheckAnswersRead) =>
  screenUnknownAnswers(answers).map((f) => f.code);

describe('self-check answers left unknown', () => {
  test('breastfeeding is left to core screening (SCREEN.MISSING_BREASTFEEDING_STATUS)', () => {
    expect(MISSING_BREASTFEEDING).toBe(MISSING_BREASTFEEDING_STATUS);
  });

  test.each([
    [
      'no tick at all (an empty list is no answer)',
      { conditionsAnswer: undefined },
      'conditions: no answer',
    ],
    ['"not sure"', { conditionsAnswer: 'unsure' as const }, 'conditions: not sure'],
    [
      '"not sure" beside a ticked condition',
      { conditions: ['CI.SEVERE_LIVER_DISEASE'], conditionsAnswer: 'unsure' as const },
      'conditions: not sure',
    ],
  ])('the conditions question with %s is a missing-data warning', (_label, answer, display) => {
    expect(screenUnknownAnswers({ ...answered, ...answer })).toEqual([
      expect.objectContaining({
        kind: 'missing-data',
        severity: 'warning',
        code: MISSING_CONDITION_ANSWERS,
        evidence: [{ reference: 'conditions', display }],
      }),
    ]);
  });

  test.each([
    ['"none of these"', { conditionsAnswer: 'none' as const }],
    [
      'a ticked condition',
      { conditions: ['CI.SEVERE_LIVER_DISEASE'], conditionsAnswer: undefined },
    ],
  ])('the conditions question answered with %s is nothing unknown', (_label, answer) => {
    expect(codesFor({ ...answered, ...answer })).toEqual([]);
  });
});
