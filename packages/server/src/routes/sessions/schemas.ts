/** Wire schemas of the session API (the contract the nurse screens are built on). */
import { PROTOCOL_IDS, SESSION_STATES, WEIGHT_BASES } from '@ketaflow/core';
import { z } from 'zod';
import { IsoDate, IsoInstant, refinePressureOrder, Uuid } from '../common-schemas';
import { DoseJsonSchema } from '../dosing/routes';

const Instant = IsoInstant;
const Signer = z.object({ id: Uuid, displayName: z.string() });
const Signed = { at: z.string(), by: Signer };

const Systolic = z.number().int().min(30).max(320);
const Diastolic = z.number().int().min(10).max(250);
const HeartRate = z.number().int().min(10).max(300);
const Spo2 = z.number().min(30).max(100);
const RespiratoryRate = z.number().int().min(0).max(80);
const TemperatureC = z.number().min(25).max(45);

export const VitalsBody = z.strictObject({
  systolicMmHg: Systolic,
  diastolicMmHg: Diastolic,
  heartRate: HeartRate,
  spo2: Spo2,
  respiratoryRate: RespiratoryRate,
  temperatureC: TemperatureC,
});

export const PreCheckBody = z.strictObject({
  vitals: VitalsBody.partial()
    .superRefine(refinePressureOrder)
    .describe('A missing vital is unknown, never normal'),
  weight: z.strictObject({ value: z.number().positive().max(700), unit: z.enum(['kg', 'lb']) }),
  pregnancyTest: z.enum(['negative', 'positive', 'not-applicable']).optional(),
  fasting: z.boolean(),
  medicationChanges: z.array(z.string().trim().min(1).max(200)).max(20),
  consentOnFile: z.boolean(),
});

export const ReasonBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) });

const quantity = <U extends readonly [string, ...string[]]>(units: U) =>
  z.strictObject({ value: z.number(), unit: z.enum(units) });

export const StartBody = z.strictObject({
  dose: z.union([
    z.strictObject({
      indication: z.enum(PROTOCOL_IDS),
      weightBasis: z.enum(WEIGHT_BASES).optional(),
      concentration: quantity(['mg/mL']).optional(),
      dose: quantity(['mg/kg', 'mg']).optional(),
      duration: quantity(['min', 'h']).optional(),
      bagVolume: quantity(['mL']).optional(),
      bagMode: z.enum(['add-to-bag', 'withdraw-equal-volume']).optional(),
      overrides: z
        .array(
          z.strictObject({
            code: z.string().min(1).max(100),
            reason: z.string().trim().min(1).max(500),
          }),
        )
        .max(20)
        .optional(),
    }),
    z.strictObject({
      product: z.literal('esketamine-nasal'),
      dose: quantity(['mg']),
    }),
  ]),
  vialLot: z.string().trim().min(1).max(64),
  vialExpiry: IsoDate,
});

const ReadingFields = z.strictObject({
  takenAt: Instant,
  systolicMmHg: Systolic.optional(),
  diastolicMmHg: Diastolic.optional(),
  heartRate: HeartRate.optional(),
  spo2: Spo2.optional(),
  respiratoryRate: RespiratoryRate.optional(),
  temperatureC: TemperatureC.optional(),
  source: z.literal('manual').optional(),
});
export const ReadingBody = ReadingFields.superRefine(refinePressureOrder);

export const DeviceReadingsBody = z.object({
  sessionId: Uuid,
  deviceId: Uuid,
  readings: z.array(z.unknown()).min(1).max(500),
});

export const DeviceReading = ReadingFields.omit({ source: true }).superRefine(refinePressureOrder);

export const ACK_ACTIONS = [
  'continue-observing',
  'pause',
  'slow',
  'stop',
  'medication-given',
] as const;
export const AcknowledgeBody = z.strictObject({
  action: z.enum(ACK_ACTIONS),
  note: z.string().trim().max(2000),
  medication: z.string().trim().min(1).max(200).optional(),
});

export const ADVERSE_EVENT_TYPES = [
  'hypertension',
  'tachycardia',
  'nausea-vomiting',
  'dissociation-agitation',
  'desaturation',
  'emergence-reaction',
  'other',
] as const;
export const AdverseEventBody = z.strictObject({
  type: z.enum(ADVERSE_EVENT_TYPES),
  severity: z.enum(['mild', 'moderate', 'severe']),
  actions: z.array(z.string().trim().min(1).max(200)).max(20),
  note: z.string().trim().max(2000).optional(),
});

