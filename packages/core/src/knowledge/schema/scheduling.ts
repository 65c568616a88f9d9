import { z } from 'zod';
import { nonEmptyText, sourceIdsSchema } from './common';

export const APPOINTMENT_TYPE_IDS = [
  'consult-telemedicine',
  'infusion',
  'esketamine-session',
  'follow-up',
] as const;
export type AppointmentTypeId = (typeof APPOINTMENT_TYPE_IDS)[number];

/**
 * Most chairs one nurse may monitor at once. The server books a nurse's chairs as lanes and its
 * database holds at most six, so a higher clinic default would be cut to six without a word.
 */
export const MAX_NURSE_CAPACITY = 6;

/**
 * Minutes around one appointment type. The treatment of an infusion is the protocol's duration
 * (`treatmentMinutes: null`); an esketamine session's recovery is at least the label's
 * observation time (`monitoring.esketamineSession.observationMinMinutes`).
 */
export interface AppointmentTypeTimes {
  readonly preCheckMinutes: number;
  /** `null`: taken from the protocol (`durationMin.default`). */
  readonly treatmentMinutes: number | null;
  readonly recoveryMinutes: number;
}

/**
 * Scheduling rules a clinic sets. Sources are silent on every value here, so each is a clinic
 * setting with a conservative documented default (`basis: 'clinic-setting'`).
 */
export interface SchedulingDefaults {
  /** Least time between the starts of two infusion or esketamine sessions of one patient. */
  readonly minSpacingHours: number;
  /** Chairs one nurse may monitor at once. */
  readonly nurseCapacity: number;
  /** A hold on a slot lapses after this long. */
  readonly holdExpiryMinutes: number;
  /** Patients may cancel online until this long before the start. */
  readonly patientCancellationCutoffHours: number;
  /** Patients may reschedule online until this long before the start. */
  readonly patientRescheduleCutoffHours: number;
  /** Step between offered start times. */
  readonly slotGranularityMinutes: number;
  /** The reminder message goes out this long before an appointment. */
  readonly reminderLeadHours: number;
  readonly appointmentTypes: Readonly<Record<AppointmentTypeId, AppointmentTypeTimes>>;
  readonly basis: 'clinic-setting';
  readonly notes: string;
  readonly sources: readonly string[];
}

const minutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);

export const appointmentTypeTimesSchema: z.ZodType<AppointmentTypeTimes> = z.strictObject({
  preCheckMinutes: minutes,
  treatmentMinutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60)
    .nullable(),
  recoveryMinutes: minutes,
});

export const schedulingDefaultsSchema: z.ZodType<SchedulingDefaults> = z.strictObject({
  minSpacingHours: z
    .number()
    .min(0)
    .max(24 * 14),
  nurseCapacity: z.number().int().min(1).max(MAX_NURSE_CAPACITY),
  holdExpiryMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  patientCancellationCutoffHours: z
    .number()
    .min(0)
    .max(24 * 14),
  patientRescheduleCutoffHours: z
    .number()
    .min(0)
    .max(24 * 14),
  slotGranularityMinutes: z.number().int().min(1).max(240),
  reminderLeadHours: z
    .number()
    .min(1)
    .max(24 * 7),
  appointmentTypes: z.strictObject({
    'consult-telemedicine': appointmentTypeTimesSchema,
    infusion: appointmentTypeTimesSchema,
    'esketamine-session': appointmentTypeTimesSchema,
    'follow-up': appointmentTypeTimesSchema,
  }),
  basis: z.literal('clinic-setting'),
  notes: nonEmptyText,
  sources: sourceIdsSchema,
});
