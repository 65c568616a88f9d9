import { z } from 'zod';
import {
  checkInstrumentShape,
  instrumentItemSchema,
  severityBandSchema,
  type InstrumentDefinition,
} from '../knowledge/schema/outcome-instrument';
import type { OutcomeCriteria } from '../knowledge/schema/outcomes';
import { problemsFromZodIssues } from '../knowledge/zod-problems';
import { err, ok, type Problem, type Result } from '../result';

/** A rating form a clinic defines itself. Higher totals are taken to be worse. */
export interface CustomForm extends InstrumentDefinition {
  readonly kind: 'custom';
  readonly wording: 'clinic';
  /** Optional response and remission thresholds the clinic chose; none by default. */
  readonly criteria?: {
    readonly responsePercent?: number;
    readonly remissionBelowScore?: number;
  };
}

const text = z.string().trim().min(1);

const customFormSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and -, at most 64'),
    kind: z.literal('custom'),
    name: text.max(200),
    shortName: text.max(40),
    instructions: text.max(2000),
    items: z.array(instrumentItemSchema).min(1).max(200),
    bands: z.array(severityBandSchema).max(20).default([]),
    bandsNote: text.max(2000).exactOptional(),
    wording: z.literal('clinic').default('clinic'),
    sources: z.array(text).max(0, 'custom forms cite no knowledge-base sources').default([]),
    criteria: z
      .strictObject({
        responsePercent: z.number().int().min(1).max(100).exactOptional(),
        remissionBelowScore: z.number().int().min(1).max(100000).exactOptional(),
      })
      .exactOptional(),
  })
  .superRefine(checkInstrumentShape);

/**
 * Checks a clinic's custom form (untrusted input) and returns every problem with its path
 * (`items[2].options[1].score`), or the form. Item ids and answer scores must be unique, and
 * bands, when given, must cover every possible total exactly once.
 */
export function parseCustomForm(input: unknown): Result<CustomForm, Problem[]> {
  const parsed = customFormSchema.safeParse(input);
  if (!parsed.success) return err(problemsFromZodIssues(parsed.error.issues, 'OUTCOME.FORM'));
  const { criteria, bandsNote, ...rest } = parsed.data;
  const form: CustomForm = {
    ...rest,
    ...(bandsNote === undefined ? {} : { bandsNote }),
    ...(criteria === undefined ? {} : { criteria }),
  };
  return ok(form);
}

/** A custom form's criteria: what the clinic set, and otherwise none (never invented). */
export function customFormCriteria(form: CustomForm): OutcomeCriteria {
  const percent = form.criteria?.responsePercent;
  const below = form.criteria?.remissionBelowScore;
  return {
    response: {
      rule: percent === undefined ? null : { kind: 'percent-decrease', percent },
      basis: 'clinic-setting',
      note:
        percent === undefined
          ? 'No response threshold set for this form: response is reported as not defined.'
          : `A fall of at least ${percent}% from baseline (set by the clinic).`,
      sources: [],
    },
    remission: {
      belowScore: below ?? null,
      basis: 'clinic-setting',
      note:
        below === undefined
          ? 'No remission threshold set for this form.'
          : `A total below ${below} (set by the clinic).`,
      sources: [],
    },
  };
}
