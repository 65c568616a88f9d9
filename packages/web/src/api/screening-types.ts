import type {
  Alternatives,
  Decision,
  FindingKind,
  IndicationId,
  PatientJson,
  ScreeningProduct,
  ScreeningResult,
} from '@ketaflow/core';

export type { Alternatives, Decision, FindingKind, ScreeningProduct, ScreeningResult };

/** What `GET /api/public/self-screening/questions` offers to choose from. */
export interface SelfScreeningQuestions {
  knowledgeVersion: string;
  indications: { id: IndicationId; displayName: string }[];
  products: ScreeningProduct[];
  conditions: { code: string; label: string }[];
}

// The questionnaire's shapes live in core, shared with the page the server sends without JavaScript.
export type {
  SelfReportedBreastfeeding,
  SelfReportedPregnancy,
  SelfReportedSex,
  SelfScreeningAnswers,
} from '@ketaflow/core';

export type SelfScreeningOutcome = 'may-suit' | 'clinician-review' | 'not-suitable';

/** The plain-language answer to a self-screening (nothing is stored). */
export interface SelfScreeningAnswer {
  outcome: SelfScreeningOutcome;
  title: string;
  message: string;
  reasons: { severity: string; summary: string }[];
  checkAtConsult: string[];
  alternatives: Alternatives[];
  knowledgeVersion: string;
}

/** `GET /api/vocabulary/medications`: names for autocomplete and what the typed text matched. */
export interface MedicationSuggestions {
  suggestions: { name: string; kind: string }[];
  recognized: { status: 'recognized' | 'ambiguous' | 'unrecognized'; ingredients: string[] };
}

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface Acceptance {
  code: string;
  reason: string;
}

export type ScreeningStatus = 'current' | 'stale' | 'signed' | 'signed-stale';

/** A stored screening of a patient's record (`GET /api/screenings/:id`). */
export interface Screening {
  id: string;
  patientId: string;
  indication: string;
  product: ScreeningProduct;
  asOf: string;
  status: ScreeningStatus;
  createdAt: string;
  createdBy: PersonRef | null;
  staleAt: string | null;
  supersededBy: string | null;
  signedAt: string | null;
  signedBy: PersonRef | null;
  acceptances: Acceptance[] | null;
  /** The record as screened. The API types it loosely; the server writes core's patient JSON. */
  input: PatientJson;
  result: ScreeningResult;
}

export interface NewScreening {
  indication: IndicationId;
  product: ScreeningProduct;
}

export interface NewBloodPressure {
  systolicMmHg: number;
  diastolicMmHg: number;
  measuredOn: string;
}

export type PregnancyStatus = 'pregnant' | 'not-pregnant' | 'unknown' | 'not-possible';
export type BreastfeedingStatus = 'yes' | 'no' | 'unknown';

export interface NewReproductiveStatus {
  pregnancy: PregnancyStatus;
  breastfeeding: BreastfeedingStatus;
  recordedOn: string;
}
