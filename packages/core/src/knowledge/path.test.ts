import { describe, expect, test } from 'vitest';
import { formatPath } from './path';

describe('formatPath', () => {
  test.each([
    [['protocols', 'depression', 'defaultDoseMgPerKg'], 'protocols.depression.defaultDoseMgPerKg'],
    [
      ['protocols', 'chronic-pain', 'defaultDurationMin'],
      'protocols.chronic-pain.defaultDurationMin',
    ],
    [['products', 2, 'strength'], 'products[2].strength'],
    [['severities', 'CI.PREGNANCY'], 'severities["CI.PREGNANCY"]'],
    [
      ['contraindications', 'CI.PREGNANCY', 'severity'],
      'contraindications["CI.PREGNANCY"].severity',
    ],
    [[], ''],
  ] as const)('%j -> %s', (segments, expected) => {
    expect(formatPath(segments)).toBe(expected);
  });
});
