/** Reading untrusted FHIR JSON (objects, strings, arrays, codings, texts, dates) without throwing. */
import { IsoDate } from '../common-schemas';
import { FhirError } from './outcome';

export type Json = Readonly<Record<string, unknown>>;

export const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined;
export const arr = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/** A string read from a resource, with its FHIRPath-like place (for errors). */
export interface Located {
  readonly value: string;
  readonly path: string;
}

export const located = (value: string | undefined, path: string): Located | undefined =>
  value === undefined ? undefined : { value, path };

export interface Code {
  readonly system: string | undefined;
  readonly code: string;
  readonly display: string | undefined;
  /** Its place in `coding`. */
  readonly index: number;
}

export function codesOf(concept: unknown): Code[] {
  if (!isObject(concept)) return [];
  return arr(concept.coding).flatMap((c, index) => {
    if (!isObject(c)) return [];
    const code = str(c.code);
    return code === undefined
      ? []
      : [{ system: str(c.system), code, display: str(c.display), index }];
  });
}

/** A CodeableConcept's text, else the display of its first coding that has one; `path` is the concept's. */
export function textAt(concept: unknown, path: string): Located | undefined {
  if (!isObject(concept)) return undefined;
  const text = str(concept.text);
  if (text !== undefined) return { value: text, path: `${path}.text` };
  const coding = codesOf(concept).find((c) => c.display !== undefined);
  return located(coding?.display, `${path}.coding[${String(coding?.index)}].display`);
}

export const textOf = (concept: unknown): string | undefined => textAt(concept, '')?.value;

export const firstCode = (concept: unknown): string | undefined => codesOf(concept)[0]?.code;

/**
 * The calendar date (YYYY-MM-DD) of the first of `keys` that holds one. With `path` (the element's
 * place in the Bundle), a date that is not a real calendar day in the stored year range is refused,
 * naming the element, instead of failing in the database.
 */
export function dateOf(resource: Json, keys: readonly string[], path?: string): string | undefined {
  for (const key of keys) {
    const v = resource[key];
    const s = typeof v === 'string' ? v : isObject(v) ? str(v.start) : undefined;
    if (s === undefined || !/^\d{4}-\d{2}-\d{2}/.test(s)) continue;
    const date = s.slice(0, 10);
    if (path !== undefined && !IsoDate.safeParse(date).success)
      throw new FhirError(
        400,
        'value',
        `${path}.${key}: ${date} is not a calendar date KetaFlow can keep (years 1900 to 2999).`,
        `${path}.${key}`,
      );
    return date;
  }
  return undefined;
}
