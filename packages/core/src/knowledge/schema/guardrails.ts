import { z } from 'zod';
import { nonEmptyText, sourceIdsSchema } from './common';

/** A band of allowed values; an absent bound means "no limit on that side". */
export interface LimitRange {
  readonly min?: number;
  readonly max?: number;
}

export interface SoftHardLimits {
  readonly soft: LimitRange;
  readonly hard: LimitRange;
}

/** The guarded quantities a clinic may set soft or hard bounds on. */
export type GuardrailLimitField =
  | 'doseMgPerKg'
  | 'totalDoseMg'
  | 'doseRateMgPerKgPerHour'
  | 'durationMin'
  | 'finalConcentrationMgPerMl'
  | 'weightKg';

/**
 * One bound the clinic set itself in its settings (`guardrails`, or `locations.<code>.guardrails`
 * for `scope: 'location'`) in place of the knowledge base's, so a finding can say whose number it
 * is. Only bounds that differ from the knowledge base's are listed.
 */
export interface ClinicSetBound {
  readonly field: GuardrailLimitField;
  readonly level: 'soft' | 'hard';
  readonly side: 'min' | 'max';
  /** The knowledge base's bound on this side; `null` when it had none. */
  readonly knowledgeBaseValue: number | null;
  readonly scope: 'clinic' | 'location';
}

/**
 * One bound of the knowledge base's own that is a clinic setting: no clinical source sets it (the
 * guardrails' notes say why the default was chosen), so a finding against it is marked as a
 * clinic setting at its default, as the weight range's is.
 */
export type SettingDefaultBound = Pick<ClinicSetBound, 'field' | 'level' | 'side'>;

/** The weight checks' settings that are not bounds; no clinical source sets any of them. */
export const WEIGHT_CHECK_SETTINGS = [
  'weightChangeSoftFraction',
  'lbKgMixupTolerance',
  'weightMaxAgeDays',
] as const;
export type WeightCheckSetting = (typeof WEIGHT_CHECK_SETTINGS)[number];

/**
 * One weight-check setting the clinic changed in its settings (like `ClinicSetBound`, for the
 * values that are not bounds), so a finding can say it is no longer the knowledge base's default.
 */
export interface ClinicSetValue {
  readonly setting: WeightCheckSetting;
  /** The knowledge base's default it replaced. */
  readonly knowledgeBaseValue: number;
  readonly scope: 'clinic' | 'location';
}

/**
 * Limits the dosing module checks for one IV protocol. Soft limits warn; hard limits block.
 * Consumed as-is by `dosing`: change this shape only on purpose, with a test.
 */
export interface DoseGuardrails {
  readonly doseMgPerKg: SoftHardLimits;
  readonly totalDoseMg: SoftHardLimits;
  readonly doseRateMgPerKgPerHour: SoftHardLimits;
  readonly durationMin: SoftHardLimits;
  /** Final (infused) concentration; 100 mg/mL is never given IV undiluted. */
  readonly finalConcentrationMgPerMl: SoftHardLimits;
  readonly weightKg: { readonly hard: LimitRange };
  /** Soft warning when weight differs from the last recorded by more than this fraction. */
  readonly weightChangeSoftFraction: number;
  /** Flag a likely lb/kg mix-up when the ratio to the last weight is within this band around 2.2046. */
  readonly lbKgMixupTolerance: number;
  /** A recorded weight older than this many days needs re-weighing (clinic setting). */
  readonly weightMaxAgeDays: number;
  readonly sources: readonly string[];
  /** Why these numbers: which are sourced, which are conservative clinic defaults. */
  readonly notes: string;
  /** Bounds whose default is a clinic setting rather than a sourced limit (see `notes`). */
  readonly settingDefaults?: readonly SettingDefaultBound[];
  /** Bounds the clinic's settings set (absent in the knowledge base itself). */
  readonly clinicSet?: readonly ClinicSetBound[];
  /** Weight-check settings the clinic's settings changed (absent in the knowledge base itself). */
  readonly clinicSetValues?: readonly ClinicSetValue[];
}

const bound = z.number().nonnegative().exactOptional();

export const limitRangeSchema: z.ZodType<LimitRange> = z.strictObject({ min: bound, max: bound });

const softHardSchema: z.ZodType<SoftHardLimits> = z.strictObject({
  soft: limitRangeSchema,
  hard: limitRangeSchema,
});

const guardrailLimitFieldSchema = z.enum([
  'doseMgPerKg',
  'totalDoseMg',
  'doseRateMgPerKgPerHour',
  'durationMin',
  'finalConcentrationMgPerMl',
  'weightKg',
]);

export const doseGuardrailsSchema: z.ZodType<DoseGuardrails> = z.strictObject({
  doseMgPerKg: softHardSchema,
  totalDoseMg: softHardSchema,
  doseRateMgPerKgPerHour: softHardSchema,
  durationMin: softHardSchema,
  finalConcentrationMgPerMl: softHardSchema,
  weightKg: z.strictObject({ hard: limitRangeSchema }),
  weightChangeSoftFraction: z.number().gt(0).lt(1),
  lbKgMixupTolerance: z.number().gt(0).lt(1),
  weightMaxAgeDays: z.number().int().positive(),
  sources: sourceIdsSchema,
  notes: nonEmptyText,
  settingDefaults: z
    .array(
      z.strictObject({
        field: guardrailLimitFieldSchema,
        level: z.enum(['soft', 'hard']),
        side: z.enum(['min', 'max']),
      }),
    )
    .exactOptional(),
  clinicSet: z
    .array(
      z.strictObject({
        field: guardrailLimitFieldSchema,
        level: z.enum(['soft', 'hard']),
        side: z.enum(['min', 'max']),
        knowledgeBaseValue: z.number().nonnegative().nullable(),
        scope: z.enum(['clinic', 'location']),
      }),
    )
    .exactOptional(),
  clinicSetValues: z
    .array(
      z.strictObject({
        setting: z.enum(WEIGHT_CHECK_SETTINGS),
        knowledgeBaseValue: z.number().positive(),
        scope: z.enum(['clinic', 'location']),
      }),
    )
    .exactOptional(),
});

/** The guardrail fields that carry soft and hard limits, in a fixed order. */
export const SOFT_HARD_FIELDS = [
  'doseMgPerKg',
  'totalDoseMg',
  'doseRateMgPerKgPerHour',
  'durationMin',
  'finalConcentrationMgPerMl',
] as const;
export type SoftHardField = (typeof SOFT_HARD_FIELDS)[number];
