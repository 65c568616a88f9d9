/** KetaFlow's FHIR R4 CapabilityStatement: what /fhir/metadata answers. */
import type { FhirResource } from './outcome';
import { searchParams } from './search';
import { SEARCHABLE_TYPES } from './resources';
import { MAX_COUNT } from './search-paging';

export function capabilityStatement(now: Date, tokenUrl: string): FhirResource {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: now.toISOString(),
    publisher: 'KetaFlow',
    kind: 'instance',
    software: { name: 'KetaFlow', version: '0.1.0' },
    implementation: { description: 'KetaFlow FHIR R4 API' },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Search: unknown parameters are ignored and named in an OperationOutcome entry (search.mode outcome), unless the request has Prefer: handling=strict, which answers 400. Repeated parameters AND, comma-separated values OR. Dates without a time zone are UTC. Transaction import: an AllergyIntolerance, Condition or MedicationStatement coded with the HL7 IPS absent-unknown code for a whole list (no-known-allergies, no-known-problems, no-known-medications) records that list as none known instead of an entry, unless the patient has an entry in it; a no-*-info code keeps nothing (the list stays not recorded). Every entry is checked before anything is written: a refused import answers one OperationOutcome with an issue per problem found (at most 100, then one counting the rest), each naming its element in expression, and keeps nothing.',
        security: {
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'SMART-on-FHIR',
                },
              ],
            },
          ],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [{ url: 'token', valueUri: tokenUrl }],
            },
          ],
          description:
            'SMART Backend Services (signed JWT client assertion, RS384/ES384/ES256) or a KetaFlow staff session; a patient account reads only its own record.',
        },
        interaction: [{ code: 'transaction' }],
        resource: SEARCHABLE_TYPES.map((type) => ({
          type,
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          searchParam: searchParams(type).map((p) => ({
            name: p.name,
            type: p.type,
            documentation: p.documentation,
          })),
          ...(type === 'Patient'
            ? {
                operation: [
                  {
                    name: 'everything',
                    definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything',
                    documentation: `GET Patient/[id]/$everything. Parameters: _count (page size, 1 to ${String(MAX_COUNT)}; without it, every resource in one searchset Bundle) and _offset (resources to skip, as the next link carries it). _since, start, end and _type are not supported: ignored and named in an OperationOutcome entry, or refused with Prefer: handling=strict. A conditions, medicines or allergies list recorded as none known answers as one resource coded with the HL7 IPS absent-unknown code (no-known-problems, no-known-medications, no-known-allergies), id none-known-[patient id].`,
                  },
                ],
              }
            : {}),
        })),
      },
    ],
  };
}
