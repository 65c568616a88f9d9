import { describe, expect, test } from 'vitest';
import { formatMoney, formatMoneyRange, toCents } from './money';

describe('toCents rounds once, half away from zero', () => {
  test.each([
    [450, 45_000],
    [99.99, 9_999],
    [1.005, 101], // 1.005 * 100 is 100.49999999999999 in binary; decimal half rounds up
    [449.995, 45_000],
    [0.1, 10],
    [0.004, 0],
    [0, 0],
  ])('%d → %d cents', (amount, cents) => {
    expect(toCents(amount)).toBe(cents);
  });
});

describe('formatMoney', () => {
  test.each([
    [360_000, 'USD', '$3,600'],
    [360_050, 'USD', '$3,600.50'],
    [5, 'USD', '$0.05'],
    [123_456_789, 'USD', '$1,234,567.89'],
    [25_000, 'EUR', '€250'],
    [25_000, 'CHF', 'CHF 250'],
  ])('%d %s → %s', (cents, currency, text) => {
    expect(formatMoney(cents, currency)).toBe(text);
  });

  test('shows a range with an en dash and one figure when min equals max', () => {
    expect(formatMoneyRange({ minCents: 180_000, maxCents: 540_000 }, 'USD')).toBe('$1,800–$5,400');
    expect(formatMoneyRange({ minCents: 180_000, maxCents: 180_000 }, 'USD')).toBe('$1,800');
  });
});
