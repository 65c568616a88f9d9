import { z } from 'zod';
import type { EvidenceLevel, MedicationId, Severity } from '../ids';
import {
  evidenceLevelSchema,
  medicationIdSchema,
  nonEmptyText,
  severitySchema,
  sourceIdsSchema,
  type NamedDrug,
} from './common';
import { atcCodeSchema, type AtcCode } from './medication';

export const INTERACTION_ORIGINS = [
  'seed',
  'ketamine-label',
  'esketamine-label',
  'smpc',
  'literature',
] as const;

/** An example drug of an interacting class; `inSeed` marks the seed page's own examples. */
export interface InteractingDrug extends NamedDrug {
  readonly inSeed: boolean;
}

/** A class of drugs that interacts with ketamine or esketamine. */
export interface Interaction {
  /** Stable, namespaced: `IX.*`. */
  readonly code: string;
  readonly classId: string;
  readonly className: string;
  readonly exampleDrugs: readonly InteractingDrug[];
  readonly atcCodes: readonly AtcCode[];
  readonly appliesTo: readonly MedicationId[];
  readonly origin: readonly (typeof INTERACTION_ORIGINS)[number][];
  /** At most 140 characters (screening result contract). */
  readonly summary: string;
  readonly effect: string;
  readonly management: string;
  readonly severity: Severity;
  readonly evidenceLevel: EvidenceLevel;
  /** Where a claim (often the seed's) is weaker than it sounds, this says so. */
  readonly evidenceNote: string;
  readonly sources: readonly string[];
}

export const interactionSchema: z.ZodType<Interaction> = z.strictObject({
  code: z.string().regex(/^IX\.[A-Z0-9_]+$/),
  classId: z.string().regex(/^[a-z0-9-]+$/),
  className: nonEmptyText,
  exampleDrugs: z
    .array(
      z.strictObject({ generic: nonEmptyText, brands: z.array(nonEmptyText), inSeed: z.boolean() }),
    )
    .min(1),
  atcCodes: z.array(atcCodeSchema),
  appliesTo: z.array(medicationIdSchema).min(1),
  origin: z.array(z.enum(INTERACTION_ORIGINS)).min(1),
  summary: nonEmptyText.max(140),
  effect: nonEmptyText,
  management: nonEmptyText,
  severity: severitySchema,
  evidenceLevel: evidenceLevelSchema,
  evidenceNote: nonEmptyText,
  sources: sourceIdsSchema,
});
