import { z } from 'zod';
import { nonEmptyText } from './common';

/** How a patient reaches a crisis service. */
export const CRISIS_REACH = ['call', 'text', 'call-or-text'] as const;
export type CrisisReach = (typeof CRISIS_REACH)[number];

/** One crisis service the patient is shown when an answer calls for it. */
export interface CrisisResource {
  readonly name: string;
  /** What to dial or text, as the patient types it (`988`, `116 123`). */
  readonly contact: string;
  readonly reach: CrisisReach;
  /** The emergency number (911, 999, 112): what to call when someone is in immediate danger. */
  readonly emergency: boolean;
}

/**
 * The crisis services patients are shown (a clinic setting: the numbers differ by country). The
 * default is the US lines with their sources; a clinic outside the US sets its own.
 */
export interface CrisisResources {
  readonly resources: readonly CrisisResource[];
  readonly basis: 'clinic-setting';
  readonly note: string;
  /** Empty when the clinic set its own list. */
  readonly sources: readonly string[];
}

export const CRISIS_NAME_MAX = 100;
export const CRISIS_CONTACT_MAX = 30;
export const CRISIS_RESOURCES_MAX = 8;
/** Digits, spaces, brackets, dots and dashes, with an optional leading +: what a phone dials. */
export const CRISIS_CONTACT = /^\+?[0-9](?:[0-9 ().-]*[0-9])?$/;

export const crisisResourceSchema: z.ZodType<CrisisResource> = z.strictObject({
  name: nonEmptyText.max(CRISIS_NAME_MAX),
  contact: z
    .string()
    .trim()
    .min(1)
    .max(CRISIS_CONTACT_MAX)
    .regex(CRISIS_CONTACT, 'must be a number as dialled, such as 988 or +44 116 123'),
  reach: z.enum(CRISIS_REACH),
  emergency: z.boolean(),
});

/** At least one emergency number, and each number once. */
export function crisisListProblems(
  resources: readonly CrisisResource[],
): { readonly path: readonly PropertyKey[]; readonly message: string }[] {
  const problems: { path: readonly PropertyKey[]; message: string }[] = [];
  if (resources.length > 0 && !resources.some((r) => r.emergency))
    problems.push({
      path: [],
      message:
        'must include the emergency number (emergency: true), such as 911, 999 or 112, for a patient in immediate danger',
    });
  const seen = new Set<string>();
  resources.forEach((r, index) => {
    const digits = r.contact.replace(/[^0-9+]/g, '');
    if (seen.has(digits))
      problems.push({ path: [index, 'contact'], message: `${r.contact} is listed twice` });
    seen.add(digits);
  });
  return problems;
}

export const crisisResourceListSchema = z
  .array(crisisResourceSchema)
  .min(1, 'must list at least one crisis service')
  .max(CRISIS_RESOURCES_MAX)
  .superRefine((resources, ctx) => {
    for (const p of crisisListProblems(resources))
      ctx.addIssue({ code: 'custom', message: p.message, path: [...p.path] });
  });

export const crisisResourcesSchema: z.ZodType<CrisisResources> = z.strictObject({
  resources: crisisResourceListSchema,
  basis: z.literal('clinic-setting'),
  note: nonEmptyText,
  sources: z.array(z.string().min(1)),
});
