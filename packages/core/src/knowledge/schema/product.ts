import { z } from 'zod';
import { MEDICATION_IDS, PRODUCT_IDS, type MedicationId, type ProductId } from '../ids';
import { nonEmptyText, sourceIdsSchema } from './common';
import { rxNormConceptSchema, type RxNormConcept } from './medication';

/** A pack a clinic buys: a vial or a nasal-spray kit. */
export interface ProductPackage {
  readonly description: string;
  readonly volumeMl?: number;
  readonly totalMg: number;
  readonly devices?: number;
  readonly multipleDose?: boolean;
  readonly sources: readonly string[];
}

/** Nasal-spray device facts the dose and charting code need. */
export interface NasalDevice {
  readonly mgPerDevice: number;
  readonly spraysPerDevice: number;
  readonly mgPerSpray: number;
  /** Salt content per device (esketamine HCl). */
  readonly saltMgPerDevice: number;
  readonly volumeMlPerDevice: number;
  readonly minutesBetweenDevices: number;
  readonly primeBeforeUse: false;
  /** The most the label allows in one session, a whole number of devices (84 mg [S14]). */
  readonly maxDosePerSession: { readonly mg: number; readonly sources: readonly string[] };
  readonly sources: readonly string[];
}

/** A presentation of a medication at one strength. */
export interface Product {
  readonly id: ProductId;
  readonly medicationId: MedicationId;
  readonly displayName: string;
  readonly form: 'injection-solution' | 'nasal-spray';
  readonly routes: readonly ('IV' | 'IM' | 'intranasal')[];
  /** Strength expressed as the base (ketamine or esketamine), not the hydrochloride salt. */
  readonly strength: { readonly value: number; readonly unit: 'mg/mL' | 'mg/device' };
  readonly strengthBasis: 'base';
  /** Hydrochloride salt per mL (injection) or per device (spray) for the stated base strength. */
  readonly saltEquivalent: { readonly mgHcl: number; readonly per: 'mL' | 'device' };
  readonly saltNote: string;
  readonly requiresDilutionForIv: boolean;
  readonly dilutionNote?: string;
  readonly packages: readonly ProductPackage[];
  readonly device?: NasalDevice;
  readonly brandNames: readonly string[];
  readonly rxnorm: readonly RxNormConcept[];
  readonly ndcProductCodes: readonly string[];
  /** What the seed page says about this product, when its wording differs from the label. */
  readonly seedWording?: string;
  readonly sources: readonly string[];
}

const positive = z.number().positive();

export const productSchema: z.ZodType<Product> = z.strictObject({
  id: z.enum(PRODUCT_IDS),
  medicationId: z.enum(MEDICATION_IDS),
  displayName: nonEmptyText,
  form: z.enum(['injection-solution', 'nasal-spray']),
  routes: z.array(z.enum(['IV', 'IM', 'intranasal'])).min(1),
  strength: z.strictObject({ value: positive, unit: z.enum(['mg/mL', 'mg/device']) }),
  strengthBasis: z.literal('base'),
  saltEquivalent: z.strictObject({ mgHcl: positive, per: z.enum(['mL', 'device']) }),
  saltNote: nonEmptyText,
  requiresDilutionForIv: z.boolean(),
  dilutionNote: nonEmptyText.exactOptional(),
  packages: z
    .array(
      z.strictObject({
        description: nonEmptyText,
        volumeMl: positive.exactOptional(),
        totalMg: positive,
        devices: z.number().int().positive().exactOptional(),
        multipleDose: z.boolean().exactOptional(),
        sources: sourceIdsSchema,
      }),
    )
    .min(1),
  device: z
    .strictObject({
      mgPerDevice: positive,
      spraysPerDevice: z.number().int().positive(),
      mgPerSpray: positive,
      saltMgPerDevice: positive,
      volumeMlPerDevice: positive,
      minutesBetweenDevices: z.number().int().nonnegative(),
      primeBeforeUse: z.literal(false),
      maxDosePerSession: z.strictObject({ mg: positive, sources: sourceIdsSchema }),
      sources: sourceIdsSchema,
    })
    .exactOptional(),
  brandNames: z.array(nonEmptyText),
  rxnorm: z.array(rxNormConceptSchema),
  ndcProductCodes: z.array(z.string().regex(/^\d{4,5}-\d{3,4}$/)),
  seedWording: nonEmptyText.exactOptional(),
  sources: sourceIdsSchema,
});
