import { PROTOCOL_IDS } from '@ketaflow/core';
import { z } from 'zod';
import { APPOINTMENT_STATUSES, APPOINTMENT_TYPES } from '../../db/schema/index';
import { IsoInstant, Uuid } from '../common-schemas';

/** An instant with its offset, e.g. `2026-03-09T14:00:00Z` or `2026-03-09T09:00:00-05:00`. */
/** An ISO 8601 date-time with an offset or Z, in the years a record can hold (IsoInstant). */
export const Instant = IsoInstant.describe('An ISO 8601 date-time with an offset or Z');

const Named = z.object({ id: Uuid, name: z.string() });

export const AppointmentSchema = z
  .object({
    id: Uuid,
    patientId: Uuid,
    patient: z.object({ id: Uuid, name: z.string(), mrn: z.string() }),
    type: z.enum(APPOINTMENT_TYPES),
    status: z.enum(APPOINTMENT_STATUSES),
    location: z.object({ id: Uuid, name: z.string(), timeZone: z.string() }).nullable(),
    courseId: Uuid.nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    holdExpiresAt: z.string().nullable(),
    videoUrl: z.string().nullable(),
    rescheduledFrom: Uuid.nullable(),
    cancelReason: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    createdAt: z.string(),
    chair: Named.nullable(),
    nurse: Named.extend({ lane: z.number().int() }).nullable(),
    prescriber: Named.nullable(),
  })
  .describe('An appointment with the chair, nurse and prescriber it holds');

export const SlotSchema = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  durationMinutes: z.number().int(),
  locationId: Uuid.nullable(),
  chairId: Uuid.nullable(),
  nurseId: Uuid.nullable(),
  prescriberId: Uuid,
});

export const SlotQuery = z.object({
  type: z.enum(APPOINTMENT_TYPES),
  from: Instant,
  to: Instant,
  locationId: Uuid.optional(),
  patientId: Uuid.optional(),
  /** Only times with this prescriber (a patient choosing their doctor). */
  prescriberId: Uuid.optional(),
  durationMinutes: z.coerce.number().int().min(5).max(720).optional(),
  protocolId: z.enum(PROTOCOL_IDS).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  /** The appointment being rescheduled: its own time does not count as taken. */
  excludeAppointmentId: Uuid.optional(),
});

export const BookBody = z.strictObject({
  /** Patients book for themselves and may leave it out. */
  patientId: Uuid.optional(),
  type: z.enum(APPOINTMENT_TYPES),
  startsAt: Instant,
  locationId: Uuid.optional(),
  durationMinutes: z.number().int().min(5).max(720).optional(),
  protocolId: z.enum(PROTOCOL_IDS).optional(),
  courseId: Uuid.optional(),
  chairId: Uuid.optional(),
  nurseId: Uuid.optional(),
  prescriberId: Uuid.optional(),
});
export type BookBodyInput = z.infer<typeof BookBody>;

const Reason = z.string().trim().min(1).max(500);

export const CancelBody = z.strictObject({ reason: Reason });

export const RescheduleBody = z.strictObject({
  startsAt: Instant,
  reason: Reason,
  locationId: Uuid.optional(),
  chairId: Uuid.optional(),
  nurseId: Uuid.optional(),
  prescriberId: Uuid.optional(),
});

export const ListQuery = z.object({
  from: Instant,
  to: Instant,
  locationId: Uuid.optional(),
  staffId: Uuid.optional(),
  patientId: Uuid.optional(),
  includeCancelled: z.stringbool().optional(),
});

export const MyListQuery = z.object({
  from: Instant.optional(),
  to: Instant.optional(),
  includeCancelled: z.stringbool().optional(),
});

/** `Idempotency-Key` on writes: a retried request gets the first answer, and books once. */
export const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional()
    .describe('Any unique string (a UUID); a retry with the same key replays the first answer'),
});
