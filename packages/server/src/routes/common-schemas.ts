import { z } from 'zod';

export const IsoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD');
export const Uuid = z.uuid();
export const IdParams = z.object({ id: Uuid });

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
      .optional(),
    limits: z
      .array(z.object({ level: z.enum(['soft', 'hard']), code: z.string(), message: z.string() }))
      .optional()
      .describe('DOSE.* problems: the limits that stopped the request'),
  })
  .describe('RFC 9457 problem details');

/** The error statuses a route can answer, all as problem+json. */
export function problems(...statuses: number[]): Record<number, typeof ProblemSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));
}

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
