import { describe, expect, test } from 'vitest';
import { doseGuardrails, knowledgeBase, type ProtocolId } from '../index';
import { isWithinRange } from '../limit-range';
import { ABSOLUTE_MAX_RATE_MG_PER_KG_PER_HOUR } from '../safety-limits';

// Expected limits with their arithmetic (see facts/guardrails.ts notes):
//   soft rate max   = protocol max dose x 60 / shortest duration
//   hard duration   = protocol max dose x 60 / hard rate max
//   hard total (mg) = hard dose max x 250 kg
const psychiatric = {
  doseSoft: [0.5, 0.5],
  doseHardMax: 1.0,
  rateSoftMax: 0.75 /* 0.5*60/40 */,
  rateHardMax: 1.5,
  durationSoft: [40, 40],
  durationHardMin: 20 /* 0.5*60/1.5 */,
  totalHardMax: 250,
};
const pain = {
  doseSoft: [0.1, 0.5],
  doseHardMax: 2.0,
  rateSoftMax: 0.125 /* 0.5*60/240 */,
  rateHardMax: 2,
  durationSoft: [240, 360],
  durationHardMin: 15 /* 0.5*60/2 */,
  totalHardMax: 500,
};
const migraine = {
  doseSoft: [0.1, 0.5],
  doseHardMax: 2.0,
  rateSoftMax: 0.5 /* 0.5*60/60 */,
  rateHardMax: 1,
  durationSoft: [60, 240],
  durationHardMin: 30 /* 0.5*60/1 */,
  totalHardMax: 500,
};

const expected: readonly [ProtocolId, typeof psychiatric][] = [
  ['depression', psychiatric],
  ['anxiety', psychiatric],
  ['ptsd', psychiatric],
  ['chronic-pain', pain],
  ['bipolar-disorder', psychiatric],
  ['suicidal-ideation', psychiatric],
  ['ocd', psychiatric],
  ['substance-use-disorder', psychiatric],
  ['migraine', migraine],
  ['fibromyalgia', pain],
];

describe('dose guardrails', () => {
  test.each(expected)('%s has the documented limits', (id, e) => {
    const g = doseGuardrails[id];
    expect([g.doseMgPerKg.soft.min, g.doseMgPerKg.soft.max]).toEqual(e.doseSoft);
    expect(g.doseMgPerKg.hard).toEqual({ max: e.doseHardMax });
    expect(g.doseRateMgPerKgPerHour).toEqual({
      soft: { max: e.rateSoftMax },
      hard: { max: e.rateHardMax },
    });
    expect([g.durationMin.soft.min, g.durationMin.soft.max]).toEqual(e.durationSoft);
    expect(g.durationMin.hard).toEqual({ min: e.durationHardMin });
    expect(g.totalDoseMg).toEqual({ soft: {}, hard: { max: e.totalHardMax } });
    expect(g.finalConcentrationMgPerMl).toEqual({ soft: { max: 2 }, hard: { max: 50 } });
    expect(g.weightKg.hard).toEqual({ min: 30, max: 250 });
    expect([g.weightChangeSoftFraction, g.lbKgMixupTolerance, g.weightMaxAgeDays]).toEqual([
      0.1, 0.1, 30,
    ]);
    expect(g.notes).toMatch(/CLINIC SETTING/);
  });

  test.each(expected)('%s: the whole sourced dose range is allowed by the hard limit', (id) => {
    const { doseMgPerKg } = knowledgeBase.protocols[id];
    expect(isWithinRange(doseMgPerKg.min, doseGuardrails[id].doseMgPerKg.hard)).toBe(true);
    expect(isWithinRange(doseMgPerKg.max, doseGuardrails[id].doseMgPerKg.hard)).toBe(true);
  });

  test.each(expected)('%s: no hard rate above the 0.5 mg/kg/min Ketalar push ceiling', (id) => {
    expect(doseGuardrails[id].doseRateMgPerKgPerHour.hard.max).toBeLessThanOrEqual(
      ABSOLUTE_MAX_RATE_MG_PER_KG_PER_HOUR,
    );
  });

  test.each(expected)('%s: the bounds its notes call clinic settings are listed', (id) => {
    const g = doseGuardrails[id];
    // The notes say the hard dose maximum is a clinic setting, and the total-dose backstop is
    // derived from it and the 250 kg weight setting; the list lets a finding say so too.
    expect(g.notes).toMatch(/CLINIC SETTING[^[]*hard (dose )?max \d/);
    expect(g.notes).toContain('Total dose hard max = hard dose max x 250 kg');
    expect(g.settingDefaults).toEqual([
      { field: 'doseMgPerKg', level: 'hard', side: 'max' },
      { field: 'totalDoseMg', level: 'hard', side: 'max' },
    ]);
  });

  test('the exported guardrails are the knowledge base ones', () => {
    expect(doseGuardrails).toBe(knowledgeBase.doseGuardrails);
  });
});
