/** Eligibility screening: patient facts in, findings and a decision out. */
export { screen, screenInput, readPatient, decide } from './screen';
export { parsePatientJson, patientJsonSchema, type PatientJson } from './patient-json';
export { parseFhirBundle } from './fhir-bundle';
export {
  absentUnknownOf,
  HISTORY_LIST_OF_TYPE,
  IPS_ABSENT_UNKNOWN_CODES,
  IPS_ABSENT_UNKNOWN_SYSTEM,
  IPS_NONE_KNOWN_CODES,
  isWithdrawnStatement,
  type AbsentUnknownCode,
  type AbsentUnknownMeaning,
} from './fhir-absent-unknown';
export {
  medicationConceptOf,
  medicationIndex,
  referencedMedication,
  type FoundMedication,
  type LocatedConcept,
  type MedicationIndex,
} from './fhir-medication';
export { BREASTFEEDING_STATUS_ANSWERS, PREGNANCY_STATUS_ANSWERS } from './fhir-observation';
export { MISSING_BREASTFEEDING_STATUS } from './rules-breastfeeding';
export { MISSING_LIST_CODES } from './rules-history';
export { HISTORY_LISTS, SCREENING_PRODUCTS } from './types';
export type {
  ScreeningProduct,
  ScreeningOptions,
  ScreeningResult,
  Finding,
  FindingKind,
  FindingSource,
  Decision,
  EvidenceRef,
  PatientFacts,
  ConditionFact,
  MedicationFact,
  AllergyFact,
  BloodPressureFact,
  PregnancyStatusFact,
  BreastfeedingStatusFact,
  WeightFact,
  UnreadableFact,
  Coding,
  HistoryList,
} from './types';
