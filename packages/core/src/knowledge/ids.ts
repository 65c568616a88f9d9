/**
 * Closed vocabularies of the knowledge base: the ids other modules may rely on.
 * Adding a value here is a deliberate change to the public API.
 */

/** Indications the seed page gives an IV ketamine protocol for, in the seed's order. */
export const INDICATION_IDS = [
  'depression',
  'anxiety',
  'ptsd',
  'chronic-pain',
  'bipolar-disorder',
  'suicidal-ideation',
  'ocd',
  'substance-use-disorder',
  'migraine',
  'fibromyalgia',
] as const;
export type IndicationId = (typeof INDICATION_IDS)[number];

/** Each indication has exactly one IV ketamine protocol, keyed by the indication id. */
export const PROTOCOL_IDS = INDICATION_IDS;
export type ProtocolId = IndicationId;

export const MEDICATION_IDS = ['ketamine', 'esketamine'] as const;
export type MedicationId = (typeof MEDICATION_IDS)[number];

export const PRODUCT_IDS = [
  'ketamine-injection-10-mg-per-ml',
  'ketamine-injection-50-mg-per-ml',
  'ketamine-injection-100-mg-per-ml',
  'esketamine-nasal-spray-28-mg',
] as const;
export type ProductId = (typeof PRODUCT_IDS)[number];

/** The esketamine nasal spray the schedules and the nasal dose calculator use. */
export const ESKETAMINE_NASAL_PRODUCT_ID = 'esketamine-nasal-spray-28-mg' satisfies ProductId;

/**
 * Ketamine injection strengths in mg/mL (Ketalar: 10, 50, 100 [S05]), as the infusion calculator
 * accepts them; `validateKnowledgeBase` checks they equal the injection products' strengths.
 */
export const KETAMINE_VIAL_STRENGTHS_MG_PER_ML = [10, 50, 100] as const;

export const ESKETAMINE_SCHEDULE_IDS = [
  'esketamine-trd',
  'esketamine-mdd-acute-suicidal-ideation',
] as const;
export type EsketamineScheduleId = (typeof ESKETAMINE_SCHEDULE_IDS)[number];

/** Maps 1:1 onto CDS Hooks card indicators (design.md). */
export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** How strong the support for a statement is, strongest first. */
export const EVIDENCE_LEVELS = [
  'label',
  'guideline',
  'trial',
  'cohort',
  'pk-study',
  'case-report',
  'smpc',
  'clinic-page',
] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

export const WEIGHT_BASES = ['actual', 'ideal', 'adjusted'] as const;
export type WeightBasis = (typeof WEIGHT_BASES)[number];

/** Type guard for untrusted input such as a URL parameter or a CLI flag. */
export function isIndicationId(value: string): value is IndicationId {
  return (INDICATION_IDS as readonly string[]).includes(value);
}

/** Type guard for untrusted input such as a URL parameter or a CLI flag. */
export function isProtocolId(value: string): value is ProtocolId {
  return isIndicationId(value);
}
