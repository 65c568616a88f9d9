import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { getNasalSprayDevice } from '../knowledge/queries';
import { calculateInfusion, isAdministrable } from './calculate-infusion';
import { calculateNasalDose } from './calculate-nasal';
import { dosingProtocolFor, infusionSettingsFor } from './from-knowledge';
import type { InfusionCalculation, InfusionInput } from './types';
import { INFUSION_MATRIX } from './vectors/infusion-matrix';
import { INFUSION_SPECIAL } from './vectors/infusion-special';
import { NASAL_VECTORS } from './vectors/nasal';
import type { ExpectedOutputs } from './vectors/vector-types';

const settings = infusionSettingsFor(knowledgeBase);

function calculated(input: InfusionInput): InfusionCalculation {
  const result = calculateInfusion(input);
  if (!result.ok) throw new Error(`expected a calculation, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Every output quantity with its unit, in the order of `ExpectedOutputs`. */
function outputsOf(c: InfusionCalculation): readonly (readonly [number, string])[] {
  return [
    [c.dose.value, c.dose.unit],
    [c.dosePerKg.value, c.dosePerKg.unit],
    [c.drugVolume.value, c.drugVolume.unit],
    [c.drawnDose.value, c.drawnDose.unit],
    [c.totalVolume.value, c.totalVolume.unit],
    [c.concentration.value, c.concentration.unit],
    [c.rate.value, c.rate.unit],
    [c.doseRate.mgPerKgPerHour.value, c.doseRate.mgPerKgPerHour.unit],
    [c.doseRate.mgPerMin.value, c.doseRate.mgPerMin.unit],
    [c.duration.value, c.duration.unit],
  ];
}

const UNITS = ['mg', 'mg/kg', 'mL', 'mg', 'mL', 'mg/mL', 'mL/h', 'mg/kg/h', 'mg/min', 'min'];

function expected(values: ExpectedOutputs): readonly (readonly [number, string])[] {
  return values.map((v, i) => [v, UNITS[i]!] as const);
}

describe('the indication × vial × weight matrix matches the hand-checked vectors', () => {
  test('covers all ten indications, each vial strength and three weights', () => {
    expect(new Set(INFUSION_MATRIX.map((v) => v.given.protocol)).size).toBe(10);
    expect(new Set(INFUSION_MATRIX.map((v) => v.given.vialMgPerMl))).toEqual(
      new Set([10, 50, 100]),
    );
    expect(new Set(INFUSION_MATRIX.map((v) => v.given.weightKg)).size).toBe(3);
    expect(INFUSION_MATRIX).toHaveLength(90);
  });

  test.each(
    INFUSION_MATRIX.map((v) => [
      `${v.given.protocol}, ${v.given.weightKg} kg, ${v.given.vialMgPerMl} mg/mL`,
      v,
    ]),
  )('%s', (_name, v) => {
    const c = calculated({
      protocol: dosingProtocolFor(knowledgeBase, v.given.protocol),
      weight: { value: v.given.weightKg, unit: 'kg' },
      vialConcentration: { value: v.given.vialMgPerMl, unit: 'mg/mL' },
      settings,
    });
    expect(outputsOf(c), v.arithmetic).toEqual(expected(v.expect));
    expect(c.protocolId).toBe(v.given.protocol);
    expect(c.vialConcentration).toEqual({ value: v.given.vialMgPerMl, unit: 'mg/mL' });
    expect(c.bagMode).toBe('add-to-bag');
    expect(c.dosingWeight).toEqual({ value: v.given.weightKg, unit: 'kg', basis: 'actual' });
    expect(c.actualWeight).toEqual({ value: v.given.weightKg, unit: 'kg' });
    expect(c.limits).toEqual([]);
    expect(c.blocked).toBe(false);
    expect(c.requiresOverride).toBe(false);
    expect(isAdministrable(c)).toBe(true);
  });
});

describe('special cases match the hand-checked vectors', () => {
  test.each(INFUSION_SPECIAL.map((v) => [v.name, v]))('%s', (_name, v) => {
    const c = calculated({
      ...v.input,
      protocol: dosingProtocolFor(knowledgeBase, v.protocol),
      settings: { ...settings, ...v.settings },
    });
    expect(outputsOf(c), v.arithmetic).toEqual(expected(v.expect));
    expect(c.vialConcentration).toEqual(v.input.vialConcentration);
    expect(c.bagMode).toBe(v.settings?.bagMode ?? settings.bagMode);
    expect(c.dosingWeight).toEqual({
      value: v.weightsKg[0],
      unit: 'kg',
      basis: v.input.weightBasis ?? 'actual',
    });
    expect(c.actualWeight).toEqual({ value: v.weightsKg[1], unit: 'kg' });
    expect(c.limits.map((l) => l.code)).toEqual(v.limits);
    expect(c.blocked).toBe(v.blocked);
    expect(c.requiresOverride).toBe(v.requiresOverride);
  });
});

describe('the steps show the arithmetic a nurse re-checks', () => {
  test('0.5 mg/kg × 73.4 kg at 50 mg/mL, every rounding shown', () => {
    const c = calculated({
      protocol: dosingProtocolFor(knowledgeBase, 'depression'),
      weight: { value: 73.4, unit: 'kg' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
      settings,
    });
    expect(c.steps).toEqual([
      '0.5 mg/kg × 73.4 kg = 36.7 mg',
      '36.7 mg ÷ 50 mg/mL = 0.734 mL, rounded to 0.73 mL (increment 0.01 mL)',
      '0.73 mL × 50 mg/mL = 36.5 mg drawn up (ordered 36.7 mg; the difference is the volume rounding)',
      '100 mL + 0.73 mL = 100.73 mL',
      '36.5 mg ÷ 100.73 mL = 0.36235… mg/mL, rounded to 0.3624 mg/mL (shown to 0.0001 mg/mL)',
      '100.73 mL ÷ 40 min × 60 min/h = 151.095 mL/h, rounded to 151.1 mL/h (pump increment 0.1 mL/h)',
      '0.5 mg/kg ÷ 40 min × 60 min/h = 0.75 mg/kg/h',
      '36.7 mg ÷ 40 min = 0.9175 mg/min',
    ]);
    expect(c.notes).toEqual([
      'No previous weight recorded: the weight-change and lb/kg mix-up checks were not done.',
      'The weight has no measurement date: its age was not checked.',
      'Dose 0.5 mg/kg is the depression protocol default.',
      'Duration 40 min is the depression protocol default.',
    ]);
  });

  test('lb, adjusted weight from cm, explicit dose and hours', () => {
    const c = calculated({
      protocol: dosingProtocolFor(knowledgeBase, 'chronic-pain'),
      weight: { value: 176, unit: 'lb' },
      height: { value: 170, unit: 'cm' },
      sex: 'male',
      weightBasis: 'adjusted',
      dose: { value: 0.75, unit: 'mg/kg' },
      duration: { value: 1.5, unit: 'h' },
      vialConcentration: { value: 100, unit: 'mg/mL' },
      settings,
    });
    expect(c.steps).toEqual([
      'Weight 176 lb × 0.45359237 kg/lb (exact) = 79.83225712 kg, rounded to 79.832 kg (dosing-weight resolution 0.001 kg)',
      'Height 170 cm ÷ 2.54 cm/in = 66.929… in',
      'Ideal body weight (Devine, male) = 50 kg + 2.3 kg/in × (66.929… in − 60 in) = 65.9370… kg, rounded to 65.937 kg (dosing-weight resolution 0.001 kg)',
      'Adjusted body weight = 65.937 kg + 0.4 × (79.832 kg − 65.937 kg) = 71.495 kg',
      '0.75 mg/kg × 71.495 kg = 53.62125 mg, rounded to 53.62 mg (shown to 0.01 mg)',
      '53.62125 mg ÷ 100 mg/mL = 0.5362125 mL, rounded to 0.54 mL (increment 0.01 mL)',
      '0.54 mL × 100 mg/mL = 54 mg drawn up (ordered 53.62125 mg; the difference is the volume rounding)',
      '100 mL + 0.54 mL = 100.54 mL',
      '54 mg ÷ 100.54 mL = 0.53709… mg/mL, rounded to 0.5371 mg/mL (shown to 0.0001 mg/mL)',
      '1.5 h × 60 min/h = 90 min',
      '100.54 mL ÷ 90 min × 60 min/h = 67.026… mL/h, rounded to 67 mL/h (pump increment 0.1 mL/h)',
      '0.75 mg/kg ÷ 90 min × 60 min/h = 0.5 mg/kg/h',
      '53.62125 mg ÷ 90 min = 0.59579… mg/min, rounded to 0.5958 mg/min (shown to 0.0001 mg/min)',
    ]);
    expect(c.limits.map((l) => l.message)).toEqual([
      'Dose 0.75 mg/kg is above the soft maximum of 0.5 mg/kg for chronic-pain: going on needs an override with a reason',
      'Duration 90 min is below the soft minimum of 240 min for chronic-pain: going on needs an override with a reason',
      'Dose rate 0.5 mg/kg/h is above the soft maximum of 0.125 mg/kg/h for chronic-pain: going on needs an override with a reason',
    ]);
  });

  test('explicit mg dose in withdraw-equal-volume mode', () => {
    const c = calculated({
      protocol: dosingProtocolFor(knowledgeBase, 'depression'),
      weight: { value: 73.4, unit: 'kg' },
      dose: { value: 40, unit: 'mg' },
      vialConcentration: { value: 10, unit: 'mg/mL' },
      settings: { ...settings, bagMode: 'withdraw-equal-volume' },
    });
    expect(c.steps).toEqual([
      '40 mg ÷ 73.4 kg = 0.54495… mg/kg, rounded to 0.545 mg/kg (shown to 0.0001 mg/kg)',
      '40 mg ÷ 10 mg/mL = 4 mL',
      '100 mL − 4 mL withdrawn + 4 mL ketamine = 100 mL',
      '40 mg ÷ 100 mL = 0.4 mg/mL',
      '100 mL ÷ 40 min × 60 min/h = 150 mL/h',
      '40 mg ÷ 73.4 kg ÷ 40 min × 60 min/h = 0.81743… mg/kg/h, rounded to 0.8174 mg/kg/h (shown to 0.0001 mg/kg/h)',
      '40 mg ÷ 40 min = 1 mg/min',
    ]);
  });
});

describe('esketamine nasal devices match the label', () => {
  test.each(NASAL_VECTORS.map((v) => [v.arithmetic, v]))('%s', (_name, v) => {
    const result = calculateNasalDose(getNasalSprayDevice(knowledgeBase), {
      dose: { value: v.doseMg, unit: 'mg' },
    });
    if ('problem' in v) {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.map((p) => [p.code, p.path])).toEqual([
        [v.problem, 'dose'],
      ]);
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.devices).toBe(v.devices);
    expect(result.value.dose).toEqual({ value: v.doseMg, unit: 'mg' });
    expect(result.value.blocked).toBe(v.blocked);
    expect(result.value.limits.map((l) => l.code)).toEqual(
      v.blocked ? ['DOSE.NASAL_ABOVE_LABEL_MAX'] : [],
    );
    expect(result.value.steps[0]).toBe(
      `${v.doseMg} mg ÷ 28 mg per device = ${v.devices} device${v.devices === 1 ? '' : 's'}`,
    );
  });
});
