/**
 * What the patient actually receives, checked against the hard limits. The ordered dose is
 * checked first (calculate-infusion.ts); then the drug volume is rounded to what the syringe
 * measures and the pump rate to the pump's increment, and either rounding can carry a dose that
 * was on a hard limit past it. A dose on an ideal or adjusted weight above the measured weight is
 * also checked per kg of the measured weight. Each check only blocks (see `checkDeliveredHard`).
 *
 * This runs in every calculation: no closures or strings are made unless a limit is hit.
 */
import { checkDeliveredHard, RANGE_SPECS, type DeliveredText } from './guardrails';
import type { CompiledProtocol } from './compile-protocol';
import { formatScaled } from './format-decimal';
import {
  DOSE_PER_KG_DISPLAY,
  DOSE_RATE_PER_KG_DISPLAY,
  DRAWN_DOSE_DISPLAY,
  DURATION_DISPLAY,
} from './rounding';
import type { LimitFinding, WeightBasis } from './types';

export interface Delivered {
  readonly protocol: CompiledProtocol;
  readonly basis: WeightBasis;
  /** Dosing weight and measured weight, grams. */
  readonly dosingGrams: number;
  readonly actualGrams: number;
  /** Drug drawn up, 10^-4 mg; drug volume increment, 10^-4 mL. */
  readonly drawn4: number;
  readonly volumeIncrement4: number;
  /** Bag plus drug, 10^-4 mL; programmed pump rate and its increment, 10^-4 mL/h. */
  readonly total4: number;
  readonly rate4: number;
  readonly rateIncrement4: number;
}

/** The label and advice of each check, made only for a finding. */
function describe(stem: string, d: Delivered): DeliveredText {
  const rate = `${formatScaled(d.rate4, 4)} mL/h`;
  const measured = `measured weight (${formatScaled(d.actualGrams, 3)} kg)`;
  const volumeAdvice = `The drug volume was rounded to the ${formatScaled(d.volumeIncrement4, 4)} mL the syringe measures: order a slightly lower dose or use a weaker vial.`;
  const rateAdvice = `The pump rate was rounded to the pump's ${formatScaled(d.rateIncrement4, 4)} mL/h increment: choose a slightly longer duration or a lower dose.`;
  const basisAdvice = `The ${d.basis} weight used for dosing is above the measured weight: dose on the measured weight or lower the dose.`;
  switch (stem) {
    case 'DRAWN_DOSE_PER_KG':
    case 'DRAWN_TOTAL_DOSE':
      return { label: 'Dose drawn up', advice: volumeAdvice };
    case 'ACTUAL_WEIGHT_DOSE_PER_KG':
      return { label: `Dose per kg of ${measured}`, advice: basisAdvice };
    case 'PUMPED_DOSE_RATE':
      return { label: `Dose rate at the programmed ${rate}`, advice: rateAdvice };
    case 'ACTUAL_WEIGHT_DOSE_RATE':
      return {
        label: `Dose rate per kg of ${measured} at the programmed ${rate}`,
        advice: basisAdvice,
      };
    default:
      return { label: `Infusion time at the programmed ${rate}`, advice: rateAdvice };
  }
}

export function checkDelivered(findings: LimitFinding[], d: Delivered): void {
  const { protocol, drawn4, total4, rate4, dosingGrams, actualGrams } = d;
  if (drawn4 <= 0) return;
  const id = protocol.id;
  const { doseMgPerKg, totalDoseMg, doseRateMgPerKgPerHour, durationMin } = RANGE_SPECS;
  // Drawn dose per kg: (drawn4 / 10^4 mg) ÷ (grams / 10^3 kg) = drawn4 ÷ (10 × grams).
  checkDeliveredHard(
    findings,
    doseMgPerKg,
    protocol.doseMgPerKg,
    drawn4,
    dosingGrams * 10,
    DOSE_PER_KG_DISPLAY,
    id,
    'DRAWN_DOSE_PER_KG',
    describe,
    d,
  );
  checkDeliveredHard(
    findings,
    totalDoseMg,
    protocol.totalDoseMg,
    drawn4,
    1e4,
    DRAWN_DOSE_DISPLAY,
    id,
    'DRAWN_TOTAL_DOSE',
    describe,
    d,
  );
  const onHeavierBasis = actualGrams < dosingGrams;
  if (onHeavierBasis) {
    checkDeliveredHard(
      findings,
      doseMgPerKg,
      protocol.doseMgPerKg,
      drawn4,
      actualGrams * 10,
      DOSE_PER_KG_DISPLAY,
      id,
      'ACTUAL_WEIGHT_DOSE_PER_KG',
      describe,
      d,
    );
  }
  if (rate4 <= 0 || total4 <= 0) return;
  // Dose rate at the programmed rate: (rate4 / 10^4 mL/h) × (drawn4 / total4 mg/mL) ÷ (grams /
  // 10^3 kg) = rate4 × drawn4 ÷ (10 × total4 × grams) mg/kg/h.
  const perHour = rate4 * drawn4;
  checkDeliveredHard(
    findings,
    doseRateMgPerKgPerHour,
    protocol.doseRateMgPerKgPerHour,
    perHour,
    10 * total4 * dosingGrams,
    DOSE_RATE_PER_KG_DISPLAY,
    id,
    'PUMPED_DOSE_RATE',
    describe,
    d,
  );
  if (onHeavierBasis) {
    checkDeliveredHard(
      findings,
      doseRateMgPerKgPerHour,
      protocol.doseRateMgPerKgPerHour,
      perHour,
      10 * total4 * actualGrams,
      DOSE_RATE_PER_KG_DISPLAY,
      id,
      'ACTUAL_WEIGHT_DOSE_RATE',
      describe,
      d,
    );
  }
  // Infusion time at the programmed rate: (total4 / 10^4 mL) ÷ (rate4 / 10^4 mL/h) × 60 min/h.
  checkDeliveredHard(
    findings,
    durationMin,
    protocol.durationMin,
    total4 * 60,
    rate4,
    DURATION_DISPLAY,
    id,
    'PUMPED_DURATION',
    describe,
    d,
  );
}
