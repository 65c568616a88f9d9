/**
 * Session monitoring: the lifecycle state machine, the pre-check decision, vital-sign checks
 * against the clinic's alert limits, the modified Aldrete score and discharge readiness
 * (including the esketamine label's observation rules). Pure: times come in as arguments.
 */
export {
  REMS_FORM_DUE_MAX_DAYS,
  SESSION_VITALS,
  type RemsFormDeadline,
  type SessionAlerts,
  type SessionVital,
  type SessionVitalLimit,
} from '../knowledge/schema/monitoring';
export type { MonitoringSettings } from '../knowledge/settings/monitoring-settings';
export {
  FINAL_SESSION_STATES,
  SESSION_STATES,
  isFinalSessionState,
  nextSessionStates,
  transitionSession,
  type SessionState,
} from './session-state';
export { VITAL_LABELS, VITAL_UNITS, outOfRangeSide, vitalLimit, type Vitals } from './vital-limits';
export {
  checkReading,
  nextReadingDueAt,
  type ReadingContext,
  type ReadingFinding,
} from './check-reading';
export {
  evaluatePreCheck,
  type PreCheckDecision,
  type PreCheckInput,
  type PreCheckReason,
  type PreCheckResult,
} from './pre-check';
export {
  ALDRETE_ITEMS,
  dischargeReadiness,
  esketamineObservationEndsAt,
  isPostDoseBpCheck,
  scoreAldrete,
  type AldreteItem,
  type AldreteScores,
  type DischargeInput,
  type UnmetCriterion,
} from './discharge';
export { remsFormDue, type RemsFormDue } from './rems-form-due';
