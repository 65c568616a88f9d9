import { z } from 'zod';
import { problemsFromZodIssues } from '../knowledge/zod-problems';
import { err, ok, type Problem, type Result } from '../result';
import { isIsoDate } from './dates';
import { formatBloodPressure } from './finding';
import {
  CONDITION_CLINICAL_STATUSES,
  HISTORY_LISTS,
  MEDICATION_STATUSES,
  VERIFICATION_STATUSES,
  type PatientFacts,
} from './types';

/**
 * Blood pressures a record can hold (mmHg): input checks, not clinical thresholds. A value outside
 * them is a recording error, read as no reading (FHIR) or refused (patient JSON).
 */
export const PLAUSIBLE_MM_HG = { systolic: [30, 320], diastolic: [10, 250] } as const;

const isoDate = z.string().refine(isIsoDate, 'must be an ISO date (YYYY-MM-DD)');
const text = z.string().trim().min(1).max(500);
const id = z.string().trim().min(1).max(64);

const conditionSchema = z
  .strictObject({
    id: id.exactOptional(),
    code: z
      .strictObject({ system: z.enum(['snomed', 'icd10']), code: z.string().trim().min(1) })
      .exactOptional(),
    text: text.exactOptional(),
    clinicalStatus: z.enum(CONDITION_CLINICAL_STATUSES).exactOptional(),
    verificationStatus: z.enum(VERIFICATION_STATUSES).exactOptional(),
    onset: isoDate.exactOptional(),
  })
  .refine((c) => c.code !== undefined || c.text !== undefined, 'needs a code or a text');

const medicationSchema = z
  .strictObject({
    id: id.exactOptional(),
    rxnorm: z
      .string()
      .regex(/^\d{1,10}$/, 'must be an RxNorm code (digits)')
      .exactOptional(),
    text: text.exactOptional(),
    status: z.enum(MEDICATION_STATUSES).exactOptional(),
  })
  .refine((m) => m.rxnorm !== undefined || m.text !== undefined, 'needs an rxnorm code or a text');

const allergySchema = z
  .strictObject({
    id: id.exactOptional(),
    rxnorm: z
      .string()
      .regex(/^\d{1,10}$/, 'must be an RxNorm code (digits)')
      .exactOptional(),
    text: text.exactOptional(),
    verificationStatus: z.enum(VERIFICATION_STATUSES).exactOptional(),
  })
  .refine((a) => a.rxnorm !== undefined || a.text !== undefined, 'needs an rxnorm code or a text');

/**
 * KetaFlow's own patient JSON (documented in README.md beside this file). Every field but
 * `sex` may be left out; a missing fact is unknown, never normal. For the history lists that
 * means: `conditions: []` is "none known", no `conditions` at all is "not recorded".
 */
export const patientJsonSchema = z.strictObject({
  id: id.exactOptional(),
  birthDate: isoDate.exactOptional(),
  ageYears: z.number().int().min(0).max(130).exactOptional(),
  sex: z.enum(['female', 'male', 'other', 'unknown']),
  deceased: z.boolean().exactOptional(),
  pregnancy: z
    .strictObject({
      status: z.enum(['pregnant', 'not-pregnant', 'unknown', 'not-possible']),
      recordedOn: isoDate.exactOptional(),
    })
    .exactOptional(),
  breastfeeding: z.union([z.boolean(), z.literal('unknown')]).exactOptional(),
  conditions: z.array(conditionSchema).max(500).exactOptional(),
  medications: z.array(medicationSchema).max(500).exactOptional(),
  allergies: z.array(allergySchema).max(500).exactOptional(),
  bloodPressure: z
    .array(
      z.strictObject({
        id: id.exactOptional(),
        date: isoDate,
        systolicMmHg: z.number().min(PLAUSIBLE_MM_HG.systolic[0]).max(PLAUSIBLE_MM_HG.systolic[1]),
        diastolicMmHg: z
          .number()
          .min(PLAUSIBLE_MM_HG.diastolic[0])
          .max(PLAUSIBLE_MM_HG.diastolic[1]),
      }),
    )
    .max(1000)
    .exactOptional(),
  weight: z
    .array(
      z.strictObject({
        id: id.exactOptional(),
        date: isoDate.exactOptional(),
        valueKg: z.number().positive().max(700),
      }),
    )
    .max(1000)
    .exactOptional(),
});

