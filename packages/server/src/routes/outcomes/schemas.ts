import { CRISIS_REACH, FOLLOW_UP_ACTIONS, FOLLOW_UP_CONTACTS } from '@ketaflow/core';
import { z } from 'zod';
import { SAFETY_ALERT_STATUSES, SCALE_SOURCES } from '../../db/schema/index';
import { IsoInstant, ProblemSchema, Uuid } from '../common-schemas';

export const InstrumentRefField = z
  .string()
  .min(1)
  .max(80)
  .describe('phq-9, gad-7, pcl-5, pain-nrs or custom:<form id>');

/** Item id to the chosen score; checked by core (every item answered, no pro-rating). */
export const Answers = z
  .record(z.string().max(80), z.unknown())
  .describe('Item id to the chosen answer score, e.g. { "phq9-1": 2 }');

const Band = z.object({ id: z.string(), label: z.string(), min: z.number(), max: z.number() });

/** What a form renders: the questions, their answers and the severity bands. */
export const InstrumentDefinitionSchema = z.object({
  id: z.string(),
  kind: z.enum(['standard', 'custom']),
  name: z.string(),
  shortName: z.string(),
  instructions: z.string(),
  items: z
    .array(
      z.object({
        id: z.string(),
        text: z.string(),
        options: z.array(z.object({ score: z.number(), label: z.string() })).readonly(),
        cluster: z.string().optional(),
        safety: z.enum(['suicidal-thoughts']).optional(),
      }),
    )
    .readonly(),
  bands: z.array(Band).readonly(),
  bandsNote: z.string().optional(),
  wording: z.enum(['official', 'own-words', 'clinic']),
  licence: z.string().optional(),
});

export const InstrumentSchema = z.object({
  ref: z.string(),
  definition: InstrumentDefinitionSchema,
});

/** One crisis service from the clinic setting `crisisResources`. */
export const CrisisResourceSchema = z.object({
  name: z.string(),
  contact: z.string().describe('The number as dialled'),
  reach: z.enum(CRISIS_REACH).describe('Whether the number takes calls, texts or both'),
  emergency: z.boolean().describe('The emergency number, for a patient in immediate danger'),
  how: z.string().describe('How to reach it, in words for the patient'),
});

export const CrisisMessageSchema = z
  .object({
    text: z.string(),
    resources: z.array(CrisisResourceSchema).readonly(),
  })
  .describe(
    "Shown to the patient at once: the clinic's crisis resources (clinic setting `crisisResources`; by default the US 988 Suicide & Crisis Lifeline and 911)",
  );

const Person = z.object({ id: Uuid, displayName: z.string() });

export const ScaleResponseSchema = z.object({
  id: Uuid,
  patientId: Uuid,
  instrument: z.string(),
  instrumentName: z.string(),
  answers: z.record(z.string(), z.number()),
  total: z.number().int(),
  minTotal: z.number().int(),
  maxTotal: z.number().int(),
  band: z.object({ id: z.string(), label: z.string() }).nullable(),
  knowledgeVersion: z.string(),
  completedAt: z.string(),
  source: z.enum(SCALE_SOURCES),
  enteredBy: Person,
  courseId: Uuid.nullable(),
  appointmentId: Uuid.nullable(),
  safetyAlertIds: z.array(Uuid),
});
export type ScaleResponseDto = z.infer<typeof ScaleResponseSchema>;

export const SubmittedSchema = z.object({
  response: ScaleResponseSchema,
  /** Non-null when an answer raised a safety alert: show it to the patient at once. */
  crisis: CrisisMessageSchema.nullable(),
});

/** A refused response: which items, and the crisis resources when item 9 was above zero. */
export const IncompleteProblemSchema = ProblemSchema.extend({
  crisis: CrisisMessageSchema.nullable().optional(),
  safetyAlertIds: z.array(Uuid).optional(),
});

/** Makes a retried submission (a double tap, a lost answer) store the form once. */
const IdempotencyKeyField = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
  .describe('A fresh unique string (a UUID) per filled-in form; a retry with it stores it once');

export const PortalBody = z.strictObject({
  instrument: InstrumentRefField,
  answers: Answers,
  appointmentId: Uuid.optional(),
  idempotencyKey: IdempotencyKeyField.optional(),
});

export const PaperBody = z.strictObject({
  instrument: InstrumentRefField,
  answers: Answers,
  completedAt: IsoInstant.optional().describe(
    'When the patient filled in the paper form; now when absent',
  ),
  appointmentId: Uuid.optional(),
  courseId: Uuid.optional(),
  idempotencyKey: IdempotencyKeyField.optional(),
});

export const DueItemSchema = z.object({
  instrument: z.string(),
  reason: z.enum(['baseline', 'before-session', 'interval']),
  courseId: Uuid,
  indication: z.string(),
  nextSessionAt: z.string().nullable(),
  nextSessionTimeZone: z
    .string()
    .nullable()
    .describe(
      "IANA time zone of the next session's location; null with no next session or no location (then the clinic's applies)",
    ),
  lastCompletedAt: z.string().nullable(),
  definition: InstrumentDefinitionSchema,
});
export type DueItemDto = z.infer<typeof DueItemSchema>;

