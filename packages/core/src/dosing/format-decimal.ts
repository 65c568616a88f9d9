/**
 * Decimal text for scaled integers and ratios, exact to the digit: the steps a nurse re-checks
 * must show the numbers that were computed, never a binary-float approximation.
 */
import { pow10 } from './exact';

/** Digits of a non-negative safe integer, left-padded with zeros to `width`. */
function padDigits(n: number, width: number): string {
  const s = `${n}`;
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

/**
 * `.` and the digits of every fraction of 4 decimals, trailing zeros dropped, indexed by the
 * fraction in 10^-4 (`[1200]` is `.12`, `[5]` is `.0005`; `[0]` is never used). Built once:
 * volumes, rates and concentrations are held at 10^-4, so most decimal text is a lookup.
 */
const FRACTION_TEXT_4: readonly string[] = (() => {
  const texts: string[] = new Array<string>(10_000);
  texts[0] = '';
  for (let f = 1; f < 10_000; f++) {
    const padded = String(10_000 + f); // '1' and four digits, zeros kept
    let end = 5;
    while (padded.charCodeAt(end - 1) === 48) end -= 1; // '0'
    texts[f] = `.${padded.slice(1, end)}`;
  }
  return texts;
})();

/** `.` and the digits of fraction / 10^4 (0 < fraction < 10^4, an integer), zeros dropped. */
function fractionText4(fraction: number): string {
  const text = FRACTION_TEXT_4[fraction];
  if (text === undefined) throw new RangeError(`fractionText4: ${fraction} is not 1..9999`);
  return text;
}

/**
 * n / 10^digits as the shortest exact decimal (`1008000, 4` → `100.8`), never in exponent form.
 * n is a safe integer ≥ 0. Built from integer parts: V8 caches the text of small integers,
 * while printing a fractional double runs the full shortest-round-trip algorithm.
 */
export function formatScaled(n: number, digits: number): string {
  const scale = pow10(digits);
  const whole = Math.floor(n / scale);
  const fraction = n - whole * scale;
  if (fraction === 0) return `${whole}`;
  // Up to 4 decimals (every dosing quantity but the dose at 10^-7): a table lookup.
  if (digits <= 4) return `${whole}` + fractionText4(fraction * pow10(4 - digits));
  return `${whole}` + fractionText(fraction, digits);
}

/**
 * `.` and the digits of fraction / 10^digits (0 < fraction < 10^digits), trailing zeros
 * dropped. Kept out of line so that formatScaled, whose usual path is a table lookup, stays
 * small enough for V8 to inline into its callers.
 */
function fractionText(fraction: number, digits: number): string {
  if (digits <= 4) return fractionText4(fraction * pow10(4 - digits));
  // A whole number of 10^-4 (the float quotient is an integer exactly when it is one): the
  // table has its text.
  const in4 = fraction / pow10(digits - 4);
  if (in4 === Math.floor(in4)) return fractionText4(in4);
  let f = fraction;
  let width = digits;
  let next = f / 10;
  while (next === Math.floor(next)) {
    f = next;
    width -= 1;
    next = f / 10;
  }
  return `.${padDigits(f, width)}`;
}

/** n / 10^digits with exactly `digits` decimals, zeros kept (`66929, 3` → `66.929`). */
export function formatFixed(n: number, digits: number): string {
  if (digits === 0) return String(n);
  const scale = pow10(digits);
  const whole = Math.floor(n / scale);
  return `${whole}.${padDigits(n - whole * scale, digits)}`;
}

/** The value of a ratio as the text a step shows, and whether that text is exact. */
export interface RatioText {
  readonly text: string;
  readonly exact: boolean;
}

/**
 * n / d (n ≥ 0, d > 0, safe integers) as exact decimal text when it terminates within
 * `exactDigits` decimals, else truncated to `truncatedDigits` (≤ `exactDigits`) decimals and
 * marked with an ellipsis (`104.166…`).
 */
export function formatRatio(
  n: number,
  d: number,
  exactDigits: number,
  truncatedDigits: number,
): RatioText {
  const whole = Math.floor(n / d);
  let remainder = n - whole * d;
  if (remainder === 0) return { text: `${whole}`, exact: true };
  let digits = exactDigits;
  let fraction: number;
  const scaled = remainder * pow10(exactDigits);
  if (scaled <= Number.MAX_SAFE_INTEGER) {
    // Every decimal from one exact division: the usual case (remainder < d, so any d up to
    // 9 × 10^6 at 9 decimals).
    fraction = Math.floor(scaled / d);
    remainder = scaled - fraction * d;
  } else {
    // Long division, as many digits per step as keep remainder × 10^step a safe integer.
    let step = exactDigits;
    while (step > 1 && d * pow10(step) > Number.MAX_SAFE_INTEGER) step -= 1;
    digits = 0;
    fraction = 0;
    while (remainder !== 0 && digits < exactDigits) {
      const take = exactDigits - digits < step ? exactDigits - digits : step;
      const scale = pow10(take);
      const shifted = remainder * scale;
      const chunk = Math.floor(shifted / d);
      remainder = shifted - chunk * d;
      fraction = fraction * scale + chunk;
      digits += take;
    }
  }
  if (remainder === 0) return { text: `${whole}` + fractionText(fraction, digits), exact: true };
  const truncated = Math.floor(fraction / pow10(digits - truncatedDigits));
  return { text: `${whole}.${padDigits(truncated, truncatedDigits)}…`, exact: false };
}
