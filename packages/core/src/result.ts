/** Expected failures are values: a result union with a namespaced code (design.md). */
export type Result<T, E = Problem> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** One problem found in input or data, with the path of the field it concerns. */
export interface Problem {
  /** Namespaced code such as `DOSE.EXCEEDS_HARD_LIMIT` or `SETTINGS.INVALID`. */
  readonly code: string;
  readonly message: string;
  /** Path of the offending field, e.g. `thresholds.systolicHardMmHg`. */
  readonly path?: string;
}

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
