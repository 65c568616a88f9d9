import { dictionary, queryDeletions, type NameEntry } from './dictionary';
import { allowedEdits, boundedEditDistance } from './edit-distance';
import { contentWords } from './text';
import type { Ingredient, MatchKind, NameMatch, Normalized } from './types';

const STRENGTH: Readonly<Record<MatchKind, number>> = {
  code: 4,
  exact: 3,
  synonym: 2,
  brand: 1,
  fuzzy: 0,
};

type WordMatch =
  | { readonly ok: true; readonly match: NameMatch }
  | { readonly ok: false; readonly candidates: readonly (readonly string[])[] };

/** Closest single-word names within the edit budget of their length; ties are kept. */
function fuzzyLookup(word: string): WordMatch | undefined {
  if (allowedEdits(word.length) === 0) return undefined;
  let best = 3;
  let found: string[] = [];
  for (const variant of queryDeletions(word, 2)) {
    for (const key of dictionary.deletionIndex.get(variant) ?? []) {
      if (found.includes(key)) continue;
      const budget = Math.min(allowedEdits(key.length), allowedEdits(word.length));
      const d = boundedEditDistance(word, key, budget);
      if (d > budget || d > best) continue;
      if (d < best) found = [];
      best = d;
      found.push(key);
    }
  }
  const readings: { key: string; entry: NameEntry }[] = [];
  for (const key of found) {
    const entry = dictionary.names.get(key);
    if (entry === undefined) continue;
    if (!readings.some((r) => sameIngredients(r.entry.ingredients, entry.ingredients)))
      readings.push({ key, entry });
  }
  const first = readings[0];
  if (first === undefined) return undefined;
  if (readings.length > 1 || first.entry.alternatives.length > 0)
    return {
      ok: false,
      candidates: [...readings.map((r) => r.entry.ingredients), ...first.entry.alternatives],
    };
  return {
    ok: true,
    match: {
      kind: 'fuzzy',
      input: word,
      matched: first.entry.name,
      distance: best,
      ingredients: first.entry.ingredients,
    },
  };
}

function sameIngredients(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function toIngredients(names: readonly string[]): Ingredient[] {
  const out: Ingredient[] = [];
  for (const name of names) {
    const ingredient = dictionary.ingredients.get(name);
    if (ingredient !== undefined && !out.includes(ingredient)) out.push(ingredient);
  }
  return out;
}

function recognized(matches: readonly NameMatch[], unmatchedWords: readonly string[]): Normalized {
  let confidence: MatchKind = 'code';
  let distance = 0;
  const names: string[] = [];
  for (const m of matches) {
    if (STRENGTH[m.kind] < STRENGTH[confidence]) confidence = m.kind;
    if (m.distance > distance) distance = m.distance;
    for (const name of m.ingredients) if (!names.includes(name)) names.push(name);
  }
  return {
    status: 'recognized',
    ingredients: toIngredients(names),
    confidence,
    distance,
    matches,
    unmatchedWords,
  };
}

/**
 * Reads a free-text medication line ("Xanax XR 1 mg tab bid", "Acetaminophen/Hydrocodone",
 * "setraline 50mg") as RxNorm ingredients. Case, strengths, forms, routes, frequencies and salts
 * are ignored; names are matched longest first (generic, synonym, brand, combination product),
 * and a word that matches nothing is compared with single-word names by edit distance (none
 * below 5 letters, 1 edit up to 7, 2 from 8). Ties between different drugs are `ambiguous`;
 * nothing matched is `unrecognized`. Both need a human.
 */
export function normalizeMedicationText(text: string): Normalized {
  const words = contentWords(text);
  const matches: NameMatch[] = [];
  const unmatched: string[] = [];
  let i = 0;
  while (i < words.length) {
    let advanced = false;
    const longest = Math.min(dictionary.maxWords, words.length - i);
    for (let n = longest; n >= 1; n -= 1) {
      const phrase = n === 1 ? (words[i] ?? '') : words.slice(i, i + n).join(' ');
      const entry = dictionary.names.get(phrase);
      if (entry === undefined) continue;
      if (entry.alternatives.length > 0)
        return {
          status: 'ambiguous',
          candidates: [entry.ingredients, ...entry.alternatives],
          word: phrase,
        };
      matches.push({
        kind: entry.kind,
        input: phrase,
        matched: entry.name,
        distance: 0,
        ingredients: entry.ingredients,
      });
      i += n;
      advanced = true;
      break;
    }
    if (advanced) continue;
    const word = words[i] ?? '';
    const fuzzy = fuzzyLookup(word);
    if (fuzzy?.ok === false) return { status: 'ambiguous', candidates: fuzzy.candidates, word };
    if (fuzzy === undefined) unmatched.push(word);
    else matches.push(fuzzy.match);
    i += 1;
  }
  if (matches.length === 0) return { status: 'unrecognized', unmatchedWords: unmatched };
  return recognized(matches, unmatched);
}

/** Ingredients of RxNorm codes (IN, SCD, SBD, GPCK, BPCK); `undefined` when none resolves. */
export function resolveRxNormCodes(codes: readonly string[]): Normalized | undefined {
  const matches: NameMatch[] = [];
  for (const code of codes) {
    const names = dictionary.codes.get(code);
    if (names !== undefined)
      matches.push({ kind: 'code', input: code, matched: code, distance: 0, ingredients: names });
  }
  return matches.length === 0 ? undefined : recognized(matches, []);
}

/**
 * A medication from its RxNorm codes, else from its text (an old or unknown code falls back to
 * the display text, as with 2019-era EHR data).
 */
export function normalizeMedication(
  codes: readonly string[],
  text: string | undefined,
): Normalized {
  const key = `${codes.join(' ')}\u0000${text ?? ''}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const result = readMedication(codes, text);
  // A pure function of its input, so a bounded memo is safe: lists repeat across screenings.
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, result);
  return result;
}

const MEMO_LIMIT = 10_000;
const memo = new Map<string, Normalized>();

function readMedication(codes: readonly string[], text: string | undefined): Normalized {
  const byCode = resolveRxNormCodes(codes);
  const hasText = text !== undefined && text.trim() !== '';
  if (byCode === undefined)
    return hasText ? normalizeMedicationText(text) : { status: 'unrecognized', unmatchedWords: [] };
  if (!hasText || byCode.status !== 'recognized') return byCode;
  // The snapshot lacks "A" ingredients, so a combination code may miss one: add what the
  // display text names (e.g. acetaminophen in an acetaminophen/hydrocodone tablet).
  const byText = normalizeMedicationText(text);
  if (byText.status !== 'recognized') return byCode;
  return recognized([...byCode.matches, ...byText.matches.filter((m) => m.kind !== 'fuzzy')], []);
}

/** An ingredient by its lower-case RxNorm name. */
export function findIngredient(name: string): Ingredient | undefined {
  return dictionary.ingredients.get(name) ?? dictionary.ingredients.get(name.toLowerCase());
}

/** Every name the normaliser knows (generic, synonym, brand), for autocomplete. */
export function listMedicationNames(): readonly { readonly name: string; readonly kind: string }[] {
  return [...dictionary.names.values()].map((e) => ({ name: e.name, kind: e.kind }));
}
