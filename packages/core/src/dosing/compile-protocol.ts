/**
 * Checks a protocol's dosing data and guardrails once and turns them into scaled integers for
 * exact comparison. Protocols are immutable knowledge-base records, so the compiled form is
 * cached by object identity.
 */
import {
  WEIGHT_CHECK_SETTINGS,
  type ClinicSetValue,
  type WeightCheckSetting,
} from '../knowledge/schema/guardrails';
import { err, ok, type Problem, type Result } from '../result';
import { clinicSetValue, marked } from './clinic-setting';
import {
  compiledRange,
  LIMIT_DIGITS,
  readRange,
  readSoftHard,
  type CompiledBound,
  type CompiledRange,
} from './compile-range';
import { toScaledInteger } from './exact';
import { formatScaled } from './format-decimal';
import { readIvCeiling } from './iv-concentration-ceiling';
import { DOSE_PROBLEM, problem } from './problems';
import { exactValue, type Rounded } from './rounding';
import type { DoseGuardrails, DosingProtocol, WeightBasis } from './types';

export interface CompiledProtocol {
  readonly id: string;
  readonly doseMinMgPerKg: number;
  readonly doseMaxMgPerKg: number;
  /** Usual dose range in 10^-4 mg/kg. */
  readonly doseMin4: number;
  readonly doseMax4: number;
  /** Default dose in 10^-4 mg/kg. */
  readonly defaultDose4: number;
  readonly defaultDoseMgPerKg: number;
  /** Default duration in milli-minutes. */
  readonly defaultDurationMilliMin: number;
  readonly defaultDurationMin: number;
  readonly weightBasis: WeightBasis;
  readonly doseMgPerKg: CompiledRange;
  readonly totalDoseMg: CompiledRange;
  readonly doseRateMgPerKgPerHour: CompiledRange;
  readonly durationMin: CompiledRange;
  readonly finalConcentrationMgPerMl: CompiledRange;
  /**
   * The knowledge base's own hard concentration maximum (50 mg/mL: 100 mg/mL diluted at least
   * 1:1 [S01][S05]), kept when the clinic or a location set another: a setting may tighten the
   * guardrail, but above this value the undiluted-vial limit blocks whatever the setting says.
   */
  readonly ivConcentrationCeiling: CompiledBound;
  readonly weightKg: CompiledRange;
  /** Scaled 10^-6. */
  readonly weightChangeFraction6: number;
  readonly weightChangeFraction: number;
  /** Scaled 10^-6. */
  readonly mixupTolerance6: number;
  readonly weightMaxAgeDays: number;
  /** The clinic's changes of the weight checks' settings (no entry: the knowledge base's default). */
  readonly weightCheckChanges: Readonly<Partial<Record<WeightCheckSetting, ClinicSetValue>>>;
  /** Notes said when the protocol's default dose or duration is used (built once). */
  readonly defaultDoseNote: string;
  readonly defaultDurationNote: string;
  /** The default dose (mg/kg) and its step's start, `0.5 mg/kg × ` (of the weight). */
  readonly defaultDoseShown: Rounded;
  readonly defaultDoseTimes: string;
  /** The default duration's step text. */
  readonly defaultDurationSteps: DurationSteps;
}

/**
 * A duration as the steps show it, joined once with the words around it (built for each
 * protocol's default duration when the protocol is compiled; see `durationSteps`).
 */
export interface DurationSteps {
  /** The duration in minutes, exact: `40`. */
  readonly shown: Rounded;
  /** ` mL ÷ 40 min × 60 min/h = `: total volume to pump rate. */
  readonly volumeToRate: string;
  /** ` mg/kg ÷ 40 min × 60 min/h = `: dose per kg to dose rate. */
  readonly perKgToRate: string;
  /** ` mg ÷ 40 min = `: dose to dose per minute. */
  readonly doseToPerMin: string;
}

/** The step text of a duration of `milliMin` milli-minutes. */
export function durationSteps(milliMin: number): DurationSteps {
  const shown = exactValue(milliMin, 3);
  const min = shown.text;
  return {
    shown,
    volumeToRate: ` mL ÷ ${min} min × 60 min/h = `,
    perKgToRate: ` mg/kg ÷ ${min} min × 60 min/h = `,
    doseToPerMin: ` mg ÷ ${min} min = `,
  };
}

