/**
 * Exact arithmetic on scaled integers and ratios of them.
 *
 * Every dosing number is held as a safe integer at a known decimal scale (grams, micro-litres
 * ×0.1, milli-minutes, ...) or as a ratio `n / d` of two such integers, and is rounded exactly
 * (half up) only when it is shown. Numbers stay in plain JS numbers on the hot path; the rare
 * product that would leave the safe-integer range falls back to BigInt, so results are exact
 * for every input the validators accept.
 */

/** Powers of ten that are exact doubles, indexed by exponent. */
const POW10: readonly number[] = [
  1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/** 10^exponent for 0 ≤ exponent ≤ 15. */
export function pow10(exponent: number): number {
  const p = POW10[exponent];
  if (p === undefined) throw new RangeError(`pow10: exponent ${exponent} out of range`);
  return p;
}

/**
 * `value` as an integer count of 10^-digits, or undefined when `value` has more decimals than
 * that (as written in its shortest decimal form) or does not fit. `0.1` at 3 digits is `100`.
 */
export function toScaledInteger(value: number, digits: number): number | undefined {
  const scale = pow10(digits);
  const n = Math.round(value * scale);
  return Number.isSafeInteger(n) && n / scale === value ? n : undefined;
}

/** Number of decimals (0..maxDigits) of a scaled integer once trailing zeros are dropped. */
export function decimalsOf(scaled: number, digits: number): number {
  let d = digits;
  let n = scaled;
  while (d > 0 && n % 10 === 0) {
    n /= 10;
    d -= 1;
  }
  return d;
}

/**
 * Exact floor(n / d) for safe integers n ≥ 0, d > 0. The float quotient is within
 * n / (d × 2^53) < 1/d of n / d, closer than any integer it is not equal to, so its floor is
 * exact; this avoids `%`, which V8 runs as a slow fmod call outside the int32 range.
 */
export function divideFloor(n: number, d: number): number {
  return Math.floor(n / d);
}

/** Exact round-half-up of n / d for safe integers n ≥ 0, d > 0. */
export function divideRoundHalfUp(n: number, d: number): number {
  const q = Math.floor(n / d);
  const r = n - q * d;
  return r * 2 >= d ? q + 1 : q;
}

/** Exact product of two safe integers; throws (a bug, not an input error) if it is not safe. */
export function multiplyExact(a: number, b: number): number {
  const p = a * b;
  if (!Number.isSafeInteger(p)) {
    throw new RangeError(`multiplyExact: ${a} × ${b} leaves the safe-integer range`);
  }
  return p;
}

/** Exact round-half-up of a × b / d (a, b ≥ 0, d > 0), falling back to BigInt when a × b is large. */
export function roundProductRatio(a: number, b: number, d: number): number {
  const p = a * b;
  if (Number.isSafeInteger(p)) return divideRoundHalfUp(p, d);
  const bigP = BigInt(a) * BigInt(b);
  const bigD = BigInt(d);
  const r = bigP % bigD;
  const q = (bigP - r) / bigD + (r * 2n >= bigD ? 1n : 0n);
  const result = Number(q);
  if (!Number.isSafeInteger(result)) {
    throw new RangeError(`roundProductRatio: ${a} × ${b} / ${d} leaves the safe-integer range`);
  }
  return result;
}

/** Exact floor(a × b / d) (a, b ≥ 0, d > 0), with the same BigInt fallback. */
export function floorProductRatio(a: number, b: number, d: number): number {
  const p = a * b;
  if (Number.isSafeInteger(p)) return divideFloor(p, d);
  const result = Number((BigInt(a) * BigInt(b)) / BigInt(d));
  if (!Number.isSafeInteger(result)) {
    throw new RangeError(`floorProductRatio: ${a} × ${b} / ${d} leaves the safe-integer range`);
  }
  return result;
}

/** True when a × b is divisible by d (a, b ≥ 0, d > 0). */
export function isProductDivisible(a: number, b: number, d: number): boolean {
  const p = a * b;
  if (Number.isSafeInteger(p)) return p === Math.floor(p / d) * d;
  return (BigInt(a) * BigInt(b)) % BigInt(d) === 0n;
}

/**
 * Exact comparison of n1/d1 with n2/d2 (all safe integers, n ≥ 0, d > 0): floats when they
 * are far apart, else continued fractions (no products, so no overflow). Returns -1, 0 or 1.
 */
export function compareRatio(n1: number, d1: number, n2: number, d2: number): -1 | 0 | 1 {
  // Each float quotient is within a relative 2^-53 of the exact one, so a gap wider than 10^-12
  // (relative) decides; only near-ties take the exact path below.
  const x = n1 / d1;
  const y = n2 / d2;
  if (x < y - y * 1e-12) return -1;
  if (x > y + y * 1e-12) return 1;
  // Near-tie (often an exact tie: a dose on its limit): cross-multiply while both products are
  // exact, else continued fractions.
  const left = n1 * d2;
  const right = n2 * d1;
  if (left <= Number.MAX_SAFE_INTEGER && right <= Number.MAX_SAFE_INTEGER) {
    return left < right ? -1 : left > right ? 1 : 0;
  }
  let a = n1;
  let b = d1;
  let c = n2;
  let e = d2;
  for (;;) {
    const q1 = Math.floor(a / b);
    const q2 = Math.floor(c / e);
    if (q1 !== q2) return q1 < q2 ? -1 : 1;
    const r1 = a - q1 * b;
    const r2 = c - q2 * e;
    if (r1 === 0 || r2 === 0) {
      if (r1 === r2) return 0;
      return r1 === 0 ? -1 : 1;
    }
    // r1/b vs r2/e has the opposite order of b/r1 vs e/r2.
    const nextA = e;
    const nextB = r2;
    c = b;
    e = r1;
    a = nextA;
    b = nextB;
  }
}
