/** An RxNorm ingredient (IN) with the vocabulary classes it belongs to. */
export interface Ingredient {
  /** Lower-case RxNorm name, e.g. `alprazolam`. */
  readonly name: string;
  /** RxNorm ingredient RXCUI. */
  readonly rxcui: string;
  /** True when the code was entered by hand (the snapshot lacks ingredients starting with A). */
  readonly handAdded: boolean;
  /** Ids of vocabulary classes (`benzodiazepines`, `ssris`, ...); empty for other drugs. */
  readonly classIds: readonly string[];
}

/** A vocabulary class and the knowledge-base interaction class it triggers. */
export interface DrugClass {
  readonly id: string;
  readonly name: string;
  readonly interactionClassId: string;
  readonly members: readonly string[];
  readonly note?: string;
}

/** How a name was recognised, strongest first. */
export type MatchKind = 'code' | 'exact' | 'synonym' | 'brand' | 'fuzzy';

/** One recognised name (or code) on a medication line. */
export interface NameMatch {
  readonly kind: MatchKind;
  /** The words (or code) of the input that matched. */
  readonly input: string;
  /** The dictionary name they matched, e.g. `Xanax` or `alprazolam`. */
  readonly matched: string;
  /** Edits between `input` and `matched` (0 unless fuzzy). */
  readonly distance: number;
  readonly ingredients: readonly string[];
}

/** What the normaliser made of a medication: never a silent guess. */
export type Normalized =
  | {
      readonly status: 'recognized';
      readonly ingredients: readonly Ingredient[];
      /** The weakest match: `fuzzy` is weaker than `brand`, `synonym`, `exact` and `code`. */
      readonly confidence: MatchKind;
      /** Largest edit distance among the matches (0 when none was fuzzy). */
      readonly distance: number;
      readonly matches: readonly NameMatch[];
      /** Words that are neither a drug name nor a unit, form or frequency. */
      readonly unmatchedWords: readonly string[];
    }
  | {
      readonly status: 'ambiguous';
      /** Each candidate reading as a list of ingredient names. */
      readonly candidates: readonly (readonly string[])[];
      readonly word: string;
    }
  | { readonly status: 'unrecognized'; readonly unmatchedWords: readonly string[] };
