/**
 * IV ketamine infusion: dose, drug volume, bag, final concentration, pump rate and dose rates,
 * with guardrails and the arithmetic written out for an independent double check.
 *
 * Pipeline (exact integers throughout; see rounding.ts for what is rounded and to what):
 *   dose mg      = dose mg/kg × dosing weight            (10^-7 mg)
 *   drug volume  = dose ÷ vial concentration            → rounded to the measurable increment
 *   drawn dose   = drug volume × vial concentration      (what actually goes in the bag)
 *   total volume = bag + drug volume (add-to-bag) or bag (withdraw-equal-volume)
 *   final conc.  = drawn dose ÷ total volume
 *   pump rate    = total volume ÷ duration × 60          → rounded to the pump's increment
 *   dose rate    = dose mg/kg ÷ duration × 60, and dose ÷ duration
 */
import { ok, type Problem, type Result } from '../result';
import { compareRatio, decimalsOf, multiplyExact } from './exact';
import { formatScaled } from './format-decimal';
import { applyOverrides, checkRange } from './guardrails';
import { DOSE_LIMIT } from './problems';
import { readInfusionInput, type ReadInfusion } from './read-infusion-input';
import {
  CONCENTRATION_DISPLAY,
  DOSE_DISPLAY,
  DOSE_PER_KG_DISPLAY,
  DOSE_RATE_PER_KG_DISPLAY,
  DOSE_RATE_PER_MIN_DISPLAY,
  exactValue,
  roundForDisplay,
  roundRatio,
  roundedText,
  type Rounded,
} from './rounding';
import type { InfusionCalculation, InfusionInput, LimitFinding } from './types';
import { checkWeight } from './weight-checks';
import { resolveDosingWeight } from './weight-basis';

/** The label's ceiling for IV use of the 100 mg/mL strength: diluted at least 1:1 [S01][S05]. */
const MAX_IV_CONCENTRATION_MG_PER_ML = 50;

function hardFinding(
  code: string,
  field: LimitFinding['field'],
  message: string,
  value: LimitFinding['value'],
  limit: LimitFinding['limit'],
): LimitFinding {
  return { level: 'hard', code, message, field, value, limit };
}

function truncatedDigitsFor(increment4: number): number {
  const d = decimalsOf(increment4, 4) + 1;
  return d < 3 ? 3 : d;
}

