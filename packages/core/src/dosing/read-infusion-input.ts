/**
 * Validates an infusion input from any source and turns it into scaled integers. Every problem
 * is reported with the path of its field; nothing is defaulted except what the protocol
 * defines (dose and duration), and never the weight.
 */
import { KETAMINE_VIAL_STRENGTHS_MG_PER_ML } from '../knowledge/ids';
import { err, ok, type Problem, type Result } from '../result';
import { compileProtocol, type CompiledProtocol } from './compile-protocol';
import { parseIsoInstant } from './iso-date';
import { DOSE_PROBLEM, describeValue, problem } from './problems';
import { readPositiveNumber, readQuantity, readScaled } from './read-field';
import { readSettings, type ReadSettings } from './read-infusion-settings';
import type {
  InfusionInput,
  Sex,
  SoftLimitOverride,
  VialConcentrationMgPerMl,
  WeightBasis,
} from './types';

/** `10, 50 or 100`: the knowledge base's injection strengths (a KB check keeps them equal). */
const VIAL_STRENGTHS_TEXT = `${KETAMINE_VIAL_STRENGTHS_MG_PER_ML.slice(0, -1).join(', ')} or ${String(KETAMINE_VIAL_STRENGTHS_MG_PER_ML.at(-1))}`;

function isVialStrength(c: number | undefined): c is VialConcentrationMgPerMl {
  return (KETAMINE_VIAL_STRENGTHS_MG_PER_ML as readonly (number | undefined)[]).includes(c);
}

export type { SettingsText } from './read-infusion-settings';

/** A measured quantity at 10^-6 of its unit. */
export interface ScaledMeasure<U extends string> {
  readonly unit: U;
  readonly value: number;
  readonly scaled6: number;
}

export type ReadDose =
  | { readonly unit: 'mg/kg'; readonly scaled4: number; readonly explicit: boolean }
  | { readonly unit: 'mg'; readonly scaled3: number };

export interface ReadDuration {
  readonly milliMin: number;
  /** Set when the duration was given in hours (10^-4 h), so the step can show the conversion. */
  readonly hours4: number | undefined;
  readonly explicit: boolean;
}

export interface ReadInfusion extends ReadSettings {
  readonly protocol: CompiledProtocol;
  readonly basis: WeightBasis;
  readonly weight: ScaledMeasure<'kg' | 'lb'>;
  readonly weightMeasuredMs: number | undefined;
  readonly height: ScaledMeasure<'cm' | 'in'> | undefined;
  readonly sex: Sex | undefined;
  readonly dose: ReadDose;
  readonly concentration: VialConcentrationMgPerMl;
  readonly duration: ReadDuration;
  readonly lastWeight: { readonly grams: number; readonly measuredOn: string } | undefined;
  readonly asOfMs: number | undefined;
  readonly overrides: readonly SoftLimitOverride[];
}

/** Physically plausible input bounds (not clinical limits: those are the guardrails). */
const MAX_WEIGHT_KG = 1000;
const MAX_WEIGHT_LB = 2204.6;
/** Below these a weight would round to 0 g and every per-kg value divide by zero. */
const MIN_WEIGHT = { kg: 0.5, lb: 1 } as const;
const MAX_DOSE_MG_PER_KG = 100;
const MAX_DOSE_MG = 10_000;
const MAX_DURATION_MIN = 20_160;
const MAX_DURATION_H = 336;
const HEIGHT_BOUNDS = { cm: [30, 300], in: [12, 120] } as const;
/** Devine assumes at least 60 in: 60e6 µin, or 152.4e6 µcm [S99][S100][S101]. */
const DEVINE_MIN_SCALED6 = { cm: 152_400_000, in: 60_000_000 } as const;
const NO_OVERRIDES: readonly SoftLimitOverride[] = [];
const WEIGHT_UNITS = ['kg', 'lb'] as const;
const HEIGHT_UNITS = ['cm', 'in'] as const;
const DOSE_UNITS = ['mg/kg', 'mg'] as const;
const DURATION_UNITS = ['min', 'h'] as const;
const CONCENTRATION_UNITS = ['mg/mL'] as const;

