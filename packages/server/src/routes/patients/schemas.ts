import { z } from 'zod';
import { SEXES } from '../../db/schema/index';
import { IsoDate, PageQuery } from '../common-schemas';

const OptionalText = (max: number) => z.string().trim().min(1).max(max).optional();
const Nullable = z.string().nullable();

export const PatientCreateBody = z
  .object({
    givenName: z.string().trim().min(1).max(100),
    familyName: z.string().trim().min(1).max(100),
    birthDate: IsoDate,
    sex: z.enum(SEXES).default('unknown'),
    email: z.email().max(254).optional(),
    phone: OptionalText(40),
    addressLine: OptionalText(200),
    city: OptionalText(100),
    postalCode: OptionalText(20),
  })
  .strict();

export const PatientPatchBody = PatientCreateBody.partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'name at least one field to change' });

export const PatientListQuery = PageQuery.extend({
  query: z.string().trim().max(100).optional(),
});

export const WeightBody = z
  .object({
    weight: z.object({
      value: z.number().positive().max(1500),
      unit: z.enum(['kg', 'lb']),
    }),
    measuredOn: IsoDate,
  })
  .strict();

export const HeightBody = z
  .object({
    height: z.object({
      value: z.number().positive().max(300),
      unit: z.enum(['cm', 'in']),
    }),
    measuredOn: IsoDate,
  })
  .strict();

export const AllergyBody = z
  .object({
    substance: z.string().trim().min(1).max(200),
    codeSystem: z.enum(['rxnorm', 'snomed']).optional(),
    code: z.string().trim().min(1).max(40).optional(),
    reaction: OptionalText(200),
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
    text: z.string().trim().min(1).max(300),
    codeSystem: z.enum(['snomed', 'icd10cm']).optional(),
    code: z.string().trim().min(1).max(40).optional(),
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
    text: z.string().trim().min(1).max(300),
    rxnormCode: z
      .string()
      .regex(/^\d{1,10}$/, 'must be an RxNorm code (digits)')
      .optional(),
    doseText: OptionalText(200),
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

export const PatientSummarySchema = z.object({
  id: z.uuid(),
  mrn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  sex: z.enum(SEXES),
  latestWeight: LatestWeight,
});

export const PatientSchema = PatientSummarySchema.extend({
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
});

export type PatientDto = z.infer<typeof PatientSchema>;
export type PatientSummaryDto = z.infer<typeof PatientSummarySchema>;
export type PatientCreateInput = z.infer<typeof PatientCreateBody>;
