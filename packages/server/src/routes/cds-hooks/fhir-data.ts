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
  breastfeedingStatus:
    'Observation?patient={{context.patientId}}&code=http://loinc.org|63895-7&_sort=-date&_count=1',
  weight:
    'Observation?patient={{context.patientId}}&code=http://loinc.org|29463-7&_sort=-date&_count=1',
} as const;

/**
 * Keys a call may go without even when there is no fhirServer: their data, when it cannot be had,
 * is read as unknown and screening says so (breastfeeding status: a missing-data warning for the
 * people it is asked of, never "not breastfeeding"). Added after clients were built against the
 * other keys, so a client that does not send it is still answered rather than refused with 412.
 */
export const ORDER_PREFETCH_OPTIONAL: ReadonlySet<string> = new Set(['breastfeedingStatus']);

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
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    // An HTML login page or a proxy's error page answered with 200 is no FHIR data.
    throw new PrefetchUnavailable('the FHIR server did not answer with JSON');
  }
}

/** Pages followed at most for one key (a loop of `next` links must end). */
const MAX_PAGES = 20;

/** What one prefetch value or search answer holds: its resources, or why they cannot be used. */
type Collected =
  | { readonly ok: true; readonly resources: Json[] }
  | { readonly ok: false; readonly reason: string };

/** The `_count` a template asks for: the search is cut to that many resources on purpose. */
function countOf(template: string): number | undefined {
  const m = /[?&]_count=(\d+)/.exec(template);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/** An OperationOutcome that reports an error (a warning or information does not). */
function isErrorOutcome(resource: Json): boolean {
  const issues = Array.isArray(resource.issue) ? (resource.issue as unknown[]) : [];
  return (
    issues.length === 0 ||
    issues.some((i) => !isObject(i) || i.severity === 'error' || i.severity === 'fatal')
  );
}

/** `url` resolved against the fhirServer, if it is on the fhirServer's origin. */
function sameOriginUrl(url: string, fhirServer: string): string | undefined {
  try {
    const base = new URL(fhirServer);
    const next = new URL(url, `${fhirServer.replace(/\/+$/, '')}/`);
    return next.origin === base.origin ? next.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every resource of a prefetch value or a search answer, following a searchset's `next` links on
 * the fhirServer's own origin (the access token goes nowhere else). The data is unusable when it
 * is not a resource, is an OperationOutcome (CDS Hooks 2.0: what a client sends when it could not
 * prefetch), carries an error OperationOutcome, or is a searchset with fewer resources than its
 * `total` and no page to follow: counting such data as "no records" would read unknown as normal.
 */
async function collect(value: unknown, template: string, access: FhirAccess): Promise<Collected> {
  if (!isObject(value)) return { ok: false, reason: 'is not a FHIR resource' };
  if (value.resourceType === 'OperationOutcome')
    return { ok: false, reason: 'is an OperationOutcome' };
  if (value.resourceType !== 'Bundle') return { ok: true, resources: [value] };
  const wanted = countOf(template);
  const total = typeof value.total === 'number' ? value.total : undefined;
  const out: Json[] = [];
  let page: Json = value;
  for (let pages = 1; ; pages++) {
    const entries = Array.isArray(page.entry) ? (page.entry as unknown[]) : [];
    for (const e of entries) {
      if (!isObject(e) || !isObject(e.resource))
        return { ok: false, reason: 'has an entry without a resource' };
      if (e.resource.resourceType === 'OperationOutcome') {
        if (isErrorOutcome(e.resource))
          return { ok: false, reason: 'carries an error OperationOutcome' };
        continue;
      }
      out.push(e.resource);
    }
    const expected = total === undefined ? 0 : Math.min(total, wanted ?? total);
    // A template with _count asks for only the first resources: no further page is wanted.
    if (out.length >= expected && (wanted !== undefined || total !== undefined))
      return { ok: true, resources: out };
    const links = Array.isArray(page.link) ? (page.link as unknown[]) : [];
    const next = links.find((l): l is Json => isObject(l) && l.relation === 'next');
    if (next === undefined || typeof next.url !== 'string') {
      if (out.length < expected)
        return { ok: false, reason: `holds ${String(out.length)} of ${String(total)} resources` };
      return { ok: true, resources: out };
    }
    if (access.fhirServer === undefined)
      return { ok: false, reason: 'has more pages and there is no fhirServer to fetch them from' };
    const url = sameOriginUrl(next.url, access.fhirServer);
    if (url === undefined)
      return { ok: false, reason: "has a next page outside the fhirServer's origin" };
    if (pages >= MAX_PAGES)
      return { ok: false, reason: `has more than ${String(MAX_PAGES)} pages` };
    const fetched = await fetchFhir(url, access);
    if (!isObject(fetched) || fetched.resourceType !== 'Bundle')
      return { ok: false, reason: 'has a next page that is not a Bundle' };
    page = fetched;
  }
}

/**
 * Every resource the templates ask for: from prefetch when the client sent the key with usable
 * data, otherwise from `fhirServer`. A key that is absent, or whose value cannot be used (see
 * `collect`), is fetched; without a fhirServer the call cannot be answered (412). A key sent as
 * `null` is the client saying it has no such data (CDS Hooks 2.0: "If the CDS Client has no data
 * to populate a template prefetch key, the prefetch template key MUST have a value of null"), so
 * it holds no resources: no blood pressure then still reads as missing, never as normal. An
 * `optional` key that cannot be had without a fhirServer holds no resources either (its data is
 * then unknown, and screening reports it as missing).
 */
export async function gatherResources(
  templates: Record<string, string>,
  prefetch: Json | undefined,
  context: Json,
  access: FhirAccess,
  optional: ReadonlySet<string> = new Set(),
): Promise<Json[]> {
  const parts = await Promise.all(
    Object.entries(templates).map(async ([key, template]) => {
      const given = prefetch?.[key];
      if (given === null) return [];
      let why = 'is missing';
      if (given !== undefined) {
        const got = await collect(given, template, access);
        if (got.ok) return got.resources;
        why = got.reason;
      }
      if (access.fhirServer === undefined) {
        if (optional.has(key)) return [];
        throw new PrefetchUnavailable(`prefetch ${key} ${why} and there is no fhirServer`);
      }
      const base = access.fhirServer.replace(/\/+$/, '');
      const fetched = await fetchFhir(`${base}/${expandTemplate(template, context)}`, access);
      const got = await collect(fetched, template, access);
      if (!got.ok)
        throw new PrefetchUnavailable(`the FHIR server's answer for ${key} ${got.reason}`);
      return got.resources;
    }),
  );
  return parts.flat();
}
