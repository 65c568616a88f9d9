/**
 * Decimal text for scaled integers and ratios, exact to the digit: the steps a nurse re-checks
 * must show the numbers that were computed, never a binary-float approximation.
 */
import { divideFloor, floorProductRatio, pow10 } from './exact';

/** Digits of a non-negative safe integer, left-padded with zeros to `width`. */
function padDigits(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

/**
 * n / 10^digits as the shortest exact decimal (`1008000, 4` → `100.8`), never in exponent form.
 * n is a safe integer ≥ 0.
 */
export function formatScaled(n: number, digits: number): string {
  const scale = pow10(digits);
  const value = n / scale;
  // Below 10^15 every decimal has ≤ 15 significant digits, so the shortest round-trip text of
  // the nearest double is this very decimal (ECMA-262 Number::toString).
  if (n < 1e15 && (value >= 1e-6 || n === 0)) return String(value);
  const whole = divideFloor(n, scale);
  const fraction = n - whole * scale;
  if (fraction === 0) return String(whole);
  return `${String(whole)}.${padDigits(fraction, digits).replace(/0+$/, '')}`;
}

/** n / 10^digits with exactly `digits` decimals, zeros kept (`66929, 3` → `66.929`). */
export function formatFixed(n: number, digits: number): string {
  if (digits === 0) return String(n);
  const scale = pow10(digits);
  const whole = divideFloor(n, scale);
  return `${String(whole)}.${padDigits(n - whole * scale, digits)}`;
}

/** The value of a ratio as the text a step shows, and whether that text is exact. */
export interface RatioText {
  readonly text: string;
  readonly exact: boolean;
}

/** Greatest common divisor of two safe integers ≥ 0. */
function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/**
 * n / d (n ≥ 0, d > 0, safe integers) as exact decimal text when it terminates within
 * `exactDigits` decimals, else truncated to `truncatedDigits` decimals and marked with an
 * ellipsis (`104.166…`).
 */
export function formatRatio(
  n: number,
  d: number,
  exactDigits: number,
  truncatedDigits: number,
): RatioText {
  const g = gcd(n, d);
  const num = n / g;
  const den = d / g;
  // n / d terminates iff the reduced denominator is 2^a × 5^b; it then needs max(a, b) decimals.
  let rest = den;
  let twos = 0;
  let fives = 0;
  while (rest % 2 === 0) {
    rest /= 2;
    twos += 1;
  }
  while (rest % 5 === 0) {
    rest /= 5;
    fives += 1;
  }
  const digits = twos > fives ? twos : fives;
  if (rest === 1 && digits <= exactDigits) {
    const scaled = num * (pow10(digits) / den);
    if (Number.isSafeInteger(scaled)) return { text: formatScaled(scaled, digits), exact: true };
  }
  const whole = divideFloor(n, d);
  const fraction = floorProductRatio(n - whole * d, pow10(truncatedDigits), d);
  return {
    text: `${String(whole)}.${padDigits(fraction, truncatedDigits)}…`,
    exact: false,
  };
}
