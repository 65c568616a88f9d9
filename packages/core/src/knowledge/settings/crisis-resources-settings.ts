import type { z } from 'zod';
import { crisisResourceListSchema, type CrisisResources } from '../schema/crisis-resources';
import type { OverrideValue } from '../schema/knowledge-base';

type Note = (
  path: readonly PropertyKey[],
  target: readonly PropertyKey[],
  from: OverrideValue | undefined,
  to: OverrideValue,
) => void;

/**
 * The `crisisResources` part of the clinic settings: the whole list the clinic's patients are
 * shown, replacing the US default. Each entry has a name, the number as dialled, how to reach it
 * (`call`, `text` or `call-or-text`) and whether it is the emergency number; the list needs at
 * least one emergency number and no number twice.
 */
export const crisisResourcesSettingsSchema = crisisResourceListSchema;

export type CrisisResourcesSettings = z.output<typeof crisisResourcesSettingsSchema>;

const FIELDS = ['name', 'contact', 'reach', 'emergency'] as const;

/** The knowledge base's crisis resources with the clinic's list, every change noted. */
export function applyCrisisResourcesSettings(
  base: CrisisResources,
  set: CrisisResourcesSettings | undefined,
  note: Note,
): CrisisResources {
  if (set === undefined) return base;
  const count = Math.max(base.resources.length, set.length);
  for (let index = 0; index < count; index += 1) {
    const from = base.resources[index];
    const to = set[index];
    for (const field of FIELDS)
      note(
        ['crisisResources', index, field],
        ['crisisResources', 'resources', index, field],
        from?.[field] ?? null,
        to?.[field] ?? null,
      );
  }
  const same =
    set.length === base.resources.length &&
    set.every((r, i) => FIELDS.every((f) => r[f] === base.resources[i]?.[f]));
  if (same) return base;
  return {
    resources: set,
    basis: 'clinic-setting',
    note: 'Set by the clinic (crisisResources in the clinic settings file).',
    sources: [],
  };
}
