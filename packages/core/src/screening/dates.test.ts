import { describe, expect, test } from 'vitest';
import { ageInYears, compareDateTimes, daysBetween, isIsoDate, youngestAgeInYears } from './dates';

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

describe('compareDateTimes', () => {
  test.each([
    ['2025-02-20T18:00:00Z', '2025-02-20T09:00:00Z', 1],
    ['2025-02-20T09:00:00Z', '2025-02-20T18:00:00Z', -1],
    ['2025-02-20T09:00:00-10:00', '2025-02-20T18:00:00Z', 1],
    ['2025-02-20T10:00:00.500+00:00', '2025-02-20T10:00:00Z', 1],
    ['2025-02-21', '2025-02-20T23:00:00Z', 1],
    ['2025-02-20', '2025-02-20T23:00:00Z', 0],
    ['2025-02-20', '2025-02-20', 0],
  ])('%s against %s is %d', (a, b, sign) => {
    expect(compareDateTimes(a, b)).toBe(sign);
  });
});

describe('youngestAgeInYears', () => {
  test.each([
    ['1985-03-02', '2025-03-01', 39],
    ['2007', '2025-03-01', 17],
    ['2007', '2026-01-01', 18],
    ['2007-02', '2025-03-01', 18],
    ['2007-03', '2025-03-01', 17],
    ['2008-02', '2026-02-28', 17],
    ['1990-13', '2025-03-01', undefined],
    ['15/01/1985', '2025-03-01', undefined],
  ])('born %s, on %s the patient is at least %s', (birth, asOf, age) => {
    expect(youngestAgeInYears(birth, asOf)).toBe(age);
  });
});
