import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import {
  MISSING_BREASTFEEDING,
  MISSING_CONDITION_ANSWERS,
  screenUnknownAnswers,
  type SelfCheckAnswersRead,
} from './unknown-answers';

// The ages the knowledge base asks about pregnancy (askAgeYears, clinic default 10-55).
const ask = knowledgeBase.pregnancyAndLactation.find((g) => g.statusRules !== undefined)
  ?.statusRules?.askAgeYears;

const woman: SelfCheckAnswersRead = {
  ageYears: 30,
  sex: 'female',
  breastfeeding: 'no',
  conditions: [],
  conditionsAnswer: 'none',
};

const codesFor = (answers: SelfCheckAnswersRead) =>
  screenUnknownAnswers(knowledgeBase, 'ketamine-iv', answers).map((f) => f.code);

describe('self-check answers left unknown', () => {
  test.each([
    ['left unanswered', { breastfeeding: undefined }, 'breastfeeding: no answer'],
    ['answered "not sure"', { breastfeeding: 'unsure' as const }, 'breastfeeding: not sure'],
  ])('breastfeeding %s by a woman of 30 is a missing-data warning', (_label, answer, display) => {
    const findings = screenUnknownAnswers(knowledgeBase, 'esketamine-nasal', {
      ...woman,
      ...answer,
    });
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'missing-data',
        severity: 'warning',
        code: MISSING_BREASTFEEDING,
        evidence: [{ reference: 'breastfeeding', display }],
      }),
    ]);
    expect(findings[0]?.sources.map((s) => s.id)).toContain('S44a');
  });

  test.each([
    ['answered "no"', { breastfeeding: 'no' as const }],
    ['answered "yes" (PL.BREASTFEEDING screens it)', { breastfeeding: 'yes' as const }],
    ['not asked of a man', { sex: 'male' as const, breastfeeding: undefined }],
    [
      `not asked above ${String(ask?.max)}`,
      { ageYears: (ask?.max ?? 0) + 1, breastfeeding: undefined },
    ],
    [
      `not asked below ${String(ask?.min)}`,
      { ageYears: (ask?.min ?? 0) - 1, breastfeeding: undefined },
    ],
  ])('breastfeeding %s is nothing unknown', (_label, answer) => {
    expect(codesFor({ ...woman, ...answer })).toEqual([]);
  });

  test('breastfeeding is asked at the edges of the pregnancy ages', () => {
    for (const ageYears of [ask?.min ?? 0, ask?.max ?? 0])
      expect(codesFor({ ...woman, ageYears, breastfeeding: 'unsure' })).toEqual([
        MISSING_BREASTFEEDING,
      ]);
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
    expect(screenUnknownAnswers(knowledgeBase, 'ketamine-iv', { ...woman, ...answer })).toEqual([
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
    expect(codesFor({ ...woman, ...answer })).toEqual([]);
  });
});
