import { describe, expect, test } from 'vitest';
import {
  compareRatio,
  decimalsOf,
  divideRoundHalfUp,
  floorProductRatio,
  isProductDivisible,
  multiplyExact,
  pow10,
  roundProductRatio,
  toScaledInteger,
} from './exact';
import { formatFixed, formatRatio, formatScaled } from './format-decimal';
import {
  exactValue,
  roundForDisplay,
  roundedText,
  roundRatio,
  DOSE_DISPLAY,
  type Rounded,
} from './rounding';

/** The fields a rounded value shows (its texts are written when read). */
function shown(r: Rounded): Rounded {
  const { value, scaled, text, exactText, wasRounded } = r;
  return { value, scaled, text, exactText, wasRounded };
}

describe('exact integer arithmetic', () => {
  test.each([
    [0.1, 3, 100],
    [0.5, 4, 5000],
    [80.0005, 3, undefined],
    [0.45359237, 8, 45_359_237],
    [1e20, 6, undefined],
    [0.1 + 0.2, 6, undefined],
  ])('toScaledInteger(%d, %d) is %s', (value, digits, expected) => {
    expect(toScaledInteger(value, digits)).toBe(expected);
  });

  test('pow10 refuses exponents without an exact double', () => {
    expect(pow10(15)).toBe(1e15);
    expect(() => pow10(16)).toThrow(RangeError);
  });

  test.each([
    [1_008_000, 4, 1],
    [1_000_000, 4, 0],
    [5, 4, 4],
    [0, 4, 0],
  ])('decimalsOf(%d, %d) is %d', (scaled, digits, expected) => {
    expect(decimalsOf(scaled, digits)).toBe(expected);
  });

  test.each([
    [5, 10, 1],
    [4, 10, 0],
    [15, 10, 2],
    [14, 10, 1],
    [0, 7, 0],
    [2 ** 52 + 1, 2, 2 ** 51 + 1],
  ])('divideRoundHalfUp(%d, %d) is %d (half up)', (n, d, expected) => {
    expect(divideRoundHalfUp(n, d)).toBe(expected);
  });

  test('products past 2^53 fall back to BigInt and stay exact', () => {
    expect(roundProductRatio(1e10, 45_359_237, 1e7)).toBe(45_359_237_000);
    // (2^30 + 1)^2 / 2^20 = 2^40 + 2^11 + 2^-20: rounds down, floors the same.
    expect(roundProductRatio(2 ** 30 + 1, 2 ** 30 + 1, 2 ** 20)).toBe(2 ** 40 + 2 ** 11);
    expect(floorProductRatio(2 ** 30 + 1, 2 ** 30 + 1, 2 ** 20)).toBe(2 ** 40 + 2 ** 11);
    expect(isProductDivisible(2 ** 30 + 1, 2 ** 30, 2 ** 20)).toBe(true);
    expect(isProductDivisible(2 ** 30 + 1, 2 ** 30 + 1, 2 ** 20)).toBe(false);
    expect(multiplyExact(3, 4)).toBe(12);
    expect(() => multiplyExact(2 ** 30, 2 ** 30)).toThrow(RangeError);
    expect(() => roundProductRatio(3e9, 3e9, 2)).toThrow(RangeError);
  });

  test.each([
    [1, 3, 333_333, 1e6, 1],
    [2, 4, 1, 2, 0],
    [1, 3, 1, 3, 0],
    [1e15 + 1, 1e15, 1, 1, 1],
    [1e15 - 1, 1e15, 1, 1, -1],
    [0, 5, 0, 7, 0],
    [0, 5, 1, 7, -1],
    [7, 2, 10, 3, 1],
  ])('compareRatio(%d/%d, %d/%d) is %d, exactly at near-ties', (n1, d1, n2, d2, expected) => {
    expect(compareRatio(n1, d1, n2, d2)).toBe(expected);
    expect(compareRatio(n2, d2, n1, d1)).toBe(-expected || 0);
  });
});

describe('decimal text', () => {
  test.each([
    [1_008_000, 4, '100.8'],
    [5, 4, '0.0005'],
    [0, 3, '0'],
    [123, 0, '123'],
    [1_000_000_000_000_000, 4, '100000000000'],
    [1_428_571_428_571_429, 4, '142857142857.1429'],
  ])('formatScaled(%d, %d) is %s', (n, digits, text) => {
    expect(formatScaled(n, digits)).toBe(text);
  });

  test.each([
    [66_929, 3, '66.929'],
    [5, 3, '0.005'],
    [1000, 3, '1.000'],
    [7, 0, '7'],
  ])('formatFixed(%d, %d) keeps zeros: %s', (n, digits, text) => {
    expect(formatFixed(n, digits)).toBe(text);
  });

  test.each([
    [1, 3, 9, 3, '0.333…', false],
    [1, 8, 9, 3, '0.125', true],
    [1, 4, 1, 1, '0.2…', false],
    [10, 5, 9, 3, '2', true],
    [1, 1024, 9, 3, '0.000…', false],
    [1, 1024, 10, 4, '0.0009765625', true],
    [1, 3e12, 9, 5, '0.00000…', false],
    [1e12, 7, 9, 5, '142857142857.14285…', false],
  ])('formatRatio(%d, %d, %d, %d) is %s', (n, d, exactDigits, truncated, text, exact) => {
    expect(formatRatio(n, d, exactDigits, truncated)).toEqual({ text, exact });
  });
});

describe('rounding to an increment', () => {
  test('36.7 mg ÷ 50 mg/mL to 0.01 mL: 0.734 shown as 0.73', () => {
    expect(shown(roundRatio(367_000_000, 500_000_000, 100, 4, 3))).toEqual({
      value: 0.73,
      scaled: 7300,
      text: '0.73',
      exactText: '0.734',
      wasRounded: true,
    });
  });

  test('exactly half an increment rounds up', () => {
    expect(shown(roundRatio(5, 1000, 100, 4, 3))).toMatchObject({
      value: 0.01,
      exactText: '0.005',
    });
    expect(shown(roundRatio(15, 10_000, 1, 3, 4))).toMatchObject({
      value: 0.002,
      exactText: '0.0015',
    });
  });

  test('an exact value is not marked as rounded', () => {
    expect(shown(roundRatio(1008, 10, 1000, 4, 3))).toEqual(shown(exactValue(1_008_000, 4)));
    expect(shown(exactValue(1_008_000, 4))).toEqual({
      value: 100.8,
      scaled: 1_008_000,
      text: '100.8',
      exactText: '100.8',
      wasRounded: false,
    });
  });

  test('a product past 2^53 rounds exactly through BigInt', () => {
    expect(shown(roundRatio(1e12, 7, 1, 4, 5))).toEqual({
      value: 142_857_142_857.1429,
      scaled: 1_428_571_428_571_429,
      text: '142857142857.1429',
      exactText: '142857142857.14285…',
      wasRounded: true,
    });
  });

  test('display rounding shows the exact value and why it was rounded', () => {
    const r = roundForDisplay(1, 3, DOSE_DISPLAY);
    expect(shown(r)).toMatchObject({ value: 0.33, exactText: '0.333…' });
    expect(roundedText(r, 'mg', DOSE_DISPLAY.text)).toBe(
      '0.333… mg, rounded to 0.33 mg (shown to 0.01 mg)',
    );
    expect(roundedText(exactValue(40, 0), 'mg', DOSE_DISPLAY.text)).toBe('40 mg');
  });
});
