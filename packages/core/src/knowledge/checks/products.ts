import type { Problem } from '../../result';
import { ESKETAMINE_NASAL_PRODUCT_ID, KETAMINE_VIAL_STRENGTHS_MG_PER_ML } from '../ids';
import { formatPath } from '../path';
import type { KnowledgeBase } from '../schema/knowledge-base';
import type { NasalDevice } from '../schema/product';

function problem(code: string, message: string, path: readonly PropertyKey[]): Problem {
  return { code, message, path: formatPath(path) };
}

function isWholeDevices(mg: number, device: NasalDevice): boolean {
  return Number.isInteger(mg) && mg % device.mgPerDevice === 0;
}

/** The device's own numbers agree: sprays × mg per spray, kits, and the session maximum. */
function checkDevice(kb: KnowledgeBase, index: number, device: NasalDevice): Problem[] {
  const problems: Problem[] = [];
  const path = ['products', index, 'device'];
  if (device.spraysPerDevice * device.mgPerSpray !== device.mgPerDevice)
    problems.push(
      problem(
        'KB.RANGE_INVALID',
        `${device.spraysPerDevice} sprays of ${device.mgPerSpray} mg do not make ${device.mgPerDevice} mg per device`,
        [...path, 'mgPerSpray'],
      ),
    );
  const max = device.maxDosePerSession.mg;
  if (!isWholeDevices(max, device))
    problems.push(
      problem(
        'KB.RANGE_INVALID',
        `the session maximum of ${max} mg is not a whole number of ${device.mgPerDevice} mg devices`,
        [...path, 'maxDosePerSession', 'mg'],
      ),
    );
  kb.products[index]?.packages.forEach((pack, p) => {
    if (pack.devices !== undefined && pack.devices * device.mgPerDevice !== pack.totalMg)
      problems.push(
        problem(
          'KB.RANGE_INVALID',
          `${pack.devices} devices of ${device.mgPerDevice} mg do not make ${pack.totalMg} mg`,
          ['products', index, 'packages', p, 'totalMg'],
        ),
      );
  });
  return problems;
}

/** Every dose a schedule offers is a whole number of devices and at most the session maximum. */
function checkScheduleDoses(kb: KnowledgeBase, device: NasalDevice): Problem[] {
  const problems: Problem[] = [];
  const max = device.maxDosePerSession.mg;
  kb.esketamineSchedules.forEach((schedule, s) => {
    schedule.phases.forEach((phase, p) => {
      const path = ['esketamineSchedules', s, 'phases', p, 'doseOptionsMg'];
      if (phase.doseOptionsMg.some((mg) => !isWholeDevices(mg, device)))
        problems.push(
          problem(
            'KB.RANGE_INVALID',
            `every dose must be a whole number of ${device.mgPerDevice} mg devices`,
            path,
          ),
        );
      if (phase.doseOptionsMg.some((mg) => mg > max))
        problems.push(
          problem(
            'KB.RANGE_INVALID',
            `no dose may be above the session maximum of ${max} mg`,
            path,
          ),
        );
    });
  });
  return problems;
}

/**
 * Product facts the calculators rely on: the nasal spray the schedules name has its device facts,
 * those facts agree with each other and with the schedules, and the ketamine injection strengths
 * are exactly the vial strengths the infusion calculator accepts.
 */
export function checkProducts(kb: KnowledgeBase): Problem[] {
  const problems: Problem[] = [];
  const sprayIndex = kb.products.findIndex((p) => p.id === ESKETAMINE_NASAL_PRODUCT_ID);
  const spray = kb.products[sprayIndex];
  if (spray?.device === undefined) {
    problems.push(
      problem(
        'KB.MISSING_FACT',
        `product '${ESKETAMINE_NASAL_PRODUCT_ID}' with its device facts is required`,
        sprayIndex < 0 ? ['products'] : ['products', sprayIndex, 'device'],
      ),
    );
  } else {
    problems.push(...checkDevice(kb, sprayIndex, spray.device));
    problems.push(...checkScheduleDoses(kb, spray.device));
  }
  kb.products.forEach((product, index) => {
    if ((product.form === 'nasal-spray') !== (product.device !== undefined))
      problems.push(
        problem('KB.MISSING_FACT', 'a nasal spray, and only a nasal spray, has device facts', [
          'products',
          index,
          'device',
        ]),
      );
  });
  const strengths = kb.products
    .filter((p) => p.medicationId === 'ketamine' && p.form === 'injection-solution')
    .map((p) => p.strength.value)
    .sort((a, b) => a - b);
  const expected: readonly number[] = KETAMINE_VIAL_STRENGTHS_MG_PER_ML;
  if (strengths.join() !== [...expected].sort((a, b) => a - b).join())
    problems.push(
      problem(
        'KB.RANGE_INVALID',
        `ketamine injection strengths (${strengths.join(', ')} mg/mL) must be the vial strengths the calculator accepts (${expected.join(', ')} mg/mL)`,
        ['products'],
      ),
    );
  return problems;
}