function readDate(value: unknown, path: string, problems: Problem[]): number | undefined {
  const ms = typeof value === 'string' ? parseIsoInstant(value) : undefined;
  if (ms === undefined) {
    problems.push(
      problem(
        DOSE_PROBLEM.INVALID_DATE,
        path,
        `${path} must be an ISO date (2025-03-01) or date-time with offset, got ${describeValue(value)}`,
      ),
    );
  }
  return ms;
}

function readWeight(raw: unknown, problems: Problem[]): ScaledMeasure<'kg' | 'lb'> | undefined {
  const q = readQuantity(raw, 'weight', WEIGHT_UNITS, problems);
  if (q === undefined) return undefined;
  const min = q.unit === 'kg' ? MIN_WEIGHT.kg : MIN_WEIGHT.lb;
  if (q.value < min) {
    problems.push(
      problem(
        DOSE_PROBLEM.OUT_OF_RANGE,
        'weight',
        `weight ${q.value} ${q.unit} is not plausible (at least ${min} ${q.unit})`,
      ),
    );
    return undefined;
  }
  const max = q.unit === 'kg' ? MAX_WEIGHT_KG : MAX_WEIGHT_LB;
  const scaled6 = readScaled(q.value, 'weight', q.unit, 6, max, problems);
  return scaled6 === undefined ? undefined : { unit: q.unit, value: q.value, scaled6 };
}

function readHeight(
  raw: unknown,
  needsDevine: boolean,
  problems: Problem[],
): ScaledMeasure<'cm' | 'in'> | undefined {
  const q = readQuantity(raw, 'height', HEIGHT_UNITS, problems);
  if (q === undefined) return undefined;
  const [min, max] = HEIGHT_BOUNDS[q.unit];
  if (q.value < min) {
    problems.push(
      problem(
        DOSE_PROBLEM.OUT_OF_RANGE,
        'height',
        `height ${q.value} ${q.unit} is not plausible (at least ${min} ${q.unit})`,
      ),
    );
    return undefined;
  }
  const scaled6 = readScaled(q.value, 'height', q.unit, 6, max, problems);
  if (scaled6 === undefined) return undefined;
  if (needsDevine && scaled6 < DEVINE_MIN_SCALED6[q.unit]) {
    problems.push(
      problem(
        DOSE_PROBLEM.HEIGHT_BELOW_DEVINE_MINIMUM,
        'height',
        `height ${q.value} ${q.unit} is under 60 in (152.4 cm): the Devine ideal-weight formula does not apply; use actual weight`,
      ),
    );
    return undefined;
  }
  return { unit: q.unit, value: q.value, scaled6 };
}

function readDose(
  raw: unknown,
  protocol: CompiledProtocol | undefined,
  problems: Problem[],
): ReadDose | undefined {
  if (raw === undefined) {
    return protocol && { unit: 'mg/kg', scaled4: protocol.defaultDose4, explicit: false };
  }
  const q = readQuantity(raw, 'dose', DOSE_UNITS, problems);
  if (q === undefined) return undefined;
  if (q.unit === 'mg/kg') {
    const scaled4 = readScaled(q.value, 'dose', 'mg/kg', 4, MAX_DOSE_MG_PER_KG, problems);
    return scaled4 === undefined ? undefined : { unit: 'mg/kg', scaled4, explicit: true };
  }
  const scaled3 = readScaled(q.value, 'dose', 'mg', 3, MAX_DOSE_MG, problems);
  return scaled3 === undefined ? undefined : { unit: 'mg', scaled3 };
}

