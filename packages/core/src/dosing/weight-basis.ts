/**
 * The dosing weight: actual (kg, or lb converted exactly), ideal (Devine) or adjusted. Every
 * weight is resolved to 1 g (0.001 kg), far finer than any scale, and each conversion or
 * rounding is written out as a step.
 */
import {
  decimalsOf,
  divideRoundHalfUp,
  floorProductRatio,
  isProductDivisible,
  pow10,
  roundProductRatio,
} from './exact';
import { formatFixed, formatRatio, formatScaled } from './format-decimal';
import type { ReadInfusion, ScaledMeasure } from './read-infusion-input';
import type { Sex, WeightBasis } from './types';

/** International avoirdupois pound: 1 lb = 0.45359237 kg exactly (1959 agreement), 10^-8 kg. */
export const KG_PER_LB_E8 = 45_359_237;
export const WEIGHT_RESOLUTION_TEXT = '0.001 kg';

export interface DosingWeight {
  readonly basis: WeightBasis;
  /** Measured weight in grams. */
  readonly actualGrams: number;
  /** Weight the dose per kg applies to, in grams. */
  readonly dosingGrams: number;
  /** Devine ideal body weight in grams, when the basis needed it. */
  readonly idealGrams: number | undefined;
}

const ROUNDED_TO_GRAMS = (grams: number): string =>
  `, rounded to ${formatScaled(grams, 3)} kg (dosing-weight resolution ${WEIGHT_RESOLUTION_TEXT})`;

/** The measured weight in grams; lb is converted with 0.45359237 kg/lb exactly. */
export function actualWeightGrams(weight: ScaledMeasure<'kg' | 'lb'>, steps: string[]): number {
  if (weight.unit === 'kg') {
    if (weight.scaled6 % 1000 === 0) return weight.scaled6 / 1000;
    const grams = divideRoundHalfUp(weight.scaled6, 1000);
    steps.push(`Weight ${formatScaled(weight.scaled6, 6)} kg${ROUNDED_TO_GRAMS(grams)}`);
    return grams;
  }
  const digits = decimalsOf(weight.scaled6, 6);
  const lb = weight.scaled6 / pow10(6 - digits);
  // kg = lb × 45359237 × 10^-(digits + 8); grams = that × 10^3.
  const grams = roundProductRatio(lb, KG_PER_LB_E8, pow10(digits + 5));
  const product = lb * KG_PER_LB_E8;
  const exact = Number.isSafeInteger(product)
    ? formatScaled(product, digits + 8)
    : `${formatFixed(floorProductRatio(lb, KG_PER_LB_E8, pow10(digits + 2)), 6)}…`;
  const rounded = isProductDivisible(lb, KG_PER_LB_E8, pow10(digits + 5))
    ? ''
    : ROUNDED_TO_GRAMS(grams);
  steps.push(
    `Weight ${formatScaled(lb, digits)} lb × 0.45359237 kg/lb (exact) = ${exact} kg${rounded}`,
  );
  return grams;
}

/**
 * Devine ideal body weight in grams: 50 kg (men) or 45.5 kg (women) + 2.3 kg per inch over
 * 60 in [S99][S100][S101]. Height must be at least 60 in (checked when the input is read).
 */
export function idealWeightGrams(
  height: ScaledMeasure<'cm' | 'in'>,
  sex: Sex,
  steps: string[],
): number {
  const base10 = sex === 'male' ? 500 : 455;
  const baseText = sex === 'male' ? '50' : '45.5';
  let inchesText: string;
  let numerator: number;
  let denominator: number;
  if (height.unit === 'in') {
    // IBW = (base×10 × 10^6 + 23 × (h×10^6 − 60×10^6)) / 10^7 kg.
    numerator = base10 * 1e6 + 23 * (height.scaled6 - 60e6);
    denominator = 1e7;
    inchesText = formatScaled(height.scaled6, 6);
  } else {
    // inches = cm / 2.54 = 50 × cm / 127; IBW = (base×10 × 127 + 23 × (50 × cm − 7620)) / 1270.
    inchesText = formatRatio(height.scaled6 * 50, 127e6, 6, 3).text;
    steps.push(`Height ${formatScaled(height.scaled6, 6)} cm ÷ 2.54 cm/in = ${inchesText} in`);
    numerator = base10 * 127e6 + 23 * (50 * height.scaled6 - 7620e6);
    denominator = 127e7;
  }
  const grams = roundProductRatio(numerator, 1000, denominator);
  const exact = formatRatio(numerator, denominator, 6, 4);
  steps.push(
    `Ideal body weight (Devine, ${sex}) = ${baseText} kg + 2.3 kg/in × (${inchesText} in − 60 in) = ${exact.text} kg` +
      (isProductDivisible(numerator, 1000, denominator) ? '' : ROUNDED_TO_GRAMS(grams)),
  );
  return grams;
}

/** Adjusted body weight in grams: IBW + 0.4 × (actual − IBW) [S102]. */
export function adjustedWeightGrams(
  idealGrams: number,
  actualGrams: number,
  steps: string[],
): number {
  // IBW + 0.4 (A − IBW) = (6 IBW + 4 A) / 10, in grams.
  const tenths = 6 * idealGrams + 4 * actualGrams;
  const grams = divideRoundHalfUp(tenths, 10);
  steps.push(
    `Adjusted body weight = ${formatScaled(idealGrams, 3)} kg + 0.4 × (${formatScaled(actualGrams, 3)} kg − ${formatScaled(idealGrams, 3)} kg) = ${formatScaled(tenths, 4)} kg` +
      (tenths % 10 === 0 ? '' : ROUNDED_TO_GRAMS(grams)),
  );
  return grams;
}

/** Resolve the dosing weight for the basis, writing each conversion as a step. */
export function resolveDosingWeight(
  input: ReadInfusion,
  steps: string[],
  notes: string[],
): DosingWeight {
  const actualGrams = actualWeightGrams(input.weight, steps);
  if (input.weight.unit === 'lb') {
    notes.push('Weight was entered in lb: ISMP advises recording weight in kg only [W1].');
  }
  if (input.basis === 'actual') {
    return { basis: 'actual', actualGrams, dosingGrams: actualGrams, idealGrams: undefined };
  }
  if (input.height === undefined || input.sex === undefined) {
    // readInfusionInput refuses this input; reaching here is a bug, never a silent fallback.
    throw new Error(`resolveDosingWeight: ${input.basis} basis without height and sex`);
  }
  const idealGrams = idealWeightGrams(input.height, input.sex, steps);
  const dosingGrams =
    input.basis === 'ideal' ? idealGrams : adjustedWeightGrams(idealGrams, actualGrams, steps);
  if (dosingGrams > actualGrams) {
    notes.push(
      `The ${input.basis} body weight (${formatScaled(dosingGrams, 3)} kg) is above the actual weight (${formatScaled(actualGrams, 3)} kg): the dose is based on more than the patient weighs. Check the weight basis.`,
    );
  }
  return { basis: input.basis, actualGrams, dosingGrams, idealGrams };
}
