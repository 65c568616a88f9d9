import { z } from 'zod';
import { SEXES } from '../../db/schema/index';
import { IsoDate, PageQuery } from '../common-schemas';
import { HISTORY_LISTS, HistoryListsSchema } from './history-lists';
import { OnlineAccountSchema } from './online-account';

/**
 * The longest text each record field keeps, in characters: what the API accepts, and what the
 * FHIR import keeps (fhir/import-limits.ts). Storage limits, not clinical ones.
 */
export const MAX_CHARS = {
  name: 100,
  email: 254,
  phone: 40,
  addressLine: 200,
  city: 100,
  postalCode: 20,
  /** A condition's or a medicine's text. */
  recordText: 300,
  substance: 200,
  reaction: 200,
  doseText: 200,
  /** A SNOMED CT or ICD-10-CM code. */
  code: 40,
  rxnormCode: 10,
} as const;

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => Text(max).optional();
const Nullable = z.string().nullable();

const demographics = {
  givenName: Text(MAX_CHARS.name),
  familyName: Text(MAX_CHARS.name),
  birthDate: IsoDate,
  sex: z.enum(SEXES),
  email: z.email().max(MAX_CHARS.email),
  phone: Text(MAX_CHARS.phone),
  addressLine: Text(MAX_CHARS.addressLine),
  city: Text(MAX_CHARS.city),
  postalCode: Text(MAX_CHARS.postalCode),
};

export const PatientCreateBody = z
  .object({
    givenName: demographics.givenName,
    familyName: demographics.familyName,
    birthDate: demographics.birthDate,
    sex: demographics.sex.default('unknown'),
    email: demographics.email.optional(),
    phone: demographics.phone.optional(),
    addressLine: demographics.addressLine.optional(),
    city: demographics.city.optional(),
    postalCode: demographics.postalCode.optional(),
  })
  .strict();

/** Only the fields sent change (no defaults here); `null` clears an optional contact field. */
export const PatientPatchBody = z
  .object({
    givenName: demographics.givenName.optional(),
    familyName: demographics.familyName.optional(),
    birthDate: demographics.birthDate.optional(),
    sex: demographics.sex.optional(),
    email: demographics.email.nullable().optional(),
    phone: demographics.phone.nullable().optional(),
    addressLine: demographics.addressLine.nullable().optional(),
    city: demographics.city.nullable().optional(),
    postalCode: demographics.postalCode.nullable().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'name at least one field to change' });

/** The patient list's filters on how complete a record is. */
export const HISTORY_FILTERS = ['incomplete'] as const;

/** The patient list's filters on the patient's own online account. */
export const ACCOUNT_FILTERS = ['unconfirmed'] as const;

export const PatientListQuery = PageQuery.extend({
  query: z.string().trim().max(100).optional(),
  history: z
    .enum(HISTORY_FILTERS)
    .optional()
    .describe(
      '"incomplete": only patients with at least one history list (conditions, medications, allergies) not recorded, so staff can find the records to complete.',
    ),
  account: z
    .enum(ACCOUNT_FILTERS)
    .optional()
    .describe(
      '"unconfirmed": only patients whose online account (the one `account` shows) has an e-mail address nobody confirmed yet, so staff can find registrations stuck before their first log-in.',
    ),
});

const KG_PER_LB = 0.45359237; // exact, by the international yard and pound agreement (1959)
const CM_PER_IN = 2.54; // exact

/** Rounds to 3 decimals (grams) after an exact-factor conversion; the entered value is kept too. */
export const toKg = (value: number, unit: 'kg' | 'lb'): number =>
  unit === 'kg' ? value : Math.round(value * KG_PER_LB * 1000) / 1000;
export const toCm = (value: number, unit: 'cm' | 'in'): number =>
  unit === 'cm' ? value : Math.round(value * CM_PER_IN * 100) / 100;

/**
 * The smallest values the columns keep (numeric scale 3 for kg and the entered value, scale 2 for
 * cm): anything smaller would be stored as 0. The columns' resolution, not a clinical limit.
 */
const KG_RESOLUTION = 0.001;
const CM_RESOLUTION = 0.01;

export const WeightBody = z
  .object({
    weight: z
      .object({
        value: z.number().positive().max(1500),
        unit: z.enum(['kg', 'lb']),
      })
      .refine((w) => w.value >= KG_RESOLUTION && toKg(w.value, w.unit) >= KG_RESOLUTION, {
        path: ['value'],
        when: (payload) => payload.issues.length === 0,
        message: `is below the smallest weight a record keeps (${KG_RESOLUTION} kg)`,
      }),
    measuredOn: IsoDate,
  })
  .strict();

export const HeightBody = z
  .object({
    height: z
      .object({
        value: z.number().positive().max(300),
        unit: z.enum(['cm', 'in']),
      })
      .refine((h) => toCm(h.value, h.unit) >= CM_RESOLUTION, {
        path: ['value'],
        when: (payload) => payload.issues.length === 0,
        message: `is below the smallest height a record keeps (${CM_RESOLUTION} cm)`,
      }),
    measuredOn: IsoDate,
  })
  .strict();

export const AllergyBody = z
  .object({
    substance: Text(MAX_CHARS.substance),
    codeSystem: z.enum(['rxnorm', 'snomed']).optional(),
    code: OptionalText(MAX_CHARS.code),
    reaction: OptionalText(MAX_CHARS.reaction),
    criticality: z.enum(['low', 'high', 'unable-to-assess']).optional(),
    status: z.enum(['active', 'inactive', 'resolved']).default('active'),
  })
  .strict();

