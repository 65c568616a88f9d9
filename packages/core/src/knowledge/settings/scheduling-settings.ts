import { z } from 'zod';
import type { Problem } from '../../result';
import { formatPath } from '../path';
import type { KnowledgeBase, OverrideValue } from '../schema/knowledge-base';
import {
  APPOINTMENT_TYPE_IDS,
  MAX_NURSE_CAPACITY,
  type SchedulingDefaults,
} from '../schema/scheduling';

type Note = (
  path: readonly PropertyKey[],
  target: readonly PropertyKey[],
  from: OverrideValue | undefined,
  to: OverrideValue,
) => void;

const minutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60)
  .exactOptional();

/** The `scheduling` part of the clinic settings: every field optional. */
export const schedulingSettingsSchema = z.strictObject({
  minSpacingHours: z
    .number()
    .min(0)
    .max(24 * 14)
    .exactOptional(),
  nurseCapacity: z.number().int().min(1).max(MAX_NURSE_CAPACITY).exactOptional(),
  holdExpiryMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .exactOptional(),
  patientCancellationCutoffHours: z
    .number()
    .min(0)
    .max(24 * 14)
    .exactOptional(),
  patientRescheduleCutoffHours: z
    .number()
    .min(0)
    .max(24 * 14)
    .exactOptional(),
  slotGranularityMinutes: z.number().int().min(1).max(240).exactOptional(),
  reminderLeadHours: z
    .number()
    .min(1)
    .max(24 * 7)
    .exactOptional(),
  appointmentTypes: z
    .partialRecord(
      z.enum(APPOINTMENT_TYPE_IDS),
      z.strictObject({
        preCheckMinutes: minutes,
        /** Not for `infusion`, whose treatment time is the protocol's duration. */
        treatmentMinutes: z
          .number()
          .int()
          .positive()
          .max(24 * 60)
          .exactOptional(),
        recoveryMinutes: minutes,
      }),
    )
    .exactOptional(),
});

export type SchedulingSettings = z.output<typeof schedulingSettingsSchema>;

const SCALARS = [
  'minSpacingHours',
  'nurseCapacity',
  'holdExpiryMinutes',
  'patientCancellationCutoffHours',
  'patientRescheduleCutoffHours',
  'slotGranularityMinutes',
  'reminderLeadHours',
] as const;

/** The knowledge base's scheduling defaults with the clinic's `scheduling` settings applied. */
export function applySchedulingSettings(
  base: SchedulingDefaults,
  set: SchedulingSettings | undefined,
  note: Note,
): SchedulingDefaults {
  if (set === undefined) return base;
  const out: { -readonly [K in keyof SchedulingDefaults]: SchedulingDefaults[K] } = { ...base };
  for (const key of SCALARS) {
    const to = set[key];
    if (to === undefined) continue;
    note(['scheduling', key], ['scheduling', key], base[key], to);
    out[key] = to;
  }
  const types = { ...base.appointmentTypes };
  for (const id of APPOINTMENT_TYPE_IDS) {
    const t = set.appointmentTypes?.[id];
    if (t === undefined) continue;
    const from = base.appointmentTypes[id];
    for (const key of ['preCheckMinutes', 'treatmentMinutes', 'recoveryMinutes'] as const) {
      const to = t[key];
      if (to !== undefined)
        note(
          ['scheduling', 'appointmentTypes', id, key],
          ['scheduling', 'appointmentTypes', id, key],
          from[key],
          to,
        );
    }
    types[id] = { ...from, ...t };
  }
  out.appointmentTypes = types;
  return out;
}

/** Checks against the knowledge base: esketamine observation and infusion treatment time. */
export function checkSchedulingSettings(
  set: SchedulingSettings | undefined,
  base: KnowledgeBase,
): Problem[] {
  const problems: Problem[] = [];
  const esketamine = set?.appointmentTypes?.['esketamine-session']?.recoveryMinutes;
  const minimum = base.monitoring.esketamineSession.observationMinMinutes;
  if (esketamine !== undefined && esketamine < minimum)
    problems.push({
      code: 'SETTINGS.BELOW_MINIMUM',
      message: `esketamine recovery must cover the label's observation time of at least ${minimum} minutes`,
      path: formatPath(['scheduling', 'appointmentTypes', 'esketamine-session', 'recoveryMinutes']),
    });
  if (set?.appointmentTypes?.infusion?.treatmentMinutes !== undefined)
    problems.push({
      code: 'SETTINGS.NOT_SETTABLE',
      message:
        "an infusion's treatment time is the protocol's duration: set protocols.<id>.defaultDurationMin",
      path: formatPath(['scheduling', 'appointmentTypes', 'infusion', 'treatmentMinutes']),
    });
  return problems;
}
