import { COMBINATION_PRODUCTS, CURATED_CLASSES, HAND_ADDED_BRANDS, SYNONYMS } from './curation';
import { BRAND_LINES, INGREDIENT_LINES, PRODUCT_CODE_LINES } from './data/rxnorm.generated';
import { allowedEdits } from './edit-distance';
import { nameKey } from './text';
import type { DrugClass, Ingredient, MatchKind } from './types';

/** A name in the dictionary and what it stands for. */
export interface NameEntry {
  readonly name: string;
  readonly kind: Exclude<MatchKind, 'code' | 'fuzzy'>;
  readonly ingredients: readonly string[];
  /** Other readings of the same key (a brand shared by two products): ambiguous. */
  readonly alternatives: readonly (readonly string[])[];
}

/** Precedence when two names share a key: a generic name beats a synonym beats a brand. */
const RANK: Readonly<Record<NameEntry['kind'], number>> = { exact: 3, synonym: 2, brand: 1 };

function lines(block: string): string[][] {
  return block
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('|'));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Every deletion of up to `depth` characters of `word` (the word itself included). */
function deletions(word: string, depth: number, out: Set<string>): void {
  out.add(word);
  if (depth === 0 || word.length <= 1) return;
  for (let i = 0; i < word.length; i += 1) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(shorter)) deletions(shorter, depth - 1, out);
  }
}

export interface Dictionary {
  readonly ingredients: ReadonlyMap<string, Ingredient>;
  readonly classes: ReadonlyMap<string, DrugClass>;
  /** Name key (content words joined by spaces) to entry. */
  readonly names: ReadonlyMap<string, NameEntry>;
  /** RXCUI (IN, SCD, SBD, GPCK, BPCK) to ingredient names. */
  readonly codes: ReadonlyMap<string, readonly string[]>;
  /** Deletion variant to the single-word keys it comes from (symmetric-delete fuzzy index). */
  readonly deletionIndex: ReadonlyMap<string, readonly string[]>;
  /** Longest name key in words, bounding the n-gram search. */
  readonly maxWords: number;
}

/** Builds the dictionary once, at module load, from the generated RxNorm data and curation. */
function buildDictionary(): Dictionary {
  const classIdsByIngredient = new Map<string, string[]>();
  const classes = new Map<string, DrugClass>();
  for (const c of CURATED_CLASSES) {
    classes.set(c.id, c);
    for (const member of c.members) {
      const list = classIdsByIngredient.get(member) ?? [];
      list.push(c.id);
      classIdsByIngredient.set(member, list);
    }
  }

  const ingredients = new Map<string, Ingredient>();
  const codes = new Map<string, string[]>();
  const addCode = (code: string, ingredient: string): void => {
    const list = codes.get(code);
    if (list === undefined) codes.set(code, [ingredient]);
    else if (!list.includes(ingredient)) list.push(ingredient);
  };
  for (const [name, rxcui, hand] of lines(INGREDIENT_LINES)) {
    if (name === undefined || rxcui === undefined) continue;
    ingredients.set(name, {
      name,
      rxcui,
      handAdded: hand === 'hand',
      classIds: classIdsByIngredient.get(name) ?? [],
    });
    addCode(rxcui, name);
  }
  for (const [name, list] of lines(PRODUCT_CODE_LINES)) {
    if (name === undefined || list === undefined) continue;
    for (const code of list.split(' ')) addCode(code, name);
  }

  const names = new Map<string, NameEntry>();
  const addName = (name: string, kind: NameEntry['kind'], ings: readonly string[]): void => {
    const key = nameKey(name);
    const known = names.get(key);
    if (known === undefined || RANK[kind] > RANK[known.kind]) {
      names.set(key, { name, kind, ingredients: ings, alternatives: [] });
    } else if (RANK[kind] === RANK[known.kind] && !sameSet(known.ingredients, ings)) {
      names.set(key, { ...known, alternatives: [...known.alternatives, ings] });
    }
  };
  for (const [brand, list] of lines(BRAND_LINES)) {
    if (brand === undefined || list === undefined) continue;
    const ings = list.split('+');
    // A curated combination lists every part; the snapshot may lack the "A" ones.
    if (COMBINATION_PRODUCTS[brand] === undefined) addName(brand, 'brand', ings);
  }
  for (const [ingredient, brands] of Object.entries(HAND_ADDED_BRANDS)) {
    for (const brand of brands) addName(brand, 'brand', [ingredient]);
  }
  for (const [brand, ings] of Object.entries(COMBINATION_PRODUCTS)) addName(brand, 'brand', ings);
  for (const [synonym, ings] of Object.entries(SYNONYMS)) addName(synonym, 'synonym', ings);
  for (const name of ingredients.keys()) addName(name, 'exact', [name]);

  const deletionIndex = new Map<string, string[]>();
  let maxWords = 1;
  for (const key of names.keys()) {
    const words = key.split(' ').length;
    if (words > maxWords) maxWords = words;
    const edits = allowedEdits(key.length);
    if (words > 1 || edits === 0) continue;
    const variants = new Set<string>();
    deletions(key, edits, variants);
    for (const variant of variants) {
      const list = deletionIndex.get(variant);
      if (list === undefined) deletionIndex.set(variant, [key]);
      else list.push(key);
    }
  }
  return { ingredients, classes, names, codes, deletionIndex, maxWords };
}

export const dictionary: Dictionary = buildDictionary();

/** Deletion variants of a query word, for looking it up in `deletionIndex`. */
export function queryDeletions(word: string, depth: number): Set<string> {
  const out = new Set<string>();
  deletions(word, depth, out);
  return out;
}
