/**
 * KetaFlow rows as FHIR R4 resources, per patient: every resource of a type about a patient, and
 * the patient a resource belongs to. The builders are in record-resources.ts (the patient's own
 * record) and care-resources.ts (appointments, courses, orders and infusions).
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  allergies,
  appointments,
  bloodPressures,
  conditions,
  courses,
  medications,
  patientHeights,
  patients,
  patientWeights,
  reproductiveStatuses,
  scaleResponses,
  treatmentSessions,
} from '../../db/schema/index';
import type { FhirResource } from './outcome';
import {
  administrationResources,
  appointmentResources,
  carePlanResources,
  medicationRequestResources,
} from './care-resources';
import {
  allergyResources,
  conditionResources,
  medicationStatementResources,
  patientResources,
  scaleResources,
  vitalSignResources,
} from './record-resources';
import type { ResourceContext, SearchableType } from './resource-parts';
import { NONE_KNOWN_ID_PREFIX } from './history-list-resources';

export {
  isSearchableType,
  PREGNANCY_LOINC_ANSWERS,
  SEARCHABLE_TYPES,
  SYSTEM,
  systemUrl,
  type ResourceContext,
  type SearchableType,
} from './resource-parts';
export { patientResources } from './record-resources';

/** Every resource of one type about a patient (the Patient itself for `Patient`). */
export async function resourcesFor(
  ctx: ResourceContext,
  type: SearchableType,
  patientId: string,
): Promise<FhirResource[]> {
  switch (type) {
    case 'Patient':
      return patientResources(ctx, [patientId]);
    case 'Condition':
      return conditionResources(ctx, patientId);
    case 'MedicationStatement':
      return medicationStatementResources(ctx, patientId);
    case 'AllergyIntolerance':
      return allergyResources(ctx, patientId);
    case 'Observation':
      return [
        ...(await vitalSignResources(ctx, patientId)),
        ...(await scaleResources(ctx, patientId)).observations,
      ];
    case 'QuestionnaireResponse':
      return (await scaleResources(ctx, patientId)).answers;
    case 'Appointment':
      return appointmentResources(ctx, patientId);
    case 'CarePlan':
      return carePlanResources(ctx, patientId);
    case 'MedicationAdministration':
      return administrationResources(ctx, patientId);
    case 'MedicationRequest':
      return medicationRequestResources(ctx, patientId);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The patient a resource id belongs to, or undefined when there is no such resource. */
export async function ownerOf(
  db: Executor,
  type: SearchableType,
  id: string,
): Promise<string | undefined> {
  let rawId = id;
  // A list's "none known" resource belongs to the patient its id names.
  if (
    (type === 'Condition' || type === 'MedicationStatement' || type === 'AllergyIntolerance') &&
    id.startsWith(NONE_KNOWN_ID_PREFIX)
  )
    return ownerOf(db, 'Patient', id.slice(NONE_KNOWN_ID_PREFIX.length));
  let table:
    | typeof conditions
    | typeof medications
    | typeof allergies
    | typeof bloodPressures
    | typeof patientWeights
    | typeof patientHeights
    | typeof reproductiveStatuses
    | typeof scaleResponses
    | typeof appointments
    | typeof courses
    | typeof treatmentSessions;
  switch (type) {
    case 'Patient': {
      if (!UUID.test(id)) return undefined;
      const [row] = await db
        .select({ id: patients.id })
        .from(patients)
        .where(eq(patients.id, id))
        .limit(1);
      return row?.id;
    }
    case 'Condition':
      table = conditions;
      break;
    case 'MedicationStatement':
      table = medications;
      break;
    case 'AllergyIntolerance':
      table = allergies;
      break;
    case 'QuestionnaireResponse':
      table = scaleResponses;
      break;
    case 'Appointment':
      table = appointments;
      break;
    case 'CarePlan':
    case 'MedicationRequest':
      table = courses;
      break;
    case 'MedicationAdministration':
      table = treatmentSessions;
      break;
    case 'Observation': {
      const dash = id.indexOf('-');
      const prefix = id.slice(0, dash);
      rawId = id.slice(dash + 1);
      const tables = {
        bp: bloodPressures,
        weight: patientWeights,
        height: patientHeights,
        pregnancy: reproductiveStatuses,
        breastfeeding: reproductiveStatuses,
        score: scaleResponses,
      } as const;
      if (!(prefix in tables)) return undefined;
      table = tables[prefix as keyof typeof tables];
      break;
    }
  }
  if (!UUID.test(rawId)) return undefined;
  const [row] = await db
    .select({ patientId: table.patientId })
    .from(table)
    .where(eq(table.id, rawId))
    .limit(1);
  return row?.patientId;
}
