/**
 * One guardrail's bounds, checked and turned into scaled integers for exact comparison: a bound,
 * a min/max range, and a soft-and-hard pair with its clinic settings marked.
 */
import type { Problem } from '../result';
import { marked, markedDefault, type BoundSetting } from './clinic-setting';
import { toScaledInteger } from './exact';
import { DOSE_PROBLEM, problem } from './problems';
import type { DoseGuardrails, LimitRange, SoftHardRange } from './types';

/** Limits are held at 10^-6 of their unit. */
export const LIMIT_DIGITS = 6;
export const LIMIT_SCALE = 1e6;

/** One bound, as given and as an integer count of 10^-6. */
export interface CompiledBound {
  readonly value: number;
  readonly scaled: number;
  /**
   * value × (1 ± 10^-12): a float quotient beyond these is surely above or below the bound
   * (see `compareToBound` in guardrails.ts); between them the comparison is made exactly.
   */
  readonly surelyAbove: number;
  readonly surelyBelow: number;
  /** Present when the clinic chose this bound, with the knowledge base's value it replaced. */
  readonly clinicSetting?: BoundSetting;
  /**
   * The knowledge base lists this bound among its clinic-setting defaults (`settingDefaults`):
   * no clinical source sets it, so a finding against it is a clinic setting at its default.
   */
  readonly settingDefault?: true;
}

export interface CompiledRange {
  readonly softMin: CompiledBound | undefined;
  readonly softMax: CompiledBound | undefined;
  readonly hardMin: CompiledBound | undefined;
  readonly hardMax: CompiledBound | undefined;
  /**
   * A float quotient below `quietBelow` is surely under both maxima, and one above
   * `quietAbove` surely over both minima (±Infinity when there is no such bound): a value
   * strictly between them hits no limit, which `checkRange` tells with two comparisons.
   */
  readonly quietBelow: number;
  readonly quietAbove: number;
}

export function compiledRange(
  softMin: CompiledBound | undefined,
  softMax: CompiledBound | undefined,
  hardMin: CompiledBound | undefined,
  hardMax: CompiledBound | undefined,
): CompiledRange {
  return {
    softMin,
    softMax,
    hardMin,
    hardMax,
    quietBelow: Math.min(
      softMax?.surelyBelow ?? Number.POSITIVE_INFINITY,
      hardMax?.surelyBelow ?? Number.POSITIVE_INFINITY,
    ),
    quietAbove: Math.max(
      softMin?.surelyAbove ?? Number.NEGATIVE_INFINITY,
      hardMin?.surelyAbove ?? Number.NEGATIVE_INFINITY,
    ),
  };
}

/** The guardrails that have both soft and hard ranges. */
export type SoftHardKey =
  | 'doseMgPerKg'
  | 'totalDoseMg'
  | 'doseRateMgPerKgPerHour'
  | 'durationMin'
  | 'finalConcentrationMgPerMl';

export function readBound(
  value: unknown,
  path: string,
  problems: Problem[],
): CompiledBound | undefined {
  if (value === undefined) return undefined;
  const scaled =
    typeof value === 'number' && value >= 0 && value <= 1e6
      ? toScaledInteger(value, LIMIT_DIGITS)
      : undefined;
  if (typeof value !== 'number' || scaled === undefined) {
    problems.push(
      problem(
        DOSE_PROBLEM.INVALID_PROTOCOL,
        path,
        `${path} must be a number from 0 to 1000000 with at most 6 decimals`,
      ),
    );
    return undefined;
  }
  return { value, scaled, surelyAbove: value + value * 1e-12, surelyBelow: value - value * 1e-12 };
}

export function readRange(
  range: LimitRange | undefined,
  path: string,
  problems: Problem[],
): { min: CompiledBound | undefined; max: CompiledBound | undefined } {
  if (typeof range !== 'object' || (range as unknown) === null) {
    problems.push(problem(DOSE_PROBLEM.INVALID_PROTOCOL, path, `${path} is required`));
    return { min: undefined, max: undefined };
  }
  const min = readBound(range.min, `${path}.min`, problems);
  const max = readBound(range.max, `${path}.max`, problems);
  if (min !== undefined && max !== undefined && min.scaled > max.scaled) {
    problems.push(problem(DOSE_PROBLEM.INVALID_PROTOCOL, path, `${path}.min is above ${path}.max`));
  }
  return { min, max };
}

export function readSoftHard(
  guardrails: DoseGuardrails,
  key: SoftHardKey,
  problems: Problem[],
): CompiledRange {
  const path = `protocol.guardrails.${key}`;
  const entry = guardrails[key] as SoftHardRange | undefined;
  const soft = readRange(entry?.soft, `${path}.soft`, problems);
  const hard = readRange(entry?.hard, `${path}.hard`, problems);
  // A soft bound outside its hard bound could never be reached.
  if (soft.max && hard.max && soft.max.scaled > hard.max.scaled) {
    problems.push(
      problem(DOSE_PROBLEM.INVALID_PROTOCOL, path, `${path}.soft.max is above hard.max`),
    );
  }
  if (soft.min && hard.min && soft.min.scaled < hard.min.scaled) {
    problems.push(
      problem(DOSE_PROBLEM.INVALID_PROTOCOL, path, `${path}.soft.min is below hard.min`),
    );
  }
  const mark = (b: CompiledBound | undefined, level: 'soft' | 'hard', side: 'min' | 'max') => {
    const at = { field: key, level, side } as const;
    return markedDefault(marked(b, guardrails, at), guardrails, at);
  };
  return compiledRange(
    mark(soft.min, 'soft', 'min'),
    mark(soft.max, 'soft', 'max'),
    mark(hard.min, 'hard', 'min'),
    mark(hard.max, 'hard', 'max'),
  );
}
