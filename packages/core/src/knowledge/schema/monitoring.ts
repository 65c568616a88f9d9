import { z } from 'zod';
import { nonEmptyText, sourceIdsSchema } from './common';

/** A vital-sign cut-off found in a source; a fact about that source, not a KetaFlow rule. */
export interface ThresholdFinding {
  readonly id: string;
  readonly context: string;
  readonly use: 'pre-dose-guide' | 'exclusion' | 'contraindication';
  readonly parameter:
    'systolic-bp' | 'diastolic-bp' | 'heart-rate' | 'respiratory-rate' | 'spo2' | 'weight';
  readonly comparison: 'above' | 'below';
  readonly value: number;
  /** UCUM unit. */
  readonly unit: 'mm[Hg]' | '/min' | '%' | 'kg';
  readonly sources: readonly string[];
}

export interface SourcedStatement {
  readonly id: string;
  readonly statement: string;
  readonly sources: readonly string[];
}

/** One vital sign's alert limits during and after a session (a value beyond either alerts). */
export interface SessionVitalLimit {
  readonly low: number | null;
  readonly high: number | null;
  /** UCUM unit. */
  readonly unit: 'mm[Hg]' | '/min' | '%' | 'Cel';
  /** `sourced`: both numbers are in a cited source. `clinic-setting`: a documented default to review. */
  readonly basis: 'sourced' | 'clinic-setting';
  readonly sources: readonly string[];
  readonly note: string;
}

/**
 * Latest REMS form deadline a clinic may set (days after the session): a month, so a form is never
 * left open indefinitely.
 */
export const REMS_FORM_DUE_MAX_DAYS = 30;

export const SESSION_VITALS = [
  'systolicMmHg',
  'diastolicMmHg',
  'heartRate',
  'spo2',
  'respiratoryRate',
  'temperatureC',
] as const;
export type SessionVital = (typeof SESSION_VITALS)[number];

/** Alert limits and reading intervals while a patient is in the chair (clinic settings). */
export interface SessionAlerts {
  readonly limits: Readonly<Record<SessionVital, SessionVitalLimit>>;
  /** Interval between readings while any value is out of range (shorter than the usual one). */
  readonly outOfRangeIntervalMin: number;
  readonly note: string;
}

/**
 * Days after the session date by which the clinic should submit the esketamine REMS patient
 * monitoring form. No source in the reference states a deadline (S16 and S18 were checked), so it
 * is a clinic setting with a documented default.
 */
export interface RemsFormDeadline {
  readonly daysAfterSession: number;
  readonly basis: 'clinic-setting';
  readonly note: string;
}

export interface Monitoring {
  readonly thresholdsFound: readonly ThresholdFinding[];
  readonly thresholdsNote: string;
  readonly bpObservations: readonly SourcedStatement[];
  readonly vitalSigns: {
    readonly continuousDuringInfusion: boolean;
    /** Common research schedule during a 40-min infusion. */
    readonly bpIntervalDuringInfusionMin: number;
    readonly bpIntervalAfterInfusionMin: number;
    readonly note: string;
    readonly sources: readonly string[];
  };
  readonly discharge: {
    /** Modified Aldrete total at or above which a patient may leave (clinic setting). */
    readonly aldreteMinScore: number;
    readonly aldreteMaxScore: number;
    readonly responsibleAdultRequired: boolean;
    /**
     * Vital signs that must be charted in recovery (at or after the infusion or dosing ended)
     * before discharge: the Aldrete circulation and SpO2 items and "vital signs back to baseline"
     * are judged from them, so a missing one is unknown, never normal.
     */
    readonly recoveryVitalsRequired: readonly SessionVital[];
    readonly otherCriteria: readonly string[];
    readonly note: string;
    readonly sources: readonly string[];
  };
  readonly esketamineSession: {
    readonly observationMinMinutes: number;
    readonly bpRecheckMinutesAfterDose: number;
    /**
     * How many minutes before `bpRecheckMinutesAfterDose` a reading already counts as that check
     * (the label says "approximately"; no source gives a window: a clinic setting).
     */
    readonly bpRecheckEarlyMinutes: number;
    /** When the REMS patient monitoring form is due after each session (`RemsFormDeadline`). */
    readonly remsFormDue: RemsFormDeadline;
    readonly preDoseBpGuide: { readonly systolicMmHg: number; readonly diastolicMmHg: number };
    readonly noFoodHoursBefore: number;
    readonly noLiquidsMinutesBefore: number;
    readonly nasalSteroidOrDecongestantMinHoursBefore: number;
    readonly pulseOximetryEverySession: boolean;
    readonly drivingNote: string;
    readonly sources: readonly string[];
  };
  readonly sessionAlerts: SessionAlerts;
  readonly liverFunction: {
    readonly baselineTests: readonly string[];
    readonly whenRequired: string;
    readonly recheck: string;
    readonly note: string;
    readonly sources: readonly string[];
  };
}

