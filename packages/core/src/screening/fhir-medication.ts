/**
 * The medicine a MedicationStatement, MedicationRequest or draft order names. FHIR R4 lets it be
 * named in place (`medicationCodeableConcept`) or by reference (`medicationReference`) to a
 * Medication resource, which is either contained in the resource (`#id`) or another entry of the
 * same Bundle (its `fullUrl`, `Medication/<id>`, or an absolute URL ending in `Medication/<id>`).
 * https://hl7.org/fhir/R4/medicationstatement-definitions.html#MedicationStatement.medication_x_
 * https://hl7.org/fhir/R4/references.html#contained
 * Whoever reads the medicine must follow the reference: its code is what interaction screening
 * and dose checks need, and the reference's display is only a name.
 */
import { isObject, str, type Json } from './fhir-read';

/** A concept found in a resource or a Bundle, with the FHIRPath-like place it was found at. */
export interface LocatedConcept {
  readonly concept: unknown;
  readonly path: string;
}

export interface FoundMedication {
  readonly medication: Json;
  /** Where the Medication resource is, e.g. `Bundle.entry[3].resource`. */
  readonly path: string;
}

/** A Bundle's Medication entries by the references that may name them. */
export type MedicationIndex = ReadonlyMap<string, FoundMedication>;

/**
 * Indexes the Medication entries of a Bundle (paths `<entriesPath>[i].resource`) by their
 * `fullUrl` and by `Medication/<id>`.
 */
export function medicationIndex(entries: readonly unknown[], entriesPath: string): MedicationIndex {
  const index = new Map<string, FoundMedication>();
  entries.forEach((e, i) => {
    if (!isObject(e) || !isObject(e.resource) || e.resource.resourceType !== 'Medication') return;
    const found = { medication: e.resource, path: `${entriesPath}[${String(i)}].resource` };
    const id = str(e.resource.id);
    if (id !== undefined && !index.has(`Medication/${id}`)) index.set(`Medication/${id}`, found);
    const url = str(e.fullUrl);
    if (url !== undefined && !index.has(url)) index.set(url, found);
  });
  return index;
}

const LOCAL_MEDICATION = /(?:^|\/)(Medication\/[^/]+)$/;

/**
 * The Medication resource `reference` names: contained in `resource` (whose path is
 * `resourcePath`) when it starts with `#`, else an entry of the Bundle: by `fullUrl`, by
 * `Medication/<id>`, or by an absolute URL ending in `Medication/<id>`. Undefined when nothing
 * answers the reference.
 */
export function referencedMedication(
  resource: Json,
  resourcePath: string,
  reference: string,
  index: MedicationIndex,
): FoundMedication | undefined {
  if (reference.startsWith('#')) {
    const contained = Array.isArray(resource.contained) ? (resource.contained as unknown[]) : [];
    const at = contained.findIndex(
      (c) => isObject(c) && c.resourceType === 'Medication' && `#${str(c.id) ?? ''}` === reference,
    );
    const medication = contained[at];
    return isObject(medication)
      ? { medication, path: `${resourcePath}.contained[${String(at)}]` }
      : undefined;
  }
  const local = LOCAL_MEDICATION.exec(reference)?.[1];
  return index.get(reference) ?? (local === undefined ? undefined : index.get(local));
}

/**
 * The concept that names the medicine of `resource`: its `medicationCodeableConcept`, else the
 * `code` of the Medication its `medicationReference` names. Undefined when neither is there (the
 * caller may then fall back on the reference's display, a name without codes).
 */
export function medicationConceptOf(
  resource: Json,
  resourcePath: string,
  index: MedicationIndex,
): LocatedConcept | undefined {
  if (resource.medicationCodeableConcept !== undefined)
    return {
      concept: resource.medicationCodeableConcept,
      path: `${resourcePath}.medicationCodeableConcept`,
    };
  const reference = isObject(resource.medicationReference)
    ? str(resource.medicationReference.reference)
    : undefined;
  if (reference === undefined) return undefined;
  const found = referencedMedication(resource, resourcePath, reference, index);
  if (found?.medication.code === undefined) return undefined;
  return { concept: found.medication.code, path: `${found.path}.code` };
}
