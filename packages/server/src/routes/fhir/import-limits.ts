/**
 * The longest texts the FHIR import keeps: the API's own limits (MAX_CHARS), so that an imported
 * record holds nothing the API would refuse. A longer text refuses the whole transaction, naming
 * the element; nothing is cut short, since a clipped name or medicine could mislead.
 */
import { MAX_CHARS } from '../patients/schemas';
import { isObject, located, str, type Json, type Located } from './fhir-read';
import { FhirError } from './outcome';

export { MAX_CHARS };

/** The text when it fits in `max` characters; undefined when there is none. */
export function fit(found: Located | undefined, max: number): string | undefined {
  if (found === undefined) return undefined;
  if (found.value.length > max)
    throw new FhirError(
      400,
      'value',
      `${found.path}: ${String(found.value.length)} characters, more than the ${String(max)} KetaFlow keeps.`,
      found.path,
    );
  return found.value;
}

/**
 * The longest link key (`fhir_links.source_key`: an identifier's system and value, or an entry's
 * id or fullUrl) in UTF-8 bytes. The key is a btree primary key, and PostgreSQL refuses a btree
 * entry over 2704 bytes (a third of an 8 kB page, less headers); this keeps well under it.
 */
export const MAX_LINK_KEY_BYTES = 2000;

/** The key when it fits in MAX_LINK_KEY_BYTES; else the transaction is refused, naming `path`. */
export function fitLinkKey(key: string, path: string): string {
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes > MAX_LINK_KEY_BYTES)
    throw new FhirError(
      400,
      'value',
      `${path}: too long for KetaFlow to link to (${String(bytes)} bytes; at most ${String(MAX_LINK_KEY_BYTES)}, with the system or the resource type).`,
      path,
    );
  return key;
}

/**
 * The key that links a non-Patient entry to the row it made: the patient, the type, and the
 * entry's id or fullUrl (else its place in the Bundle); refused, naming the element, when too long.
 */
export function entryLinkKey(patientId: string, type: string, entry: Json, index: number): string {
  const source = entrySourceOf(entry, index);
  return fitLinkKey(`${patientId}|${type}|${source.value}`, source.path);
}

/** What names a non-Patient entry in its link key: its id, else its fullUrl, else its place. */
export function entrySourceOf(entry: Json, index: number): Located {
  const entryPath = `Bundle.entry[${String(index)}]`;
  const res: Json = isObject(entry.resource) ? entry.resource : {};
  return (
    located(str(res.id), `${entryPath}.resource.id`) ??
    located(str(entry.fullUrl), `${entryPath}.fullUrl`) ?? { value: String(index), path: entryPath }
  );
}
