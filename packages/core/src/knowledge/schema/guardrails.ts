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
}

const bound = z.number().nonnegative().exactOptional();

export const limitRangeSchema: z.ZodType<LimitRange> = z.strictObject({ min: bound, max: bound });

const softHardSchema: z.ZodType<SoftHardLimits> = z.strictObject({
  soft: limitRangeSchema,
  hard: limitRangeSchema,
});

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
