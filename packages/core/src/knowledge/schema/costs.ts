import { z } from 'zod';
import { INDICATION_IDS, type IndicationId } from '../ids';
import { nonEmptyText, sourceIdsSchema } from './common';

/** A published price range, with the conditions it holds under. */
export interface PriceRange {
  readonly min: number;
  readonly max: number;
  readonly currency: 'USD';
  readonly conditions: string;
  readonly sources: readonly string[];
}

/**
 * Cost facts and clinic prices. A price of `null` means "not set: ask the clinic"; KetaFlow never
 * makes up a price.
 */
export interface Costs {
  readonly nasalSpray30DaySupply: PriceRange;
  readonly injectableNote: string;
  /** ISO 4217 code of the clinic's own prices below. */
  readonly currency: string;
  readonly consultPrice: number | null;
  readonly infusionPriceByIndication: Readonly<Record<IndicationId, number | null>>;
  readonly sources: readonly string[];
}

const price = z.number().nonnegative().nullable();

export const costsSchema: z.ZodType<Costs> = z.strictObject({
  nasalSpray30DaySupply: z.strictObject({
    min: z.number().nonnegative(),
    max: z.number().nonnegative(),
    currency: z.literal('USD'),
    conditions: nonEmptyText,
    sources: sourceIdsSchema,
  }),
  injectableNote: nonEmptyText,
  currency: z.string().regex(/^[A-Z]{3}$/),
  consultPrice: price,
  infusionPriceByIndication: z.record(z.enum(INDICATION_IDS), price),
  sources: sourceIdsSchema,
});
