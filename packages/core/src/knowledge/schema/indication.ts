import { z } from 'zod';
import type { IndicationId } from '../ids';
import {
  indicationIdSchema,
  nonEmptyText,
  snomedConceptSchema,
  sourceIdsSchema,
  type SnomedConcept,
} from './common';

export const OUTCOME_INSTRUMENTS = ['phq-9', 'gad-7', 'pcl-5', 'pain-nrs'] as const;
export type OutcomeInstrument = (typeof OUTCOME_INSTRUMENTS)[number];

/** A condition a clinic may treat, as shown to patients and clinicians. */
export interface Indication {
  readonly id: IndicationId;
  readonly displayName: string;
  /** For patients: plain language, no jargon. */
  readonly plainDescription: string;
  /** Omitted where no code is known with confidence. */
  readonly snomedCt?: SnomedConcept;
  readonly defaultOutcomeInstrument?: OutcomeInstrument;
  /** What the research behind IV ketamine for this indication looks like (trial level, not label). */
  readonly evidenceSummary: string;
  readonly sources: readonly string[];
}

export const indicationSchema: z.ZodType<Indication> = z.strictObject({
  id: indicationIdSchema,
  displayName: nonEmptyText,
  plainDescription: nonEmptyText,
  snomedCt: snomedConceptSchema.exactOptional(),
  defaultOutcomeInstrument: z.enum(OUTCOME_INSTRUMENTS).exactOptional(),
  evidenceSummary: nonEmptyText,
  sources: sourceIdsSchema,
});
