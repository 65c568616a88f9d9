/**
 * What the FHIR resources share: the searchable types, code-system URLs, the context a resource
 * is built in, and small builders (references, LOINC concepts, UCUM quantities).
 */
import type { KnowledgeBase } from '@ketaflow/core';
import type { Executor } from '../../db/client';
import type { FhirResource } from './outcome';

export const SEARCHABLE_TYPES = [
  'Patient',
  'Condition',
  'MedicationStatement',
  'AllergyIntolerance',
  'Observation',
  'QuestionnaireResponse',
  'Appointment',
  'CarePlan',
  'MedicationAdministration',
  'MedicationRequest',
] as const;
export type SearchableType = (typeof SEARCHABLE_TYPES)[number];

export function isSearchableType(value: string): value is SearchableType {
  return (SEARCHABLE_TYPES as readonly string[]).includes(value);
}

export const SYSTEM = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  ucum: 'http://unitsofmeasure.org',
  mrn: 'https://ketaflow.org/fhir/sid/mrn',
} as const;

const SHORT_TO_URL: Readonly<Record<string, string>> = {
  snomed: SYSTEM.snomed,
  icd10cm: SYSTEM.icd10cm,
  icd10: SYSTEM.icd10cm,
  rxnorm: SYSTEM.rxnorm,
  loinc: SYSTEM.loinc,
};

/** A stored code system (a short name or a URL) as a FHIR system URL. */
export function systemUrl(stored: string | null): string | undefined {
  if (stored === null) return undefined;
  return SHORT_TO_URL[stored] ?? (stored.includes(':') ? stored : undefined);
}

export const PREGNANCY_LOINC_ANSWERS = {
  pregnant: { code: 'LA15173-0', display: 'Pregnant' },
  'not-pregnant': { code: 'LA26683-5', display: 'Not pregnant' },
  unknown: { code: 'LA4489-6', display: 'Unknown' },
} as const;

/** LOINC answers of 63895-7 Breastfeeding status (see core's BREASTFEEDING_STATUS_ANSWERS). */
export const BREASTFEEDING_LOINC_ANSWERS = {
  yes: { code: 'LA29252-6', display: 'Currently breastfeeding' },
  no: { code: 'LA29253-4', display: 'Not currently breastfeeding' },
} as const;

export const VITAL_SIGNS = [
  {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/observation-category',
        code: 'vital-signs',
        display: 'Vital Signs',
      },
    ],
  },
];

export interface ResourceContext {
  readonly db: Executor;
  readonly kb: KnowledgeBase;
}

export const patientRef = (id: string) => ({ reference: `Patient/${id}` });

export function loincConcept(code: string, display: string) {
  return { coding: [{ system: SYSTEM.loinc, code, display }], text: display };
}

export function quantity(value: number, unit: string) {
  return { value, unit, system: SYSTEM.ucum, code: unit };
}

export function compact(resource: Record<string, unknown>): FhirResource {
  return Object.fromEntries(
    Object.entries(resource).filter(([, v]) => v !== undefined && v !== null),
  ) as FhirResource;
}
