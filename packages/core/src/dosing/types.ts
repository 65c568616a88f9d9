/**
 * Inputs and outputs of the dose and infusion-pump calculator.
 *
 * The limit model follows smart-pump drug libraries: per protocol, a soft limit warns and may be
 * passed with a recorded reason, a hard limit blocks [P1][P2][P4] (product-anchors.md section 4).
 */
import type { KETAMINE_VIAL_STRENGTHS_MG_PER_ML } from '../knowledge/ids';
import type {
  ClinicSetBound,
  ClinicSetValue,
  SettingDefaultBound,
} from '../knowledge/schema/guardrails';
import type { InputQuantity, Quantity } from './quantity';

/** A lower and/or upper bound; an absent side is not checked. */
export interface LimitRange {
  readonly min?: number;
  readonly max?: number;
}

/** Soft (warn, override with a reason) and hard (block) bounds on one quantity. */
export interface SoftHardRange {
  readonly soft: LimitRange;
  readonly hard: LimitRange;
}

/** A protocol's guardrails, as the knowledge base supplies them (a pump drug-library entry). */
export interface DoseGuardrails {
  readonly doseMgPerKg: SoftHardRange;
  readonly totalDoseMg: SoftHardRange;
  readonly doseRateMgPerKgPerHour: SoftHardRange;
  readonly durationMin: SoftHardRange;
  readonly finalConcentrationMgPerMl: SoftHardRange;
  /** Plausible actual body weight; outside it the calculation is blocked (issue 3: 30–250 kg). */
  readonly weightKg: { readonly hard: LimitRange };
  /** A weight further than this fraction from the last recorded one is a soft limit (e.g. 0.10). */
  readonly weightChangeSoftFraction: number;
  /** Half-width of the band around 2.2046 (lb per kg) that flags a lb/kg mix-up (e.g. 0.1). */
  readonly lbKgMixupTolerance: number;
  /** A weight measured longer ago than this is a soft limit. */
  readonly weightMaxAgeDays: number;
  readonly sources: readonly string[];
  readonly notes: string;
  /** Bounds whose knowledge-base default is a clinic setting, not a sourced limit; absent: none. */
  readonly settingDefaults?: readonly SettingDefaultBound[];
  /** Bounds the clinic (or a location) set in place of the knowledge base's; absent: none. */
  readonly clinicSet?: readonly ClinicSetBound[];
  /** Weight-check settings the clinic (or a location) changed; absent: none. */
  readonly clinicSetValues?: readonly ClinicSetValue[];
}

/** Which body weight a dose per kg is applied to. */
export type WeightBasis = 'actual' | 'ideal' | 'adjusted';

/** A protocol's dosing part, from the knowledge base. */
export interface DosingProtocol {
  /** 'depression', 'chronic-pain', ... */
  readonly id: string;
  readonly doseMgPerKg: { readonly min: number; readonly max: number; readonly default: number };
  readonly durationMin: { readonly min: number; readonly max: number; readonly default: number };
  readonly weightBasis: WeightBasis;
  readonly guardrails: DoseGuardrails;
}

/** Clinic settings for preparing and running an infusion. */
export interface InfusionSettings {
  /** Nominal diluent bag volume, e.g. 100 (manufacturer overfill is not counted). */
  readonly bagVolumeMl: number;
  /** Drug volume added to the bag, or the same volume of diluent withdrawn first. */
  readonly bagMode: 'add-to-bag' | 'withdraw-equal-volume';
  /** Smallest volume that can be measured, e.g. 0.01 mL; the drug volume is rounded to it. */
  readonly volumeIncrementMl: number;
  /** The pump's programmable rate increment, e.g. 0.1 mL/h; the rate is rounded to it. */
  readonly rateIncrementMlPerHour: number;
}

export type Sex = 'female' | 'male';

/** A reason to go on past one soft limit, identified by the limit's code. */
export interface SoftLimitOverride {
  readonly code: string;
  readonly reason: string;
}

/**
 * Ketamine injection strengths (Ketalar: 10, 50, 100 mg/mL [S05]); `validateKnowledgeBase`
 * checks they equal the knowledge base's injection products.
 */
export type VialConcentrationMgPerMl = (typeof KETAMINE_VIAL_STRENGTHS_MG_PER_ML)[number];

/** Everything an IV infusion calculation needs. There is never a default weight. */
export interface InfusionInput {
  readonly protocol: DosingProtocol;
  /** Explicit dose; without it the protocol's default mg/kg is used. */
  readonly dose?: InputQuantity<'mg/kg' | 'mg'>;
  /** Measured weight; `measuredOn` (ISO date or instant with offset) enables the age check. */
  readonly weight: InputQuantity<'kg' | 'lb'> & { readonly measuredOn?: string };
  /** Required when the weight basis is ideal or adjusted. */
  readonly height?: InputQuantity<'cm' | 'in'>;
  /** Required when the weight basis is ideal or adjusted. */
  readonly sex?: Sex;
  /** Overrides the protocol's weight basis. */
  readonly weightBasis?: WeightBasis;
  /** One of the vial strengths in `VialConcentrationMgPerMl`; any other value is refused. */
  readonly vialConcentration: InputQuantity<'mg/mL'>;
  readonly settings: InfusionSettings;
  /** Explicit infusion duration; without it the protocol's default is used. */
  readonly duration?: InputQuantity<'min' | 'h'>;
  /** The previous recorded weight, for the change and lb/kg mix-up checks. */
  readonly lastRecordedWeight?: { readonly valueKg: number; readonly measuredOn: string };
  /** The instant the calculation is for (ISO date or instant with offset); needed for the age check. */
  readonly asOf?: string;
  readonly overrides?: readonly SoftLimitOverride[];
}

