/**
 * Reading FHIR R4 JSON for screening: the plain accessors, codings and dates every record reader
 * uses, and the Reader that collects bundle problems and records set aside as unreadable.
 */
import type { Problem } from '../result';
import { isIsoDate } from './dates';
import type { Coding, EvidenceRef, UnreadableFact } from './types';

export type Json = Readonly<Record<string, unknown>>;

const SYSTEMS: Readonly<Record<string, Coding['system']>> = {
  'http://snomed.info/sct': 'snomed',
  'http://hl7.org/fhir/sid/icd-10-cm': 'icd10',
  'http://hl7.org/fhir/sid/icd-10': 'icd10',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'rxnorm',
  'http://loinc.org': 'loinc',
};

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Problems with the bundle as a whole refuse it; a record that cannot be read is set aside as
 * unreadable (with the reason), so the rest of the bundle is still screened and the finding about
 * the fact it would have given says what could not be read.
 */
export class Reader {
  readonly problems: Problem[] = [];
  readonly unreadable: UnreadableFact[] = [];
  problem(path: string, message: string): void {
    this.problems.push({ code: 'SCREEN.INVALID_FHIR', message, path });
  }
  cannotRead(fact: UnreadableFact): void {
    this.unreadable.push(fact);
  }
}

export function codings(concept: unknown): Coding[] {
  if (!isObject(concept)) return [];
  const out: Coding[] = [];
  for (const c of arr(concept.coding)) {
    if (!isObject(c)) continue;
    const code = str(c.code);
    if (code === undefined) continue;
    out.push({ system: SYSTEMS[str(c.system) ?? ''] ?? 'other', code });
  }
  return out;
}

export function conceptText(concept: unknown): string | undefined {
  if (!isObject(concept)) return undefined;
  const text = str(concept.text);
  if (text !== undefined) return text;
  for (const c of arr(concept.coding))
    if (isObject(c) && str(c.display) !== undefined) return str(c.display);
  return undefined;
}

export function dateOf(resource: Json, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = resource[key];
    if (typeof value === 'string' && isIsoDate(value)) return value;
    if (isObject(value) && typeof value.start === 'string' && isIsoDate(value.start))
      return value.start;
  }
  return undefined;
}

export function ref(
  resource: Json,
  type: string,
  display: string,
  fullUrl: string | undefined,
): EvidenceRef {
  const id = str(resource.id);
  return { reference: id === undefined ? (fullUrl ?? type) : `${type}/${id}`, display };
}
