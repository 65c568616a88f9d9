import type { LimitRange } from './schema/guardrails';

/** True when `value` lies inside `range` (bounds inclusive; an absent bound does not limit). */
export function isWithinRange(value: number, range: LimitRange): boolean {
  return (
    (range.min === undefined || value >= range.min) &&
    (range.max === undefined || value <= range.max)
  );
}

/** True unless both bounds exist and min exceeds max. */
export function isRangeOrdered(range: LimitRange): boolean {
  return range.min === undefined || range.max === undefined || range.min <= range.max;
}

/** The sides on which a soft range reaches outside its hard range. */
export function softSidesOutsideHard(soft: LimitRange, hard: LimitRange): ('min' | 'max')[] {
  const sides: ('min' | 'max')[] = [];
  if (soft.min !== undefined && hard.min !== undefined && soft.min < hard.min) sides.push('min');
  if (soft.max !== undefined && hard.max !== undefined && soft.max > hard.max) sides.push('max');
  return sides;
}

/** "between 0.5 and 1 mg/kg", "at most 50 mg/mL", "at least 30 kg" or "any value". */
export function describeRange(range: LimitRange, unit: string): string {
  if (range.min !== undefined && range.max !== undefined) {
    return `between ${range.min} and ${range.max} ${unit}`;
  }
  if (range.max !== undefined) return `at most ${range.max} ${unit}`;
  if (range.min !== undefined) return `at least ${range.min} ${unit}`;
  return 'any value';
}