/** The quantity a limit is about: the guardrail key, or a physical constraint. */
export type LimitField =
  | 'doseMgPerKg'
  | 'totalDoseMg'
  | 'doseRateMgPerKgPerHour'
  | 'durationMin'
  | 'finalConcentrationMgPerMl'
  | 'weightKg'
  | 'drugVolumeMl'
  | 'rateMlPerHour'
  | 'nasalDoseMg';

/** One soft or hard limit that the calculation hit. */
export interface LimitFinding {
  readonly level: 'soft' | 'hard';
  /** Unique per limit, e.g. `DOSE.DOSE_PER_KG_ABOVE_HARD_LIMIT`; overrides name it. */
  readonly code: string;
  readonly message: string;
  readonly field: LimitField;
  readonly value: Quantity;
  readonly limit: Quantity;
  /** Present when a soft limit was passed with a non-empty reason. */
  readonly overridden?: { readonly reason: string };
  /**
   * Present when the bound is a clinic setting: one the clinic (or a location) set in place of
   * the knowledge base's, or one no clinical source sets, at the knowledge base's default.
   */
  readonly clinicSetting?: LimitClinicSetting;
}

/** Whose setting a limit is and which setting it is: the clinic-wide or a location's guardrails. */
export interface LimitClinicSetting {
  /** `clinic` for a setting at its default: it is the clinic's to change. */
  readonly scope: ClinicSetBound['scope'];
  /**
   * The limit at the knowledge base's value of the setting (the limit itself when `atDefault`);
   * `null` when the knowledge base had none.
   */
  readonly knowledgeBaseLimit: Quantity | null;
  /**
   * The setting that governs the limit, as a key of one protocol's guardrails in the clinic
   * settings (`guardrails.<indication>`, or `locations.<code>.guardrails.<indication>`):
   * `weightKg.hard.max`, `weightChangeSoftFraction`.
   */
  readonly setting: string;
  /**
   * True when no clinical source sets the limit and the clinic left it at the knowledge base's
   * documented default (the guardrails' notes); false when the clinic or a location set it.
   */
  readonly atDefault: boolean;
}

/**
 * The result of an infusion calculation. `blocked` is true when any hard limit was hit: the
 * numbers are shown for review but must not be given. `requiresOverride` is true when a soft
 * limit has no override with a reason. Only when both are false may the dose be prepared
 * (`isAdministrable`).
 */
export interface InfusionCalculation {
  readonly protocolId: string;
  /** Ordered dose (mg/kg × dosing weight, or the explicit mg dose), shown to 0.01 mg. */
  readonly dose: Quantity<'mg'>;
  /** Ordered dose per kg of dosing weight, shown to 0.0001 mg/kg. */
  readonly dosePerKg: Quantity<'mg/kg'>;
  /** Volume of vial solution to draw, rounded to the clinic's measurable increment. */
  readonly drugVolume: Quantity<'mL'>;
  /** Drug actually drawn: drug volume × vial concentration (differs from `dose` by volume rounding). */
  readonly drawnDose: Quantity<'mg'>;
  readonly vialConcentration: Quantity<'mg/mL'>;
  readonly bagMode: InfusionSettings['bagMode'];
  readonly totalVolume: Quantity<'mL'>;
  /** Final concentration in the bag (drawn dose ÷ total volume), shown to 0.0001 mg/mL. */
  readonly concentration: Quantity<'mg/mL'>;
  /** Pump rate, rounded to the pump's increment. */
  readonly rate: Quantity<'mL/h'>;
  /** Ordered dose rate, shown to 0.0001. */
  readonly doseRate: {
    readonly mgPerKgPerHour: Quantity<'mg/kg/h'>;
    readonly mgPerMin: Quantity<'mg/min'>;
  };
  readonly duration: Quantity<'min'>;
  /** The weight the dose per kg applies to, to 0.001 kg, with its basis. */
  readonly dosingWeight: Quantity<'kg'> & { readonly basis: WeightBasis };
  /** Measured weight in kg, to 0.001 kg. */
  readonly actualWeight: Quantity<'kg'>;
  readonly limits: readonly LimitFinding[];
  readonly blocked: boolean;
  readonly requiresOverride: boolean;
  /** Arithmetic a nurse can re-check, in order, with every rounding shown. */
  readonly steps: readonly string[];
  /** What was assumed or could not be checked; never silent. */
  readonly notes: readonly string[];
}

/** Input of an esketamine nasal-spray calculation. */
export interface NasalInput {
  readonly dose: InputQuantity<'mg'>;
}

/** Esketamine nasal spray: number of devices (the knowledge base's device facts) for a dose. */
export interface NasalCalculation {
  readonly product: 'esketamine-nasal';
  readonly dose: Quantity<'mg'>;
  readonly devices: number;
  readonly limits: readonly LimitFinding[];
  readonly blocked: boolean;
  readonly requiresOverride: boolean;
  readonly steps: readonly string[];
  readonly notes: readonly string[];
}
