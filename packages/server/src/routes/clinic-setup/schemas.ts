import { MAX_NURSE_CAPACITY } from '@ketaflow/core';
import { z } from 'zod';
import { isIanaTimeZone } from '../../notifications/clinic-time';
import { IsoDate, IsoInstant, Uuid } from '../common-schemas';

/** Weekdays as the API names them; the database stores 0 = Sunday … 6 = Saturday. */
export const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

export const weekdayNumber = (name: WeekdayName): number => WEEKDAY_NAMES.indexOf(name);
export const weekdayName = (n: number): WeekdayName => WEEKDAY_NAMES[n] ?? 'sun';

export const Weekday = z.enum(WEEKDAY_NAMES);

/** `HH:mm`, 24-hour; `24:00` closes at midnight. */
export const LocalTime = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be HH:mm (24-hour), e.g. 08:00')
  .describe('A wall-clock time in the location’s zone, HH:mm');

export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isIanaTimeZone, 'must be an IANA time zone such as America/New_York')
  .describe('IANA time zone, e.g. America/New_York');

const Code = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and hyphens, e.g. main-street');

/** `from` must come before `to`: the message names the later field. */
function ordered<T extends Record<string, unknown>>(from: keyof T & string, to: keyof T & string) {
  return (value: T, ctx: z.RefinementCtx) => {
    const a = value[from];
    const b = value[to];
    // Only well-formed values are compared; a malformed one already has its own message.
    const wellFormed = (v: unknown): v is string =>
      typeof v === 'string' && /^(\d\d:\d\d|\d{4}-\d\d-\d\d)$/.test(v);
    if (wellFormed(a) && wellFormed(b) && a >= b && !(to === 'endsOn' && a === b))
      ctx.addIssue({ code: 'custom', path: [to], message: `must be after ${from}` });
  };
}

export const LocationCreateBody = z.strictObject({
  code: Code,
  name: z.string().trim().min(1).max(120),
  timeZone: TimeZone,
  addressLine: z.string().trim().max(200).optional(),
});

export const LocationUpdateBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  timeZone: TimeZone.optional(),
  addressLine: z.string().trim().max(200).nullable().optional(),
});

const HoursEntry = z
  .strictObject({ weekday: Weekday, opensAt: LocalTime, closesAt: LocalTime })
  .superRefine(ordered('opensAt', 'closesAt'));

export const HoursBody = z
  .strictObject({ hours: z.array(HoursEntry).max(28) })
  .superRefine((value, ctx) => {
    value.hours.forEach((h, i) => {
      const clash = value.hours.findIndex(
        (o, j) =>
          j < i && o.weekday === h.weekday && o.opensAt < h.closesAt && h.opensAt < o.closesAt,
      );
      if (clash >= 0)
        ctx.addIssue({
          code: 'custom',
          path: ['hours', i, 'opensAt'],
          message: `overlaps hours[${String(clash)}] on ${h.weekday}`,
        });
    });
  });

export const ClosureBody = z
  .strictObject({
    startsOn: IsoDate,
    endsOn: IsoDate,
    reason: z.string().trim().min(3, 'give a reason').max(300),
  })
  .superRefine(ordered('startsOn', 'endsOn'));

export const ChairBody = z.strictObject({ name: z.string().trim().min(1).max(60) });

export const ProfileBody = z.strictObject({
  videoUrlTemplate: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(500)
    .nullable()
    .optional()
    .describe('Video-visit link; `{appointmentId}` is replaced by the appointment id'),
  nurseCapacity: z.number().int().min(1).max(MAX_NURSE_CAPACITY).nullable().optional(),
});

const Period = z
  .strictObject({ locationId: Uuid, weekday: Weekday, startsAt: LocalTime, endsAt: LocalTime })
  .superRefine(ordered('startsAt', 'endsAt'));

export const ScheduleBody = z
  .strictObject({ periods: z.array(Period).max(50) })
  .superRefine((value, ctx) => {
    value.periods.forEach((p, i) => {
      const clash = value.periods.findIndex(
        (o, j) =>
          j < i && o.weekday === p.weekday && o.startsAt < p.endsAt && p.startsAt < o.endsAt,
      );
      if (clash >= 0)
        ctx.addIssue({
          code: 'custom',
          path: ['periods', i, 'startsAt'],
          message: `overlaps periods[${String(clash)}] on ${p.weekday}: one person, one place at a time`,
        });
    });
  });

export const AbsenceBody = z
  .strictObject({
    startsAt: IsoInstant,
    endsAt: IsoInstant,
    reason: z.string().trim().min(3, 'give a reason').max(300),
  })
  .superRefine((value, ctx) => {
    if (Date.parse(value.startsAt) >= Date.parse(value.endsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
  });

export const StaffQuery = z.object({
  role: z.enum(['nurse', 'prescriber', 'admin']).optional(),
});

const Hours = z.object({ weekday: Weekday, opensAt: z.string(), closesAt: z.string() });
const Closure = z.object({
  id: Uuid,
  startsOn: z.string(),
  endsOn: z.string(),
  reason: z.string(),
});
const Chair = z.object({ id: Uuid, name: z.string() });

export const LocationSchema = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  timeZone: z.string(),
  addressLine: z.string().nullable(),
  hours: z.array(Hours),
  closures: z.array(Closure),
  chairs: z.array(Chair),
});
export type LocationDto = z.infer<typeof LocationSchema>;

export const SchedulePeriodSchema = z.object({
  id: Uuid,
  locationId: Uuid,
  weekday: Weekday,
  startsAt: z.string(),
  endsAt: z.string(),
});

export const StaffSchema = z.object({
  id: Uuid,
  displayName: z.string(),
  role: z.enum(['nurse', 'prescriber', 'admin']),
  videoUrlTemplate: z.string().nullable(),
  nurseCapacity: z.number().int().nullable(),
  schedule: z.array(SchedulePeriodSchema),
  absences: z.array(
    z.object({ id: Uuid, startsAt: z.string(), endsAt: z.string(), reason: z.string() }),
  ),
});
export type StaffDto = z.infer<typeof StaffSchema>;
