/**
 * Drug vocabulary: RxNorm ingredients, US brands, combination products and the classes the
 * knowledge base's interaction rules use, with a normaliser from free text or codes.
 */
export {
  normalizeMedication,
  normalizeMedicationText,
  resolveRxNormCodes,
  findIngredient,
  listMedicationNames,
} from './normalize';
export { boundedEditDistance, allowedEdits } from './edit-distance';
export { contentWords } from './text';
export { dictionary, type Dictionary } from './dictionary';
export { interactionClassIdsOf, vocabularyClasses } from './classes';
export type { Ingredient, DrugClass, MatchKind, NameMatch, Normalized } from './types';
