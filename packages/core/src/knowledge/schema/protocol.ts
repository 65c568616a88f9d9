import { z } from 'zod';
import { PROTOCOL_IDS, type IndicationId, type ProtocolId, type WeightBasis } from '../ids';
import {
  defaultedRangeSchema,
  indicationIdSchema,
  nonEmptyText,
  sourceIdsSchema,
  weightBasisSchema,
  type DefaultedRange,
} from './common';

export interface SessionsPerWeek {
  readonly min: number;
  readonly max: number;
}

export interface CourseLength {
  readonly minWeeks: number;
  readonly maxWeeks: number;
}

/** The seed's own wording, paraphrased, kept so the UI can show where a number came from. */
export interface SeedWording {
  readonly dose: string;
  readonly frequency: string;
  readonly courseLength: string;
}

/**
 * An IV ketamine protocol for one indication, as the seed page gives it.
 * `doseMgPerKg` and `durationMin` min/max are the sourced range; a clinic may move the default
 * inside it but never the range itself.
 */
export interface InfusionProtocol {
  readonly id: ProtocolId;
  readonly indicationId: IndicationId;
  readonly medicationId: 'ketamine';
  readonly route: 'IV';
  /** The seed gives these protocols for adults only. */
  readonly population: 'adults';
  readonly labelStatus: 'off-label';
  readonly doseMgPerKg: DefaultedRange;
  readonly durationMin: DefaultedRange;
  readonly schedule: 'weekly' | 'as-needed';
  /** `null` when sessions are given as needed rather than on a weekly rhythm. */
  readonly sessionsPerWeek: SessionsPerWeek | null;
  /** `null` when the seed gives no course length (it "varies with response"). */
  readonly courseLength: CourseLength | null;
  readonly courseLengthNote: string;
  readonly weightBasis: WeightBasis;
  readonly seedWording: SeedWording;
  /** How the seed's numbers compare with trials and guidelines; read before relying on them. */
  readonly evidenceNote: string;
  readonly sources: readonly string[];
}

export const infusionProtocolSchema: z.ZodType<InfusionProtocol> = z.strictObject({
  id: z.enum(PROTOCOL_IDS),
  indicationId: indicationIdSchema,
  medicationId: z.literal('ketamine'),
  route: z.literal('IV'),
  population: z.literal('adults'),
  labelStatus: z.literal('off-label'),
  doseMgPerKg: defaultedRangeSchema,
  durationMin: defaultedRangeSchema,
  schedule: z.enum(['weekly', 'as-needed']),
  sessionsPerWeek: z
    .strictObject({ min: z.number().positive(), max: z.number().positive() })
    .nullable(),
  courseLength: z
    .strictObject({ minWeeks: z.number().int().positive(), maxWeeks: z.number().int().positive() })
    .nullable(),
  courseLengthNote: nonEmptyText,
  weightBasis: weightBasisSchema,
  seedWording: z.strictObject({
    dose: nonEmptyText,
    frequency: nonEmptyText,
    courseLength: nonEmptyText,
  }),
  evidenceNote: nonEmptyText,
  sources: sourceIdsSchema,
});
