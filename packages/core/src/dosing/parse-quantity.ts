/**
 * Text such as `80kg`, `176 lb`, `40min`, `1.5h`, `0.5mg/kg` or `50mg/mL` as a quantity: the
 * form the CLI (`--weight 80kg`) and the form fields accept. A plain decimal number and a unit
 * are required; the value must be finite and greater than zero.
 */
import { err, ok, type Problem, type Result } from '../result';
import { DOSE_PROBLEM, describeValue, problem } from './problems';
import type { InputQuantity, InputUnit } from './quantity';

/** Accepted spellings (lower-cased) of each input unit. */
const UNIT_ALIASES: Readonly<Record<string, InputUnit>> = {
  kg: 'kg',
  kgs: 'kg',
  lb: 'lb',
  lbs: 'lb',
  cm: 'cm',
  in: 'in',
  inch: 'in',
  inches: 'in',
  mg: 'mg',
  'mg/kg': 'mg/kg',
  'mg/ml': 'mg/mL',
  ml: 'mL',
  min: 'min',
  mins: 'min',
  minute: 'min',
  minutes: 'min',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
};

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)\s*(.*)$/;

export interface ParseQuantityOptions<U extends InputUnit> {
  /** Field name used in problem paths and messages (default `quantity`). */
  readonly field?: string;
  /** Units accepted for this field; any other known unit is refused. */
  readonly units?: readonly U[];
}

/**
 * Parse `<number><unit>` (spaces allowed between): `parseQuantity('176 lb', { field: 'weight',
 * units: ['kg', 'lb'] })` → `{ value: 176, unit: 'lb' }`. Refuses text without a number, without
 * a unit, with an unknown or unaccepted unit, and values that are negative, zero or not finite.
 */
export function parseQuantity<U extends InputUnit = InputUnit>(
  text: unknown,
  options: ParseQuantityOptions<U> = {},
): Result<InputQuantity<U>, Problem[]> {
  const field = options.field ?? 'quantity';
  const allowed = options.units;
  const expect = allowed === undefined ? '' : ` (use ${allowed.join(' or ')})`;
  if (typeof text !== 'string') {
    return err([
      problem(
        DOSE_PROBLEM.INVALID_INPUT,
        field,
        `${field} must be text such as 80kg, got ${describeValue(text)}`,
      ),
    ]);
  }
  const m = QUANTITY.exec(text.trim());
  if (m === null) {
    return err([
      problem(
        DOSE_PROBLEM.INVALID_INPUT,
        field,
        `${field} ${JSON.stringify(text)} does not start with a number${expect}`,
      ),
    ]);
  }
  const sign = m[1] ?? '';
  const value = Number(m[2]);
  const unitText = (m[3] ?? '').trim();
  const problems: Problem[] = [];
  if (sign === '-' && value !== 0) {
    problems.push(
      problem(
        DOSE_PROBLEM.NOT_POSITIVE,
        field,
        `${field} must be greater than zero, got ${text.trim()}`,
      ),
    );
  } else if (value === 0) {
    problems.push(
      problem(DOSE_PROBLEM.NOT_POSITIVE, field, `${field} must be greater than zero, got 0`),
    );
  } else if (!Number.isFinite(value)) {
    problems.push(
      problem(DOSE_PROBLEM.INVALID_INPUT, field, `${field} is too large to be a number`),
    );
  }
  let unit: InputUnit | undefined;
  if (unitText === '') {
    problems.push(
      problem(
        DOSE_PROBLEM.MISSING_UNIT,
        `${field}.unit`,
        `${field} ${JSON.stringify(text)} has no unit${expect}`,
      ),
    );
  } else {
    unit = UNIT_ALIASES[unitText.toLowerCase()];
    if (
      unit === undefined ||
      (allowed !== undefined && !(allowed as readonly InputUnit[]).includes(unit))
    ) {
      problems.push(
        problem(
          DOSE_PROBLEM.UNKNOWN_UNIT,
          `${field}.unit`,
          `${field} unit ${JSON.stringify(unitText)} is not ${unit === undefined ? 'known' : 'accepted here'}${expect}`,
        ),
      );
    }
  }
  if (problems.length > 0 || unit === undefined) return err(problems);
  return ok({ value, unit: unit as U });
}
