import {
  SOFT_HARD_FIELDS,
  WEIGHT_CHECK_SETTINGS,
  type ClinicSetBound,
  type ClinicSetValue,
  type DoseGuardrails,
  type SoftHardLimits,
} from '../schema/guardrails';
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

type BoundAt = Pick<ClinicSetBound, 'field' | 'level' | 'side'>;

/** Each bound the settings give: where it is, the base's value there and the setting's. */
function* givenBounds(
  base: DoseGuardrails,
  settings: GuardrailSettings,
): Generator<readonly [BoundAt, number | undefined, number]> {
  for (const field of SOFT_HARD_FIELDS)
    for (const level of ['soft', 'hard'] as const)
      for (const side of ['min', 'max'] as const) {
        const to = settings[field]?.[level]?.[side];
        if (to !== undefined) yield [{ field, level, side }, base[field][level][side], to];
      }
  for (const side of ['min', 'max'] as const) {
    const to = settings.weightKg?.hard?.[side];
    if (to !== undefined)
      yield [{ field: 'weightKg', level: 'hard', side }, base.weightKg.hard[side], to];
  }
}

/**
 * The bounds the clinic chose itself after `settings` apply on top of `base` (the knowledge
 * base's guardrails, or the clinic's when `scope` is a location). A bound keeps the knowledge
 * base's value it replaced; one set back to that value is the knowledge base's again.
 */
function clinicSetBounds(
  base: DoseGuardrails,
  settings: GuardrailSettings,
  scope: ClinicSetBound['scope'],
): ClinicSetBound[] {
  const key = (b: BoundAt) => `${b.field}.${b.level}.${b.side}`;
  const set = new Map((base.clinicSet ?? []).map((b) => [key(b), b]));
  for (const [where, from, to] of givenBounds(base, settings)) {
    const earlier = set.get(key(where));
    const knowledgeBaseValue = earlier === undefined ? (from ?? null) : earlier.knowledgeBaseValue;
    if (to === knowledgeBaseValue) set.delete(key(where));
    else if (to !== from) set.set(key(where), { ...where, knowledgeBaseValue, scope });
  }
  return [...set.values()];
}

/** The weight-check settings the clinic changed, kept as `clinicSetBounds` keeps bounds. */
function clinicSetValues(
  base: DoseGuardrails,
  settings: GuardrailSettings,
  scope: ClinicSetValue['scope'],
): ClinicSetValue[] {
  const set = new Map((base.clinicSetValues ?? []).map((v) => [v.setting, v]));
  for (const setting of WEIGHT_CHECK_SETTINGS) {
    const to = settings[setting];
    if (to === undefined) continue;
    const from = base[setting];
    const knowledgeBaseValue = set.get(setting)?.knowledgeBaseValue ?? from;
    if (to === knowledgeBaseValue) set.delete(setting);
    else if (to !== from) set.set(setting, { setting, knowledgeBaseValue, scope });
  }
  return [...set.values()];
}

/**
 * The guardrails a clinic's overrides produce: each given bound replaces the base bound, and
 * `clinicSet` lists the bounds that are now the clinic's (or, with `scope: 'location'`, the
 * location's) own choice rather than the knowledge base's; `clinicSetValues` lists the
 * weight-check settings changed likewise.
 */
export function mergeGuardrails(
  base: DoseGuardrails,
  settings: GuardrailSettings,
  scope: ClinicSetBound['scope'] = 'clinic',
): DoseGuardrails {
  const { clinicSet: _previous, clinicSetValues: _previousValues, ...rest } = base;
  const clinicSet = clinicSetBounds(base, settings, scope);
  const setValues = clinicSetValues(base, settings, scope);
  return {
    ...rest,
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
    // Absent, not empty, when every bound is the knowledge base's: the base keeps its hash.
    ...(clinicSet.length > 0 ? { clinicSet } : {}),
    ...(setValues.length > 0 ? { clinicSetValues: setValues } : {}),
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
