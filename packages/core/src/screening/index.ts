/** Eligibility screening: patient facts in, findings and a decision out. */
export { screen, screenInput, readPatient, decide } from './screen';
export { parsePatientJson, patientJsonSchema, type PatientJson } from './patient-json';
export { parseFhirBundle } from './fhir-bundle';
export { PREGNANCY_STATUS_ANSWERS } from './fhir-observation';
export { SCREENING_PRODUCTS } from './types';
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
  WeightFact,
  UnreadableFact,
  Coding,
} from './types';