function readDuration(
  raw: unknown,
  protocol: CompiledProtocol | undefined,
  problems: Problem[],
): ReadDuration | undefined {
  if (raw === undefined) {
    return (
      protocol && {
        milliMin: protocol.defaultDurationMilliMin,
        hours4: undefined,
        explicit: false,
      }
    );
  }
  const q = readQuantity(raw, 'duration', DURATION_UNITS, problems);
  if (q === undefined) return undefined;
  if (q.unit === 'min') {
    const milliMin = readScaled(q.value, 'duration', 'min', 3, MAX_DURATION_MIN, problems);
    return milliMin === undefined ? undefined : { milliMin, hours4: undefined, explicit: true };
  }
  const hours4 = readScaled(q.value, 'duration', 'h', 4, MAX_DURATION_H, problems);
  // 1 h = 60 min: 10^-4 h × 6 = 10^-3 min.
  return hours4 === undefined ? undefined : { milliMin: hours4 * 6, hours4, explicit: true };
}

function readOverrides(raw: unknown, problems: Problem[]): readonly SoftLimitOverride[] {
  if (raw === undefined) return NO_OVERRIDES;
  if (!Array.isArray(raw)) {
    problems.push(
      problem(
        DOSE_PROBLEM.INVALID_INPUT,
        'overrides',
        'overrides must be a list of { code, reason }',
      ),
    );
    return NO_OVERRIDES;
  }
  const result: SoftLimitOverride[] = [];
  raw.forEach((item: unknown, i) => {
    const o = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof o.code !== 'string' || o.code === '') {
      problems.push(
        problem(
          DOSE_PROBLEM.INVALID_INPUT,
          `overrides[${i}].code`,
          `overrides[${i}].code is required`,
        ),
      );
    } else if (typeof o.reason !== 'string') {
      problems.push(
        problem(
          DOSE_PROBLEM.INVALID_INPUT,
          `overrides[${i}].reason`,
          `overrides[${i}].reason must be text`,
        ),
      );
    } else {
      result.push({ code: o.code, reason: o.reason });
    }
  });
  return result;
}

