/**
 * The clinical knowledge base: typed, schema-checked, sourced data and the functions that read,
 * validate, version and customise it. Pure: no I/O, no clock.
 */
import { knowledgeBase } from './default-knowledge-base';
import type { ProtocolId } from './ids';
import type { DoseGuardrails } from './schema/guardrails';

export {
  INDICATION_IDS,
  PROTOCOL_IDS,
  MEDICATION_IDS,
  PRODUCT_IDS,
  ESKETAMINE_NASAL_PRODUCT_ID,
  KETAMINE_VIAL_STRENGTHS_MG_PER_ML,
  ESKETAMINE_SCHEDULE_IDS,
  SEVERITIES,
  EVIDENCE_LEVELS,
  WEIGHT_BASES,
  isIndicationId,
  isProtocolId,
} from './ids';
export type {
  IndicationId,
  ProtocolId,
  MedicationId,
  ProductId,
  EsketamineScheduleId,
  Severity,
  EvidenceLevel,
  WeightBasis,
} from './ids';

export { knowledgeBase } from './default-knowledge-base';
export {
  getProtocol,
  getDoseGuardrails,
  listIndications,
  listProducts,
  getNasalSprayDevice,
  findSource,
} from './queries';
export { validateKnowledgeBase } from './validate-knowledge-base';
export { computeKnowledgeVersion, type KnowledgeContent } from './knowledge-version';
export { applyClinicSettings } from './settings/apply-clinic-settings';
export {
  clinicSettingsSchema,
  type ClinicSettings,
  type GuardrailSettings,
} from './settings/clinic-settings';
export { knowledgeBaseSchema } from './schema/knowledge-base';
export type { ClinicBranding, ClinicContact } from './schema/branding';
export {
  CRISIS_REACH,
  type CrisisReach,
  type CrisisResource,
  type CrisisResources,
} from './schema/crisis-resources';
export {
  brandingSettingsSchema,
  contrastRatio,
  normalizeHexColor,
  MIN_CONTRAST_ON_WHITE,
} from './settings/branding-settings';
export { alternativesSchema } from './schema/alternatives';
export {
  ABSOLUTE_MAX_RATE_MG_PER_KG_PER_HOUR,
  UNDILUTED_IV_FORBIDDEN_MG_PER_ML,
} from './safety-limits';

export type {
  KnowledgeBase,
  ClinicProfile,
  Override,
  OverrideValue,
} from './schema/knowledge-base';
export type {
  ClinicSetBound,
  ClinicSetValue,
  DoseGuardrails,
  GuardrailLimitField,
  LimitRange,
  SoftHardLimits,
  WeightCheckSetting,
} from './schema/guardrails';
export { BAG_MODES, type BagMode, type InfusionPreparation } from './schema/infusion-preparation';
export { LOCATION_CODE } from './settings/clinic-settings';
export {
  APPOINTMENT_TYPE_IDS,
  MAX_NURSE_CAPACITY,
  type AppointmentTypeId,
  type AppointmentTypeTimes,
  type SchedulingDefaults,
} from './schema/scheduling';
export { type SchedulingSettings } from './settings/scheduling-settings';
export type { Source, SourceKind } from './schema/source';
export type {
  DefaultedRange,
  SnomedConcept,
  Icd10CmPrefix,
  CodedCriteria,
  NamedDrug,
} from './schema/common';
export type {
  Medication,
  AtcCode,
  RxNormConcept,
  BrandName,
  LabelledIndication,
  OffLabelUse,
} from './schema/medication';
export type { Product, ProductPackage, NasalDevice } from './schema/product';
export type { Indication, OutcomeInstrument } from './schema/indication';
export type {
  InfusionProtocol,
  SessionsPerWeek,
  CourseLength,
  SeedWording,
} from './schema/protocol';
export type { EsketamineSchedule, EsketaminePhase } from './schema/esketamine-schedule';
export type {
  Contraindication,
  BloodPressureThresholds,
  BpPair,
  BpThreshold,
} from './schema/contraindication';
export type { Interaction, InteractingDrug } from './schema/interaction';
export type { ReproductiveGuidance, PregnancyRegistry } from './schema/reproductive';
export type { Alternatives, AlternativeMedication } from './schema/alternatives';
export type { Costs, PriceRange } from './schema/costs';
export type { Monitoring, ThresholdFinding, SourcedStatement } from './schema/monitoring';
export type { KnowledgeNote } from './schema/knowledge-note';

/** Dose guardrails per IV protocol from the built-in knowledge base (consumed by `dosing`). */
export const doseGuardrails: Readonly<Record<ProtocolId, DoseGuardrails>> =
  knowledgeBase.doseGuardrails;
