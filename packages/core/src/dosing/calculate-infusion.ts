/**
 * IV ketamine infusion: dose, drug volume, bag, final concentration, pump rate and dose rates,
 * with guardrails and the arithmetic written out for an independent double check.
 *
 * Pipeline (exact integers throughout; rounding.ts says what is rounded, to what, and when):
 *   dose         = dose per kg × dosing weight            (10^-7 mg)
 *   drug volume  = dose ÷ vial concentration            → rounded to the measurable increment
 *   drawn dose   = drug volume × vial concentration      (what actually goes in the bag)
 *   total volume = bag + drug volume (add-to-bag), or the bag (withdraw-equal-volume)
 *   final conc.  = drawn dose ÷ total volume
 *   pump rate    = total volume ÷ duration × 60          → rounded to the pump's increment
 *   dose rates   = dose per kg ÷ duration × 60, and dose ÷ duration (of the ordered dose)
 */
import { ok, type Problem, type Result } from '../result';
import { compareRatio, multiplyExact } from './exact';
import { formatRatio, formatScaled } from './format-decimal';
import { KETAMINE_VIAL_STRENGTHS_MG_PER_ML } from '../knowledge/ids';
import { UNDILUTED_IV_FORBIDDEN_MG_PER_ML } from '../knowledge/safety-limits';
import { durationSteps } from './compile-protocol';
import { LIMIT_SCALE } from './compile-range';
import { applyOverrides, checkRange, RANGE_SPECS } from './guardrails';
import { checkDelivered } from './delivered-checks';
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
  roundedStepText,
  type Rounded,
} from './rounding';
import type {
  InfusionCalculation,
  InfusionInput,
  LimitFinding,
  VialConcentrationMgPerMl,
} from './types';
import { resolveDosingWeight } from './weight-basis';
import { checkWeight } from './weight-checks';

function hardFinding(
  code: string,
  field: LimitFinding['field'],
  message: string,
  value: LimitFinding['value'],
  limit: LimitFinding['limit'],
): LimitFinding {
  return { level: 'hard', code, message, field, value, limit };
}

/** ` mg ÷ 50 mg/mL = `: the middle of the drug volume's step, built once per vial strength. */
const DOSE_OVER_VIAL = Object.fromEntries(
  KETAMINE_VIAL_STRENGTHS_MG_PER_ML.map((c) => [c, ` mg ÷ ${String(c)} mg/mL = `]),
) as Readonly<Record<VialConcentrationMgPerMl, string>>;

