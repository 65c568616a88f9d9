import { z } from 'zod';
import { nonEmptyText, sourceIdsSchema } from './common';

export const BAG_MODES = ['add-to-bag', 'withdraw-equal-volume'] as const;
export type BagMode = (typeof BAG_MODES)[number];

/**
 * How a clinic prepares and runs an IV ketamine infusion. Sources are silent on a bag volume and
 * on measuring increments for psychiatric infusions, so every value here is a clinic setting with
 * a documented default (`basis: 'clinic-setting'`); the concentration guardrails still apply to
 * whatever a clinic chooses.
 */
export interface InfusionPreparation {
  /** Diluent, e.g. "0.9% sodium chloride" (label diluents: NS, D5W, sterile water [S01][S05]). */
  readonly diluent: string;
  /** The vial strength the clinic stocks, used when a calculation names none (10, 50 or 100). */
  readonly vialConcentrationMgPerMl: 10 | 50 | 100;
  /** Nominal bag volume (overfill is not counted). */
  readonly bagVolumeMl: number;
  /** Drug volume added to the bag, or the same volume of diluent withdrawn first. */
  readonly bagMode: BagMode;
  /** Smallest drug volume the clinic's syringes measure; drug volumes are rounded to it. */
  readonly volumeIncrementMl: number;
  /** The pump's programmable rate step; rates are rounded to it. */
  readonly rateIncrementMlPerHour: number;
  readonly basis: 'clinic-setting';
  readonly notes: string;
  readonly sources: readonly string[];
}

const increment = z.number().positive().max(10);

export const infusionPreparationSchema: z.ZodType<InfusionPreparation> = z.strictObject({
  diluent: nonEmptyText,
  vialConcentrationMgPerMl: z.union([z.literal(10), z.literal(50), z.literal(100)]),
  bagVolumeMl: z.number().positive().max(1000),
  bagMode: z.enum(BAG_MODES),
  volumeIncrementMl: increment,
  rateIncrementMlPerHour: increment,
  basis: z.literal('clinic-setting'),
  notes: nonEmptyText,
  sources: sourceIdsSchema,
});