/** Validate and normalise an infusion input, reporting every problem. */
export function readInfusionInput(input: InfusionInput): Result<ReadInfusion, Problem[]> {
  const problems: Problem[] = [];
  if (typeof input !== 'object' || (input as unknown) === null) {
    return err([
      problem(DOSE_PROBLEM.INVALID_INPUT, '', 'the calculation input must be an object'),
    ]);
  }
  let protocol: CompiledProtocol | undefined;
  if (typeof input.protocol !== 'object' || (input.protocol as unknown) === null) {
    problems.push(problem(DOSE_PROBLEM.MISSING_INPUT, 'protocol', 'protocol is required'));
  } else {
    const compiled = compileProtocol(input.protocol);
    if (compiled.ok) protocol = compiled.value;
    else problems.push(...compiled.error);
  }

  // `??` would let null through as 'use the protocol's basis'; null is a wrong type, not absence.
  const basis = input.weightBasis === undefined ? protocol?.weightBasis : input.weightBasis;
  if (
    input.weightBasis !== undefined &&
    basis !== 'actual' &&
    basis !== 'ideal' &&
    basis !== 'adjusted'
  ) {
    problems.push(
      problem(
        DOSE_PROBLEM.INVALID_INPUT,
        'weightBasis',
        `weightBasis must be actual, ideal or adjusted, got ${describeValue(input.weightBasis)}`,
      ),
    );
  }
  const needsDevine = basis === 'ideal' || basis === 'adjusted';

  const weight = readWeight(input.weight, problems);
  const measuredOn: unknown = (input.weight as { measuredOn?: unknown } | undefined)?.measuredOn;
  const weightMeasuredMs =
    measuredOn === undefined ? undefined : readDate(measuredOn, 'weight.measuredOn', problems);

  const height =
    input.height === undefined && !needsDevine
      ? undefined
      : readHeight(input.height, needsDevine, problems);
  const sex = input.sex as unknown;
  if ((sex !== undefined || needsDevine) && sex !== 'female' && sex !== 'male') {
    problems.push(
      problem(
        sex === undefined ? DOSE_PROBLEM.MISSING_INPUT : DOSE_PROBLEM.INVALID_INPUT,
        'sex',
        sex === undefined
          ? `sex (female or male) is required for the ${String(basis)} body-weight basis`
          : `sex must be female or male, got ${describeValue(sex)}`,
      ),
    );
  }

  const dose = readDose(input.dose, protocol, problems);
  const concentrationQ = readQuantity(
    input.vialConcentration,
    'vialConcentration',
    CONCENTRATION_UNITS,
    problems,
  );
  const c = concentrationQ?.value;
  if (concentrationQ !== undefined && !isVialStrength(c)) {
    problems.push(
      problem(
        DOSE_PROBLEM.UNSUPPORTED_CONCENTRATION,
        'vialConcentration',
        `vialConcentration ${String(c)} mg/mL is not a ketamine vial strength: use ${VIAL_STRENGTHS_TEXT} mg/mL`,
      ),
    );
  }
  const settings = readSettings(input.settings, problems);
  const duration = readDuration(input.duration, protocol, problems);

  const asOfMs = input.asOf === undefined ? undefined : readDate(input.asOf, 'asOf', problems);
  let lastWeight: ReadInfusion['lastWeight'];
  const rawLast = input.lastRecordedWeight as unknown;
  if (rawLast !== undefined) {
    const last = (typeof rawLast === 'object' && rawLast !== null ? rawLast : {}) as Record<
      string,
      unknown
    >;
    const kg = readPositiveNumber(last.valueKg, 'lastRecordedWeight.valueKg', problems);
    if (kg !== undefined && kg < MIN_WEIGHT.kg) {
      problems.push(
        problem(
          DOSE_PROBLEM.OUT_OF_RANGE,
          'lastRecordedWeight.valueKg',
          `lastRecordedWeight.valueKg ${kg} kg is not plausible (at least ${MIN_WEIGHT.kg} kg)`,
        ),
      );
    }
    const scaled6 =
      kg === undefined || kg < MIN_WEIGHT.kg
        ? undefined
        : readScaled(kg, 'lastRecordedWeight.valueKg', 'kg', 6, MAX_WEIGHT_KG, problems);
    const lastMs = readDate(last.measuredOn, 'lastRecordedWeight.measuredOn', problems);
    if (lastMs !== undefined && asOfMs !== undefined && lastMs > asOfMs) {
      problems.push(
        problem(
          DOSE_PROBLEM.DATE_AFTER_AS_OF,
          'lastRecordedWeight.measuredOn',
          'lastRecordedWeight.measuredOn is after asOf',
        ),
      );
    }
    if (scaled6 !== undefined && typeof last.measuredOn === 'string') {
      // Grams, half up: the previous weight only feeds the plausibility checks.
      lastWeight = { grams: Math.floor((scaled6 + 500) / 1000), measuredOn: last.measuredOn };
    }
  }
  if (weightMeasuredMs !== undefined && asOfMs !== undefined && weightMeasuredMs > asOfMs) {
    problems.push(
      problem(
        DOSE_PROBLEM.DATE_AFTER_AS_OF,
        'weight.measuredOn',
        'weight.measuredOn is after asOf',
      ),
    );
  }
  const overrides = readOverrides(input.overrides, problems);

  if (
    problems.length > 0 ||
    protocol === undefined ||
    basis === undefined ||
    weight === undefined ||
    dose === undefined ||
    settings === undefined ||
    duration === undefined
  ) {
    return err(problems);
  }
  return ok({
    protocol,
    basis,
    weight,
    weightMeasuredMs,
    height,
    sex: sex as Sex | undefined,
    dose,
    concentration: c as VialConcentrationMgPerMl,
    bag4: settings.bag4,
    bagMode: settings.bagMode,
    volumeIncrement4: settings.volumeIncrement4,
    rateIncrement4: settings.rateIncrement4,
    settingsText: settings.settingsText,
    duration,
    lastWeight,
    asOfMs,
    overrides,
  });
}
