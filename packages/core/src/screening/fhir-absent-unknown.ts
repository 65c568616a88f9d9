/**
 * How FHIR says that a history list is empty or was never taken: the HL7 International Patient
 * Summary "absent and unknown data" codes. A record coded with one of them is a statement about
 * the list, never an allergy, condition or medicine.
 */
import { arr, isObject, str } from './fhir-read';
import type { HistoryList } from './types';

/**
 * Code system of the HL7 International Patient Summary IG (IPS 1.1.0, STU1 Update 1):
 * https://hl7.org/fhir/uv/ips/CodeSystem-absent-unknown-uv-ips.html
 */
export const IPS_ABSENT_UNKNOWN_SYSTEM =
  'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips';

/**
 * What a code says about its list. `none-known`: the whole list was taken and is empty.
 * `none-known-in-part`: only part of it is (no known food allergies says nothing about drugs), so
 * the list is neither emptied nor filled by it. `no-info`: nobody took it, which is unknown.
 */
export type AbsentUnknownMeaning = 'none-known' | 'none-known-in-part' | 'no-info';

export interface AbsentUnknownCode {
  readonly list: HistoryList;
  readonly meaning: AbsentUnknownMeaning;
  readonly display: string;
}

/**
 * The codes of the IPS value sets absent-or-unknown-allergies-uv-ips,
 * absent-or-unknown-problems-uv-ips and absent-or-unknown-medications-uv-ips
 * (https://hl7.org/fhir/uv/ips/ValueSet-absent-or-unknown-allergies-uv-ips.html and its
 * siblings), with their IPS displays. Medication, environmental and food allergies are each only
 * part of the allergy list KetaFlow keeps, so they are `none-known-in-part`.
 */
export const IPS_ABSENT_UNKNOWN_CODES: Readonly<Record<string, AbsentUnknownCode>> = {
  'no-allergy-info': {
    list: 'allergies',
    meaning: 'no-info',
    display: 'No information about allergies',
  },
  'no-known-allergies': { list: 'allergies', meaning: 'none-known', display: 'No known allergies' },
  'no-known-medication-allergies': {
    list: 'allergies',
    meaning: 'none-known-in-part',
    display: 'No known medication allergies',
  },
  'no-known-environmental-allergies': {
    list: 'allergies',
    meaning: 'none-known-in-part',
    display: 'No known environmental allergies',
  },
  'no-known-food-allergies': {
    list: 'allergies',
    meaning: 'none-known-in-part',
    display: 'No known food allergies',
  },
  'no-problem-info': {
    list: 'conditions',
    meaning: 'no-info',
    display: 'No information about current problems',
  },
  'no-known-problems': { list: 'conditions', meaning: 'none-known', display: 'No known problems' },
  'no-medication-info': {
    list: 'medications',
    meaning: 'no-info',
    display: 'No information about medications',
  },
  'no-known-medications': {
    list: 'medications',
    meaning: 'none-known',
    display: 'No known medications',
  },
};

/**
 * SNOMED CT concepts that say the same as an IPS code. 716186003 "No known allergy (situation)"
 * is what the IPS STU2 example "No Known Allergies" (AllergyIntolerance eumfh-39-07-1,
 * https://hl7.org/fhir/uv/ips/AllergyIntolerance-eumfh-39-07-1.html) and AU Core's
 * AllergyIntolerance "noneknown" example code, so EHRs send it as often as the IPS code.
 */
export const SNOMED_SYSTEM = 'http://snomed.info/sct';
export const SNOMED_ABSENT_UNKNOWN_CODES: Readonly<Record<string, string>> = {
  '716186003': 'no-known-allergies',
};

/** The code that says a whole list is none known, per list: what KetaFlow writes. */
export const IPS_NONE_KNOWN_CODES: Readonly<Record<HistoryList, string>> = {
  conditions: 'no-known-problems',
  medications: 'no-known-medications',
  allergies: 'no-known-allergies',
};

/** The history list each FHIR record type holds (entries and IPS statements alike). */
export const HISTORY_LIST_OF_TYPE: Readonly<Record<string, HistoryList>> = {
  Condition: 'conditions',
  MedicationStatement: 'medications',
  MedicationRequest: 'medications',
  AllergyIntolerance: 'allergies',
};

/**
 * The IPS absent/unknown code a CodeableConcept carries, if any (the first, in coding order; a
 * SNOMED CT synonym in SNOMED_ABSENT_UNKNOWN_CODES counts as its IPS code).
 * Any such code means the record is a statement about a list, not an entry in it; the caller
 * checks that `list` is the one its resource type holds.
 */
export function absentUnknownOf(
  concept: unknown,
): (AbsentUnknownCode & { readonly code: string }) | undefined {
  if (!isObject(concept)) return undefined;
  for (const c of arr(concept.coding)) {
    if (!isObject(c)) continue;
    const system = str(c.system);
    const coded = str(c.code);
    const code =
      system === IPS_ABSENT_UNKNOWN_SYSTEM
        ? coded
        : system === SNOMED_SYSTEM && coded !== undefined
          ? SNOMED_ABSENT_UNKNOWN_CODES[coded]
          : undefined;
    const known = code === undefined ? undefined : IPS_ABSENT_UNKNOWN_CODES[code];
    if (code !== undefined && known !== undefined) return { ...known, code };
  }
  return undefined;
}

/**
 * Whether a statement record was withdrawn: refuted or entered in error (verificationStatus for
 * Condition and AllergyIntolerance, status for MedicationStatement and MedicationRequest). A
 * withdrawn statement says nothing about the list.
 */
export function isWithdrawnStatement(resource: unknown): boolean {
  if (!isObject(resource)) return false;
  const withdrawn = (code: string | undefined) => code === 'refuted' || code === 'entered-in-error';
  if (withdrawn(str(resource.status))) return true;
  const v = resource.verificationStatus;
  if (typeof v === 'string') return withdrawn(v);
  return isObject(v) && arr(v.coding).some((c) => isObject(c) && withdrawn(str(c.code)));
}
