/** Prefetch templates of the order services and how missing prefetch is fetched. */

type Json = Record<string, unknown>;

export const ORDER_PREFETCH = {
  patient: 'Patient/{{context.patientId}}',
  medicationRequests: 'MedicationRequest?patient={{context.patientId}}&status=active',
  medicationStatements: 'MedicationStatement?patient={{context.patientId}}&status=active',
  conditions: 'Condition?patient={{context.patientId}}',
  allergies: 'AllergyIntolerance?patient={{context.patientId}}',
  bloodPressure:
    'Observation?patient={{context.patientId}}&code=http://loinc.org|85354-9,http://loinc.org|55284-4&_sort=-date&_count=5',
  pregnancyStatus:
    'Observation?patient={{context.patientId}}&code=http://loinc.org|82810-3&_sort=-date&_count=1',
  weight:
    'Observation?patient={{context.patientId}}&code=http://loinc.org|29463-7&_sort=-date&_count=1',
} as const;

export const PATIENT_VIEW_PREFETCH = { patient: 'Patient/{{context.patientId}}' } as const;

export interface FhirAccess {
  readonly fhirServer?: string | undefined;
  readonly fhirAuthorization?: { readonly access_token: string };
}

/** The data could not be had: neither prefetched nor fetchable (answered 412). */
export class PrefetchUnavailable extends Error {}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The template with `{{context.x}}` replaced (URL-encoded). */
export function expandTemplate(template: string, context: Json): string {
  return template.replace(/\{\{context\.(\w+)\}\}/g, (_, key: string) => {
    const value = context[key];
    return typeof value === 'string' ? encodeURIComponent(value) : '';
  });
}

async function fetchFhir(url: string, access: FhirAccess): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/fhir+json' };
  if (access.fhirAuthorization)
    headers.authorization = `Bearer ${access.fhirAuthorization.access_token}`;
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(5000) });
  } catch {
    throw new PrefetchUnavailable(`the FHIR server did not answer`);
  }
  if (!response.ok) throw new PrefetchUnavailable(`the FHIR server answered ${response.status}`);
  return await response.json();
}

/** All resources of a searchset, following `next` links of a paginated prefetch or search. */
async function collect(value: unknown, access: FhirAccess, out: Json[]): Promise<void> {
  if (!isObject(value)) return;
  if (value.resourceType !== 'Bundle') {
    out.push(value);
    return;
  }
  const entries = Array.isArray(value.entry) ? (value.entry as unknown[]) : [];
  for (const e of entries) {
    if (isObject(e) && isObject(e.resource)) {
      if (e.resource.resourceType === 'OperationOutcome') continue;
      out.push(e.resource);
    }
  }
  const links = Array.isArray(value.link) ? (value.link as unknown[]) : [];
  const next = links.find((l) => isObject(l) && l.relation === 'next');
  if (isObject(next) && typeof next.url === 'string' && access.fhirServer) {
    await collect(await fetchFhir(next.url, access), access, out);
  }
}

/**
 * Every resource the templates ask for: from prefetch when the client sent the key, otherwise
 * from `fhirServer`. A key with `null` means the client could not prefetch it, so it is fetched.
 */
export async function gatherResources(
  templates: Record<string, string>,
  prefetch: Json | undefined,
  context: Json,
  access: FhirAccess,
): Promise<Json[]> {
  const parts = await Promise.all(
    Object.entries(templates).map(async ([key, template]) => {
      const out: Json[] = [];
      let value = prefetch?.[key];
      if (value === undefined || value === null) {
        if (access.fhirServer === undefined)
          throw new PrefetchUnavailable(`prefetch ${key} is missing and there is no fhirServer`);
        const base = access.fhirServer.replace(/\/+$/, '');
        value = await fetchFhir(`${base}/${expandTemplate(template, context)}`, access);
      }
      await collect(value, access, out);
      return out;
    }),
  );
  return parts.flat();
}
