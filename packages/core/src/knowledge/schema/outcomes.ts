import { z } from 'zod';
import { INDICATION_IDS, type IndicationId } from '../ids';
import { nonEmptyText } from './common';
import { OUTCOME_INSTRUMENTS, type OutcomeInstrument } from './indication';
import { standardInstrumentSchema, type StandardInstrument } from './outcome-instrument';

/** `sourced`: the number is in the cited sources; `clinic-setting`: a documented default. */
export type OutcomeBasis = 'sourced' | 'clinic-setting';

/** A built-in instrument id, or a clinic's custom form (`custom:<form id>`). */
export type InstrumentRef = OutcomeInstrument | `custom:${string}`;

export const CUSTOM_INSTRUMENT_REF = /^custom:[a-z0-9][a-z0-9-]{0,63}$/;

/** Response: a fall from baseline of at least `percent` per cent, or of at least `points`. */
export type ResponseRule =
  | { readonly kind: 'percent-decrease'; readonly percent: number }
  | { readonly kind: 'points-decrease'; readonly points: number };

export interface ResponseCriterion {
  /** `null`: response is not defined (a custom form without a threshold). */
  readonly rule: ResponseRule | null;
  readonly basis: OutcomeBasis;
  readonly note: string;
  readonly sources: readonly string[];
}

export interface RemissionCriterion {
  /** Remission is a total below this score; `null`: remission is not defined. */
  readonly belowScore: number | null;
  readonly basis: OutcomeBasis;
  readonly note: string;
  readonly sources: readonly string[];
}

/** A screening cut-point: a total at or above `score` screens positive. */
export interface CutPoint {
  readonly score: number;
  /** The range of cut-offs the sources propose, for display. */
  readonly proposed: { readonly min: number; readonly max: number };
  readonly basis: OutcomeBasis;
  readonly note: string;
  readonly sources: readonly string[];
}

/** What counts as response and remission on one instrument (higher totals are worse). */
export interface OutcomeCriteria {
  readonly response: ResponseCriterion;
  readonly remission: RemissionCriterion;
  readonly cutPoint?: CutPoint;
}

/** Rating scales, their response and remission criteria, and when they are used. */
export interface OutcomeDefaults {
  readonly instruments: readonly StandardInstrument[];
  readonly criteria: Readonly<Record<OutcomeInstrument, OutcomeCriteria>>;
  /** The instrument each indication's patients fill in (clinic setting). */
  readonly instrumentByIndication: Readonly<Record<IndicationId, InstrumentRef>>;
  /** Days between scales sent during a course, besides the one before each session. */
  readonly scaleIntervalDays: number;
  /** A scale is due before a session once the session is this close (hours). */
  readonly preSessionWindowHours: number;
  readonly basis: 'clinic-setting';
  readonly notes: string;
}

const noteAndSources = {
  note: nonEmptyText,
  sources: z.array(z.string().min(1)),
};
const basis = z.enum(['sourced', 'clinic-setting']);

export const responseRuleSchema: z.ZodType<ResponseRule> = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('percent-decrease'),
    percent: z.number().int().min(1).max(100),
  }),
  z.strictObject({ kind: z.literal('points-decrease'), points: z.number().int().min(1).max(1000) }),
]);

export const outcomeCriteriaSchema: z.ZodType<OutcomeCriteria> = z.strictObject({
  response: z.strictObject({ rule: responseRuleSchema.nullable(), basis, ...noteAndSources }),
  remission: z.strictObject({
    belowScore: z.number().int().min(1).max(1000).nullable(),
    basis,
    ...noteAndSources,
  }),
  cutPoint: z
    .strictObject({
      score: z.number().int().min(0).max(1000),
      proposed: z.strictObject({ min: z.number().int(), max: z.number().int() }),
      basis,
      ...noteAndSources,
    })
    .exactOptional(),
});

export const instrumentRefSchema: z.ZodType<InstrumentRef> = z.union([
  z.enum(OUTCOME_INSTRUMENTS),
  z.custom<`custom:${string}`>(
    (v) => typeof v === 'string' && CUSTOM_INSTRUMENT_REF.test(v),
    'must be phq-9, gad-7, pcl-5, pain-nrs or custom:<form id>',
  ),
]);

export const outcomeDefaultsSchema: z.ZodType<OutcomeDefaults> = z.strictObject({
  instruments: z.array(standardInstrumentSchema).length(OUTCOME_INSTRUMENTS.length),
  criteria: z.record(z.enum(OUTCOME_INSTRUMENTS), outcomeCriteriaSchema),
  instrumentByIndication: z.record(z.enum(INDICATION_IDS), instrumentRefSchema),
  scaleIntervalDays: z.number().int().min(1).max(90),
  preSessionWindowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 7),
  basis: z.literal('clinic-setting'),
  notes: nonEmptyText,
});
