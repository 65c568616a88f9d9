import { describe, expect, test } from 'vitest';
import { checkCourseDose } from '../courses/course-dose';
import { knowledgeBase, sealKnowledgeBase } from '../knowledge/default-knowledge-base';
import { ESKETAMINE_NASAL_PRODUCT_ID } from '../knowledge/ids';
import { getNasalSprayDevice } from '../knowledge/queries';
import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import type { NasalDevice } from '../knowledge/schema/product';
import { calculateNasalDose } from './calculate-nasal';
import { calculateDose, doseToJson } from './dose-request';

const builtIn = getNasalSprayDevice(knowledgeBase);

/**
 * A valid knowledge base whose spray holds 14 mg per device (7 mg a spray), asks for 10 minutes
 * between devices and keeps the labeled 84 mg per session: the kits hold 4 and 6 devices.
 */
function withSmallerDevices(): KnowledgeBase {
  const { knowledgeVersion: _version, ...content } = knowledgeBase;
  return sealKnowledgeBase({
    ...content,
    products: knowledgeBase.products.map((p) =>
      p.id !== ESKETAMINE_NASAL_PRODUCT_ID || p.device === undefined
        ? p
        : {
            ...p,
            packages: p.packages.map((pack) => ({ ...pack, devices: pack.totalMg / 14 })),
            device: { ...p.device, mgPerDevice: 14, mgPerSpray: 7, minutesBetweenDevices: 10 },
          },
    ),
  });
}

function nasalJson(kb: KnowledgeBase, mg: number) {
  const r = calculateDose(kb, { product: 'esketamine-nasal', dose: { value: mg, unit: 'mg' } });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return doseToJson(r.value);
}

describe('the nasal calculator takes every number from the knowledge base', () => {
  test('the built-in base: 28 mg devices of 2 sprays, 5 minutes apart, at most 84 mg', () => {
    const out = nasalJson(knowledgeBase, 56);
    expect(out.devices).toBe(2);
    expect(out.steps).toEqual([
      '56 mg ÷ 28 mg per device = 2 devices',
      '2 devices × 2 sprays (one per nostril) = 4 sprays',
    ]);
    expect(out.notes).toEqual([
      'Do not prime the devices; wait 5 minutes between devices [S09b][S14][S15].',
    ]);
  });

  test('a base with 14 mg devices counts, explains and refuses by 14 mg', () => {
    const kb = withSmallerDevices();
    const out = nasalJson(kb, 42);
    expect(out.devices).toBe(3);
    expect(out.blocked).toBe(false);
    expect(out.steps).toEqual([
      '42 mg ÷ 14 mg per device = 3 devices',
      '3 devices × 2 sprays (one per nostril) = 6 sprays',
    ]);
    expect(out.notes[0]).toContain('wait 10 minutes between devices');

    const refused = calculateDose(kb, {
      product: 'esketamine-nasal',
      dose: { value: 21, unit: 'mg' },
      weight: { value: 80, unit: 'kg' },
    });
    expect(!refused.ok && refused.error.map((p) => [p.path, p.message])).toEqual([
      [
        'weight',
        'weight does not apply to the esketamine nasal spray (the dose is a whole number of 14 mg devices)',
      ],
    ]);
    const notWhole = calculateNasalDose(getNasalSprayDevice(kb), {
      dose: { value: 21, unit: 'mg' },
    });
    expect(!notWhole.ok && notWhole.error[0]?.message).toBe(
      'dose 21 mg is not a whole number of 14 mg esketamine devices: labeled doses are 14, 28, 42, 56, 70 or 84 mg',
    );
    const above = nasalJson(kb, 98);
    expect(above.blocked).toBe(true);
    expect(above.limits[0]?.message).toBe(
      'Esketamine 98 mg (7 devices) is above the labeled maximum of 84 mg (6 devices) per session: blocked [S14]',
    );
    // The built-in base refuses the same 42 mg: 1.5 devices of 28 mg.
    expect(
      calculateDose(knowledgeBase, { product: 'esketamine-nasal', dose: { value: 42, unit: 'mg' } })
        .ok,
    ).toBe(false);
  });

  test('a course dose is checked against the same device facts', () => {
    const course = (kb: KnowledgeBase) =>
      checkCourseDose(kb, {
        product: 'esketamine-nasal',
        protocolId: 'depression',
        dose: { value: 42, unit: 'mg' },
      });
    expect(course(withSmallerDevices())).toEqual({ blocked: false, problems: [] });
    expect(course(knowledgeBase).problems.map((p) => p.code)).toEqual([
      'DOSE.NASAL_NOT_WHOLE_DEVICES',
    ]);
  });

  test.each([
    [84, 84, false, []],
    [56, 56, false, []],
    [56, 84, true, ['56 mg (2 devices) per session: blocked [S14]']],
    [28, 56, true, ['28 mg (1 device) per session: blocked [S14]']],
  ])(
    'a session maximum of %d mg: %d mg blocked=%s',
    (maxMg, doseMg, blocked, endings: readonly string[]) => {
      const device: NasalDevice = {
        ...builtIn,
        maxDosePerSession: { mg: maxMg, sources: ['S14'] },
      };
      const r = calculateNasalDose(device, { dose: { value: doseMg, unit: 'mg' } });
      expect(r.ok && r.value.blocked).toBe(blocked);
      expect(r.ok && r.value.limits.map((l) => l.limit)).toEqual(
        blocked ? [{ value: maxMg, unit: 'mg' }] : [],
      );
      expect(r.ok && r.value.limits.map((l) => l.message.slice(-endings[0]!.length))).toEqual(
        blocked ? endings : [],
      );
    },
  );

  test('one spray per device and one minute between devices read in the singular', () => {
    const device: NasalDevice = {
      ...builtIn,
      spraysPerDevice: 1,
      mgPerSpray: 28,
      minutesBetweenDevices: 1,
    };
    const r = calculateNasalDose(device, { dose: { value: 28, unit: 'mg' } });
    expect(r.ok && r.value.steps).toEqual([
      '28 mg ÷ 28 mg per device = 1 device',
      '1 device × 1 spray = 1 spray',
    ]);
    expect(r.ok && r.value.notes[0]).toContain('wait 1 minute between devices');
  });
});
