/**
 * Measurement-based care: rating scales as data, scoring, response and remission, safety
 * alerts, clinic outcomes and FHIR export. Pure: no I/O, no clock (dates come in as text).
 */
export { OUTCOME_INSTRUMENTS, type OutcomeInstrument } from '../knowledge/schema/indication';
export {
  SAFETY_ALERT_TYPES,
  totalRange,
  type AnswerOption,
  type InstrumentDefinition,
  type InstrumentItem,
  type ItemWording,
  type SafetyAlertType,
  type SeverityBand,
  type StandardInstrument,
} from '../knowledge/schema/outcome-instrument';
export type {
  CutPoint,
  InstrumentRef,
  OutcomeBasis,
  OutcomeCriteria,
  OutcomeDefaults,
  RemissionCriterion,
  ResponseCriterion,
  ResponseRule,
} from '../knowledge/schema/outcomes';
export type { OutcomesSettings } from '../knowledge/settings/outcomes-settings';
export {
  getInstrument,
  instrumentForIndication,
  outcomeCriteria,
  preSessionWindowHours,
  scaleIntervalDays,
} from './instruments';
export {
  bandFor,
  checkSafety,
  scoreResponse,
  type ScoredItem,
  type ScoredResponse,
  type ScoreResult,
  type ScoringFailure,
} from './score-response';
export {
  crisisAction,
  crisisMessageFor,
  emergencyActions,
  patientCrisisResources,
  supportActions,
  urgentActions,
  type PatientCrisisMessage,
  type PatientCrisisResource,
} from './crisis-message';
export {
  FOLLOW_UP_ACTIONS,
  FOLLOW_UP_CONTACTS,
  closesSafetyAlert,
  recordSafetyFollowUp,
  safetyAlertFor,
  type FollowUpField,
  type SafetyAlert,
  type SafetyFollowUp,
} from './safety-alert';
export { customFormCriteria, parseCustomForm, type CustomForm } from './custom-form';
export {
  progress,
  remissionStatus,
  responseStatus,
  type CriterionStatus,
  type FirstMet,
  type Progress,
  type ProgressPoint,
  type ScorePoint,
  type ScoreSeries,
  type SessionMark,
} from './progress';
export {
  clinicOutcomes,
  median,
  type ClinicOutcomes,
  type IndicationOutcomes,
  type PatientOutcome,
} from './clinic-outcomes';
export { clinicOutcomesCsv, csvField, patientOutcomesCsv, toCsv } from './csv';
export {
  KETAFLOW_QUESTIONNAIRE_BASE,
  KETAFLOW_SCORE_SYSTEM,
  LOINC,
  toFhirObservation,
  toFhirQuestionnaireResponse,
  type FhirContext,
  type Observation,
  type QuestionnaireResponse,
  type QuestionnaireResponseAnswer,
} from './fhir';
export { assessPcl5, type Pcl5Assessment } from './pcl5';
