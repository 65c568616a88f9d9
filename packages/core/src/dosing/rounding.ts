/**
 * Rounding, done once, at the end, half up, to a stated increment, and always shown.
 *
 * Measured or programmed quantities round to the clinic's settings (drug volume to the
 * measurable increment, rate to the pump's increment). Derived quantities that nobody measures
 * (dose, dose per kg, concentration, dose rates) are shown to the fixed display increments below;
 * guardrails compare their exact values.
 */
import { pow10 } from './exact';
import { formatRatio, formatScaled } from './format-decimal';

/**
 * The unit text around a value in a step, joined once: a step is then built from a few pieces
 * (`0.59642…` + ` mg/mL, rounded to ` + `0.5964` + ` mg/mL (shown to 0.0001 mg/mL)`) rather than
 * from every word of it on each calculation.
 */
export interface StepUnitText {
  /** ` mg/mL`: after a value that needed no rounding. */
  readonly plain: string;
  /** ` mg/mL, rounded to `: between the exact and the rounded value. */
  readonly roundedTo: string;
  /** ` mg/mL (shown to 0.0001 mg/mL)`: after the rounded value. */
  readonly why: string;
}

/** The pieces of `roundedText(r, unit, why)`, for `roundedStepText`. */
export function stepUnitText(unit: string, why: string): StepUnitText {
  return { plain: ` ${unit}`, roundedTo: ` ${unit}, rounded to `, why: ` ${unit} (${why})` };
}

/** A fixed display increment: `scaled` units of 10^-digits. */
export interface DisplayIncrement {
  readonly scaled: number;
  readonly digits: number;
  readonly text: string;
  /** The unit text of a step showing a value to this increment. */
  readonly step: StepUnitText;
}

function displayIncrement(digits: number, unit: string): DisplayIncrement {
  const text = `shown to ${formatScaled(1, digits)} ${unit}`;
  return { scaled: 1, digits, text, step: stepUnitText(unit, text) };
}

/** Ordered dose shown to 0.01 mg. */
export const DOSE_DISPLAY = displayIncrement(2, 'mg');
/** Dose per kg shown to 0.0001 mg/kg. */
export const DOSE_PER_KG_DISPLAY = displayIncrement(4, 'mg/kg');
/** Final concentration shown to 0.0001 mg/mL. */
export const CONCENTRATION_DISPLAY = displayIncrement(4, 'mg/mL');
/** Dose rate shown to 0.0001 mg/kg/h. */
export const DOSE_RATE_PER_KG_DISPLAY = displayIncrement(4, 'mg/kg/h');
/** Dose drawn up shown to 0.0001 mg (the drawn dose is exact to that). */
export const DRAWN_DOSE_DISPLAY = displayIncrement(4, 'mg');
/** Infusion time shown to 0.01 min. */
export const DURATION_DISPLAY = displayIncrement(2, 'min');
/** Dose rate shown to 0.0001 mg/min. */
export const DOSE_RATE_PER_MIN_DISPLAY = displayIncrement(4, 'mg/min');

/** Decimals shown exactly before an unrounded value is truncated with an ellipsis. */
const EXACT_DIGITS = 9;

/** A value rounded to an increment, with the text of both the exact and the rounded value. */
export interface Rounded {
  /** The rounded value as a plain number with no more decimals than the increment. */
  readonly value: number;
  /** The rounded value in units of 10^-digits. */
  readonly scaled: number;
  readonly text: string;
  /** The unrounded value: exact when it terminates within 9 decimals, else `104.166…`. */
  readonly exactText: string;
  readonly wasRounded: boolean;
}

/**
 * Round n / d (n ≥ 0, d > 0, safe integers) half up to a multiple of `incScaled` × 10^-digits.
 * `truncatedDigits` is how many decimals the unrounded text keeps when it does not terminate.
 */
export function roundRatio(
  n: number,
  d: number,
  incScaled: number,
  digits: number,
  truncatedDigits: number,
): Rounded {
  const divisor = d * incScaled;
  const p = n * pow10(digits);
  // Products of non-negative integers: exact, and integers, while within 2^53.
  if (p > Number.MAX_SAFE_INTEGER || divisor > Number.MAX_SAFE_INTEGER) {
    return roundRatioBig(n, d, incScaled, digits, truncatedDigits);
  }
  const k = Math.floor(p / divisor); // exact: see divideFloor
  const remainder = p - k * divisor;
  const multiple = remainder * 2 >= divisor ? k + 1 : k;
  return rounded(n, d, multiple * incScaled, digits, remainder !== 0, truncatedDigits);
}

/** `roundRatio` through BigInt, for products past 2^53 (kept out of line: it is rare). */
function roundRatioBig(
  n: number,
  d: number,
  incScaled: number,
  digits: number,
  truncatedDigits: number,
): Rounded {
  const bigP = BigInt(n) * BigInt(pow10(digits));
  const bigD = BigInt(d) * BigInt(incScaled);
  const r = bigP % bigD;
  const k = Number((bigP - r) / bigD) + (r * 2n >= bigD ? 1 : 0);
  return rounded(n, d, k * incScaled, digits, r !== 0n, truncatedDigits);
}

/** The rounded value `scaled` × 10^-digits of n / d, with its texts. */
function rounded(
  n: number,
  d: number,
  scaled: number,
  digits: number,
  wasRounded: boolean,
  truncatedDigits: number,
): Rounded {
  const text = formatScaled(scaled, digits);
  return {
    value: scaled / pow10(digits),
    scaled,
    text,
    exactText: wasRounded ? formatRatio(n, d, EXACT_DIGITS, truncatedDigits).text : text,
    wasRounded,
  };
}

/** A value that needs no rounding: `scaled` units of 10^-digits. */
export function exactValue(scaled: number, digits: number): Rounded {
  const text = formatScaled(scaled, digits);
  return { value: scaled / pow10(digits), scaled, text, exactText: text, wasRounded: false };
}

/** Round n / d to a fixed display increment. */
export function roundForDisplay(n: number, d: number, display: DisplayIncrement): Rounded {
  return roundRatio(n, d, display.scaled, display.digits, display.digits + 1);
}

/** `0.8 mL`, or `0.79832 mL, rounded to 0.8 mL (increment 0.01 mL)` when rounding changed it. */
export function roundedText(r: Rounded, unit: string, why: string): string {
  return r.wasRounded
    ? `${r.exactText} ${unit}, rounded to ${r.text} ${unit} (${why})`
    : `${r.text} ${unit}`;
}

/** `roundedText` with its unit text joined beforehand (the same text, from fewer pieces). */
export function roundedStepText(r: Rounded, unit: StepUnitText): string {
  return r.wasRounded ? r.exactText + unit.roundedTo + r.text + unit.why : r.text + unit.plain;
}
