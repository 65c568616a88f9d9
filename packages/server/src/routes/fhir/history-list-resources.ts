/**
 * A history list recorded as "none known" answers as one FHIR resource coded with the HL7 IPS
 * absent/unknown code (core IPS_NONE_KNOWN_CODES), with an id made from the patient's
 * (`none-known-<patientId>`), so that importing the export records "none known" again. A list
 * with entries or not recorded has no such resource: "not recorded" is said by saying nothing.
 */
import {
  IPS_ABSENT_UNKNOWN_CODES,
  IPS_ABSENT_UNKNOWN_SYSTEM,
  IPS_NONE_KNOWN_CODES,
} from '@ketaflow/core';
import { eq } from 'drizzle-orm';
import { patients } from '../../db/schema/index';
import { historyListState, NONE_KNOWN_KEY, type HistoryList } from '../patients/history-lists';
import type { FhirResource } from './outcome';
import { patientRef, type ResourceContext } from './resource-parts';

/** The id prefix of a list's "none known" resource; the rest is the patient's id. */
export const NONE_KNOWN_ID_PREFIX = 'none-known-';

function ipsConcept(list: HistoryList) {
  const code = IPS_NONE_KNOWN_CODES[list];
  const display = IPS_ABSENT_UNKNOWN_CODES[code]?.display ?? code;
  return { coding: [{ system: IPS_ABSENT_UNKNOWN_SYSTEM, code, display }], text: display };
}

/** The resource that says `list` has none known, as the IPS examples write it. */
function noneKnownResource(list: HistoryList, patientId: string, at: Date): FhirResource {
  const id = `${NONE_KNOWN_ID_PREFIX}${patientId}`;
  const recorded = at.toISOString();
  switch (list) {
    case 'allergies':
      return {
        resourceType: 'AllergyIntolerance',
        id,
        clinicalStatus: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
              code: 'active',
            },
          ],
        },
        verificationStatus: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
              code: 'confirmed',
            },
          ],
        },
        code: ipsConcept(list),
        patient: patientRef(patientId),
        recordedDate: recorded,
      };
    case 'conditions':
      return {
        resourceType: 'Condition',
        id,
        clinicalStatus: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
          ],
        },
        verificationStatus: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
              code: 'confirmed',
            },
          ],
        },
        category: [
          {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/condition-category',
                code: 'problem-list-item',
              },
            ],
          },
        ],
        code: ipsConcept(list),
        subject: patientRef(patientId),
        recordedDate: recorded,
      };
    case 'medications':
      return {
        resourceType: 'MedicationStatement',
        id,
        status: 'active',
        medicationCodeableConcept: ipsConcept(list),
        subject: patientRef(patientId),
        effectiveDateTime: recorded,
        dateAsserted: recorded,
      };
  }
}

/**
 * The "none known" resource of `list` when that is the list's state (`countingEntries` entries
 * that hold it, and the patient's statement), else none.
 */
export async function noneKnownResources(
  ctx: ResourceContext,
  patientId: string,
  list: HistoryList,
  countingEntries: number,
): Promise<FhirResource[]> {
  if (countingEntries > 0) return [];
  const key = NONE_KNOWN_KEY[list];
  const [row] = await ctx.db
    .select({ at: patients[key] })
    .from(patients)
    .where(eq(patients.id, patientId))
    .limit(1);
  const at = row?.at ?? null;
  if (at === null || historyListState(countingEntries, at) !== 'none-known') return [];
  return [noneKnownResource(list, patientId, at)];
}
