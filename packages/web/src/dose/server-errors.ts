/** Puts the server's refusal of a save beside the inputs and limits it names. */
import type { DoseProduct } from '@ketaflow/core';
import { ApiProblemError, describeError } from '../api/problem';
import type { DoseField } from './dose-inputs';
import { fieldForPath, normalisePath } from './problem-fields';

export interface ServerErrors {
  /** The problem's own sentence, plus any message no input or limit could show. */
  message: string;
  fields: Partial<Record<DoseField, string>>;
  /** By soft-limit code: `overrides` errors read `DOSE.X_ABOVE_SOFT_LIMIT: message`. */
  reasons: Record<string, string>;
}

export function toServerErrors(error: unknown, product: DoseProduct): ServerErrors {
  if (!(error instanceof ApiProblemError))
    return { message: describeError(error), fields: {}, reasons: {} };
  const fields: Partial<Record<DoseField, string>> = {};
  const reasons: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const { path, message } of error.problem.errors ?? []) {
    const normal = normalisePath(path);
    const coded = /^(DOSE\.[A-Z0-9_]+): (.*)$/.exec(message);
    if (normal.startsWith('overrides') && coded?.[1] !== undefined) {
      reasons[coded[1]] = 'The server needs a reason for this limit';
      continue;
    }
    const field = normal === '' ? undefined : fieldForPath(normal, product);
    if (field === undefined) unplaced.push(message);
    else fields[field] = message;
  }
  const message = [error.problem.detail, ...unplaced.filter((m) => m !== error.problem.detail)];
  return { message: message.join(' '), fields, reasons };
}
