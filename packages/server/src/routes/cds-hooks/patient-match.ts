/**
 * Prefetched or fetched data must be the patient of `context.patientId`.
 *
 * On a mismatch the call is refused with HTTP 412, not answered with a card. CDS Hooks 2.0 has
 * one answer for a service that cannot obtain the data it needs: 412 (Prefetch, "Prefetch
 * template" and "FHIR Resource Access"), and cards are decision support about the patient in
 * context, not reports of a client's fault. Screening another patient's record, or none of this
 * one's, would give advice that looks valid but is not; the EHR shows a 412 as "the service could
 * not answer", which is the truth.
 */
type Json = Record<string, unknown>;

/** The Patient id a reference names (`Patient/1`, `https://ehr/fhir/Patient/1/_history/2`). */
function referencedPatientId(reference: unknown): string | undefined {
  if (typeof reference !== 'string') return undefined;
  return /(?:^|\/)Patient\/([^/?#]+)(?:\/_history\/[^/]*)?$/.exec(reference)?.[1];
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The first resource that names a patient other than `patientId`: a Patient with another id, or a
 * `subject`/`patient` reference to another Patient. References that name no Patient id (a
 * `urn:uuid:` of a transaction bundle, a display only) cannot be compared and are left alone.
 */
export function otherPatientResource(
  resources: readonly Json[],
  patientId: string,
): Json | undefined {
  return resources.find((r) => {
    if (r.resourceType === 'Patient') return typeof r.id === 'string' && r.id !== patientId;
    return [r.subject, r.patient].some((ref) => {
      const id = isObject(ref) ? referencedPatientId(ref.reference) : undefined;
      return id !== undefined && id !== patientId && id !== encodeURIComponent(patientId);
    });
  });
}
