import type { DoseGuardrails, SoftHardLimits } from '../schema/guardrails';
import type { GuardrailSettings } from './clinic-settings';

type SoftHardSettings = NonNullable<GuardrailSettings['doseMgPerKg']>;

function mergeSoftHard(
  base: SoftHardLimits,
  override: SoftHardSettings | undefined,
): SoftHardLimits {
  if (override === undefined) return base;
  return {
    soft: { ...base.soft, ...override.soft },
    hard: { ...base.hard, ...override.hard },
  };
}

/** The guardrails a clinic's overrides produce: each given bound replaces the base bound. */
export function mergeGuardrails(base: DoseGuardrails, settings: GuardrailSettings): DoseGuardrails {
  return {
    ...base,
    doseMgPerKg: mergeSoftHard(base.doseMgPerKg, settings.doseMgPerKg),
    totalDoseMg: mergeSoftHard(base.totalDoseMg, settings.totalDoseMg),
    doseRateMgPerKgPerHour: mergeSoftHard(
      base.doseRateMgPerKgPerHour,
      settings.doseRateMgPerKgPerHour,
    ),
    durationMin: mergeSoftHard(base.durationMin, settings.durationMin),
    finalConcentrationMgPerMl: mergeSoftHard(
      base.finalConcentrationMgPerMl,
      settings.finalConcentrationMgPerMl,
    ),
    weightKg: { hard: { ...base.weightKg.hard, ...settings.weightKg?.hard } },
    weightChangeSoftFraction: settings.weightChangeSoftFraction ?? base.weightChangeSoftFraction,
    lbKgMixupTolerance: settings.lbKgMixupTolerance ?? base.lbKgMixupTolerance,
    weightMaxAgeDays: settings.weightMaxAgeDays ?? base.weightMaxAgeDays,
  };
}

/** Unit of each limited guardrail field, for messages. */
export const GUARDRAIL_UNITS = {
  doseMgPerKg: 'mg/kg',
  totalDoseMg: 'mg',
  doseRateMgPerKgPerHour: 'mg/kg/h',
  durationMin: 'min',
  finalConcentrationMgPerMl: 'mg/mL',
  weightKg: 'kg',
} as const;
