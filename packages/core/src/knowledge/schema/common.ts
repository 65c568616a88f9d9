import { z } from 'zod';
import {
  EVIDENCE_LEVELS,
  INDICATION_IDS,
  MEDICATION_IDS,
  SEVERITIES,
  WEIGHT_BASES,
  type EvidenceLevel,
  type IndicationId,
  type MedicationId,
  type Severity,
  type WeightBasis,
} from '../ids';

export const severitySchema: z.ZodType<Severity> = z.enum(SEVERITIES);
export const evidenceLevelSchema: z.ZodType<EvidenceLevel> = z.enum(EVIDENCE_LEVELS);
export const weightBasisSchema: z.ZodType<WeightBasis> = z.enum(WEIGHT_BASES);
export const indicationIdSchema: z.ZodType<IndicationId> = z.enum(INDICATION_IDS);
export const medicationIdSchema: z.ZodType<MedicationId> = z.enum(MEDICATION_IDS);

/** Ids of entries in `sources`; resolution is checked by `validateKnowledgeBase`. */
export const sourceIdsSchema = z.array(z.string().min(1)).min(1);

export const nonEmptyText = z.string().trim().min(1);

/** A sourced range with the value used when nobody chooses one. */
export interface DefaultedRange {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

export const defaultedRangeSchema: z.ZodType<DefaultedRange> = z.strictObject({
  min: z.number().nonnegative(),
  max: z.number().nonnegative(),
  default: z.number().nonnegative(),
});

/** A SNOMED CT concept used to recognise a coded condition. */
export interface SnomedConcept {
  readonly code: string;
  readonly display: string;
}

export const snomedConceptSchema: z.ZodType<SnomedConcept> = z.strictObject({
  code: z.string().regex(/^\d{6,18}$/),
  display: nonEmptyText,
});

/** An ICD-10-CM code or category; a code matches when it starts with `prefix` (dot included). */
export interface Icd10CmPrefix {
  readonly prefix: string;
  readonly display: string;
}

export const icd10CmPrefixSchema: z.ZodType<Icd10CmPrefix> = z.strictObject({
  prefix: z.string().regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/),
  display: nonEmptyText,
});

/** How a screening engine can recognise a condition in coded or free-text input. */
export interface CodedCriteria {
  readonly snomedCt: readonly SnomedConcept[];
  readonly icd10Cm: readonly Icd10CmPrefix[];
  /** Lower-case phrases for free-text matching. */
  readonly textSynonyms: readonly string[];
  /** What a match means and what it does not prove. */
  readonly note?: string;
}

export const codedCriteriaSchema: z.ZodType<CodedCriteria> = z.strictObject({
  snomedCt: z.array(snomedConceptSchema),
  icd10Cm: z.array(icd10CmPrefixSchema),
  textSynonyms: z.array(
    z
      .string()
      .min(2)
      .refine((s) => s === s.toLowerCase().trim(), 'text synonyms must be lower-case and trimmed'),
  ),
  note: nonEmptyText.exactOptional(),
});

/** A drug named by generic and brand names (brands as the source spells them). */
export interface NamedDrug {
  readonly generic: string;
  readonly brands: readonly string[];
}

export const namedDrugSchema: z.ZodType<NamedDrug> = z.strictObject({
  generic: nonEmptyText,
  brands: z.array(nonEmptyText),
});
