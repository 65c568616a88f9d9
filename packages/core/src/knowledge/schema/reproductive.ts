import { z } from 'zod';
import type { MedicationId, Severity } from '../ids';
import { medicationIdSchema, nonEmptyText, severitySchema, sourceIdsSchema } from './common';

/** A pregnancy exposure registry a clinic can point patients to. */
export interface PregnancyRegistry {
  readonly name: string;
  readonly phone: string;
  readonly sources: readonly string[];
}

/** Guidance on pregnancy, breastfeeding or contraception. */
export interface ReproductiveGuidance {
  /** Stable, namespaced: `PL.*`. */
  readonly code: string;
  readonly topic: 'pregnancy' | 'breastfeeding' | 'contraception';
  readonly appliesTo: readonly MedicationId[];
  readonly severity: Severity;
  /** At most 140 characters (screening result contract). */
  readonly summary: string;
  /** For patients, in plain language. */
  readonly plainLanguage: string;
  readonly detail: string;
  readonly management: string;
  /** Where sources disagree, this says how and which one the default follows. */
  readonly evidenceNote: string;
  readonly registry?: PregnancyRegistry;
  readonly sources: readonly string[];
}

export const reproductiveGuidanceSchema: z.ZodType<ReproductiveGuidance> = z.strictObject({
  code: z.string().regex(/^PL\.[A-Z0-9_]+$/),
  topic: z.enum(['pregnancy', 'breastfeeding', 'contraception']),
  appliesTo: z.array(medicationIdSchema).min(1),
  severity: severitySchema,
  summary: nonEmptyText.max(140),
  plainLanguage: nonEmptyText,
  detail: nonEmptyText,
  management: nonEmptyText,
  evidenceNote: nonEmptyText,
  registry: z
    .strictObject({
      name: nonEmptyText,
      phone: z.string().regex(/^1-\d{3}-\d{3}-\d{4}$/),
      sources: sourceIdsSchema,
    })
    .exactOptional(),
  sources: sourceIdsSchema,
});
