import { z } from 'zod';
import type { IndicationId } from '../ids';
import { indicationIdSchema, nonEmptyText, sourceIdsSchema } from './common';

export interface AlternativeMedication {
  readonly generic: string;
  readonly brands: readonly string[];
  readonly drugClass: string;
  /** Why it needs a second look next to ketamine, if it does (e.g. a benzodiazepine). */
  readonly caution?: string;
}

/** What the seed suggests when ketamine does not suit a patient with this indication. */
export interface Alternatives {
  readonly indicationId: IndicationId;
  readonly medications: readonly AlternativeMedication[];
  /** Drug classes the seed names without a specific drug, e.g. "mood stabilisers". */
  readonly medicationClasses: readonly string[];
  readonly nonDrugOptions: readonly string[];
  readonly urgent: boolean;
  readonly note?: string;
  readonly sources: readonly string[];
}

export const alternativesSchema: z.ZodType<Alternatives> = z.strictObject({
  indicationId: indicationIdSchema,
  medications: z
    .array(
      z.strictObject({
        generic: nonEmptyText,
        brands: z.array(nonEmptyText),
        drugClass: nonEmptyText,
        caution: nonEmptyText.exactOptional(),
      }),
    )
    .min(1),
  medicationClasses: z.array(nonEmptyText),
  nonDrugOptions: z.array(nonEmptyText).min(1),
  urgent: z.boolean(),
  note: nonEmptyText.exactOptional(),
  sources: sourceIdsSchema,
});
