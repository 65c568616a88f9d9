import { describe, expect, test } from 'vitest';
import { ageInYears, daysBetween, isIsoDate } from './dates';

describe('dates', () => {
  test.each([
    ['2025-01-01', '2025-03-01', 59],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-03-01T10:00:00Z', '2025-02-28', -1],
    ['1970-01-01', '1970-01-01', 0],
  ])('%s to %s is %d days', (a, b, days) => {
    expect(daysBetween(a, b)).toBe(days);
  });

  test.each([
    ['1985-03-02', '2025-03-01', 39],
    ['1985-03-01', '2025-03-01', 40],
    ['2008-02-29', '2025-02-28', 16],
  ])('born %s is %d on %s', (birth, asOf, age) => {
    expect(ageInYears(birth, asOf)).toBe(age);
  });

  test.each([
    ['2025-02-29', false],
    ['2024-02-29', true],
    ['2025-13-01', false],
    ['yesterday', false],
    ['2025-04-31', false],
    ['2025-04-30T12:00:00Z', true],
  ])('isIsoDate(%s) is %s', (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });
});
