/** Wire types of the outcomes API (`packages/server/src/routes/outcomes/schemas.ts`). */
import type { IndicationOutcomes, PatientCrisisMessage } from '@ketaflow/core';

export type { IndicationOutcomes, PatientCrisisMessage };

export interface AnswerOption {
  score: number;
  label: string;
}

export interface InstrumentItem {
  id: string;
  text: string;
  options: readonly AnswerOption[];
  cluster?: string;
  /** `suicidal-thoughts` on PHQ-9 item 9: any answer above zero raises a safety alert. */
  safety?: 'suicidal-thoughts';
}

export interface SeverityBand {
  id: string;
  label: string;
  min: number;
  max: number;
}

/** What a form renders: the questions, their answers and the severity bands. */
export interface InstrumentDefinition {
  id: string;
  kind: 'standard' | 'custom';
  name: string;
  shortName: string;
  instructions: string;
  items: readonly InstrumentItem[];
  bands: readonly SeverityBand[];
  bandsNote?: string;
  wording: 'official' | 'own-words' | 'clinic';
  licence?: string;
}

export interface Instrument {
  ref: string;
  definition: InstrumentDefinition;
}

export type DueReason = 'baseline' | 'before-session' | 'interval';

export interface DueScale {
  instrument: string;
  reason: DueReason;
  courseId: string;
  indication: string;
  nextSessionAt: string | null;
  /** The zone of the next session's location; `null` with none (the clinic's zone applies). */
  nextSessionTimeZone: string | null;
  lastCompletedAt: string | null;
  definition: InstrumentDefinition;
}

interface Person {
  id: string;
  displayName: string;
}

export interface ScaleResponse {
  id: string;
  patientId: string;
  instrument: string;
  instrumentName: string;
  answers: Record<string, number>;
  total: number;
  minTotal: number;
  maxTotal: number;
  band: { id: string; label: string } | null;
  knowledgeVersion: string;
  completedAt: string;
  source: 'portal' | 'paper';
  enteredBy: Person;
  courseId: string | null;
  appointmentId: string | null;
  safetyAlertIds: string[];
}

/** `answers` maps item id to the chosen score. */
export interface NewScaleResponse {
  instrument: string;
  answers: Record<string, number>;
  appointmentId?: string;
  /** The same for a retry of the same answers, so the form is stored once. */
  idempotencyKey?: string;
}

export interface NewPaperScaleResponse extends NewScaleResponse {
  /** When the patient filled in the paper form (ISO 8601 with offset); now when absent. */
  completedAt?: string;
  courseId?: string;
}

export interface SubmittedScale {
  response: ScaleResponse;
  /** Non-null when an answer raised a safety alert: shown to the patient at once. */
  crisis: PatientCrisisMessage | null;
}

export interface Criterion {
  status: 'met' | 'not-met' | 'undefined';
  reason?: string;
}

export interface FirstMet {
  at: string;
  daysFromBaseline: number;
  sessionsBefore: number;
}

export interface ProgressPoint {
  at: string;
  total: number;
  isBaseline: boolean;
  changeFromBaseline: number;
  percentChange: number | null;
  response: Criterion;
  remission: Criterion;
  daysFromBaseline: number;
  sessionsBefore: number;
}

export interface Progress {
  instrumentId: string;
  baseline: { at: string; total: number; chosen: 'first-score' | 'given' };
  points: readonly ProgressPoint[];
  firstResponse: FirstMet | null;
  firstRemission: FirstMet | null;
  latest: { response: Criterion; remission: Criterion };
  responseDefined: boolean;
  baselineInRemission: boolean;
  criteria: {
    response: {
      rule: {
        kind: 'percent-decrease' | 'points-decrease';
        percent?: number;
        points?: number;
      } | null;
      basis: string;
      note: string;
      sources: readonly string[];
    };
    remission: {
      belowScore: number | null;
      basis: string;
      note: string;
      sources: readonly string[];
    };
  };
}

export interface SessionMarker {
  appointmentId: string;
  at: string;
  type: string;
  status: string;
}

export interface PatientProgress {
  patientId: string;
  instrument: string;
  instrumentName: string;
  courseId: string | null;
  sessions: SessionMarker[];
  responses: ScaleResponse[];
  /** `null` when no scores exist yet. */
  progress: Progress | null;
}

export type SafetyAlertStatus = 'open' | 'followed-up';

export interface FollowUpField {
  name: string;
  label: string;
  kind: 'staff-id' | 'date-time' | 'choice' | 'choices' | 'boolean' | 'text' | (string & {});
  required: boolean;
  options?: readonly string[];
}

export interface SafetyAlert {
  id: string;
  patient: { id: string; mrn: string; displayName: string };
  responseId: string | null;
  instrument: string;
  itemId: string;
  itemText: string;
  answer: { score: number; label: string };
  summary: string;
  careTeamActions: readonly string[];
  raisedAt: string;
  status: SafetyAlertStatus;
  followUp: Record<string, unknown> | null;
  followedUpBy: Person | null;
  followedUpAt: string | null;
  /** Follow-ups that did not reach the patient, oldest first; the alert stays open meanwhile. */
  attempts: readonly ContactAttempt[];
  followUpFields: readonly FollowUpField[];
}

export interface ContactAttempt {
  contact: string;
  reviewedBy: string;
  reviewedAt: string;
  riskAssessment?: string;
  nextContactAt?: string;
}

export interface ClinicOutcomes {
  knowledgeVersion: string;
  courses: number;
  byIndication: readonly IndicationOutcomes[];
}
