import { z } from 'zod';
import { nonEmptyText, sourceIdsSchema } from './common';
import { OUTCOME_INSTRUMENTS, type OutcomeInstrument } from './indication';

/** One answer a respondent can choose, with the score it adds to the total. */
export interface AnswerOption {
  /** Whole number added to the total when chosen. */
  readonly score: number;
  readonly label: string;
  /** LOINC answer code (`LA6568-5`) when the instrument has coded answers. */
  readonly loinc?: string;
}

/** A safety rule on one item: any answer scoring above zero raises an alert of this type. */
export const SAFETY_ALERT_TYPES = ['suicidal-thoughts'] as const;
export type SafetyAlertType = (typeof SAFETY_ALERT_TYPES)[number];

export interface InstrumentItem {
  /** Stable id within the instrument, used as the answer key and the FHIR `linkId`. */
  readonly id: string;
  readonly text: string;
  readonly options: readonly AnswerOption[];
  /** LOINC code of the question, when one exists. */
  readonly loinc?: string;
  /** Symptom cluster or subscale (`B`...`E` for the PCL-5). */
  readonly cluster?: string;
  readonly safety?: SafetyAlertType;
}

/** A severity band over the total, both ends included. */
export interface SeverityBand {
  readonly id: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

/** Where the question wording comes from. */
export const ITEM_WORDINGS = ['official', 'own-words', 'clinic'] as const;
export type ItemWording = (typeof ITEM_WORDINGS)[number];

/**
 * A rating scale as data: items with scored answers, optional severity bands, LOINC codes.
 * Scoring is the sum of the chosen answers' scores; a missing answer is never pro-rated (the
 * reference gives no pro-rating rule for any of these instruments).
 */
export interface InstrumentDefinition {
  readonly id: string;
  readonly kind: 'standard' | 'custom';
  readonly name: string;
  readonly shortName: string;
  /** What the respondent reads first, including the recall period. */
  readonly instructions: string;
  readonly items: readonly InstrumentItem[];
  /** Empty when no validated bands exist: then no band is ever shown. */
  readonly bands: readonly SeverityBand[];
  readonly bandsNote?: string;
  /** LOINC codes of the panel and of the total score, when known. */
  readonly loinc?: {
    readonly panel?: string;
    readonly total: string;
    readonly totalDisplay: string;
  };
  readonly wording: ItemWording;
  /** Terms of use, for standard instruments. */
  readonly licence?: string;
  readonly sources: readonly string[];
}

/** A built-in instrument (PHQ-9, GAD-7, PCL-5, pain NRS). */
export interface StandardInstrument extends InstrumentDefinition {
  readonly id: OutcomeInstrument;
  readonly kind: 'standard';
}

const itemId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and -, at most 64');
const score = z.number().int().min(0).max(1000);
const loincCode = z.string().regex(/^\d{1,8}-\d$/, 'must be a LOINC code such as 44261-6');
const loincAnswer = z
  .string()
  .regex(/^LA\d{1,8}-\d$/, 'must be a LOINC answer code such as LA6568-5');

export const answerOptionSchema: z.ZodType<AnswerOption> = z.strictObject({
  score,
  label: nonEmptyText.max(200),
  loinc: loincAnswer.exactOptional(),
});

export const instrumentItemSchema: z.ZodType<InstrumentItem> = z
  .strictObject({
    id: itemId,
    text: nonEmptyText.max(1000),
    options: z.array(answerOptionSchema).min(2).max(101),
    loinc: loincCode.exactOptional(),
    cluster: nonEmptyText.max(40).exactOptional(),
    safety: z.enum(SAFETY_ALERT_TYPES).exactOptional(),
  })
  .superRefine((item, ctx) => {
    const seen = new Set<number>();
    item.options.forEach((option, index) => {
      if (seen.has(option.score))
        ctx.addIssue({
          code: 'custom',
          message: `score ${option.score} is used by an earlier answer of this item`,
          path: ['options', index, 'score'],
        });
      seen.add(option.score);
    });
  });

export const severityBandSchema: z.ZodType<SeverityBand> = z.strictObject({
  id: itemId,
  label: nonEmptyText.max(100),
  min: score,
  max: score,
});

/** Lowest and highest possible totals of a list of items. */
export function totalRange(items: readonly InstrumentItem[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const item of items) {
    const scores = item.options.map((o) => o.score);
    min += Math.min(...scores);
    max += Math.max(...scores);
  }
  return { min, max };
}

/**
 * Cross-field checks shared by built-in and custom instruments: unique item ids, and bands (when
 * any) in order, each `min <= max`, covering every possible total exactly once.
 */
export function checkInstrumentShape(
  value: { readonly items: readonly InstrumentItem[]; readonly bands: readonly SeverityBand[] },
  ctx: z.core.$RefinementCtx,
): void {
  const ids = new Set<string>();
  value.items.forEach((item, index) => {
    if (ids.has(item.id))
      ctx.addIssue({
        code: 'custom',
        message: `item id '${item.id}' is used by an earlier item`,
        path: ['items', index, 'id'],
      });
    ids.add(item.id);
  });
  // Without items the totals are unknown: the missing items are reported, not the bands.
  if (value.bands.length === 0 || value.items.length === 0) return;
  const range = totalRange(value.items);
  let expected = range.min;
  const bandIds = new Set<string>();
  value.bands.forEach((band, index) => {
    if (bandIds.has(band.id))
      ctx.addIssue({
        code: 'custom',
        message: `band id '${band.id}' is used by an earlier band`,
        path: ['bands', index, 'id'],
      });
    bandIds.add(band.id);
    if (band.min > band.max)
      ctx.addIssue({
        code: 'custom',
        message: `min ${band.min} is above max ${band.max}`,
        path: ['bands', index, 'min'],
      });
    if (band.min !== expected)
      ctx.addIssue({
        code: 'custom',
        message:
          index === 0
            ? `the first band must start at the lowest possible total, ${expected}`
            : `must be ${expected}: bands must follow each other with no gap or overlap`,
        path: ['bands', index, 'min'],
      });
    expected = band.max + 1;
  });
  const last = value.bands.at(-1);
  if (last !== undefined && last.max !== range.max)
    ctx.addIssue({
      code: 'custom',
      message: `the last band must end at the highest possible total, ${range.max}`,
      path: ['bands', value.bands.length - 1, 'max'],
    });
}

export const standardInstrumentSchema: z.ZodType<StandardInstrument> = z
  .strictObject({
    id: z.enum(OUTCOME_INSTRUMENTS),
    kind: z.literal('standard'),
    name: nonEmptyText,
    shortName: nonEmptyText,
    instructions: nonEmptyText,
    items: z.array(instrumentItemSchema).min(1),
    bands: z.array(severityBandSchema),
    bandsNote: nonEmptyText.exactOptional(),
    loinc: z
      .strictObject({
        panel: loincCode.exactOptional(),
        total: loincCode,
        totalDisplay: nonEmptyText,
      })
      .exactOptional(),
    wording: z.enum(ITEM_WORDINGS),
    licence: nonEmptyText.exactOptional(),
    sources: sourceIdsSchema,
  })
  .superRefine(checkInstrumentShape);