const sourcedStatementSchema: z.ZodType<SourcedStatement> = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  statement: nonEmptyText,
  sources: sourceIdsSchema,
});

const sessionVitalLimitSchema: z.ZodType<SessionVitalLimit> = z.strictObject({
  low: z.number().nullable(),
  high: z.number().nullable(),
  unit: z.enum(['mm[Hg]', '/min', '%', 'Cel']),
  basis: z.enum(['sourced', 'clinic-setting']),
  sources: sourceIdsSchema,
  note: nonEmptyText,
});

export const monitoringSchema: z.ZodType<Monitoring> = z.strictObject({
  thresholdsFound: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/),
      context: nonEmptyText,
      use: z.enum(['pre-dose-guide', 'exclusion', 'contraindication']),
      parameter: z.enum([
        'systolic-bp',
        'diastolic-bp',
        'heart-rate',
        'respiratory-rate',
        'spo2',
        'weight',
      ]),
      comparison: z.enum(['above', 'below']),
      value: z.number(),
      unit: z.enum(['mm[Hg]', '/min', '%', 'kg']),
      sources: sourceIdsSchema,
    }),
  ),
  thresholdsNote: nonEmptyText,
  bpObservations: z.array(sourcedStatementSchema),
  vitalSigns: z.strictObject({
    continuousDuringInfusion: z.boolean(),
    bpIntervalDuringInfusionMin: z.number().int().positive(),
    bpIntervalAfterInfusionMin: z.number().int().positive(),
    note: nonEmptyText,
    sources: sourceIdsSchema,
  }),
  discharge: z.strictObject({
    aldreteMinScore: z.number().int().min(0).max(10),
    aldreteMaxScore: z.literal(10),
    responsibleAdultRequired: z.boolean(),
    recoveryVitalsRequired: z.array(z.enum(SESSION_VITALS)),
    otherCriteria: z.array(nonEmptyText),
    note: nonEmptyText,
    sources: sourceIdsSchema,
  }),
  esketamineSession: z.strictObject({
    observationMinMinutes: z.number().int().positive(),
    bpRecheckMinutesAfterDose: z.number().int().positive(),
    bpRecheckEarlyMinutes: z.number().int().min(0).max(30),
    remsFormDue: z.strictObject({
      daysAfterSession: z.number().int().min(1).max(REMS_FORM_DUE_MAX_DAYS),
      basis: z.literal('clinic-setting'),
      note: nonEmptyText,
    }),
    preDoseBpGuide: z.strictObject({
      systolicMmHg: z.number().int().positive(),
      diastolicMmHg: z.number().int().positive(),
    }),
    noFoodHoursBefore: z.number().nonnegative(),
    noLiquidsMinutesBefore: z.number().nonnegative(),
    nasalSteroidOrDecongestantMinHoursBefore: z.number().nonnegative(),
    pulseOximetryEverySession: z.boolean(),
    drivingNote: nonEmptyText,
    sources: sourceIdsSchema,
  }),
  sessionAlerts: z.strictObject({
    limits: z.strictObject({
      systolicMmHg: sessionVitalLimitSchema,
      diastolicMmHg: sessionVitalLimitSchema,
      heartRate: sessionVitalLimitSchema,
      spo2: sessionVitalLimitSchema,
      respiratoryRate: sessionVitalLimitSchema,
      temperatureC: sessionVitalLimitSchema,
    }),
    outOfRangeIntervalMin: z.number().int().positive(),
    note: nonEmptyText,
  }),
  liverFunction: z.strictObject({
    baselineTests: z.array(nonEmptyText).min(1),
    whenRequired: nonEmptyText,
    recheck: nonEmptyText,
    note: nonEmptyText,
    sources: sourceIdsSchema,
  }),
});
