import { z } from 'zod';
import { INDICATION_IDS, PROTOCOL_IDS, SEVERITIES, WEIGHT_BASES } from '../ids';
import { BAG_MODES } from '../schema/infusion-preparation';
import { brandingSettingsSchema } from './branding-settings';
import { crisisResourcesSettingsSchema } from './crisis-resources-settings';
import { monitoringSettingsSchema } from './monitoring-settings';
import { outcomesSettingsSchema } from './outcomes-settings';
import { schedulingSettingsSchema } from './scheduling-settings';

const bound = z.number().nonnegative().exactOptional();
const limitRange = z.strictObject({ min: bound, max: bound });
const softHard = z.strictObject({
  soft: limitRange.exactOptional(),
  hard: limitRange.exactOptional(),
});
/** A location's code, as the server stores it (`main-street`). */
export const LOCATION_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

const mmHg = z.number().int().min(40).max(300).exactOptional();
const price = z.number().nonnegative().nullable();

/** Overrides of one protocol's guardrails; hard limits may only be tightened (checked later). */
export const guardrailSettingsSchema = z.strictObject({
  doseMgPerKg: softHard.exactOptional(),
  totalDoseMg: softHard.exactOptional(),
  doseRateMgPerKgPerHour: softHard.exactOptional(),
  durationMin: softHard.exactOptional(),
  finalConcentrationMgPerMl: softHard.exactOptional(),
  weightKg: z.strictObject({ hard: limitRange.exactOptional() }).exactOptional(),
  weightChangeSoftFraction: z.number().gt(0).max(0.5).exactOptional(),
  lbKgMixupTolerance: z.number().gt(0).max(0.5).exactOptional(),
  weightMaxAgeDays: z.number().int().min(1).max(365).exactOptional(),
});

/**
 * What a clinic may change. Every field is optional and unknown keys are errors. Shape only:
 * `applyClinicSettings` also checks values against the knowledge base (known codes, protocol
 * defaults inside their sourced range, hard limits only tightened, soft inside hard).
 */
export const clinicSettingsSchema = z.strictObject({
  clinicName: z.string().trim().min(1).max(200).exactOptional(),
  /** Logo, primary colour (4.5:1 on white) and contact details for the public site and PDFs. */
  branding: brandingSettingsSchema.exactOptional(),
  /** Severity per contraindication, interaction or pregnancy/lactation code. */
  severities: z.record(z.string(), z.enum(SEVERITIES)).exactOptional(),
  /** Pre-session blood-pressure thresholds (a reading above the value triggers). */
  bloodPressure: z
    .strictObject({
      softSystolicMmHg: mmHg,
      softDiastolicMmHg: mmHg,
      hardSystolicMmHg: mmHg,
      hardDiastolicMmHg: mmHg,
      /** Screening ignores a reading older than this (days). */
      readingMaxAgeDays: z.number().int().min(1).max(365).exactOptional(),
    })
    .exactOptional(),
  /** When screening treats a pregnancy status as known (see `PregnancyStatusRules`). */
  pregnancyStatus: z
    .strictObject({
      pregnantMaxAgeDays: z.number().int().min(1).max(365).exactOptional(),
      notPregnantMaxAgeDays: z.number().int().min(1).max(365).exactOptional(),
      askMinAgeYears: z.number().int().min(0).max(120).exactOptional(),
      askMaxAgeYears: z.number().int().min(0).max(120).exactOptional(),
    })
    .exactOptional(),
  weightBasisDefault: z.enum(WEIGHT_BASES).exactOptional(),
  protocols: z
    .partialRecord(
      z.enum(PROTOCOL_IDS),
      z.strictObject({
        defaultDoseMgPerKg: z.number().positive().exactOptional(),
        defaultDurationMin: z.number().positive().exactOptional(),
        weightBasis: z.enum(WEIGHT_BASES).exactOptional(),
      }),
    )
    .exactOptional(),
  guardrails: z.partialRecord(z.enum(PROTOCOL_IDS), guardrailSettingsSchema).exactOptional(),
  /** How infusions are prepared and programmed (bag, mode, measuring and pump increments). */
  infusionPreparation: z
    .strictObject({
      diluent: z.string().trim().min(1).max(100).exactOptional(),
      vialConcentrationMgPerMl: z
        .union([z.literal(10), z.literal(50), z.literal(100)])
        .exactOptional(),
      bagVolumeMl: z.number().positive().max(1000).exactOptional(),
      bagMode: z.enum(BAG_MODES).exactOptional(),
      volumeIncrementMl: z.number().positive().max(10).exactOptional(),
      rateIncrementMlPerHour: z.number().positive().max(10).exactOptional(),
    })
    .exactOptional(),
  /**
   * Per-location guardrails (a care area in a pump drug library), keyed by location code. They
   * apply on top of the clinic's and may only tighten its hard limits.
   */
  locations: z
    .record(
      z.string().regex(LOCATION_CODE, 'must be a location code: lower-case letters, digits and -'),
      z.strictObject({
        guardrails: z.partialRecord(z.enum(PROTOCOL_IDS), guardrailSettingsSchema).exactOptional(),
      }),
    )
    .exactOptional(),
  /** Appointment times, spacing, nurse capacity, holds, cut-offs, slot step (`SchedulingDefaults`). */
  scheduling: schedulingSettingsSchema.exactOptional(),
  /** Instrument by indication, scale interval, unsourced response/remission criteria. */
  outcomes: outcomesSettingsSchema.exactOptional(),
  /**
   * In-chair alert limits, reading intervals, Aldrete discharge score, esketamine's REMS form
   * deadline (`monitoring-settings`).
   */
  monitoring: monitoringSettingsSchema.exactOptional(),
  /**
   * The crisis lines patients are shown (name, number as dialled, call/text, emergency or not);
   * replaces the US default (988, 911) as a whole.
   */
  crisisResources: crisisResourcesSettingsSchema.exactOptional(),
  prices: z
    .strictObject({
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
        .exactOptional(),
      consultPrice: price.exactOptional(),
      infusionPriceByIndication: z.partialRecord(z.enum(INDICATION_IDS), price).exactOptional(),
    })
    .exactOptional(),
});

export type ClinicSettings = z.output<typeof clinicSettingsSchema>;
export type GuardrailSettings = z.output<typeof guardrailSettingsSchema>;
