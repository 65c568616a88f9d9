/**
 * Self-screening on the public site: a short questionnaire, screened by the same core code as a
 * clinician's screening, answered in plain words. It says whether the therapy may suit the person
 * and what to do next; it never presents a diagnosis. On registration the answers become the
 * patient's intake (unconfirmed conditions, medications as written, the reported blood pressure).
 */
import {
  decide,
  INDICATION_IDS,
  MISSING_BREASTFEEDING,
  MISSING_CONDITION_ANSWERS,
  screen,
  screenUnknownAnswers,
  parsePatientJson,
  SCREENING_PRODUCTS,
  type Alternatives,
  type KnowledgeBase,
  type PatientJson,
  type ScreeningResult,
} from '@ketaflow/core';
import { z } from 'zod';
import type { Executor } from '../../db/client';
import {
  allergies,
  bloodPressures,
  conditions,
  intakes,
  medications,
  reproductiveStatuses,
} from '../../db/schema/index';
import { refinePressureOrder } from '../common-schemas';
import {
  HYPERSENSITIVITY,
  MISSING_PREGNANCY,
  plainCheck,
  plainReason,
  WORDING,
  type SelfScreeningOutcome,
} from './self-screening-wording';

export { SELF_SCREENING_OUTCOMES, type SelfScreeningOutcome } from './self-screening-wording';

/** Pregnancy has its own question. */
const PREGNANCY = 'CI.PREGNANCY';
/**
 * Missing facts that decide the outcome (a clinician looks): the questionnaire asked for them,
 * so an answer it did not get, or a "not sure", is unknown, never "none". Other missing facts
 * (a recent blood pressure, a weight) are for the consult to check.
 */
const DECIDING_UNKNOWNS: ReadonlySet<string> = new Set([
  MISSING_PREGNANCY,
  MISSING_BREASTFEEDING,
  MISSING_CONDITION_ANSWERS,
]);

export const SelfScreeningBody = z
  .strictObject({
    indication: z.enum(INDICATION_IDS),
    product: z.enum(SCREENING_PRODUCTS).default('ketamine-iv'),
    ageYears: z.number().int().min(1).max(120),
    sex: z.enum(['female', 'male', 'other', 'unknown']),
    pregnancy: z.enum(['pregnant', 'not-pregnant', 'unsure', 'not-possible']).optional(),
    breastfeeding: z
      .enum(['yes', 'no', 'unsure'])
      .optional()
      .describe(
        'Asked of anyone but a man. Left out or "unsure" at an age the knowledge base asks about pregnancy (its askAgeYears, a clinic setting), it is unknown: a clinician needs to look.',
      ),
    conditions: z
      .array(z.string().min(1).max(80))
      .max(50)
      .default([])
      .describe(
        'Codes of the listed conditions (GET /api/public/self-screening/questions) the person ticked. A non-empty list answers the question; an empty or absent one does not: say "none of these" with conditionsAnswer.',
      ),
    conditionsAnswer: z
      .enum(['none', 'unsure'])
      .optional()
      .describe(
        '"none": none of the listed conditions apply (conditions must then be empty). "unsure": the person is not sure, with or without the conditions they are sure of. With neither this nor a condition, the question is unanswered and the answer is that a clinician needs to look.',
      ),
    otherConditions: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
    medications: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    bloodPressure: z
      .strictObject({
        systolicMmHg: z.number().int().min(30).max(320),
        diastolicMmHg: z.number().int().min(10).max(250),
      })
      // The same check as the web form's: a bottom number at or above the top one is a typing slip,
      // never a reading to screen or to keep in the record.
      .superRefine(refinePressureOrder)
      .optional(),
  })
  // "None of these" beside a ticked condition says two things: neither can be screened.
  .refine((b) => b.conditionsAnswer !== 'none' || b.conditions.length === 0, {
    path: ['conditionsAnswer'],
    message: 'cannot be "none" when conditions lists a condition',
  });
export type SelfScreeningAnswers = z.output<typeof SelfScreeningBody>;

export interface ConditionQuestion {
  readonly code: string;
  readonly label: string;
}

/** The conditions a person is asked about: the knowledge base's contraindications. */
export function conditionQuestions(kb: KnowledgeBase): ConditionQuestion[] {
  return kb.contraindications
    .filter((c) => c.code !== PREGNANCY)
    .map((c) => ({ code: c.code, label: c.name }));
}

