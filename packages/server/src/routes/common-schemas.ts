import { z } from 'zod';
import { DoseLimitSchema } from './dose-limit-schema';

/**
 * The years a stored date or instant may have: what PostgreSQL stores (it refuses year 0000) and
 * what a clinic record could plausibly hold. A storage range, not a clinical threshold.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;
const inYearRange = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};
/** Judged only once the format is right, so a malformed value gets one error, not two. */
const YEAR_RANGE = {
  message: `the year must be between ${MIN_YEAR} and ${MAX_YEAR}`,
  when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0,
};

export const IsoDate = z.iso
  .date()
  .refine(inYearRange, YEAR_RANGE)
  .describe('A calendar date, YYYY-MM-DD');
/** An instant, ISO 8601 with an offset, in the same year range as IsoDate. */
export const IsoInstant = z.iso
  .datetime({ offset: true })
  .refine(inYearRange, YEAR_RANGE)
  .describe('An instant, ISO 8601 with offset');
export const Uuid = z.uuid();

type Pressure = {
  readonly systolicMmHg?: number | null | undefined;
  readonly diastolicMmHg?: number | null | undefined;
};

/** A diastolic at or above its systolic: swapped fields or a typing slip, never a reading. */
export function isPressureSwapped(bp: Pressure): boolean {
  const { systolicMmHg: s, diastolicMmHg: d } = bp;
  return typeof s === 'number' && typeof d === 'number' && d >= s;
}

/** The same as a zod refinement, naming `diastolicMmHg`. */
export function refinePressureOrder(bp: Pressure, ctx: z.RefinementCtx): void {
  if (isPressureSwapped(bp))
    ctx.addIssue({
      code: 'custom',
      path: ['diastolicMmHg'],
      message: 'must be below the systolic pressure (were the two swapped?)',
    });
}
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
      .array(DoseLimitSchema)
      .optional()
      .describe(
        'DOSE.* problems: the calculation’s limits, each as a calculation gives it (`basis` and `clinicSetting` tell a clinic setting from a sourced limit)',
      ),
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
