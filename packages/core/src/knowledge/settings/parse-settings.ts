import type { z } from 'zod';
import type { Problem } from '../../result';
import { problemsFromZodIssues } from '../zod-problems';
import { clinicSettingsSchema, type ClinicSettings } from './clinic-settings';

const MAX_PASSES = 5;

/** A copy of `value` without the field at `path` (containers along the way are copied). */
function withoutPath(value: unknown, path: readonly PropertyKey[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const key = String(head);
  const entries = Object.entries(value as Record<string, unknown>);
  if (rest.length === 0) return Object.fromEntries(entries.filter(([k]) => k !== key));
  return Object.fromEntries(entries.map(([k, v]) => [k, k === key ? withoutPath(v, rest) : v]));
}

/** A path up to (not into) its first list: a bad entry drops the whole list, never half of it. */
function upToList(path: readonly PropertyKey[]): PropertyKey[] {
  const index = path.findIndex((key) => typeof key === 'number');
  return index === -1 ? [...path] : path.slice(0, index);
}

function offendingPaths(issue: z.core.$ZodIssue): PropertyKey[][] {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => upToList([...issue.path, key]));
  return [upToList(issue.path)];
}

/**
 * Checks the shape of clinic settings and reports every problem with its path. Invalid fields
 * are then dropped and the rest parsed again, so the checks against the knowledge base can still
 * run on the valid remainder and report their problems in the same answer.
 */
export function parseClinicSettings(input: unknown): {
  readonly settings: ClinicSettings;
  readonly problems: readonly Problem[];
} {
  const problems: Problem[] = [];
  const reported = new Set<string>();
  let candidate = input;
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const result = clinicSettingsSchema.safeParse(candidate);
    if (result.success) return { settings: result.data, problems };
    for (const problem of problemsFromZodIssues(result.error.issues, 'SETTINGS')) {
      const key = `${problem.path ?? ''}\u0000${problem.message}`;
      if (!reported.has(key)) problems.push(problem);
      reported.add(key);
    }
    for (const issue of result.error.issues) {
      for (const path of offendingPaths(issue)) candidate = withoutPath(candidate, path);
    }
  }
  return { settings: {}, problems };
}
