/**
 * Paging, read the same way by search and by Patient/$everything: `_count` is the page size (FHIR
 * R4 search 3.1.1.5.7) and `_offset`, which the `next` link carries, the matches to skip.
 */
import { FhirError } from './outcome';

export const MAX_COUNT = 1000;

/**
 * `_count` as a whole number from `min` to MAX_COUNT (search takes 0, which answers only the
 * total); undefined when not given. Any other value is refused, naming `_count`.
 */
export function readCount(raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < min || count > MAX_COUNT)
    throw new FhirError(
      400,
      'value',
      `_count must be a whole number from ${String(min)} to ${String(MAX_COUNT)}.`,
      '_count',
    );
  return count;
}

/** `_offset` as a whole number from 0 (0 when not given); any other value is refused. */
export function readOffset(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const offset = Number(raw);
  if (!Number.isInteger(offset) || offset < 0)
    throw new FhirError(400, 'value', '_offset must be a whole number from 0.', '_offset');
  return offset;
}
