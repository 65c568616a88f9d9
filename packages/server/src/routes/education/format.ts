import type { DefaultedRange, KnowledgeBase } from '@ketaflow/core';

/** A range as patients read it: `0.5` or `0.1–0.5` (en dash), with no unit. */
export function formatRange(min: number, max: number): string {
  return min === max ? String(min) : `${String(min)}–${String(max)}`;
}

/** Minutes in words: `40 minutes`, or `4–6 hours (240–360 minutes)` from an hour upwards. */
export function formatMinutesRange(min: number, max: number): string {
  const minutes = `${formatRange(min, max)} minutes`;
  if (min < 60 || min % 60 !== 0 || max % 60 !== 0) return minutes;
  const hours = formatRange(min / 60, max / 60);
  return `${hours} ${max === 60 ? 'hour' : 'hours'} (${minutes})`;
}

/** The default of a range, unless a clinic setting moved it and there is nothing to move. */
export function isFixed(range: DefaultedRange): boolean {
  return range.min === range.max;
}

/** True when a clinic setting changed the value at `target` (a knowledge-base path). */
export function isClinicOverride(kb: KnowledgeBase, target: string): boolean {
  return kb.overrides.some((o) => o.target === target);
}

/** `Xanax (alprazolam)`; just the generic name when no brand is given. */
export function formatDrug(drug: {
  readonly generic: string;
  readonly brands: readonly string[];
}): string {
  return drug.brands.length === 0 ? drug.generic : `${drug.brands.join(', ')} (${drug.generic})`;
}

/** `a, b and c`. */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/**
 * A name inside a sentence: the first letter lower-case, unless the first word carries other
 * capitals (`N-methyl-D-aspartate`), and acronyms further on kept (`obsessive-compulsive
 * disorder (OCD)`, not `(ocd)`).
 */
export function inSentence(name: string): string {
  const firstWord = name.split(' ')[0] ?? '';
  return /[A-Z]/.test(firstWord.slice(1)) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

/** `a` or `an` before a word as it is read aloud (`an SSRI`, `an N-methyl…`, `an antipsychotic`). */
export function articleFor(word: string): 'a' | 'an' {
  if (/^[FHLMNRSX](-|[A-Z])/.test(word)) return 'an';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** First letter upper-case. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Knowledge-base notes call the clinic page the project started from "the seed"; patients would
 * not know the word, so it is named for what it is.
 */
export function forPatients(text: string): string {
  return text
    .replace(/\bthe seed page\b/g, 'the original clinic page')
    .replace(/\bThe seed page\b/g, 'The original clinic page')
    .replace(/\bseed page\b/g, 'original clinic page')
    .replace(/\bthe seed\b/g, 'the original clinic page')
    .replace(/\bThe seed\b/g, 'The original clinic page')
    .replace(/\bSeed\b/g, 'Original clinic page');
}