const cache = new WeakMap<DosingProtocol, Result<CompiledProtocol, Problem[]>>();

function readDefaulted(
  range: { readonly min: number; readonly max: number; readonly default: number } | undefined,
  path: string,
  digits: number,
  max: number,
  problems: Problem[],
): number | undefined {
  const ok =
    typeof range === 'object' &&
    (range as unknown) !== null &&
    [range.min, range.max, range.default].every(
      (v) => typeof v === 'number' && v > 0 && v <= max && toScaledInteger(v, digits) !== undefined,
    ) &&
    range.min <= range.default &&
    range.default <= range.max;
  if (!ok) {
    problems.push(
      problem(
        DOSE_PROBLEM.INVALID_PROTOCOL,
        path,
        `${path} needs min ≤ default ≤ max, each above 0, at most ${max}, with at most ${digits} decimals`,
      ),
    );
    return undefined;
  }
  return toScaledInteger(range.default, digits);
}

function readFraction(value: unknown, path: string, problems: Problem[]): number | undefined {
  const scaled =
    typeof value === 'number' && value > 0 && value < 1
      ? toScaledInteger(value, LIMIT_DIGITS)
      : undefined;
  if (scaled === undefined) {
    problems.push(
      problem(DOSE_PROBLEM.INVALID_PROTOCOL, path, `${path} must be a fraction between 0 and 1`),
    );
  }
  return scaled;
}

/** The weight-check settings `clinicSetValues` lists, each with a usable knowledge-base value. */
function readWeightCheckChanges(
  g: DoseGuardrails,
  problems: Problem[],
): Partial<Record<WeightCheckSetting, ClinicSetValue>> {
  const changes: Partial<Record<WeightCheckSetting, ClinicSetValue>> = {};
  for (const setting of WEIGHT_CHECK_SETTINGS) {
    const changed = clinicSetValue(g, setting);
    if (changed === undefined) continue;
    const value = changed.knowledgeBaseValue as unknown;
    const usable =
      typeof value === 'number' &&
      (setting === 'weightMaxAgeDays'
        ? Number.isInteger(value) && value >= 0
        : value > 0 && value < 1 && toScaledInteger(value, LIMIT_DIGITS) !== undefined);
    if (usable) {
      changes[setting] = changed;
    } else {
      const path = 'protocol.guardrails.clinicSetValues';
      problems.push(
        problem(
          DOSE_PROBLEM.INVALID_PROTOCOL,
          path,
          `${path}: ${setting} needs the knowledge base's value, as the guardrail itself takes it`,
        ),
      );
    }
  }
  return changes;
}

