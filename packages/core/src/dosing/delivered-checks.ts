/**
 * What the patient actually receives, checked against the hard limits. The ordered dose is
 * checked first (calculate-infusion.ts); then the drug volume is rounded to what the syringe
 * measures and the pump rate to the pump's increment, and either rounding can carry a dose that
 * was on a hard limit past it. A dose on an ideal or adjusted weight above the measured weight is
 * also checked per kg of the measured weight. Each check only blocks (see `checkDeliveredHard`).
 */
import { checkDeliveredHard, RANGE_SPECS } from './guardrails';
import type { CompiledProtocol } from './compile-protocol';
import { formatScaled } from './format-decimal';
import {
  DOSE_PER_KG_DISPLAY,
  DOSE_RATE_PER_KG_DISPLAY,
  DURATION_DISPLAY,
  exactValue,
  roundForDisplay,
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

export function checkDelivered(findings: LimitFinding[], d: Delivered): void {
  const { protocol, drawn4, total4, rate4, dosingGrams, actualGrams } = d;
  if (drawn4 <= 0) return;
  const volumeAdvice = `The drug volume was rounded to the ${formatScaled(d.volumeIncrement4, 4)} mL the syringe measures: order a slightly lower dose or use a weaker vial.`;
  // Drawn dose per kg of dosing weight: (drawn4 / 10^4 mg) ÷ (grams / 10^3 kg).
  checkDeliveredHard(
    findings,
    RANGE_SPECS.doseMgPerKg,
    protocol.doseMgPerKg,
    drawn4,
    dosingGrams * 10,
    roundForDisplay(drawn4, dosingGrams * 10, DOSE_PER_KG_DISPLAY),
    protocol.id,
    { stem: 'DRAWN_DOSE_PER_KG', label: 'Dose drawn up', advice: volumeAdvice },
  );
  checkDeliveredHard(
    findings,
    RANGE_SPECS.totalDoseMg,
    protocol.totalDoseMg,
    drawn4,
    1e4,
    exactValue(drawn4, 4),
    protocol.id,
    { stem: 'DRAWN_TOTAL_DOSE', label: 'Dose drawn up', advice: volumeAdvice },
  );
  const onHeavierBasis = actualGrams < dosingGrams;
  const actualKg = `${formatScaled(actualGrams, 3)} kg`;
  const basisAdvice = `The ${d.basis} weight used for dosing is above the measured weight: dose on the measured weight or lower the dose.`;
  if (onHeavierBasis) {
    checkDeliveredHard(
      findings,
      RANGE_SPECS.doseMgPerKg,
      protocol.doseMgPerKg,
      drawn4,
      actualGrams * 10,
      roundForDisplay(drawn4, actualGrams * 10, DOSE_PER_KG_DISPLAY),
      protocol.id,
      {
        stem: 'ACTUAL_WEIGHT_DOSE_PER_KG',
        label: `Dose per kg of measured weight (${actualKg})`,
        advice: basisAdvice,
      },
    );
  }
  if (rate4 <= 0 || total4 <= 0) return;
  // Dose rate at the programmed rate: (rate4 / 10^4 mL/h) × (drawn4 / total4 mg/mL) ÷ (grams /
  // 10^3 kg) = rate4 × drawn4 ÷ (10 × total4 × grams) mg/kg/h.
  const rateText = `${formatScaled(rate4, 4)} mL/h`;
  const rateAdvice = `The pump rate was rounded to the pump's ${formatScaled(d.rateIncrement4, 4)} mL/h increment: choose a slightly longer duration or a lower dose.`;
  const perHour = (grams: number) => [rate4 * drawn4, 10 * total4 * grams] as const;
  const [n, den] = perHour(dosingGrams);
  checkDeliveredHard(
    findings,
    RANGE_SPECS.doseRateMgPerKgPerHour,
    protocol.doseRateMgPerKgPerHour,
    n,
    den,
    roundForDisplay(n, den, DOSE_RATE_PER_KG_DISPLAY),
    protocol.id,
    {
      stem: 'PUMPED_DOSE_RATE',
      label: `Dose rate at the programmed ${rateText}`,
      advice: rateAdvice,
    },
  );
  if (onHeavierBasis) {
    const [an, ad] = perHour(actualGrams);
    checkDeliveredHard(
      findings,
      RANGE_SPECS.doseRateMgPerKgPerHour,
      protocol.doseRateMgPerKgPerHour,
      an,
      ad,
      roundForDisplay(an, ad, DOSE_RATE_PER_KG_DISPLAY),
      protocol.id,
      {
        stem: 'ACTUAL_WEIGHT_DOSE_RATE',
        label: `Dose rate per kg of measured weight (${actualKg}) at the programmed ${rateText}`,
        advice: basisAdvice,
      },
    );
  }
  // Infusion time at the programmed rate: (total4 / 10^4 mL) ÷ (rate4 / 10^4 mL/h) × 60 min/h.
  checkDeliveredHard(
    findings,
    RANGE_SPECS.durationMin,
    protocol.durationMin,
    total4 * 60,
    rate4,
    roundForDisplay(total4 * 60, rate4, DURATION_DISPLAY),
    protocol.id,
    {
      stem: 'PUMPED_DURATION',
      label: `Infusion time at the programmed ${rateText}`,
      advice: rateAdvice,
    },
  );
}
