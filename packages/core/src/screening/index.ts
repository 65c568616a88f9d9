/** Eligibility screening: patient facts in, findings and a decision out. */
export { screen, screenInput, readPatient, decide } from './screen';
export { parsePatientJson, patientJsonSchema, type PatientJson } from './patient-json';
export { parseFhirBundle } from './fhir-bundle';
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
