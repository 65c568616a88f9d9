import { z } from 'zod';
import type { MedicationId, Severity } from '../ids';
import { medicationIdSchema, nonEmptyText, severitySchema, sourceIdsSchema } from './common';
import { recencyWindowSchema, type RecencyWindow } from './contraindication';

/** How screening decides whether a pregnancy status is known (topic `pregnancy` only). */
export interface PregnancyStatusRules {
  /** A pregnancy record or "pregnant" status counts while at most this old. */
  readonly pregnantMaxAge: RecencyWindow;
  /** A "not pregnant" status counts while at most this old. */
  readonly notPregnantMaxAge: RecencyWindow;
  /** Ages (whole years) at which a female patient is asked for her pregnancy status. */
  readonly askAgeYears: {
    readonly min: number;
    readonly max: number;
    readonly basis: 'sourced' | 'clinic-setting';
    readonly sources: readonly string[];
    readonly note: string;
  };
}

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
  readonly statusRules?: PregnancyStatusRules;
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
  statusRules: z
    .strictObject({
      pregnantMaxAge: recencyWindowSchema,
      notPregnantMaxAge: recencyWindowSchema,
      askAgeYears: z.strictObject({
        min: z.number().int().min(0).max(120),
        max: z.number().int().min(0).max(120),
        basis: z.enum(['sourced', 'clinic-setting']),
        sources: sourceIdsSchema,
        note: nonEmptyText,
      }),
    })
    .exactOptional(),
  sources: sourceIdsSchema,
});
