/**
 * Esketamine (Spravato) nasal spray: a dose in mg as a number of 28 mg devices.
 *
 * One device holds 28 mg and gives it as 2 sprays, one per nostril; the 56 mg kit has 2 devices
 * and the 84 mg kit 3 [S09b][S14]. Wait 5 minutes between devices [S15]. Labeled doses are
 * 28, 56 and 84 mg, so anything not a whole number of devices is refused, and more than 84 mg is
 * a hard limit.
 */
import { err, ok, type Problem, type Result } from '../result';
import { DOSE_LIMIT, DOSE_PROBLEM, problem } from './problems';
import { readQuantity } from './read-field';
import type { LimitFinding, NasalCalculation, NasalInput } from './types';

/** Esketamine per nasal-spray device [S09b][S14]. */
export const ESKETAMINE_MG_PER_DEVICE = 28;
/** Highest labeled dose per session: 84 mg, 3 devices [S14]. */
const MAX_LABELED_DOSE_MG = 84;
const MAX_PLAUSIBLE_DOSE_MG = 10_000;

/**
 * Number of 28 mg devices for an esketamine nasal dose: 28 mg → 1, 56 mg → 2, 84 mg → 3.
 * A dose that is not a whole number of devices is an input problem; above 84 mg the result is
 * `blocked` [S14].
 */
export function calculateNasalDose(input: NasalInput): Result<NasalCalculation, Problem[]> {
  const problems: Problem[] = [];
  const raw = typeof input === 'object' && (input as unknown) !== null ? input.dose : undefined;
  const q = readQuantity(raw, 'dose', ['mg'] as const, problems);
  let mg: number | undefined;
  if (q !== undefined) {
    if (q.value > MAX_PLAUSIBLE_DOSE_MG) {
      problems.push(
        problem(
          DOSE_PROBLEM.OUT_OF_RANGE,
          'dose',
          `dose ${q.value} mg is not plausible (at most ${MAX_PLAUSIBLE_DOSE_MG} mg)`,
        ),
      );
    } else if (!Number.isInteger(q.value) || q.value % ESKETAMINE_MG_PER_DEVICE !== 0) {
      problems.push(
        problem(
          DOSE_PROBLEM.NASAL_NOT_WHOLE_DEVICES,
          'dose',
          `dose ${q.value} mg is not a whole number of 28 mg esketamine devices: labeled doses are 28, 56 or 84 mg`,
        ),
      );
    } else {
      mg = q.value;
    }
  }
  if (problems.length > 0 || mg === undefined) return err(problems);

  const devices = mg / ESKETAMINE_MG_PER_DEVICE;
  const limits: LimitFinding[] = [];
  if (mg > MAX_LABELED_DOSE_MG) {
    limits.push({
      level: 'hard',
      code: DOSE_LIMIT.NASAL_ABOVE_LABEL_MAX,
      message: `Esketamine ${mg} mg (${devices} devices) is above the labeled maximum of 84 mg (3 devices) per session: blocked`,
      field: 'nasalDoseMg',
      value: { value: mg, unit: 'mg' },
      limit: { value: MAX_LABELED_DOSE_MG, unit: 'mg' },
    });
  }
  return ok({
    product: 'esketamine-nasal',
    dose: { value: mg, unit: 'mg' },
    devices,
    limits,
    blocked: limits.length > 0,
    requiresOverride: false,
    steps: [
      `${mg} mg ÷ 28 mg per device = ${devices} device${devices === 1 ? '' : 's'}`,
      `${devices} device${devices === 1 ? '' : 's'} × 2 sprays (one per nostril) = ${devices * 2} sprays`,
    ],
    notes: ['Do not prime the devices; wait 5 minutes between devices [S15].'],
  });
}
