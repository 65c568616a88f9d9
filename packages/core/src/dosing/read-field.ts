/**
 * Field readers for untrusted input (CLI, HTTP, browser form): each returns the value or
 * undefined and appends every problem it finds, with the field's path, to `problems`.
 */
import type { Problem } from '../result';
import { toScaledInteger } from './exact';
import { DOSE_PROBLEM, describeValue, problem } from './problems';

/** A value that must be a finite number greater than zero. */
export function readPositiveNumber(
  value: unknown,
  path: string,
  problems: Problem[],
): number | undefined {
  if (typeof value !== 'number') {
    problems.push(
      problem(
        value === undefined ? DOSE_PROBLEM.MISSING_INPUT : DOSE_PROBLEM.INVALID_INPUT,
        path,
        value === undefined
          ? `${path} is required`
          : `${path} must be a number, got ${describeValue(value)}`,
      ),
    );
    return undefined;
  }
  if (Number.isNaN(value)) {
    problems.push(problem(DOSE_PROBLEM.INVALID_INPUT, path, `${path} is not a number (NaN)`));
    return undefined;
  }
  if (!Number.isFinite(value)) {
    problems.push(
      problem(DOSE_PROBLEM.INVALID_INPUT, path, `${path} must be finite, got ${value}`),
    );
    return undefined;
  }
  if (value <= 0) {
    problems.push(
      problem(DOSE_PROBLEM.NOT_POSITIVE, path, `${path} must be greater than zero, got ${value}`),
    );
    return undefined;
  }
  return value;
}

/**
 * A quantity `{ value, unit }` whose unit is one of `units`. Reports a missing object, a missing
 * or unknown unit and a bad value together.
 */
export function readQuantity<U extends string>(
  raw: unknown,
  path: string,
  units: readonly U[],
  problems: Problem[],
): { readonly value: number; readonly unit: U } | undefined {
  if (raw === undefined || raw === null) {
    problems.push(problem(DOSE_PROBLEM.MISSING_INPUT, path, `${path} is required`));
    return undefined;
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(
      problem(
        DOSE_PROBLEM.INVALID_INPUT,
        path,
        `${path} must be a quantity { value, unit } in ${units.join(' or ')}, got ${describeValue(raw)}`,
      ),
    );
    return undefined;
  }
  const { value, unit } = raw as { readonly value?: unknown; readonly unit?: unknown };
  const before = problems.length;
  let knownUnit: U | undefined;
  if (unit === undefined || unit === null || unit === '') {
    problems.push(
      problem(
        DOSE_PROBLEM.MISSING_UNIT,
        `${path}.unit`,
        `${path} has no unit: give it in ${units.join(' or ')}`,
      ),
    );
  } else if (typeof unit !== 'string' || !(units as readonly string[]).includes(unit)) {
    problems.push(
      problem(
        DOSE_PROBLEM.UNKNOWN_UNIT,
        `${path}.unit`,
        `${path} unit ${typeof unit === 'string' ? JSON.stringify(unit) : describeValue(unit)} is not accepted: use ${units.join(' or ')}`,
      ),
    );
  } else {
    knownUnit = unit as U;
  }
  const n = readPositiveNumber(value, path, problems);
  if (problems.length > before || n === undefined || knownUnit === undefined) return undefined;
  return { value: n, unit: knownUnit };
}

/**
 * A positive number as an integer count of 10^-digits, refusing values above `max` (not
 * physically plausible) and values with more than `digits` decimal places.
 */
export function readScaled(
  value: number,
  path: string,
  unitText: string,
  digits: number,
  max: number,
  problems: Problem[],
): number | undefined {
  if (value > max) {
    problems.push(
      problem(
        DOSE_PROBLEM.OUT_OF_RANGE,
        path,
        `${path} ${value} ${unitText} is not plausible (at most ${max} ${unitText})`,
      ),
    );
    return undefined;
  }
  const n = toScaledInteger(value, digits);
  if (n === undefined) {
    problems.push(
      problem(
        DOSE_PROBLEM.TOO_PRECISE,
        path,
        `${path} ${value} ${unitText} has more than ${digits} decimal places`,
      ),
    );
    return undefined;
  }
  return n;
}
