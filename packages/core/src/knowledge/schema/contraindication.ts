import { z } from 'zod';
import type { EvidenceLevel, MedicationId, Severity } from '../ids';
import {
  codedCriteriaSchema,
  evidenceLevelSchema,
  medicationIdSchema,
  nonEmptyText,
  severitySchema,
  sourceIdsSchema,
  type CodedCriteria,
} from './common';

/** One blood-pressure cut-off; a reading strictly above it triggers. */
export interface BpThreshold {
  readonly valueMmHg: number;
  /** `sourced`: the number is in a cited source. `clinic-setting`: a documented default to review. */
  readonly basis: 'sourced' | 'clinic-setting';
  readonly sources: readonly string[];
  readonly note: string;
}

export interface BpPair {
  readonly systolic: BpThreshold;
  readonly diastolic: BpThreshold;
}

/** How old a recorded value may be and still count; older values prove nothing (screening). */
export interface RecencyWindow {
  readonly maxAgeDays: number;
  readonly basis: 'sourced' | 'clinic-setting';
  readonly sources: readonly string[];
  readonly note: string;
}

/** Pre-session blood-pressure cut-offs: soft asks for review, hard stops the session. */
export interface BloodPressureThresholds {
  readonly comparison: 'greater-than';
  readonly soft: BpPair;
  readonly hard: BpPair;
  /** Screening uses the latest reading only when it is at most this old. */
  readonly readingMaxAge?: RecencyWindow;
}

export const CONTRAINDICATION_ORIGINS = ['seed', 'ketamine-label', 'esketamine-label'] as const;

/** A condition in which ketamine or esketamine should not be given (or only after review). */
export interface Contraindication {
  /** Stable, namespaced: `CI.*`. */
  readonly code: string;
  readonly name: string;
  readonly appliesTo: readonly MedicationId[];
  readonly origin: readonly (typeof CONTRAINDICATION_ORIGINS)[number][];
  /** At most 140 characters (screening result contract). */
  readonly summary: string;
  readonly detail: string;
  readonly management: string;
  readonly severity: Severity;
  /** True when a past, resolved episode still counts (e.g. a stroke years ago). */
  readonly historyCounts: boolean;
  readonly criteria: CodedCriteria;
  readonly bloodPressure?: BloodPressureThresholds;
  readonly evidenceLevel: EvidenceLevel;
  readonly evidenceNote: string;
  readonly sources: readonly string[];
}

const bpThresholdSchema: z.ZodType<BpThreshold> = z.strictObject({
  valueMmHg: z.number().int().min(40).max(300),
  basis: z.enum(['sourced', 'clinic-setting']),
  sources: sourceIdsSchema,
  note: nonEmptyText,
});

const bpPairSchema: z.ZodType<BpPair> = z.strictObject({
  systolic: bpThresholdSchema,
  diastolic: bpThresholdSchema,
});

export const recencyWindowSchema: z.ZodType<RecencyWindow> = z.strictObject({
  maxAgeDays: z.number().int().min(1).max(3650),
  basis: z.enum(['sourced', 'clinic-setting']),
  sources: sourceIdsSchema,
  note: nonEmptyText,
});

export const bloodPressureThresholdsSchema: z.ZodType<BloodPressureThresholds> = z.strictObject({
  comparison: z.literal('greater-than'),
  soft: bpPairSchema,
  hard: bpPairSchema,
  readingMaxAge: recencyWindowSchema.exactOptional(),
});

export const contraindicationSchema: z.ZodType<Contraindication> = z.strictObject({
  code: z.string().regex(/^CI\.[A-Z0-9_]+$/),
  name: nonEmptyText,
  appliesTo: z.array(medicationIdSchema).min(1),
  origin: z.array(z.enum(CONTRAINDICATION_ORIGINS)).min(1),
  summary: nonEmptyText.max(140),
  detail: nonEmptyText,
  management: nonEmptyText,
  severity: severitySchema,
  historyCounts: z.boolean(),
  criteria: codedCriteriaSchema,
  bloodPressure: bloodPressureThresholdsSchema.exactOptional(),
  evidenceLevel: evidenceLevelSchema,
  evidenceNote: nonEmptyText,
  sources: sourceIdsSchema,
});
