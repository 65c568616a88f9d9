import { z } from 'zod';
import { ESKETAMINE_SCHEDULE_IDS, type EsketamineScheduleId, type IndicationId } from '../ids';
import { indicationIdSchema, nonEmptyText, sourceIdsSchema } from './common';

/** One phase of a labelled esketamine schedule. */
export interface EsketaminePhase {
  readonly name: 'induction' | 'maintenance' | 'continuation';
  readonly fromWeek: number;
  /** `null`: open-ended. */
  readonly toWeek: number | null;
  /** 0.5 means every 2 weeks. */
  readonly sessionsPerWeek: { readonly min: number; readonly max: number };
  readonly doseOptionsMg: readonly number[];
  /** Dose of the first session of this phase when the label fixes it (TRD day 1: 56 mg). */
  readonly firstSessionDoseMg?: number;
  readonly defaultDoseMg: number;
  readonly note: string;
}

/** The US label's schedule for an esketamine indication (section 2.3 of the reference). */
export interface EsketamineSchedule {
  readonly id: EsketamineScheduleId;
  readonly indicationId: IndicationId;
  readonly productId: 'esketamine-nasal-spray-28-mg';
  readonly labelStatus: 'fda-labelled';
  readonly displayName: string;
  readonly phases: readonly EsketaminePhase[];
  /** A dose that may only be given after a first session at another dose (84 mg after 56 mg). */
  readonly doseRequiresPriorDose: readonly {
    readonly doseMg: number;
    readonly requiresPriorDoseMg: number;
  }[];
  readonly observationMinMinutes: number;
  readonly bpRecheckMinutesAfterDose: number;
  readonly rules: readonly string[];
  readonly sources: readonly string[];
}

const phaseSchema: z.ZodType<EsketaminePhase> = z.strictObject({
  name: z.enum(['induction', 'maintenance', 'continuation']),
  fromWeek: z.number().int().positive(),
  toWeek: z.number().int().positive().nullable(),
  sessionsPerWeek: z.strictObject({ min: z.number().positive(), max: z.number().positive() }),
  doseOptionsMg: z.array(z.number().positive()).min(1),
  firstSessionDoseMg: z.number().positive().exactOptional(),
  defaultDoseMg: z.number().positive(),
  note: nonEmptyText,
});

export const esketamineScheduleSchema: z.ZodType<EsketamineSchedule> = z.strictObject({
  id: z.enum(ESKETAMINE_SCHEDULE_IDS),
  indicationId: indicationIdSchema,
  productId: z.literal('esketamine-nasal-spray-28-mg'),
  labelStatus: z.literal('fda-labelled'),
  displayName: nonEmptyText,
  phases: z.array(phaseSchema).min(1),
  doseRequiresPriorDose: z.array(
    z.strictObject({ doseMg: z.number().positive(), requiresPriorDoseMg: z.number().positive() }),
  ),
  observationMinMinutes: z.number().int().positive(),
  bpRecheckMinutesAfterDose: z.number().int().positive(),
  rules: z.array(nonEmptyText),
  sources: sourceIdsSchema,
});