/** The calculation on validated, scaled input. */
function calculate(x: ReadInfusion): InfusionCalculation {
  const steps: string[] = [];
  const notes: string[] = [];
  const findings: LimitFinding[] = [];
  const protocol = x.protocol;
  const c = x.concentration;
  const dose = x.dose;
  const settingsText = x.settingsText;

  // Weight (grams).
  const weight = resolveDosingWeight(x, steps, notes);
  const grams = weight.dosingGrams;
  const weightShown = exactValue(grams, 3);
  const actualShown =
    weight.actualGrams === grams ? weightShown : exactValue(weight.actualGrams, 3);
  checkWeight(findings, notes, x, weight.actualGrams, actualShown);
  const weightText = weightShown.text;

  // Dose (10^-7 mg) and dose per kg (perKgN / perKgD mg/kg, exact).
  let dose7: number;
  let perKg: Rounded;
  let perKgN: number;
  let perKgD: number;
  let doseShown: Rounded;
  let doseText: string;
  if (dose.unit === 'mg/kg') {
    dose7 = multiplyExact(dose.scaled4, grams);
    perKgN = dose.scaled4;
    perKgD = 1e4;
    perKg = dose.explicit ? exactValue(dose.scaled4, 4) : protocol.defaultDoseShown;
    doseShown = roundForDisplay(dose7, 1e7, DOSE_DISPLAY);
    doseText = doseShown.wasRounded ? formatScaled(dose7, 7) : doseShown.text;
    const times = dose.explicit ? `${perKg.text} mg/kg × ` : protocol.defaultDoseTimes;
    steps.push(`${times}${weightText} kg = ${roundedStepText(doseShown, DOSE_DISPLAY.step)}`);
  } else {
    dose7 = dose.scaled3 * 1e4;
    perKgN = dose7;
    perKgD = grams * 1e4;
    perKg = roundForDisplay(perKgN, perKgD, DOSE_PER_KG_DISPLAY);
    doseShown = exactValue(dose.scaled3, 3);
    doseText = doseShown.text;
    steps.push(
      `${doseText} mg ÷ ${weightText} kg = ${roundedStepText(perKg, DOSE_PER_KG_DISPLAY.step)}`,
    );
  }
  const perKgText = perKg.wasRounded ? perKg.exactText : perKg.text;
  checkRange(
    findings,
    RANGE_SPECS.doseMgPerKg,
    protocol.doseMgPerKg,
    perKgN,
    perKgD,
    perKg,
    protocol.id,
  );
  checkRange(
    findings,
    RANGE_SPECS.totalDoseMg,
    protocol.totalDoseMg,
    dose7,
    1e7,
    doseShown,
    protocol.id,
  );

  // Drug volume (10^-4 mL), rounded to the measurable increment; the drug actually drawn.
  const volume = roundRatio(
    dose7,
    c * 1e7,
    x.volumeIncrement4,
    4,
    settingsText.volumeTruncatedDigits,
  );
  steps.push(doseText + DOSE_OVER_VIAL[c] + roundedStepText(volume, settingsText.volume));
  const volume4 = volume.scaled;
  if (volume4 === 0) {
    findings.push(
      hardFinding(
        DOSE_LIMIT.DRUG_VOLUME_BELOW_INCREMENT,
        'drugVolumeMl',
        `Drug volume ${volume.exactText} mL is less than the measurable increment of ${formatScaled(x.volumeIncrement4, 4)} mL: use a weaker vial`,
        { value: 0, unit: 'mL' },
        { value: x.volumeIncrement4 / 1e4, unit: 'mL' },
      ),
    );
  }
  const drawn4 = volume4 * c; // 10^-4 mg
  let drawnText = doseText;
  if (drawn4 * 1000 !== dose7) {
    drawnText = formatScaled(drawn4, 4);
    steps.push(
      `${volume.text} mL × ${c} mg/mL = ${drawnText} mg drawn up (ordered ${doseText} mg; the difference is the volume rounding)`,
    );
    const difference7 = Math.abs(drawn4 * 1000 - dose7);
    if (volume4 > 0 && compareRatio(difference7, dose7, 1, 100) > 0) {
      // [inference] 1%: beyond it a weaker vial measures the ordered dose noticeably closer.
      notes.push(
        `Rounding the volume changes the dose drawn by ${formatRatio(difference7 * 100, dose7, 2, 2).text}% of the ordered dose: a weaker vial would measure it more closely.`,
      );
    }
  }

  // Bag and total volume (10^-4 mL).
  const bagText = settingsText.bag;
  let total4: number;
  let totalText: string;
  if (x.bagMode === 'add-to-bag') {
    total4 = x.bag4 + volume4;
    totalText = formatScaled(total4, 4);
    steps.push(`${settingsText.bagPlus}${volume.text} mL = ${totalText} mL`);
  } else {
    total4 = x.bag4;
    totalText = bagText;
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

  // Final concentration (drawn mg ÷ total mL).
  const concentration = roundForDisplay(drawn4, total4, CONCENTRATION_DISPLAY);
  steps.push(
    `${drawnText} mg ÷ ${totalText} mL = ${roundedStepText(concentration, CONCENTRATION_DISPLAY.step)}`,
  );
  checkRange(
    findings,
    RANGE_SPECS.finalConcentrationMgPerMl,
    protocol.finalConcentrationMgPerMl,
    drawn4,
    total4,
    concentration,
    protocol.id,
  );
  // The knowledge base's own ceiling, even where the clinic set another concentration limit.
  const ceiling = protocol.ivConcentrationCeiling;
  if (compareRatio(drawn4, total4, ceiling.scaled, LIMIT_SCALE) > 0) {
    findings.push(
      hardFinding(
        DOSE_LIMIT.UNDILUTED_100_MG_PER_ML,
        'finalConcentrationMgPerMl',
        `Final concentration ${concentration.text} mg/mL is above ${ceiling.value} mg/mL, the knowledge base's limit for IV use: ${UNDILUTED_IV_FORBIDDEN_MG_PER_ML} mg/mL ketamine must never be given IV undiluted (dilute with at least an equal volume) [S01][S05]`,
        { value: concentration.value, unit: 'mg/mL' },
        { value: ceiling.value, unit: 'mg/mL' },
      ),
    );
  }

  // Duration (milli-minutes).
  const milliMin = x.duration.milliMin;
  const duration = x.duration.explicit ? durationSteps(milliMin) : protocol.defaultDurationSteps;
  const durationShown = duration.shown;
  const durationText = durationShown.text;
  if (x.duration.hours4 !== undefined) {
    steps.push(`${formatScaled(x.duration.hours4, 4)} h × 60 min/h = ${durationText} min`);
  }
  checkRange(
    findings,
    RANGE_SPECS.durationMin,
    protocol.durationMin,
    milliMin,
    1000,
    durationShown,
    protocol.id,
  );

  // Pump rate: total ÷ duration × 60 = total4 × 6 ÷ milliMin mL/h, rounded to the pump.
  const rate = roundRatio(
    total4 * 6,
    milliMin,
    x.rateIncrement4,
    4,
    settingsText.rateTruncatedDigits,
  );
  steps.push(totalText + duration.volumeToRate + roundedStepText(rate, settingsText.rate));
  if (rate.scaled === 0) {
    findings.push(
      hardFinding(
        DOSE_LIMIT.RATE_BELOW_PUMP_INCREMENT,
        'rateMlPerHour',
        `Pump rate ${rate.exactText} mL/h is below the pump's increment of ${formatScaled(x.rateIncrement4, 4)} mL/h`,
        { value: 0, unit: 'mL/h' },
        { value: x.rateIncrement4 / 1e4, unit: 'mL/h' },
      ),
    );
  }

  // Dose rates of the ordered dose: mg/kg/h = (mg/kg) × 60 000 ÷ milliMin; mg/min = dose ÷ min.
  const perHourN = dose.unit === 'mg/kg' ? 6 * dose.scaled4 : 6 * dose7;
  const perHourD = dose.unit === 'mg/kg' ? milliMin : multiplyExact(grams, milliMin);
  const perKgPerHour = roundForDisplay(perHourN, perHourD, DOSE_RATE_PER_KG_DISPLAY);
  steps.push(
    (dose.unit === 'mg/kg'
      ? perKgText + duration.perKgToRate
      : `${doseText} mg ÷ ${weightText} kg ÷ ${durationText} min × 60 min/h = `) +
      roundedStepText(perKgPerHour, DOSE_RATE_PER_KG_DISPLAY.step),
  );
  checkRange(
    findings,
    RANGE_SPECS.doseRateMgPerKgPerHour,
    protocol.doseRateMgPerKgPerHour,
    perHourN,
    perHourD,
    perKgPerHour,
    protocol.id,
  );
  const perMin = roundForDisplay(dose7, milliMin * 1e4, DOSE_RATE_PER_MIN_DISPLAY);
  steps.push(
    doseText + duration.doseToPerMin + roundedStepText(perMin, DOSE_RATE_PER_MIN_DISPLAY.step),
  );

  if (dose.unit === 'mg/kg' && !dose.explicit) {
    notes.push(protocol.defaultDoseNote);
  } else if (
    compareRatio(perKgN, perKgD, protocol.doseMin4, 1e4) < 0 ||
    compareRatio(perKgN, perKgD, protocol.doseMax4, 1e4) > 0
  ) {
    notes.push(
      protocol.doseMin4 === protocol.doseMax4
        ? `Dose ${perKgText} mg/kg differs from the ${protocol.id} protocol's usual ${protocol.doseMinMgPerKg} mg/kg.`
        : `Dose ${perKgText} mg/kg is outside the ${protocol.id} protocol's usual ${protocol.doseMinMgPerKg}–${protocol.doseMaxMgPerKg} mg/kg.`,
    );
  }
  if (!x.duration.explicit) notes.push(protocol.defaultDurationNote);

  checkDelivered(findings, {
    protocol,
    basis: weight.basis,
    dosingGrams: grams,
    actualGrams: weight.actualGrams,
    drawn4,
    volumeIncrement4: x.volumeIncrement4,
    total4,
    rate4: rate.scaled,
    rateIncrement4: x.rateIncrement4,
  });
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
    duration: { value: durationShown.value, unit: 'min' },
    dosingWeight: { value: weightShown.value, unit: 'kg', basis: weight.basis },
    actualWeight: { value: actualShown.value, unit: 'kg' },
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
 * limit gives `ok` with `blocked: true`: the numbers are for review, never for giving. A soft
 * limit without an override reason gives `requiresOverride: true`. See `isAdministrable`.
 *
 * Sources: vial strengths and the 1:1 dilution of 100 mg/mL [S01][S05]; Devine ideal weight
 * [S99][S100][S101]; adjusted weight [S102]; limit model [P1][P2][P4]; weight checks [W1].
 */
export function calculateInfusion(input: InfusionInput): Result<InfusionCalculation, Problem[]> {
  const read = readInfusionInput(input);
  if (!read.ok) return read;
  return ok(calculate(read.value));
}

/** True when the dose may be prepared and given: no hard limit, no soft limit without a reason. */
export function isAdministrable(calculation: {
  readonly blocked: boolean;
  readonly requiresOverride: boolean;
}): boolean {
  return !calculation.blocked && !calculation.requiresOverride;
}
