import type { z } from 'zod';
import type { Problem } from '../result';
import { formatPath } from './path';

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** A short message in the voice of the rest of KetaFlow ("must be ..."). */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${article(issue.expected)}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `must have at least ${issue.minimum} characters`;
      }
      if (issue.origin === 'number') {
        return `must be ${issue.inclusive === false ? 'greater than' : 'at least'} ${issue.minimum}`;
      }
      return issue.message;
    case 'too_big':
      if (issue.origin === 'string') return `must have at most ${issue.maximum} characters`;
      if (issue.origin === 'number') {
        return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}`;
      }
      return issue.message;
    default:
      return issue.message;
  }
}

/**
 * Turns zod issues into problems, one per offending field: an unknown key becomes its own
 * problem at `parent.key`, so every path in the result names exactly one field.
 */
export function problemsFromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  codePrefix: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          code: `${codePrefix}.UNKNOWN_KEY`,
          message: `unknown key '${key}'`,
          path: formatPath([...issue.path, key]),
        });
      }
      continue;
    }
    const path = formatPath(issue.path);
    const code = `${codePrefix}.INVALID_VALUE`;
    const message = describeIssue(issue);
    // A problem with the whole input (e.g. not an object) has no field path.
    problems.push(path === '' ? { code, message } : { code, message, path });
  }
  return problems;
}
