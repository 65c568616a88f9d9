import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { calculateInfusion } from './calculate-infusion';
import { dosingProtocolFor, infusionSettingsFor } from './from-knowledge';
import type { InfusionCalculation, InfusionInput } from './types';

const depression = dosingProtocolFor(knowledgeBase, 'depression');
const settings = infusionSettingsFor(knowledgeBase);

function calculated(input: InfusionInput): InfusionCalculation {
  const result = calculateInfusion(input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** The soft limits a 1 mg/kg order passes, overridden as a prescriber would. */
const overrides = [
  { code: 'DOSE.DOSE_PER_KG_ABOVE_SOFT_LIMIT', reason: 'non-responder at 0.5 mg/kg' },
  { code: 'DOSE.DOSE_RATE_ABOVE_SOFT_LIMIT', reason: 'non-responder at 0.5 mg/kg' },
];

const atHardMax = (vial: 10 | 100): InfusionInput => ({
  protocol: depression,
  weight: { value: 30.5, unit: 'kg' },
  dose: { value: 1, unit: 'mg/kg' },
  vialConcentration: { value: vial, unit: 'mg/mL' },
  duration: { value: 40, unit: 'min' },
  settings,
  overrides,
});

describe('what the patient receives stays within the hard limits', () => {
  test('a dose on its hard maximum that the volume rounding carries past it is blocked', () => {
    // 30.5 mg ÷ 100 mg/mL = 0.305 mL, measured as 0.31 mL: 31 mg drawn, 1.0164 mg/kg.
    const c = calculated(atHardMax(100));
    expect(c.drawnDose.value).toBe(31);
    expect(c.blocked).toBe(true);
    const drawn = c.limits.find((l) => l.code === 'DOSE.DRAWN_DOSE_PER_KG_ABOVE_HARD_LIMIT');
    expect(drawn).toMatchObject({
      level: 'hard',
      field: 'doseMgPerKg',
      value: { value: 1.0164, unit: 'mg/kg' },
      limit: { value: 1, unit: 'mg/kg' },
    });
    expect(drawn?.message).toContain('0.01 mL the syringe measures');
    // The programmed rate carries the drawn dose: 1.52… mg/kg/h against the 1.5 hard maximum.
    expect(c.limits.map((l) => l.code)).toContain('DOSE.PUMPED_DOSE_RATE_ABOVE_HARD_LIMIT');
  });

  test('with the weaker vial and a minute longer, the same order is within every limit', () => {
    // 10 mg/mL measures 30.5 mg exactly, but 103.05 mL over 40 min programs 154.6 mL/h, which
    // delivers 1.50024 mg/kg/h: the rate rounding alone still blocks, and says what to change.
    const exact = calculated(atHardMax(10));
    expect(exact.drawnDose.value).toBe(30.5);
    expect(exact.limits.filter((l) => l.level === 'hard').map((l) => l.code)).toEqual([
      'DOSE.PUMPED_DOSE_RATE_ABOVE_HARD_LIMIT',
    ]);
    expect(exact.limits.at(-1)?.message).toContain('choose a slightly longer duration');
    const longer = calculated({
      ...atHardMax(10),
      duration: { value: 41, unit: 'min' },
      overrides: [
        ...overrides,
        { code: 'DOSE.DURATION_ABOVE_SOFT_LIMIT', reason: 'rate rounding' },
      ],
    });
    expect(longer.blocked).toBe(false);
    expect(longer.requiresOverride).toBe(false);
  });

  test('an ideal weight above the measured weight cannot carry the dose past the hard mg/kg', () => {
    // 45 kg, 200 cm: the Devine ideal weight is 93.1 kg; the default 0.5 mg/kg of it is
    // 46.55 mg, 1.03 mg/kg of the patient's own 45 kg.
    const c = calculated({
      protocol: depression,
      weight: { value: 45, unit: 'kg' },
      height: { value: 200, unit: 'cm' },
      sex: 'male',
      weightBasis: 'ideal',
      vialConcentration: { value: 10, unit: 'mg/mL' },
      settings,
    });
    expect(c.dosingWeight.basis).toBe('ideal');
    expect(c.dosingWeight.value).toBeCloseTo(93.1, 1);
    expect(c.blocked).toBe(true);
    const actual = c.limits.find(
      (l) => l.code === 'DOSE.ACTUAL_WEIGHT_DOSE_PER_KG_ABOVE_HARD_LIMIT',
    );
    expect(actual?.value.value).toBeCloseTo(c.drawnDose.value / 45, 4);
    expect(actual?.value.value).toBeGreaterThan(1);
    expect(actual?.message).toContain('measured weight (45 kg)');
  });

  test('a pump rate rounded up past the hard minimum infusion time is blocked', () => {
    // 100 mL + 2.6 mL over 20 min is 307.8 mL/h; a pump set in 10 mL/h steps programs 310,
    // which empties the bag in 19.86 min, under the 20 min hard minimum.
    const c = calculated({
      protocol: depression,
      weight: { value: 52, unit: 'kg' },
      dose: { value: 0.5, unit: 'mg/kg' },
      vialConcentration: { value: 10, unit: 'mg/mL' },
      duration: { value: 20, unit: 'min' },
      settings: { ...settings, bagVolumeMl: 100, rateIncrementMlPerHour: 10 },
      overrides: [
        { code: 'DOSE.DURATION_BELOW_SOFT_LIMIT', reason: 'tolerates it' },
        { code: 'DOSE.DOSE_RATE_ABOVE_SOFT_LIMIT', reason: 'tolerates it' },
      ],
    });
    expect(c.rate.value).toBe(310);
    const short = c.limits.find((l) => l.code === 'DOSE.PUMPED_DURATION_BELOW_HARD_LIMIT');
    expect(short?.value).toEqual({ value: 19.86, unit: 'min' });
    expect(c.blocked).toBe(true);
  });
});
