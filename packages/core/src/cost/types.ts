import type { IndicationId } from '../knowledge/ids';
import type { CentsRange } from './money';

/** A count of sessions or weeks; `min === max` for one number. */
export interface CountRange {
  readonly min: number;
  readonly max: number;
}

/** What the estimate was asked for (`POST /api/public/costs/estimate`). */
export interface EstimateInput {
  readonly indication: IndicationId;
  /** Within the protocol's sessions per week; the protocol's range when left out. */
  readonly sessionsPerWeek?: number;
  /** Whole weeks (1–52); the protocol's course length when left out. */
  readonly weeks?: number;
  readonly includeConsult: boolean;
}

/**
 * Where a unit price comes from. KetaFlow never makes up a price: a price the clinic has not set
 * is `ask-the-clinic`, and a published range is labelled as one, with its source.
 */
export type UnitPrice =
  { readonly basis: 'clinic'; readonly cents: number } | { readonly basis: 'ask-the-clinic' };

export interface EstimateLine {
  readonly kind: 'consult' | 'infusions';
  /** KetaFlow's item code; the clinic assigns billing (CPT/HCPCS) codes on the bill. */
  readonly code: string;
  readonly description: string;
  readonly unitPrice: UnitPrice;
  /** Sessions counted; `null` when the protocol is as needed or its length varies (per session). */
  readonly quantity: CountRange | null;
  /** `null` when the price is not set or the number of sessions is not known. */
  readonly amount: CentsRange | null;
  /** The sum in words, e.g. `8 sessions × $450 = $3,600`. */
  readonly arithmetic: string;
  readonly note: string | null;
}

export interface CourseEstimate {
  readonly indication: IndicationId;
  readonly indicationName: string;
  /** ISO 4217 code of the clinic's prices. */
  readonly currency: string;
  readonly schedule: 'weekly' | 'as-needed';
  readonly sessionsPerWeek: CountRange | null;
  readonly weeks: CountRange | null;
  readonly sessions: CountRange | null;
  readonly lines: readonly EstimateLine[];
  /** Sum of the lines; `null` when any line has no amount (see `totalNote`). */
  readonly total: CentsRange | null;
  readonly totalArithmetic: string;
  readonly totalNote: string | null;
  readonly knowledgeVersion: string;
}

/** A price range published by a source, never the clinic's own price. */
export interface SourcedPriceRange {
  readonly basis: 'source-range';
  readonly currency: 'USD';
  readonly range: CentsRange;
  readonly text: string;
  readonly conditions: string;
  readonly sources: readonly string[];
}

export interface NasalSprayEstimate extends SourcedPriceRange {
  readonly product: 'esketamine-nasal-spray-28-mg';
  readonly supplyDays: 30;
  /** Why the range is not an infusion price. */
  readonly injectableNote: string;
}