/**
 * Condition answers that are not one of the questions' codes (an unknown code, or pregnancy,
 * which has its own question), each with its path under `prefix`. Such an answer cannot be
 * screened, so it is refused rather than dropped: dropped, it would read as "none of these".
 */
export function unknownConditionErrors(
  kb: KnowledgeBase,
  conditions: readonly string[],
  prefix: string,
): { readonly path: string; readonly message: string }[] {
  const asked = new Set(conditionQuestions(kb).map((q) => q.code));
  return conditions.flatMap((code, i) =>
    asked.has(code)
      ? []
      : [{ path: `${prefix}.${i}`, message: 'is not one of the conditions the questions list' }],
  );
}

/** Answers as patient JSON, each answer with an id the result can point back to. */
export function answersToPatientJson(
  kb: KnowledgeBase,
  answers: SelfScreeningAnswers,
  asOf: string,
): { readonly json: PatientJson; readonly unknownCodes: readonly string[] } {
  const byCode = new Map(kb.contraindications.map((c) => [c.code, c]));
  const unknownCodes = answers.conditions.filter((code) => !byCode.has(code) || code === PREGNANCY);
  const conditions: NonNullable<PatientJson['conditions']>[number][] = [];
  const allergies: NonNullable<PatientJson['allergies']>[number][] = [];
  for (const code of answers.conditions) {
    const ci = byCode.get(code);
    if (!ci || code === PREGNANCY) continue;
    if (code === HYPERSENSITIVITY) {
      allergies.push({ id: `answer-${code}`, text: 'ketamine', verificationStatus: 'unconfirmed' });
      continue;
    }
    const snomed = ci.criteria.snomedCt[0];
    conditions.push({
      id: `answer-${code}`,
      // Without a code, the name and a synonym let the text matcher find it.
      text: [ci.name, ...ci.criteria.textSynonyms.slice(0, 1)].join('; '),
      ...(snomed ? { code: { system: 'snomed' as const, code: snomed.code } } : {}),
      clinicalStatus: 'active',
      verificationStatus: 'unconfirmed',
    });
  }
  answers.otherConditions.forEach((text, i) =>
    conditions.push({
      id: `other-condition-${i + 1}`,
      text,
      clinicalStatus: 'active',
      verificationStatus: 'unconfirmed',
    }),
  );
  const pregnancy =
    answers.pregnancy === undefined
      ? undefined
      : answers.pregnancy === 'unsure'
        ? 'unknown'
        : answers.pregnancy;
  const json: PatientJson = {
    id: 'self-screening',
    ageYears: answers.ageYears,
    sex: answers.sex,
    ...(pregnancy ? { pregnancy: { status: pregnancy, recordedOn: asOf } } : {}),
    ...(answers.breastfeeding
      ? {
          breastfeeding:
            answers.breastfeeding === 'unsure' ? 'unknown' : answers.breastfeeding === 'yes',
        }
      : {}),
    conditions,
    allergies,
    medications: answers.medications.map((text, i) => ({
      id: `medication-${i + 1}`,
      text,
      status: 'active',
    })),
    ...(answers.bloodPressure
      ? { bloodPressure: [{ id: 'reported', date: asOf, ...answers.bloodPressure }] }
      : {}),
  };
  return { json, unknownCodes };
}

export interface SelfScreeningAnswer {
  readonly outcome: SelfScreeningOutcome;
  readonly title: string;
  readonly message: string;
  /** What in the answers led to this, in the knowledge base's words. */
  readonly reasons: readonly { readonly severity: string; readonly summary: string }[];
  /** What the clinic will check at the consult (facts the answers could not give). */
  readonly checkAtConsult: readonly string[];
  readonly alternatives: readonly Alternatives[];
  readonly knowledgeVersion: string;
}

/**
 * Screens the answers and words the outcome for the person. Facts they could not give (a recent
 * blood pressure, for instance) are for the consult to check and do not decide the outcome; an
 * unknown answer to one of its own questions does (a clinician looks): pregnancy, breastfeeding
 * and the listed conditions (`DECIDING_UNKNOWNS`).
 */