/** The calculation on validated, scaled input. */
function calculate(x: ReadInfusion): InfusionCalculation {
  const steps: string[] = [];
  const notes: string[] = [];
  const findings: LimitFinding[] = [];
  const protocol = x.protocol;
  const c = x.concentration;

  // Weight.
  const weight = resolveDosingWeight(x, steps, notes);
  const grams = weight.dosingGrams;
  const weightText = formatScaled(grams, 3);
  const actualShown = exactValue(weight.actualGrams, 3);
  checkWeight(findings, notes, x, weight.actualGrams, actualShown);

  // Dose and dose per kg: dose7 is the ordered dose in 10^-7 mg.
  let dose7: number;
  let perKg: Rounded;
  let perKgN: number;
  let perKgD: number;
  let perKgText: string;
  const dose = x.dose;
  if (dose.unit === 'mg/kg') {
    dose7 = multiplyExact(dose.scaled4, grams);
    perKgN = dose.scaled4;
    perKgD = 1e4;
    perKg = exactValue(dose.scaled4, 4);
    perKgText = perKg.text;
  } else {
    dose7 = dose.scaled3 * 1e4;
    perKgN = dose7;
    perKgD = grams * 1e4;
    perKg = roundForDisplay(perKgN, perKgD, DOSE_PER_KG_DISPLAY);
    perKgText = perKg.wasRounded ? perKg.exactText : perKg.text;
  }
  const doseShown = roundForDisplay(dose7, 1e7, DOSE_DISPLAY);
  const doseText = formatScaled(dose7, 7);
  if (dose.unit === 'mg/kg') {
    steps.push(
      `${perKgText} mg/kg × ${weightText} kg = ${roundedText(doseShown, 'mg', DOSE_DISPLAY.text)}`,
    );
  } else {
    steps.push(
      `${doseText} mg ÷ ${weightText} kg = ${roundedText(perKg, 'mg/kg', DOSE_PER_KG_DISPLAY.text)}`,
    );
  }
  checkRange(findings, 'doseMgPerKg', protocol.doseMgPerKg, perKgN, perKgD, perKg, protocol.id);
  checkRange(findings, 'totalDoseMg', protocol.totalDoseMg, dose7, 1e7, doseShown, protocol.id);

  // Duration (milli-minutes).
  const milliMin = x.duration.milliMin;
  const durationText = formatScaled(milliMin, 3);
  if (x.duration.hours4 !== undefined) {
    steps.push(`${formatScaled(x.duration.hours4, 4)} h × 60 min/h = ${durationText} min`);
  }

  // Dose rates (ordered dose over the duration).
  const rateN = dose.unit === 'mg/kg' ? 6 * dose.scaled4 : 6 * dose7;
  const rateD = dose.unit === 'mg/kg' ? milliMin : multiplyExact(grams, milliMin);
  const perKgPerHour = roundForDisplay(rateN, rateD, DOSE_RATE_PER_KG_DISPLAY);
  steps.push(
    (dose.unit === 'mg/kg'
      ? `${perKgText} mg/kg ÷ ${durationText} min × 60 min/h = `
      : `${doseText} mg ÷ ${weightText} kg ÷ ${durationText} min × 60 min/h = `) +
      roundedText(perKgPerHour, 'mg/kg/h', DOSE_RATE_PER_KG_DISPLAY.text),
  );
  const perMin = roundForDisplay(dose7, milliMin * 1e4, DOSE_RATE_PER_MIN_DISPLAY);
  steps.push(
    `${doseText} mg ÷ ${durationText} min = ${roundedText(perMin, 'mg/min', DOSE_RATE_PER_MIN_DISPLAY.text)}`,
  );
  checkRange(
    findings,
    'doseRateMgPerKgPerHour',
    protocol.doseRateMgPerKgPerHour,
    rateN,
    rateD,
    perKgPerHour,
    protocol.id,
  );
  const durationShown = exactValue(milliMin, 3);
  checkRange(findings, 'durationMin', protocol.durationMin, milliMin, 1000, durationShown, protocol.id);

  // Drug volume, rounded to the measurable increment (10^-4 mL).
  const incrementText = formatScaled(x.volumeIncrement4, 4);
  const volume = roundRatio(dose7, c * 1e7, x.volumeIncrement4, 4, truncatedDigitsFor(x.volumeIncrement4));
  steps.push(
    `${doseText} mg ÷ ${c} mg/mL = ${roundedText(volume, 'mL', `increment ${incrementText} mL`)}`,
  );
  const volume4 = volume.scaled;
  if (volume4 === 0) {
    findings.push(
      hardFinding(
        DOSE_LIMIT.DRUG_VOLUME_BELOW_INCREMENT,
        'drugVolumeMl',
        `Drug volume ${volume.exactText} mL is less than the measurable increment of ${incrementText} mL: use a weaker vial`,
        { value: 0, unit: 'mL' },
        { value: x.volumeIncrement4 / 1e4, unit: 'mL' },
      ),
    );
  }
  const drawn4 = volume4 * c; // 10^-4 mg
  const drawnText = formatScaled(drawn4, 4);
  if (drawn4 * 1000 !== dose7) {
    steps.push(
      `${volume.text} mL × ${c} mg/mL = ${drawnText} mg drawn up (ordered ${doseText} mg; the difference is the volume rounding)`,
    );
  }

  // Bag and total volume (10^-4 mL).
  const bagText = formatScaled(x.bag4, 4);
  let total4: number;
  if (x.bagMode === 'add-to-bag') {
    total4 = x.bag4 + volume4;
    steps.push(`${bagText} mL + ${volume.text} mL = ${formatScaled(total4, 4)} mL`);
  } else {
    total4 = x.bag4;
    steps.push(
      `${bagText} mL − ${volume.text} mL withdrawn + ${volume.text} mL ketamine = ${bagText} mL`,
    );
    if (volume4 > x.bag4) {
      findings.push(
        hardFinding(
          DOSE_LIMIT.DRUG_VOLUME_EXCEEDS_BAG,
          'drugVolumeMl',
          `Drug volume ${volume.text} mL is more than the ${bagText} mL bag it should replace`,
          { value: volume.value, unit: 'mL' },
          { value: x.bag4 / 1e4, unit: 'mL' },
        ),
      );
    }
  }
  const totalText = formatScaled(total4, 4);

  // Final concentration.
  const concentration = roundForDisplay(drawn4, total4, CONCENTRATION_DISPLAY);
  steps.push(
    `${drawnText} mg ÷ ${totalText} mL = ${roundedText(concentration, 'mg/mL', CONCENTRATION_DISPLAY.text)}`,
  );
  checkRange(
    findings,
    'finalConcentrationMgPerMl',
    protocol.finalConcentrationMgPerMl,
    drawn4,
    total4,
    concentration,
    protocol.id,
  );
  if (compareRatio(drawn4, total4, MAX_IV_CONCENTRATION_MG_PER_ML, 1) > 0) {
    findings.push(
      hardFinding(
        DOSE_LIMIT.UNDILUTED_100_MG_PER_ML,
        'finalConcentrationMgPerMl',
        `Final concentration ${concentration.text} mg/mL is above 50 mg/mL: 100 mg/mL ketamine must never be given IV undiluted (dilute with at least an equal volume) [S01][S05]`,
        { value: concentration.value, unit: 'mg/mL' },
        { value: MAX_IV_CONCENTRATION_MG_PER_ML, unit: 'mg/mL' },
      ),
    );
  }

  // Pump rate: total ÷ duration × 60 = total4 × 6 ÷ milliMin (mL/h).
  const rateIncrementText = formatScaled(x.rateIncrement4, 4);
  const rate = roundRatio(total4 * 6, milliMin, x.rateIncrement4, 4, truncatedDigitsFor(x.rateIncrement4));
  steps.push(
    `${totalText} mL ÷ ${durationText} min × 60 min/h = ${roundedText(rate, 'mL/h', `pump increment ${rateIncrementText} mL/h`)}`,
  );
  if (rate.scaled === 0) {
    findings.push(
      hardFinding(
        DOSE_LIMIT.RATE_BELOW_PUMP_INCREMENT,
        'rateMlPerHour',
        `Pump rate ${rate.exactText} mL/h is below the pump's increment of ${rateIncrementText} mL/h`,
        { value: 0, unit: 'mL/h' },
        { value: x.rateIncrement4 / 1e4, unit: 'mL/h' },
      ),
    );
  }

  if (dose.unit === 'mg/kg' && !dose.explicit) {
    notes.push(`Dose ${perKgText} mg/kg is the ${protocol.id} protocol default.`);
  } else if (
    compareRatio(perKgN, perKgD, protocol.doseMin4, 1e4) < 0 ||
    compareRatio(perKgN, perKgD, protocol.doseMax4, 1e4) > 0
  ) {
    notes.push(
      `Dose ${perKgText} mg/kg is outside the ${protocol.id} protocol's usual ${protocol.doseMinMgPerKg}–${protocol.doseMaxMgPerKg} mg/kg.`,
    );
  }
  if (!x.duration.explicit) {
    notes.push(`Duration ${durationText} min is the ${protocol.id} protocol default.`);
  }

  const outcome = applyOverrides(findings, x.overrides, notes);
  return {
    protocolId: protocol.id,
    dose: { value: doseShown.value, unit: 'mg' },
    dosePerKg: { value: perKg.value, unit: 'mg/kg' },
    drugVolume: { value: volume.value, unit: 'mL' },
    drawnDose: { value: drawn4 / 1e4, unit: 'mg' },
    vialConcentration: { value: c, unit: 'mg/mL' },
    bagMode: x.bagMode,
    totalVolume: { value: total4 / 1e4, unit: 'mL' },
    concentration: { value: concentration.value, unit: 'mg/mL' },
    rate: { value: rate.value, unit: 'mL/h' },
    doseRate: {
      mgPerKgPerHour: { value: perKgPerHour.value, unit: 'mg/kg/h' },
      mgPerMin: { value: perMin.value, unit: 'mg/min' },
    },
    duration: { value: milliMin / 1000, unit: 'min' },
    dosingWeight: { value: grams / 1000, unit: 'kg', basis: weight.basis },
    actualWeight: { value: weight.actualGrams / 1000, unit: 'kg' },
    limits: outcome.limits,
    blocked: outcome.blocked,
    requiresOverride: outcome.requiresOverride,
    steps,
    notes,
  };
}

/**
 * Calculate an IV ketamine infusion: dose (mg), drug volume, total volume, final concentration,
 * pump rate, dose rates and duration, with soft and hard limits and re-checkable steps.
 *
 * Invalid input gives `err` with one problem per bad field (never a throw, never NaN). A hard
 * limit gives `ok` with `blocked: true`: the numbers are for review, not for giving; a soft limit
 * without an override reason gives `requiresOverride: true`. See `isAdministrable`.
 *
 * Sources: vial strengths and the 1:1 dilution of 100 mg/mL [S01][S05]; Devine ideal weight
 * [S99][S100][S101]; adjusted weight [S102]; limit model [P1][P2][P4]; weight checks [W1].
 */
export function calculateInfusion(input: InfusionInput): Result<InfusionCalculation, Problem[]> {
  const read = readInfusionInput(input);
  if (!read.ok) return read;
  return ok(calculate(read.value));
}

/** True when the calculation may be prepared and given: no hard limit, no soft limit without a reason. */
export function isAdministrable(calculation: {
  readonly blocked: boolean;
  readonly requiresOverride: boolean;
}): boolean {
  return !calculation.blocked && !calculation.requiresOverride;
}
