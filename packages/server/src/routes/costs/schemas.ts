import { INDICATION_IDS } from '@ketaflow/core';
import { z } from 'zod';

const CountRange = z.object({ min: z.number().int(), max: z.number().int() });
const CentsRange = z
  .object({ minCents: z.number().int(), maxCents: z.number().int() })
  .describe('Integer cents; minCents equals maxCents for a single figure');

const UnitPrice = z.discriminatedUnion('basis', [
  z.object({ basis: z.literal('clinic'), cents: z.number().int() }),
  z.object({ basis: z.literal('ask-the-clinic') }),
]);

export const EstimateLineSchema = z.object({
  kind: z.enum(['consult', 'infusions']),
  code: z.string(),
  description: z.string(),
  unitPrice: UnitPrice,
  quantity: CountRange.nullable(),
  amount: CentsRange.nullable(),
  arithmetic: z.string(),
  note: z.string().nullable(),
});

export const CourseEstimateSchema = z.object({
  indication: z.enum(INDICATION_IDS),
  indicationName: z.string(),
  currency: z.string(),
  schedule: z.enum(['weekly', 'as-needed']),
  sessionsPerWeek: CountRange.nullable(),
  weeks: CountRange.nullable(),
  sessions: CountRange.nullable(),
  lines: z.array(EstimateLineSchema).readonly(),
  total: CentsRange.nullable(),
  totalArithmetic: z.string(),
  totalNote: z.string().nullable(),
  knowledgeVersion: z.string(),
});

export const NasalSpraySchema = z.object({
  basis: z.literal('source-range'),
  product: z.literal('esketamine-nasal-spray-28-mg'),
  supplyDays: z.literal(30),
  currency: z.literal('USD'),
  range: CentsRange,
  text: z.string(),
  conditions: z.string(),
  sources: z.array(z.object({ id: z.string(), title: z.string() })),
  injectableNote: z.string(),
});

export const CostsOverviewSchema = z.object({
  clinicName: z.string(),
  currency: z.string(),
  knowledgeVersion: z.string(),
  estimates: z.array(CourseEstimateSchema),
  nasalSpray: NasalSpraySchema,
});

export const EstimateBody = z.object({
  indication: z.enum(INDICATION_IDS),
  sessionsPerWeek: z.number().int().min(1).max(7).optional(),
  weeks: z.number().int().min(1).max(52).optional(),
  includeConsult: z.boolean().default(true),
});

const booleanQuery = z
  .enum(['true', 'false'])
  .default('true')
  .transform((v) => v === 'true');

/** An empty field is a field not given: a plain HTML form (no JavaScript) sends empty inputs. */
const orEmpty = <T extends z.ZodType>(schema: T) =>
  z.union([z.literal('').transform(() => undefined), schema]).optional();

export const GoodFaithEstimateQuery = z.object({
  indication: z.enum(INDICATION_IDS),
  sessionsPerWeek: orEmpty(z.coerce.number().int().min(1).max(7)),
  weeks: orEmpty(z.coerce.number().int().min(1).max(52)),
  includeConsult: booleanQuery,
  patientName: z
    .string()
    .trim()
    .max(200)
    .transform((name) => (name === '' ? undefined : name))
    .optional(),
});
