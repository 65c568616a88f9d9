/**
 * Wire schemas of the screening routes: a screening with its result, and the bodies that run,
 * sign and feed one (blood pressure, pregnancy and breastfeeding status).
 */
import { alternativesSchema, INDICATION_IDS, SCREENING_PRODUCTS } from '@ketaflow/core';
import { z } from 'zod';
import { BREASTFEEDING_STATUSES, PREGNANCY_STATUSES } from '../../db/schema/index';
import { IsoDate, Uuid } from '../common-schemas';

const Person = z.object({ id: Uuid, displayName: z.string() }).nullable();
const Source = z.object({ id: z.string(), title: z.string(), year: z.number().nullable() });
const Finding = z.object({
  kind: z.enum([
    'contraindication',
    'interaction',
    'precaution',
    'missing-data',
    'unrecognized-input',
  ]),
  severity: z.enum(['info', 'warning', 'critical']),
  code: z.string(),
  summary: z.string(),
  detail: z.string(),
  management: z.string(),
  evidence: z.array(z.object({ reference: z.string(), display: z.string() })).readonly(),
  sources: z.array(Source).readonly(),
});

/** The screening result of design.md. */
export const ScreeningResultSchema = z
  .object({
    decision: z.enum(['eligible', 'eligible-with-precautions', 'needs-review', 'contraindicated']),
    findings: z.array(Finding).readonly(),
    alternatives: z.array(alternativesSchema).readonly(),
    knowledgeVersion: z.string(),
  })
  .describe('Screening result: decision, findings with evidence and sources, alternatives');

export const ScreeningSchema = z.object({
  id: Uuid,
  patientId: Uuid,
  indication: z.string(),
  product: z.enum(SCREENING_PRODUCTS),
  asOf: z.string(),
  status: z.enum(['current', 'stale', 'signed', 'signed-stale']),
  createdAt: z.string(),
  createdBy: Person,
  staleAt: z.string().nullable(),
  supersededBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  signedBy: Person,
  acceptances: z
    .array(z.object({ code: z.string(), reason: z.string() }))
    .readonly()
    .nullable(),
  input: z.record(z.string(), z.unknown()),
  result: ScreeningResultSchema,
});

export const ScreeningBody = z.strictObject({
  indication: z.enum(INDICATION_IDS),
  product: z.enum(SCREENING_PRODUCTS).default('ketamine-iv'),
});

export const SignBody = z.strictObject({
  acceptances: z
    .array(
      z.strictObject({
        code: z.string().min(1).max(100),
        reason: z.string().trim().min(3, 'give a reason').max(1000),
      }),
    )
    .max(100),
});

export const BloodPressureBody = z.strictObject({
  systolicMmHg: z.number().int().min(30).max(320),
  diastolicMmHg: z.number().int().min(10).max(250),
  measuredOn: IsoDate,
});

export const ReproductiveBody = z.strictObject({
  pregnancy: z.enum(PREGNANCY_STATUSES),
  breastfeeding: z.enum(BREASTFEEDING_STATUSES),
  recordedOn: IsoDate,
});
