import type { IndicationId, Severity } from '../knowledge/ids';
import type { Alternatives } from '../knowledge/schema/alternatives';

/** What is to be given: IV ketamine or esketamine nasal spray. */
export const SCREENING_PRODUCTS = ['ketamine-iv', 'esketamine-nasal'] as const;
export type ScreeningProduct = (typeof SCREENING_PRODUCTS)[number];

/** The input item a finding rests on: `MedicationStatement/123` for FHIR, `medications[0]` else. */
export interface EvidenceRef {
  readonly reference: string;
  readonly display: string;
}

export interface Coding {
  readonly system: 'snomed' | 'icd10' | 'rxnorm' | 'loinc' | 'other';
  readonly code: string;
}

export const CONDITION_CLINICAL_STATUSES = [
  'active',
  'recurrence',
  'relapse',
  'inactive',
  'remission',
  'resolved',
  'unknown',
] as const;
export type ConditionClinicalStatus = (typeof CONDITION_CLINICAL_STATUSES)[number];

export const VERIFICATION_STATUSES = [
  'unconfirmed',
  'provisional',
  'differential',
  'confirmed',
  'refuted',
  'entered-in-error',
  'unknown',
] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** FHIR MedicationStatement and MedicationRequest statuses together. */
export const MEDICATION_STATUSES = [
  'active',
  'on-hold',
  'intended',
  'draft',
  'unknown',
  'stopped',
  'completed',
  'cancelled',
  'entered-in-error',
  'not-taken',
] as const;
export type MedicationStatus = (typeof MEDICATION_STATUSES)[number];

export interface ConditionFact {
  readonly ref: EvidenceRef;
  readonly codes: readonly Coding[];
  readonly text?: string;
  readonly clinicalStatus: ConditionClinicalStatus;
  readonly verificationStatus: VerificationStatus;
  /** ISO date (or date-time) of onset, else of recording. */
  readonly onset?: string;
}

export interface MedicationFact {
  readonly ref: EvidenceRef;
  readonly rxnormCodes: readonly string[];
  readonly text?: string;
  readonly status: MedicationStatus;
}

export interface AllergyFact {
  readonly ref: EvidenceRef;
  readonly rxnormCodes: readonly string[];
  readonly text?: string;
  readonly verificationStatus: VerificationStatus;
}

export interface BloodPressureFact {
  readonly ref: EvidenceRef;
  /** ISO date or date-time of the reading. */
  readonly date: string;
  readonly systolicMmHg: number;
  readonly diastolicMmHg: number;
}

export interface PregnancyStatusFact {
  readonly ref: EvidenceRef;
  readonly date?: string;
  readonly status: 'pregnant' | 'not-pregnant' | 'unknown';
}

/** A breastfeeding status Observation (LOINC 63895-7). */
export interface BreastfeedingStatusFact {
  readonly ref: EvidenceRef;
  readonly date?: string;
  readonly status: 'yes' | 'no' | 'unknown';
}

export interface WeightFact {
  readonly ref: EvidenceRef;
  readonly date?: string;
  readonly valueKg: number;
}

/**
 * An input record that was found but could not be read (an unknown unit, a value that is not a
 * number, a status outside FHIR's list): it is kept out of the facts, never read as normal, and
 * the finding about the fact it would have given names it and `reason`.
 */
export interface UnreadableFact {
  readonly ref: EvidenceRef;
  readonly fact: 'blood-pressure' | 'weight' | 'birth-date' | 'status';
  /** ISO date or date-time of the record, when it has one. */
  readonly date?: string;
  /** Plain English, e.g. `unit "kPa" is not mmHg`. */
  readonly reason: string;
}

/** Patient facts in one shape, whichever format they came in. */
export interface PatientFacts {
  /**
   * How findings cite the patient as a whole (age, death, facts that were looked for and not
   * found): `Patient/<id>` for FHIR, `patient` for KetaFlow patient JSON.
   */
  readonly reference: string;
  /** Present when the record says the patient has died; its display says when, if known. */
  readonly deceased?: EvidenceRef;
  /** ISO date, or a FHIR partial date (`1990`, `1990-05`) read as the youngest age it allows. */
  readonly birthDate?: string;
  /** Used only when `birthDate` is absent. */
  readonly ageYears?: number;
  readonly sex: 'female' | 'male' | 'other' | 'unknown';
  /** A clinician recorded that this patient cannot become pregnant. */
  readonly pregnancyNotPossible: boolean;
  readonly pregnancyStatuses: readonly PregnancyStatusFact[];
  readonly breastfeeding: 'yes' | 'no' | 'unknown';
  readonly breastfeedingRef?: EvidenceRef;
  readonly conditions: readonly ConditionFact[];
  readonly medications: readonly MedicationFact[];
  readonly allergies: readonly AllergyFact[];
  readonly bloodPressures: readonly BloodPressureFact[];
  readonly weights: readonly WeightFact[];
  /** Records that could not be read; absent when every record was read. */
  readonly unreadable?: readonly UnreadableFact[];
  /**
   * History lists the record does not hold at all: neither an entry nor a statement that there is
   * none (KetaFlow patient JSON leaves the list out). An empty list is "none known"; a list named
   * here is unknown. Absent when every list is held (a FHIR bundle or prefetch is the EHR's list).
   */
  readonly unrecordedLists?: readonly HistoryList[];
}

/** The history lists screening reads: each is either held (maybe empty) or not recorded. */
export const HISTORY_LISTS = ['conditions', 'medications', 'allergies'] as const;
export type HistoryList = (typeof HISTORY_LISTS)[number];

export interface ScreeningOptions {
  readonly indication: IndicationId;
  readonly product: ScreeningProduct;
  /** The day screening is for (ISO date): there is no clock in core. */
  readonly asOf: string;
}

export type FindingKind =
  'contraindication' | 'interaction' | 'precaution' | 'missing-data' | 'unrecognized-input';

export interface FindingSource {
  readonly id: string;
  readonly title: string;
  readonly year: number | null;
}

/** One reason in a screening result (design.md "Screening result"). */
export interface Finding {
  readonly kind: FindingKind;
  readonly severity: Severity;
  readonly code: string;
  /** At most 140 characters. */
  readonly summary: string;
  readonly detail: string;
  readonly management: string;
  readonly evidence: readonly EvidenceRef[];
  readonly sources: readonly FindingSource[];
}

export type Decision =
  'eligible' | 'eligible-with-precautions' | 'needs-review' | 'contraindicated';

export interface ScreeningResult {
  readonly decision: Decision;
  readonly findings: readonly Finding[];
  /** The indication's alternatives when the decision is `contraindicated`, else empty. */
  readonly alternatives: readonly Alternatives[];
  readonly knowledgeVersion: string;
}
