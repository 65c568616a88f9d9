import type { FormErrors } from '@mantine/form';
import { ApiProblemError, describeError } from '../api/problem';

/** The part of a Mantine form this needs: where its errors go and which fields it has. */
interface ErrorTarget {
  setErrors: (errors: FormErrors) => void;
  getValues: () => object;
}

/** `body.weight.value` (or `/body/weight/value`) -> `weight.value`. */
function toFieldPath(path: string): string {
  return path
    .replace(/^\//, '')
    .replaceAll('/', '.')
    .replace(/^(body|query|params)\./, '');
}

/**
 * Puts the field errors of a failed request beside the fields they name, and returns the message
 * for the form as a whole: the problem's detail, plus any field message no field could show.
 * `fieldMap` renames API paths to form fields where they differ (`weight.value` -> `value`).
 */
export function applyProblemToForm(
  form: ErrorTarget,
  error: unknown,
  fieldMap: Readonly<Record<string, string>> = {},
): string {
  if (!(error instanceof ApiProblemError)) return describeError(error);
  const fieldNames = new Set(Object.keys(form.getValues()));
  const fieldErrors: FormErrors = {};
  const unplaced: string[] = [];
  for (const { path, message } of error.problem.errors ?? []) {
    const apiPath = toFieldPath(path);
    const field = fieldMap[apiPath] ?? apiPath;
    if (fieldNames.has(field)) fieldErrors[field] = message;
    else unplaced.push(message);
  }
  form.setErrors(fieldErrors);
  return [error.problem.detail, ...unplaced].join(' ');
}