export type PatientJson = z.output<typeof patientJsonSchema>;

/** How findings cite the patient as a whole in KetaFlow patient JSON. */
const PATIENT = 'patient';

function label(list: string, index: number, itemId: string | undefined): string {
  return itemId === undefined ? `${list}[${index}]` : `${list}/${itemId}`;
}

/** Patient facts from KetaFlow patient JSON, or every problem with its path. */
export function parsePatientJson(input: unknown): Result<PatientFacts, Problem[]> {
  const parsed = patientJsonSchema.safeParse(input);
  if (!parsed.success) return err(problemsFromZodIssues(parsed.error.issues, 'SCREEN'));
  const p = parsed.data;
  const pregnancy = p.pregnancy;
  const pregnancyRef = { reference: 'pregnancy', display: `pregnancy: ${pregnancy?.status ?? ''}` };
  // A list left out is not recorded (unknown); an empty one says there is none known.
  const unrecordedLists = HISTORY_LISTS.filter((list) => p[list] === undefined);
  const breastfeeding: PatientFacts['breastfeeding'] =
    p.breastfeeding === undefined || p.breastfeeding === 'unknown'
      ? 'unknown'
      : p.breastfeeding
        ? 'yes'
        : 'no';
  return ok({
    reference: PATIENT,
    ...(p.deceased === true ? { deceased: { reference: PATIENT, display: 'deceased: true' } } : {}),
    ...(p.birthDate === undefined ? {} : { birthDate: p.birthDate }),
    ...(p.ageYears === undefined ? {} : { ageYears: p.ageYears }),
    sex: p.sex,
    pregnancyNotPossible: pregnancy?.status === 'not-possible',
    pregnancyStatuses:
      pregnancy === undefined || pregnancy.status === 'not-possible'
        ? []
        : [
            {
              ref: pregnancyRef,
              status: pregnancy.status,
              ...(pregnancy.recordedOn === undefined ? {} : { date: pregnancy.recordedOn }),
            },
          ],
    breastfeeding,
    ...(p.breastfeeding === undefined
      ? {}
      : {
          breastfeedingRef: {
            reference: 'breastfeeding',
            display: `breastfeeding: ${breastfeeding}`,
          },
        }),
    conditions: (p.conditions ?? []).map((c, i) => ({
      ref: { reference: label('conditions', i, c.id), display: c.text ?? c.code?.code ?? '' },
      codes: c.code === undefined ? [] : [c.code],
      ...(c.text === undefined ? {} : { text: c.text }),
      clinicalStatus: c.clinicalStatus ?? 'active',
      verificationStatus: c.verificationStatus ?? 'unknown',
      ...(c.onset === undefined ? {} : { onset: c.onset }),
    })),
    medications: (p.medications ?? []).map((m, i) => ({
      ref: { reference: label('medications', i, m.id), display: m.text ?? m.rxnorm ?? '' },
      rxnormCodes: m.rxnorm === undefined ? [] : [m.rxnorm],
      ...(m.text === undefined ? {} : { text: m.text }),
      status: m.status ?? 'active',
    })),
    allergies: (p.allergies ?? []).map((a, i) => ({
      ref: { reference: label('allergies', i, a.id), display: a.text ?? a.rxnorm ?? '' },
      rxnormCodes: a.rxnorm === undefined ? [] : [a.rxnorm],
      ...(a.text === undefined ? {} : { text: a.text }),
      verificationStatus: a.verificationStatus ?? 'unknown',
    })),
    bloodPressures: (p.bloodPressure ?? []).map((b, i) => ({
      ref: {
        reference: label('bloodPressure', i, b.id),
        display: formatBloodPressure(b.systolicMmHg, b.diastolicMmHg, b.date),
      },
      date: b.date,
      systolicMmHg: b.systolicMmHg,
      diastolicMmHg: b.diastolicMmHg,
    })),
    weights: (p.weight ?? []).map((w, i) => ({
      ref: { reference: label('weight', i, w.id), display: `${w.valueKg} kg` },
      ...(w.date === undefined ? {} : { date: w.date }),
      valueKg: w.valueKg,
    })),
    ...(unrecordedLists.length === 0 ? {} : { unrecordedLists }),
  });
}
