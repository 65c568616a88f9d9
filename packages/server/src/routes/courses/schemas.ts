/** Request and answer shapes of the course routes. */
import { COURSE_STATUSES, PROTOCOL_IDS, WEEKDAYS } from '@ketaflow/core';
import { z } from 'zod';
import { courses } from '../../db/schema/index';
import { AppointmentSchema } from '../appointments/schemas';
import { IsoDate, Uuid } from '../common-schemas';

const Reason = z.string().trim().min(3, 'give a reason').max(500);
const Weekdays = z.array(z.enum(WEEKDAYS)).max(7);
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm (24-hour)');
const Preferences = {
  preferredWeekdays: Weekdays.optional().describe(
    'Weekdays to try first (mon..sun); leave out or send [] for any open day',
  ),
  preferredTime: Time.optional().describe(
    'Local start time to aim for (HH:mm); leave out for the opening times',
  ),
};

export const CreateBody = z.strictObject({
  screeningId: Uuid,
  indication: z.enum(PROTOCOL_IDS),
  product: z.enum(['ketamine-iv', 'esketamine-nasal']),
  dose: z.strictObject({ value: z.number().positive().max(1000), unit: z.enum(['mg/kg', 'mg']) }),
  sessionsPerWeek: z.number().int().min(1).max(7).nullable(),
  weeks: z.number().int().min(1).max(52).nullable(),
  startDate: IsoDate,
  locationId: Uuid,
  ...Preferences,
});

export type CreateBodyInput = z.infer<typeof CreateBody>;

export const StatusBody = z.strictObject({ to: z.enum(COURSE_STATUSES), reason: Reason });

export const ChangeBody = z.strictObject({
  sessionsPerWeek: z.number().int().min(1).max(7).optional(),
  weeks: z.number().int().min(1).max(52).optional(),
  reason: Reason,
  preferredWeekdays: Weekdays.nullable()
    .optional()
    .describe(
      'New preferred weekdays (mon..sun); null or [] clears them (any open day); left out, the stored ones stay',
    ),
  preferredTime: Time.nullable()
    .optional()
    .describe(
      'New preferred local start time (HH:mm); null clears it (the opening times); left out, the stored one stays',
    ),
});

/** `[]` and `null` both mean "no preferred days": stored as null, as the course answer shows. */
export const storedWeekdays = <T>(days: readonly T[] | null | undefined): T[] | null =>
  days === undefined || days === null || days.length === 0 ? null : [...days];

const Person = z.object({ id: Uuid, displayName: z.string() });
export const CourseSchema = z.object({
  id: Uuid,
  patientId: Uuid,
  screeningId: Uuid,
  indication: z.string(),
  product: z.enum(['ketamine-iv', 'esketamine-nasal']),
  dose: z.object({ value: z.number(), unit: z.string() }),
  sessionsPerWeek: z.number().int().nullable(),
  weeks: z.number().int().nullable(),
  startDate: z.string(),
  preferredWeekdays: z
    .array(z.enum(WEEKDAYS))
    .nullable()
    .describe(
      'The weekdays asked for when planning (null: none); resuming or re-planning books on them',
    ),
  preferredTime: z
    .string()
    .nullable()
    .describe('The local start time asked for (HH:mm; null: none)'),
  location: z.object({ id: Uuid, name: z.string(), timeZone: z.string() }),
  status: z.enum(COURSE_STATUSES),
  createdAt: z.string(),
  createdBy: Person,
  history: z.array(
    z.object({
      from: z.string().nullable(),
      to: z.string(),
      reason: z.string(),
      changedAt: z.string(),
      changedBy: Person,
    }),
  ),
  sessions: z.array(AppointmentSchema),
});
export type CourseDto = z.infer<typeof CourseSchema>;
export type CourseRow = typeof courses.$inferSelect;