const AldreteItem = z.number().int().min(0).max(2);
export const DischargeBody = z.strictObject({
  aldrete: z.strictObject({
    activity: AldreteItem,
    respiration: AldreteItem,
    circulation: AldreteItem,
    consciousness: AldreteItem,
    oxygenSaturation: AldreteItem,
  }),
  escortName: z.string().trim().max(200),
  notes: z.string().trim().max(2000).optional(),
});

/**
 * What an amendment may set for each field it changes in the record: a reading value is checked
 * like a charted one (null clears it), an adverse event's type, severity and note like a new one.
 */
export const AMENDED_VALUE: {
  readonly reading: Readonly<Record<string, z.ZodType>>;
  readonly 'adverse-event': Readonly<Record<string, z.ZodType>>;
} = {
  reading: Object.fromEntries(Object.entries(VitalsBody.shape).map(([k, v]) => [k, v.nullable()])),
  'adverse-event': {
    type: z.enum(ADVERSE_EVENT_TYPES),
    severity: z.enum(['mild', 'moderate', 'severe']),
    note: z.string().trim().max(2000).nullable(),
  },
};

export const AMENDMENT_TARGETS = [
  'reading',
  'pre-check',
  'adverse-event',
  'alert-acknowledgement',
  'discharge',
  'start',
  'session',
] as const;
export const AmendmentBody = z.strictObject({
  target: z.enum(AMENDMENT_TARGETS),
  targetId: Uuid.optional(),
  field: z.string().trim().min(1).max(100),
  value: z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]),
  reason: z.string().trim().min(1).max(1000),
});

export const SessionsQuery = z.object({
  date: IsoDate,
  locationId: Uuid.optional(),
});

export const CreateDeviceBody = z.strictObject({ name: z.string().trim().min(1).max(100) });

// ---- responses ----

const Finding = z.object({
  code: z.string(),
  vital: z.string(),
  side: z.enum(['low', 'high']),
  value: z.number(),
  threshold: z.number(),
  unit: z.string(),
  basis: z.enum(['sourced', 'clinic-setting']),
  sources: z.array(z.string()).readonly(),
  message: z.string(),
});

const Reason = z.object({
  code: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  message: z.string(),
  field: z.string(),
  sources: z.array(z.string()).readonly(),
});

const Bp = z.object({ systolicMmHg: z.number(), diastolicMmHg: z.number(), takenAt: z.string() });

export const ReadingSchema = z.object({
  id: Uuid,
  takenAt: z.string(),
  systolicMmHg: z.number().nullable(),
  diastolicMmHg: z.number().nullable(),
  heartRate: z.number().nullable(),
  spo2: z.number().nullable(),
  respiratoryRate: z.number().nullable(),
  temperatureC: z.number().nullable(),
  source: z.enum(['manual', 'device', 'pre-check']),
  deviceId: Uuid.nullable(),
  recordedAt: z.string(),
  recordedBy: Signer.nullable(),
  findings: z.array(Finding).readonly(),
  amended: z.boolean(),
});

export const AlertSchema = z.object({
  id: Uuid,
  readingId: Uuid,
  raisedAt: z.string(),
  findings: z.array(Finding).readonly(),
  status: z.enum(['open', 'acknowledged']),
  acknowledgement: z
    .object({
      id: Uuid,
      action: z.enum(ACK_ACTIONS),
      note: z.string(),
      medication: z.string().nullable(),
      ...Signed,
    })
    .nullable(),
});

const Amendment = z.object({
  id: Uuid,
  target: z.enum(AMENDMENT_TARGETS),
  targetId: Uuid.nullable(),
  field: z.string(),
  original: z.unknown(),
  value: z.unknown(),
  reason: z.string(),
  ...Signed,
});