const Criterion = z.object({
  status: z.enum(['met', 'not-met', 'undefined']),
  reason: z.string().optional(),
});
const FirstMet = z
  .object({ at: z.string(), daysFromBaseline: z.number(), sessionsBefore: z.number() })
  .nullable();
export const CriteriaSchema = z.object({
  response: z.object({
    rule: z
      .object({
        kind: z.enum(['percent-decrease', 'points-decrease']),
        percent: z.number().optional(),
        points: z.number().optional(),
      })
      .nullable(),
    basis: z.string(),
    note: z.string(),
    sources: z.array(z.string()).readonly(),
  }),
  remission: z.object({
    belowScore: z.number().nullable(),
    basis: z.string(),
    note: z.string(),
    sources: z.array(z.string()).readonly(),
  }),
});

export const ProgressSchema = z.object({
  instrumentId: z.string(),
  baseline: z.object({
    at: z.string(),
    total: z.number(),
    chosen: z.enum(['first-score', 'given']),
  }),
  points: z
    .array(
      z.object({
        at: z.string(),
        total: z.number(),
        isBaseline: z.boolean(),
        changeFromBaseline: z.number(),
        percentChange: z.number().nullable(),
        response: Criterion,
        remission: Criterion,
        daysFromBaseline: z.number(),
        sessionsBefore: z.number(),
      }),
    )
    .readonly(),
  firstResponse: FirstMet,
  firstRemission: FirstMet,
  latest: z.object({ response: Criterion, remission: Criterion }),
  responseDefined: z.boolean(),
  baselineInRemission: z.boolean(),
  criteria: CriteriaSchema,
});

export const ProgressResponseSchema = z.object({
  patientId: Uuid,
  instrument: z.string(),
  instrumentName: z.string(),
  courseId: Uuid.nullable(),
  sessions: z.array(
    z.object({ appointmentId: Uuid, at: z.string(), type: z.string(), status: z.string() }),
  ),
  responses: z.array(ScaleResponseSchema),
  /** `null` when no scores exist yet. */
  progress: ProgressSchema.nullable(),
});

export const SafetyAlertSchema = z.object({
  id: Uuid,
  patient: z.object({ id: Uuid, mrn: z.string(), displayName: z.string() }),
  responseId: Uuid.nullable(),
  instrument: z.string(),
  itemId: z.string(),
  itemText: z.string(),
  answer: z.object({ score: z.number(), label: z.string() }),
  summary: z.string(),
  careTeamActions: z.array(z.string()).readonly(),
  raisedAt: z.string(),
  status: z.enum(SAFETY_ALERT_STATUSES),
  followUp: z.record(z.string(), z.unknown()).nullable(),
  followedUpBy: Person.nullable(),
  followedUpAt: z.string().nullable(),
  /** Follow-ups that did not reach the patient, oldest first; the alert stays open meanwhile. */
  attempts: z.array(
    z
      .object({
        contact: z.string(),
        reviewedBy: z.string(),
        reviewedAt: z.string(),
        nextContactAt: z.string().optional(),
        recordedBy: z.string().optional(),
        recordedAt: z.string().optional(),
      })
      .loose(),
  ),
  followUpFields: z
    .array(
      z.object({
        name: z.string(),
        label: z.string(),
        kind: z.string(),
        required: z.boolean(),
        options: z.array(z.string()).readonly().optional(),
      }),
    )
    .readonly(),
});
export type SafetyAlertDto = z.infer<typeof SafetyAlertSchema>;

/** The follow-up; core checks it and names every bad field. `reviewedBy` defaults to the caller. */
export const FollowUpBody = z
  .object({
    reviewedBy: z.string().optional(),
    reviewedAt: z.string().optional(),
    contact: z.string().optional().describe(FOLLOW_UP_CONTACTS.join(' | ')),
    riskAssessment: z.string().optional(),
    actions: z.array(z.string()).optional().describe(FOLLOW_UP_ACTIONS.join(' | ')),
    patientGivenCrisisResources: z.unknown().optional(),
    nextContactAt: z.string().optional(),
    notes: z.string().optional(),
  })
  .loose()
  .describe('Checked by core recordSafetyFollowUp: every problem is reported with its field');

export const IndicationOutcomesSchema = z.object({
  indication: z.string(),
  instrumentIds: z.array(z.string()).readonly(),
  patients: z.number(),
  responseEligible: z.number(),
  responders: z.number(),
  responseRate: z.number().nullable(),
  remissionEligible: z.number(),
  remitters: z.number(),
  remissionRate: z.number().nullable(),
  medianDaysToResponse: z.number().nullable(),
  medianInfusionsToResponse: z.number().nullable(),
});

export const ClinicOutcomesSchema = z.object({
  knowledgeVersion: z.string(),
  courses: z.number().int(),
  byIndication: z.array(IndicationOutcomesSchema).readonly(),
});

export const CustomFormSchema = z.object({
  ref: z.string(),
  definition: InstrumentDefinitionSchema.extend({
    criteria: z
      .object({
        responsePercent: z.number().optional(),
        remissionBelowScore: z.number().optional(),
      })
      .optional(),
  }),
  createdAt: z.string(),
  createdBy: Person,
});