export const CLINICAL_STATUSES = [
  'active',
  'recurrence',
  'relapse',
  'inactive',
  'remission',
  'resolved',
] as const;
export const VERIFICATION_STATUSES = [
  'unconfirmed',
  'provisional',
  'differential',
  'confirmed',
  'refuted',
  'entered-in-error',
] as const;

export const ConditionBody = z
  .object({
    text: Text(MAX_CHARS.recordText),
    codeSystem: z.enum(['snomed', 'icd10cm']).optional(),
    code: OptionalText(MAX_CHARS.code),
    clinicalStatus: z.enum(CLINICAL_STATUSES),
    verificationStatus: z.enum(VERIFICATION_STATUSES),
    onsetDate: IsoDate.optional(),
    abatementDate: IsoDate.optional(),
  })
  .strict()
  .refine((c) => (c.code === undefined) === (c.codeSystem === undefined), {
    message: 'code and codeSystem go together',
    path: ['code'],
  });

export const MEDICATION_STATUSES = [
  'active',
  'stopped',
  'completed',
  'on-hold',
  'entered-in-error',
] as const;

export const MedicationBody = z
  .object({
    text: Text(MAX_CHARS.recordText),
    rxnormCode: z
      .string()
      .regex(
        new RegExp(`^\\d{1,${String(MAX_CHARS.rxnormCode)}}$`),
        'must be an RxNorm code (digits)',
      )
      .optional(),
    doseText: OptionalText(MAX_CHARS.doseText),
    status: z.enum(MEDICATION_STATUSES),
    startedOn: IsoDate.optional(),
    stoppedOn: IsoDate.optional(),
  })
  .strict();

export const MedicationPatchBody = z
  .object({ status: z.enum(MEDICATION_STATUSES), stoppedOn: IsoDate.optional() })
  .strict();

export const MedicationParams = z.object({ id: z.uuid(), medicationId: z.uuid() });

const LatestWeight = z.object({ weightKg: z.number(), measuredOn: z.string() }).nullable();

/** What the list and the whole record both say about who the patient is. */
const PatientIdentity = z.object({
  id: z.uuid(),
  mrn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  sex: z.enum(SEXES),
  latestWeight: LatestWeight,
  account: OnlineAccountSchema,
});

export const PatientSummarySchema = PatientIdentity.extend({
  unrecordedLists: z
    .array(z.enum(HISTORY_LISTS))
    .describe(
      'The history lists not recorded (no entry, and nobody stated none known), in the order conditions, medications, allergies; empty when every list was taken.',
    ),
});

export const PatientSchema = PatientIdentity.extend({
  email: Nullable,
  phone: Nullable,
  addressLine: Nullable,
  city: Nullable,
  postalCode: Nullable,
  createdAt: z.string(),
  updatedAt: z.string(),
  weights: z.array(
    z.object({
      id: z.uuid(),
      weightKg: z.number(),
      measuredOn: z.string(),
      enteredUnit: z.enum(['kg', 'lb']),
      enteredValue: z.number(),
    }),
  ),
  heights: z.array(z.object({ id: z.uuid(), heightCm: z.number(), measuredOn: z.string() })),
  allergies: z.array(
    z.object({
      id: z.uuid(),
      substance: z.string(),
      codeSystem: Nullable,
      code: Nullable,
      reaction: Nullable,
      criticality: Nullable,
      status: z.string(),
    }),
  ),
  conditions: z.array(
    z.object({
      id: z.uuid(),
      text: z.string(),
      codeSystem: Nullable,
      code: Nullable,
      clinicalStatus: z.string(),
      verificationStatus: z.string(),
      onsetDate: Nullable,
      abatementDate: Nullable,
    }),
  ),
  medications: z.array(
    z.object({
      id: z.uuid(),
      text: z.string(),
      rxnormCode: Nullable,
      doseText: Nullable,
      status: z.string(),
      startedOn: Nullable,
      stoppedOn: Nullable,
    }),
  ),
  bloodPressures: z.array(
    z.object({
      id: z.uuid(),
      systolicMmHg: z.number().int(),
      diastolicMmHg: z.number().int(),
      measuredOn: z.string(),
      source: z.enum(['clinic', 'self-reported']),
    }),
  ),
  reproductiveStatuses: z.array(
    z.object({
      id: z.uuid(),
      /** Null: this entry does not state it (it is about the other status). */
      pregnancy: z.string().nullable(),
      breastfeeding: z.string().nullable(),
      recordedOn: z.string(),
      source: z.enum(['clinic', 'self-reported']),
    }),
  ),
  /** Whether each history list was taken: entries, "none known", or not recorded (unknown). */
  historyLists: HistoryListsSchema,
  /** Self-screening answers the patient brought at registration, with the outcome they saw. */
  intakes: z.array(
    z.object({
      id: z.uuid(),
      outcome: z.string(),
      answers: z.record(z.string(), z.unknown()),
      knowledgeVersion: z.string(),
      createdAt: z.string(),
    }),
  ),
});

export type PatientDto = z.infer<typeof PatientSchema>;
export type PatientSummaryDto = z.infer<typeof PatientSummarySchema>;
export type PatientCreateInput = z.infer<typeof PatientCreateBody>;
