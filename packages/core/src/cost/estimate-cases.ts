import type { EstimateInput } from './types';

/** Prices the cases are priced with (clinic settings `prices`). */
export const CASE_PRICES = {
  consultPrice: 250,
  infusionPriceByIndication: {
    depression: 450,
    ptsd: 99.99,
    'chronic-pain': 725.5,
    anxiety: 449.995,
    ocd: 0.1,
  },
} as const;

export interface EstimateCase {
  readonly name: string;
  readonly input: EstimateInput;
  /** Sessions counted, `null` when priced per session. */
  readonly sessions: { readonly min: number; readonly max: number } | null;
  /** Infusion line in cents, `null` when there is none. */
  readonly infusionCents: { readonly min: number; readonly max: number } | null;
  readonly totalCents: { readonly min: number; readonly max: number } | null;
  readonly arithmetic: string;
  readonly totalArithmetic: string;
}

/** Each case with its arithmetic; amounts are integer cents. */
export const ESTIMATE_CASES: readonly EstimateCase[] = [
  {
    name: 'depression, 2 a week for 4 weeks, with consult',
    input: { indication: 'depression', sessionsPerWeek: 2, weeks: 4, includeConsult: true },
    // 2 × 4 = 8 sessions; 8 × 45000 = 360000; 25000 + 360000 = 385000
    sessions: { min: 8, max: 8 },
    infusionCents: { min: 360_000, max: 360_000 },
    totalCents: { min: 385_000, max: 385_000 },
    arithmetic: '8 sessions × $450 = $3,600',
    totalArithmetic: '$250 + $3,600 = $3,850',
  },
  {
    name: 'depression, protocol ranges (1–2 a week, 4–6 weeks), no consult',
    input: { indication: 'depression', includeConsult: false },
    // 1 × 4 = 4 and 2 × 6 = 12 sessions; 4 × 45000 = 180000, 12 × 45000 = 540000
    sessions: { min: 4, max: 12 },
    infusionCents: { min: 180_000, max: 540_000 },
    totalCents: { min: 180_000, max: 540_000 },
    arithmetic: '4–12 sessions × $450 = $1,800–$5,400',
    totalArithmetic: '$1,800–$5,400',
  },
  {
    name: 'depression, 1 a week for the protocol weeks, with consult',
    input: { indication: 'depression', sessionsPerWeek: 1, includeConsult: true },
    // 1 × 4 = 4, 1 × 6 = 6; 180000–270000; + 25000 = 205000–295000
    sessions: { min: 4, max: 6 },
    infusionCents: { min: 180_000, max: 270_000 },
    totalCents: { min: 205_000, max: 295_000 },
    arithmetic: '4–6 sessions × $450 = $1,800–$2,700',
    totalArithmetic: '$250 + $1,800–$2,700 = $2,050–$2,950',
  },
  {
    name: 'ptsd at $99.99: no floating-point drift',
    input: { indication: 'ptsd', sessionsPerWeek: 2, weeks: 3, includeConsult: false },
    // 6 × 9999 = 59994 cents (99.99 * 6 in floating point is 599.9399999999999)
    sessions: { min: 6, max: 6 },
    infusionCents: { min: 59_994, max: 59_994 },
    totalCents: { min: 59_994, max: 59_994 },
    arithmetic: '6 sessions × $99.99 = $599.94',
    totalArithmetic: '$599.94',
  },
  {
    name: 'anxiety at $449.995: the half cent rounds up once, before multiplying',
    input: { indication: 'anxiety', sessionsPerWeek: 2, weeks: 5, includeConsult: true },
    // 449.995 → 45000 cents (half up); 10 × 45000 = 450000; + 25000 = 475000
    sessions: { min: 10, max: 10 },
    infusionCents: { min: 450_000, max: 450_000 },
    totalCents: { min: 475_000, max: 475_000 },
    arithmetic: '10 sessions × $450 = $4,500',
    totalArithmetic: '$250 + $4,500 = $4,750',
  },
  {
    name: 'ocd at $0.10 for 3 weeks: 0.1 + 0.2 style sums stay exact',
    input: { indication: 'ocd', sessionsPerWeek: 1, weeks: 3, includeConsult: false },
    // 3 × 10 = 30 cents (0.1 * 3 in floating point is 0.30000000000000004)
    sessions: { min: 3, max: 3 },
    infusionCents: { min: 30, max: 30 },
    totalCents: { min: 30, max: 30 },
    arithmetic: '3 sessions × $0.10 = $0.30',
    totalArithmetic: '$0.30',
  },
  {
    name: 'anxiety without weeks: the course length varies, priced per session',
    input: { indication: 'anxiety', includeConsult: true },
    // no weeks from the protocol → no session count → no total
    sessions: null,
    infusionCents: null,
    totalCents: null,
    arithmetic: '$450 per session',
    totalArithmetic: 'No total',
  },
  {
    name: 'chronic pain is as needed: priced per session',
    input: { indication: 'chronic-pain', includeConsult: true },
    // 725.5 → 72550 cents each; sessions as needed → no total
    sessions: null,
    infusionCents: null,
    totalCents: null,
    arithmetic: '$725.50 per session',
    totalArithmetic: 'No total',
  },
  {
    name: 'migraine has no clinic price: ask the clinic, never a made-up number',
    input: { indication: 'migraine', includeConsult: true },
    sessions: null,
    infusionCents: null,
    totalCents: null,
    arithmetic: 'Price per session not set: ask the clinic',
    totalArithmetic: 'No total',
  },
  {
    name: 'bipolar has no clinic price but a known course: sessions shown, no amount',
    input: { indication: 'bipolar-disorder', sessionsPerWeek: 2, weeks: 6, includeConsult: false },
    // 2 × 6 = 12 sessions; price unset → no amount
    sessions: { min: 12, max: 12 },
    infusionCents: null,
    totalCents: null,
    arithmetic: '12 sessions × price not set: ask the clinic',
    totalArithmetic: 'No total',
  },
];