export function selfScreen(
  kb: KnowledgeBase,
  answers: SelfScreeningAnswers,
  asOf: string,
): { readonly answer: SelfScreeningAnswer; readonly result: ScreeningResult } {
  const { json } = answersToPatientJson(kb, answers, asOf);
  const patient = parsePatientJson(json);
  if (!patient.ok)
    throw new Error(`self-screening answers did not parse: ${JSON.stringify(patient.error)}`);
  const screened = screen(patient.value, kb, {
    indication: answers.indication,
    product: answers.product,
    asOf,
  });
  const findings = [...screened.findings, ...screenUnknownAnswers(answers)];
  const result = { ...screened, findings, decision: decide(findings) };
  const deciding = result.findings.filter(
    (f) => f.kind !== 'missing-data' || DECIDING_UNKNOWNS.has(f.code),
  );
  const worst = deciding.some((f) => f.severity === 'critical')
    ? 'not-suitable'
    : deciding.some((f) => f.severity === 'warning')
      ? 'clinician-review'
      : 'may-suit';
  return {
    result,
    answer: {
      outcome: worst,
      ...WORDING[worst],
      reasons: deciding
        .filter((f) => f.severity !== 'info' || worst === 'may-suit')
        .map((f) => ({ severity: f.severity, summary: plainReason(kb, f) })),
      checkAtConsult: [
        ...new Set(result.findings.filter((f) => f.kind === 'missing-data').map(plainCheck)),
      ],
      alternatives: worst === 'not-suitable' ? [kb.alternatives[answers.indication]] : [],
      knowledgeVersion: kb.knowledgeVersion,
    },
  };
}

/**
 * Turns self-screening answers into the new patient's intake: conditions as unconfirmed,
 * medications as written (active), a ketamine allergy when reported, the reported blood pressure
 * and pregnancy/breastfeeding (marked self-reported), and the answers themselves as given.
 */
export async function recordIntake(
  tx: Executor,
  args: {
    readonly kb: KnowledgeBase;
    readonly patientId: string;
    readonly answers: SelfScreeningAnswers;
    readonly now: Date;
  },
): Promise<void> {
  const { kb, patientId, answers, now } = args;
  const today = now.toISOString().slice(0, 10);
  const { answer } = selfScreen(kb, answers, today);
  await tx.insert(intakes).values({
    patientId,
    answers,
    outcome: answer.outcome,
    knowledgeVersion: kb.knowledgeVersion,
    createdAt: now,
  });
  const byCode = new Map(kb.contraindications.map((c) => [c.code, c]));
  const conditionRows = [
    ...answers.conditions.flatMap((code) => {
      const ci = byCode.get(code);
      if (!ci || code === PREGNANCY || code === HYPERSENSITIVITY) return [];
      const snomed = ci.criteria.snomedCt[0];
      return [
        {
          text: `${ci.name} (self-reported)`,
          codeSystem: snomed ? 'snomed' : null,
          code: snomed?.code ?? null,
        },
      ];
    }),
    ...answers.otherConditions.map((text) => ({
      text: `${text} (self-reported)`,
      codeSystem: null,
      code: null,
    })),
  ];
  if (conditionRows.length > 0)
    await tx.insert(conditions).values(
      conditionRows.map((c) => ({
        patientId,
        ...c,
        clinicalStatus: 'active',
        verificationStatus: 'unconfirmed',
        createdAt: now,
      })),
    );
  if (answers.medications.length > 0)
    await tx.insert(medications).values(
      answers.medications.map((text) => ({
        patientId,
        text,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      })),
    );
  if (answers.conditions.includes(HYPERSENSITIVITY))
    await tx.insert(allergies).values({
      patientId,
      substance: 'Ketamine (self-reported)',
      status: 'active',
      createdAt: now,
    });
  if (answers.bloodPressure)
    await tx.insert(bloodPressures).values({
      patientId,
      ...answers.bloodPressure,
      measuredOn: today,
      source: 'self-reported',
    });
  if (answers.pregnancy !== undefined || answers.breastfeeding !== undefined)
    await tx.insert(reproductiveStatuses).values({
      patientId,
      pregnancy:
        answers.pregnancy === undefined || answers.pregnancy === 'unsure'
          ? 'unknown'
          : answers.pregnancy,
      breastfeeding:
        answers.breastfeeding === undefined || answers.breastfeeding === 'unsure'
          ? 'unknown'
          : answers.breastfeeding,
      recordedOn: today,
      source: 'self-reported',
    });
}
