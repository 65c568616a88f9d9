/**
 * Esketamine (Spravato) nasal spray: a dose in mg as a number of devices.
 *
 * Every number comes from the knowledge base's device facts (`getNasalSprayDevice`): mg per
 * device, sprays per device, minutes between devices and the labeled maximum per session (28 mg,
 * 2 sprays, 5 minutes and 84 mg in the built-in base [S09b][S14][S15]). A dose that is not a
 * whole number of devices is refused; above the session maximum it is a hard limit.
 */
import type { NasalDevice } from '../knowledge/schema/product';
import { err, ok, type Problem, type Result } from '../result';
import { DOSE_LIMIT, DOSE_PROBLEM, problem } from './problems';
import { readQuantity } from './read-field';
import type { LimitFinding, NasalCalculation, NasalInput } from './types';

const MAX_PLAUSIBLE_DOSE_MG = 10_000;

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Every dose of a whole number of devices up to the labeled maximum per session, in mg: 28, 56
 * and 84 with the built-in knowledge base [S14].
 */
export function nasalDoseOptionsMg(device: NasalDevice): number[] {
  const most = Math.floor(device.maxDosePerSession.mg / device.mgPerDevice);
  return Array.from({ length: most }, (_, i) => (i + 1) * device.mgPerDevice);
}

/** `28, 56 or 84 mg`. */
function labeledDosesText(device: NasalDevice): string {
  const doses = nasalDoseOptionsMg(device).map(String);
  const last = doses.pop() ?? String(device.maxDosePerSession.mg);
  return doses.length === 0 ? `${last} mg` : `${doses.join(', ')} or ${last} mg`;
}

function citations(sources: readonly string[]): string {
  return sources.map((id) => `[${id}]`).join('');
}

/**
 * Number of devices for an esketamine nasal dose, from the knowledge base's `device` facts
 * (`getNasalSprayDevice(kb)`): with 28 mg devices, 28 mg → 1, 56 mg → 2, 84 mg → 3. A dose that
 * is not a whole number of devices is an input problem; above `device.maxDosePerSession` the
 * result is `blocked` [S14].
 */
export function calculateNasalDose(
  device: NasalDevice,
  input: NasalInput,
): Result<NasalCalculation, Problem[]> {
  const problems: Problem[] = [];
  const perDevice = device.mgPerDevice;
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
    } else if (!Number.isInteger(q.value) || q.value % perDevice !== 0) {
      problems.push(
        problem(
          DOSE_PROBLEM.NASAL_NOT_WHOLE_DEVICES,
          'dose',
          `dose ${q.value} mg is not a whole number of ${perDevice} mg esketamine devices: labeled doses are ${labeledDosesText(device)}`,
        ),
      );
    } else {
      mg = q.value;
    }
  }
  if (problems.length > 0 || mg === undefined) return err(problems);

  const devices = mg / perDevice;
  const max = device.maxDosePerSession;
  const limits: LimitFinding[] = [];
  if (mg > max.mg) {
    limits.push({
      level: 'hard',
      code: DOSE_LIMIT.NASAL_ABOVE_LABEL_MAX,
      message: `Esketamine ${mg} mg (${count(devices, 'device', 'devices')}) is above the labeled maximum of ${max.mg} mg (${count(max.mg / perDevice, 'device', 'devices')}) per session: blocked ${citations(max.sources)}`,
      field: 'nasalDoseMg',
      value: { value: mg, unit: 'mg' },
      limit: { value: max.mg, unit: 'mg' },
    });
  }
  const sprays = device.spraysPerDevice;
  // A two-spray device gives one spray into each nostril.
  const perNostril = sprays === 2 ? ' (one per nostril)' : '';
  return ok({
    product: 'esketamine-nasal',
    dose: { value: mg, unit: 'mg' },
    devices,
    limits,
    blocked: limits.length > 0,
    requiresOverride: false,
    steps: [
      `${mg} mg ÷ ${perDevice} mg per device = ${count(devices, 'device', 'devices')}`,
      `${count(devices, 'device', 'devices')} × ${count(sprays, 'spray', 'sprays')}${perNostril} = ${count(devices * sprays, 'spray', 'sprays')}`,
    ],
    notes: [
      `Do not prime the devices; wait ${count(device.minutesBetweenDevices, 'minute', 'minutes')} between devices ${citations(device.sources)}.`,
    ],
  });
}