export const SessionSchema = z.object({
  id: Uuid,
  appointmentId: Uuid,
  patient: z.object({
    id: Uuid,
    displayName: z.string(),
    mrn: z.string(),
    birthDate: z.string(),
  }),
  product: z.enum(['ketamine-iv', 'esketamine-nasal']),
  indication: z.string().nullable(),
  location: z.object({ id: Uuid, code: z.string(), name: z.string() }).nullable(),
  scheduledStart: z.string(),
  sessionDate: z.string(),
  state: z.enum(SESSION_STATES),
  allowedTransitions: z.array(z.enum(SESSION_STATES)),
  checkedIn: z.object(Signed),
  preCheck: z
    .object({
      id: Uuid,
      decision: z.enum(['go', 'needs-prescriber', 'do-not-start']),
      reasons: z.array(Reason),
      vitals: z.record(z.string(), z.number()),
      weight: z.object({ value: z.number(), unit: z.enum(['kg', 'lb']), valueKg: z.number() }),
      pregnancyTest: z.enum(['negative', 'positive', 'not-applicable']).nullable(),
      fasting: z.boolean(),
      medicationChanges: z.array(z.string()),
      consentOnFile: z.boolean(),
      screeningDecision: z.string().nullable(),
      approval: z.object({ reason: z.string(), ...Signed }).nullable(),
      ...Signed,
    })
    .nullable(),
  start: z.object({ vialLot: z.string(), vialExpiry: z.string(), ...Signed }).nullable(),
  dose: DoseJsonSchema.nullable(),
  doseCalculationId: Uuid.nullable(),
  readings: z.array(ReadingSchema),
  alerts: z.array(AlertSchema),
  openAlertCount: z.number().int(),
  nextReadingDueAt: z.string().nullable(),
  adverseEvents: z.array(
    z.object({
      id: Uuid,
      type: z.enum(ADVERSE_EVENT_TYPES),
      severity: z.enum(['mild', 'moderate', 'severe']),
      actions: z.array(z.string()),
      note: z.string().nullable(),
      ...Signed,
    }),
  ),
  recovery: z.object(Signed).nullable(),
  dischargeReadiness: z.object({
    ready: z.boolean(),
    unmet: z
      .array(
        z.object({
          code: z.string(),
          field: z.string(),
          message: z.string(),
          sources: z.array(z.string()).readonly(),
        }),
      )
      .readonly(),
  }),
  discharge: z
    .object({
      aldrete: z.record(z.string(), z.number()),
      aldreteTotal: z.number(),
      escortName: z.string(),
      notes: z.string().nullable(),
      ...Signed,
    })
    .nullable(),
  stop: z.object({ reason: z.string(), ...Signed }).nullable(),
  amendments: z.array(Amendment),
  esketamine: z
    .object({
      dosedAt: z.string().nullable(),
      bpBeforeDose: Bp.nullable(),
      bp40Min: Bp.nullable(),
      /** The knowledge base's minutes after the dose for the label's blood pressure (40). */
      bpCheckMinutesAfterDose: z.number().int(),
      /** Dose time + those minutes. */
      bpCheckDueAt: z.string().nullable(),
      /** From when a reading counts as that check (a clinic setting narrows it). */
      bpCheckCountsFrom: z.string().nullable(),
      observationEndsAt: z.string().nullable(),
      rems: z.object({
        form: z.record(z.string(), z.unknown()),
        dueBy: z.string().nullable(),
        /** Days after the session date the form is due (`dueBy` − session date). */
        dueDaysAfterSession: z.number().int(),
        /** No source gives a deadline: the number of days is the clinic's setting. */
        dueBasis: z.enum(['clinic-setting']),
        submittedAt: z.string().nullable(),
        submittedBy: Signer.nullable(),
      }),
    })
    .nullable(),
});

export const SessionSummarySchema = z.object({
  id: Uuid,
  appointmentId: Uuid,
  patient: z.object({ id: Uuid, displayName: z.string(), mrn: z.string() }),
  product: z.enum(['ketamine-iv', 'esketamine-nasal']),
  state: z.enum(SESSION_STATES),
  location: z.object({ id: Uuid, code: z.string(), name: z.string() }).nullable(),
  scheduledStart: z.string(),
  checkedInAt: z.string(),
  preCheckDecision: z.enum(['go', 'needs-prescriber', 'do-not-start']).nullable(),
  /** A prescriber approved a needs-prescriber pre-check: until then it has not cleared the patient. */
  preCheckApproved: z.boolean(),
  openAlertCount: z.number().int(),
  nextReadingDueAt: z.string().nullable(),
});

export const SessionRecordSchema = z.object({
  generatedAt: z.string(),
  knowledgeVersion: z.string(),
  session: SessionSchema,
});

export const DeviceSchema = z.object({
  id: Uuid,
  name: z.string(),
  createdAt: z.string(),
  token: z.string().describe('Shown once; only its hash is stored'),
});

export type SessionDto = z.infer<typeof SessionSchema>;
export type SessionSummaryDto = z.infer<typeof SessionSummarySchema>;
export type ReadingDto = z.infer<typeof ReadingSchema>;
export type AlertDto = z.infer<typeof AlertSchema>;
