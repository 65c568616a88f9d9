import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { PROTOCOL_IDS } from '../knowledge/ids';
import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import { applyClinicSettings } from '../knowledge/settings/apply-clinic-settings';
import { calculateDose, doseToJson, type DoseLimitJson } from './dose-request';

/**
 * The clinic tightens depression's hard dose maximum from the knowledge base's 1 mg/kg to 0.75,
 * sets a soft total it does not have, and its downtown location tightens both further.
 */
const settings = {
  guardrails: {
    depression: { doseMgPerKg: { hard: { max: 0.75 } }, totalDoseMg: { soft: { max: 40 } } },
  },
  locations: {
    downtown: {
      guardrails: {
        depression: { doseMgPerKg: { hard: { max: 0.6 } }, totalDoseMg: { hard: { max: 45 } } },
      },
    },
  },
};

function applied(input: unknown): KnowledgeBase {
  const r = applyClinicSettings(knowledgeBase, input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const kb = applied(settings);

function limitsFor(base: KnowledgeBase, request: Record<string, unknown>): DoseLimitJson[] {
  const r = calculateDose(base, {
    indication: 'depression',
    weight: { value: 80, unit: 'kg' },
    concentration: { value: 50, unit: 'mg/mL' },
    ...request,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return [...doseToJson(r.value).limits];
}

describe('guardrail bounds the clinic set', () => {
  test("are listed with the knowledge base's value they replaced", () => {
    expect(kb.doseGuardrails.depression.clinicSet).toEqual([
      {
        field: 'doseMgPerKg',
        level: 'hard',
        side: 'max',
        knowledgeBaseValue: 1,
        scope: 'clinic',
      },
      {
        field: 'totalDoseMg',
        level: 'soft',
        side: 'max',
        knowledgeBaseValue: null,
        scope: 'clinic',
      },
    ]);
    // Every other bound stays the knowledge base's, which itself lists none.
    expect(kb.doseGuardrails.anxiety.clinicSet).toBeUndefined();
    for (const id of PROTOCOL_IDS)
      expect(knowledgeBase.doseGuardrails[id].clinicSet).toBeUndefined();
  });

  test("a location's bound is the location's, still against the knowledge base's value", () => {
    expect(kb.locationGuardrails['downtown']?.depression?.clinicSet).toEqual([
      // Tightened again at the location: 0.6 replaces the clinic's 0.75; the base's was 1.
      {
        field: 'doseMgPerKg',
        level: 'hard',
        side: 'max',
        knowledgeBaseValue: 1,
        scope: 'location',
      },
      // Not set at the location: still the clinic's.
      {
        field: 'totalDoseMg',
        level: 'soft',
        side: 'max',
        knowledgeBaseValue: null,
        scope: 'clinic',
      },
      {
        field: 'totalDoseMg',
        level: 'hard',
        side: 'max',
        knowledgeBaseValue: 250,
        scope: 'location',
      },
    ]);
  });
});

describe('a limit finding says when its limit is a clinic setting', () => {
  test('a hard limit the clinic tightened names the knowledge base value in its message', () => {
    const [dose] = limitsFor(kb, { dose: { value: 0.8, unit: 'mg/kg' } }).filter(
      (l) => l.field === 'doseMgPerKg',
    );
    expect(dose).toMatchObject({
      level: 'hard',
      code: 'DOSE.DOSE_PER_KG_ABOVE_HARD_LIMIT',
      limit: { value: 0.75, unit: 'mg/kg' },
      basis: 'clinic-setting',
      clinicSetting: { scope: 'clinic', knowledgeBaseLimit: { value: 1, unit: 'mg/kg' } },
    });
    expect(dose?.message).toContain(
      "hard maximum of 0.75 mg/kg (a clinic setting; the knowledge base's is 1 mg/kg)",
    );
  });

  test("the knowledge base's own sourced limit is marked as such, with no clinic wording", () => {
    // 0.6 mg/kg is above the seed protocol's soft maximum of 0.5 mg/kg, a sourced limit.
    const limits = limitsFor(knowledgeBase, { dose: { value: 0.6, unit: 'mg/kg' } });
    const dose = limits.find((l) => l.field === 'doseMgPerKg');
    expect(dose).toMatchObject({ level: 'soft', limit: { value: 0.5 }, basis: 'knowledge-base' });
    expect(dose?.clinicSetting).toBeUndefined();
    for (const l of limits) expect(l.message).not.toContain('setting');
  });

  test("setting a bound to the knowledge base's own value leaves it at its default", () => {
    // The hard dose maximum's default is itself a clinic setting (clinic-setting-default.test.ts).
    const same = applied({ guardrails: { depression: { doseMgPerKg: { hard: { max: 1 } } } } });
    expect(same.doseGuardrails.depression.clinicSet).toBeUndefined();
    const again = limitsFor(same, { dose: { value: 1.2, unit: 'mg/kg' } });
    expect(again.find((l) => l.field === 'doseMgPerKg')?.clinicSetting).toMatchObject({
      scope: 'clinic',
      atDefault: true,
    });
  });

  test('a soft limit the clinic added where the knowledge base has none says so', () => {
    // 0.75 mg/kg x 80 kg = 60 mg: above the clinic's soft total of 40 mg.
    const total = limitsFor(kb, { dose: { value: 0.75, unit: 'mg/kg' } }).find(
      (l) => l.code === 'DOSE.TOTAL_DOSE_ABOVE_SOFT_LIMIT',
    );
    expect(total).toMatchObject({
      basis: 'clinic-setting',
      clinicSetting: { scope: 'clinic', knowledgeBaseLimit: null },
    });
    expect(total?.message).toContain('40 mg (a clinic setting; the knowledge base sets none)');
  });

  test("at a location, its own limit says it is the location's setting", () => {
    const limits = limitsFor(kb, { dose: { value: 0.7, unit: 'mg/kg' }, location: 'downtown' });
    const dose = limits.find((l) => l.code === 'DOSE.DOSE_PER_KG_ABOVE_HARD_LIMIT');
    expect(dose?.clinicSetting).toEqual({
      scope: 'location',
      knowledgeBaseLimit: { value: 1, unit: 'mg/kg' },
      setting: 'doseMgPerKg.hard.max',
      atDefault: false,
    });
    expect(dose?.message).toContain(
      "0.6 mg/kg (a setting for this location; the knowledge base's is 1 mg/kg)",
    );
    const total = limits.find((l) => l.code === 'DOSE.TOTAL_DOSE_ABOVE_HARD_LIMIT');
    expect(total?.message).toContain(
      "45 mg (a setting for this location; the knowledge base's is 250 mg)",
    );
  });
});