function compileUncached(protocol: DosingProtocol): Result<CompiledProtocol, Problem[]> {
  const problems: Problem[] = [];
  if (typeof protocol.id !== 'string' || protocol.id === '') {
    problems.push(problem(DOSE_PROBLEM.INVALID_PROTOCOL, 'protocol.id', 'protocol.id is required'));
  }
  const defaultDose4 = readDefaulted(
    protocol.doseMgPerKg,
    'protocol.doseMgPerKg',
    4,
    100,
    problems,
  );
  const defaultDuration = readDefaulted(
    protocol.durationMin,
    'protocol.durationMin',
    3,
    20_160,
    problems,
  );
  const basis = protocol.weightBasis as unknown;
  if (basis !== 'actual' && basis !== 'ideal' && basis !== 'adjusted') {
    problems.push(
      problem(
        DOSE_PROBLEM.INVALID_PROTOCOL,
        'protocol.weightBasis',
        'protocol.weightBasis must be actual, ideal or adjusted',
      ),
    );
  }
  const g = protocol.guardrails as DoseGuardrails | undefined;
  if (typeof g !== 'object' || (g as unknown) === null) {
    problems.push(
      problem(
        DOSE_PROBLEM.INVALID_PROTOCOL,
        'protocol.guardrails',
        'protocol.guardrails is required',
      ),
    );
    return err(problems);
  }
  const doseMgPerKg = readSoftHard(g, 'doseMgPerKg', problems);
  const totalDoseMg = readSoftHard(g, 'totalDoseMg', problems);
  const doseRateMgPerKgPerHour = readSoftHard(g, 'doseRateMgPerKgPerHour', problems);
  const durationMin = readSoftHard(g, 'durationMin', problems);
  const finalConcentrationMgPerMl = readSoftHard(g, 'finalConcentrationMgPerMl', problems);
  const ceiling = readIvCeiling(g, problems);
  const weightKg = g.weightKg as DoseGuardrails['weightKg'] | undefined;
  const weight = readRange(weightKg?.hard, 'protocol.guardrails.weightKg.hard', problems);
  if (weight.min === undefined || weight.max === undefined) {
    problems.push(
      problem(
        DOSE_PROBLEM.INVALID_PROTOCOL,
        'protocol.guardrails.weightKg.hard',
        'protocol.guardrails.weightKg.hard needs both min and max: a weight is never unchecked',
      ),
    );
  }
  const change6 = readFraction(
    g.weightChangeSoftFraction,
    'protocol.guardrails.weightChangeSoftFraction',
    problems,
  );
  const mixup6 = readFraction(
    g.lbKgMixupTolerance,
    'protocol.guardrails.lbKgMixupTolerance',
    problems,
  );
  if (!Number.isInteger(g.weightMaxAgeDays) || g.weightMaxAgeDays < 0) {
    problems.push(
      problem(
        DOSE_PROBLEM.INVALID_PROTOCOL,
        'protocol.guardrails.weightMaxAgeDays',
        'protocol.guardrails.weightMaxAgeDays must be a whole number of days ≥ 0',
      ),
    );
  }
  const weightCheckChanges = readWeightCheckChanges(g, problems);
  if (
    problems.length > 0 ||
    defaultDose4 === undefined ||
    defaultDuration === undefined ||
    change6 === undefined ||
    mixup6 === undefined ||
    ceiling === undefined
  ) {
    return err(problems);
  }
  return ok({
    id: protocol.id,
    doseMinMgPerKg: protocol.doseMgPerKg.min,
    doseMaxMgPerKg: protocol.doseMgPerKg.max,
    doseMin4: Math.round(protocol.doseMgPerKg.min * 1e4),
    doseMax4: Math.round(protocol.doseMgPerKg.max * 1e4),
    defaultDose4,
    defaultDoseMgPerKg: protocol.doseMgPerKg.default,
    defaultDurationMilliMin: defaultDuration,
    defaultDurationMin: protocol.durationMin.default,
    weightBasis: protocol.weightBasis,
    doseMgPerKg,
    totalDoseMg,
    doseRateMgPerKgPerHour,
    durationMin,
    finalConcentrationMgPerMl,
    ivConcentrationCeiling: ceiling,
    weightKg: compiledRange(
      undefined,
      undefined,
      marked(weight.min, g, { field: 'weightKg', level: 'hard', side: 'min' }),
      marked(weight.max, g, { field: 'weightKg', level: 'hard', side: 'max' }),
    ),
    weightChangeFraction6: change6,
    weightChangeFraction: g.weightChangeSoftFraction,
    mixupTolerance6: mixup6,
    weightMaxAgeDays: g.weightMaxAgeDays,
    weightCheckChanges,
    defaultDoseShown: exactValue(defaultDose4, 4),
    defaultDoseTimes: `${formatScaled(defaultDose4, 4)} mg/kg × `,
    defaultDurationSteps: durationSteps(defaultDuration),
    defaultDoseNote: `Dose ${protocol.doseMgPerKg.default} mg/kg is the ${protocol.id} protocol default.`,
    defaultDurationNote: `Duration ${protocol.durationMin.default} min is the ${protocol.id} protocol default.`,
  });
}

/**
 * Validate a protocol's dosing part and compile its limits, reporting every problem with its
 * path. Cached per protocol object (protocols are read-only knowledge-base data).
 */
export function compileProtocol(protocol: DosingProtocol): Result<CompiledProtocol, Problem[]> {
  let compiled = cache.get(protocol);
  if (compiled === undefined) {
    compiled = compileUncached(protocol);
    cache.set(protocol, compiled);
  }
  return compiled;
}

/** Every problem in a protocol's dosing data and guardrails (empty when it is usable). */
export function validateDosingProtocol(protocol: DosingProtocol): readonly Problem[] {
  const compiled = compileProtocol(protocol);
  return compiled.ok ? [] : compiled.error;
}
