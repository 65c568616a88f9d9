import { dictionary } from './dictionary';
import type { DrugClass, Ingredient } from './types';

/** Every vocabulary class, in curation order. */
export function vocabularyClasses(): readonly DrugClass[] {
  return [...dictionary.classes.values()];
}

const interactionClassIds = new Map<string, readonly string[]>();
for (const ingredient of dictionary.ingredients.values()) {
  const out: string[] = [];
  for (const id of ingredient.classIds) {
    const cls = dictionary.classes.get(id);
    if (cls !== undefined && !out.includes(cls.interactionClassId))
      out.push(cls.interactionClassId);
  }
  interactionClassIds.set(ingredient.name, out);
}

/** Knowledge-base interaction class ids (`Interaction.classId`) an ingredient triggers. */
export function interactionClassIdsOf(ingredient: Ingredient): readonly string[] {
  return interactionClassIds.get(ingredient.name) ?? [];
}
