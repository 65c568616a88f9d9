import { z } from 'zod';
import type { IndicationId, MedicationId } from '../ids';
import { indicationIdSchema, medicationIdSchema, nonEmptyText, sourceIdsSchema } from './common';

/** A WHO ATC code with whether the reference confirmed it (section 8 marks confirmed codes). */
export interface AtcCode {
  readonly code: string;
  readonly meaning: string;
  readonly verified: boolean;
  readonly sources: readonly string[];
}

export const atcCodeSchema: z.ZodType<AtcCode> = z.strictObject({
  code: z.string().regex(/^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/),
  meaning: nonEmptyText,
  verified: z.boolean(),
  sources: sourceIdsSchema,
});

export interface RxNormConcept {
  readonly rxcui: string;
  /** RxNorm term type: IN ingredient, BN brand, SCD/SBD clinical/branded drug, GPCK pack. */
  readonly tty: 'IN' | 'BN' | 'SCD' | 'SBD' | 'GPCK';
  readonly name: string;
}

export const rxNormConceptSchema: z.ZodType<RxNormConcept> = z.strictObject({
  rxcui: z.string().regex(/^\d+$/),
  tty: z.enum(['IN', 'BN', 'SCD', 'SBD', 'GPCK']),
  name: nonEmptyText,
});

export interface BrandName {
  readonly name: string;
  readonly country: string;
  readonly rxnormBrand?: RxNormConcept;
}

export interface LabelledIndication {
  readonly text: string;
  readonly sources: readonly string[];
}

/** Use of IV ketamine for an indication outside its FDA label. */
export interface OffLabelUse {
  readonly indicationId: IndicationId;
  readonly status: 'off-label';
  readonly sources: readonly string[];
}

/** An active ingredient with its regulatory identity. */
export interface Medication {
  readonly id: MedicationId;
  readonly genericName: string;
  readonly brandNames: readonly BrandName[];
  readonly plainDescription: string;
  /** As the seed names them for ketamine, e.g. "Dissociative anesthetic". */
  readonly pharmacologicCategories: readonly string[];
  readonly atcCodes: readonly AtcCode[];
  readonly deaSchedule: 'CIII';
  readonly rxnormIngredient: RxNormConcept;
  readonly labelledIndications: readonly LabelledIndication[];
  readonly labelLimitations: readonly string[];
  readonly offLabelUses: readonly OffLabelUse[];
  readonly abuseNote: string;
  readonly sources: readonly string[];
}

export const medicationSchema: z.ZodType<Medication> = z.strictObject({
  id: medicationIdSchema,
  genericName: nonEmptyText,
  brandNames: z
    .array(
      z.strictObject({
        name: nonEmptyText,
        country: z.string().regex(/^[A-Z]{2}$/),
        rxnormBrand: rxNormConceptSchema.exactOptional(),
      }),
    )
    .min(1),
  plainDescription: nonEmptyText,
  pharmacologicCategories: z.array(nonEmptyText).min(1),
  atcCodes: z.array(atcCodeSchema).min(1),
  deaSchedule: z.literal('CIII'),
  rxnormIngredient: rxNormConceptSchema,
  labelledIndications: z
    .array(z.strictObject({ text: nonEmptyText, sources: sourceIdsSchema }))
    .min(1),
  labelLimitations: z.array(nonEmptyText),
  offLabelUses: z.array(
    z.strictObject({
      indicationId: indicationIdSchema,
      status: z.literal('off-label'),
      sources: sourceIdsSchema,
    }),
  ),
  abuseNote: nonEmptyText,
  sources: sourceIdsSchema,
});
