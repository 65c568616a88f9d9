import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { applyClinicSettings } from '../knowledge/settings/apply-clinic-settings';
import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import { calculateInfusion } from './calculate-infusion';
import { dosingProtocolFor, infusionSettingsFor } from './from-knowledge';

function settled(settings: unknown): KnowledgeBase {
  const result = applyClinicSettings(knowledgeBase, settings);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const clinic = settled({
  protocols: { 'chronic-pain': { defaultDoseMgPerKg: 0.3, defaultDurationMin: 300 } },
  weightBasisDefault: 'adjusted',
  guardrails: { depression: { doseMgPerKg: { hard: { max: 0.9 } } } },
  infusionPreparation: {
    bagVolumeMl: 250,
    bagMode: 'withdraw-equal-volume',
    volumeIncrementMl: 0.1,
  },
  locations: {
    'main-street': { guardrails: { depression: { doseMgPerKg: { hard: { max: 0.8 } } } } },
  },
});

describe('dosingProtocolFor', () => {
  test('gives the knowledge base protocol with its guardrails', () => {
    const p = dosingProtocolFor(knowledgeBase, 'migraine');
    expect(p).toEqual({
      id: 'migraine',
      doseMgPerKg: { min: 0.1, max: 0.5, default: 0.1 },
      durationMin: { min: 60, max: 240, default: 60 },
      weightBasis: 'actual',
      guardrails: knowledgeBase.doseGuardrails.migraine,
    });
  });

  test('clinic defaults for dose, duration and weight basis flow through', () => {
    const p = dosingProtocolFor(clinic, 'chronic-pain');
    expect(p.doseMgPerKg.default).toBe(0.3);
    expect(p.durationMin.default).toBe(300);
    expect(p.weightBasis).toBe('adjusted');
  });

  test("a location's guardrails apply at that location only", () => {
    expect(
      dosingProtocolFor(clinic, 'depression', 'main-street').guardrails.doseMgPerKg.hard,
    ).toEqual({ max: 0.8 });
    expect(dosingProtocolFor(clinic, 'depression').guardrails.doseMgPerKg.hard).toEqual({
      max: 0.9,
    });
    expect(dosingProtocolFor(clinic, 'depression', 'harbour').guardrails.doseMgPerKg.hard).toEqual({
      max: 0.9,
    });
    // Other protocols at that location keep the clinic's guardrails.
    expect(dosingProtocolFor(clinic, 'ptsd', 'main-street').guardrails).toBe(
      clinic.doseGuardrails.ptsd,
    );
  });

  test('the location limit blocks a dose the clinic allows', () => {
    const input = {
      weight: { value: 80, unit: 'kg' },
      height: { value: 70, unit: 'in' },
      sex: 'male',
      weightBasis: 'actual',
      dose: { value: 0.85, unit: 'mg/kg' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
      settings: infusionSettingsFor(clinic),
    } as const;
    const here = calculateInfusion({
      ...input,
      protocol: dosingProtocolFor(clinic, 'depression', 'main-street'),
    });
    const elsewhere = calculateInfusion({
      ...input,
      protocol: dosingProtocolFor(clinic, 'depression'),
    });
    expect(here.ok && here.value.limits.map((l) => l.code)).toContain(
      'DOSE.DOSE_PER_KG_ABOVE_HARD_LIMIT',
    );
    expect(here.ok && here.value.blocked).toBe(true);
    expect(elsewhere.ok && elsewhere.value.limits.map((l) => l.code)).not.toContain(
      'DOSE.DOSE_PER_KG_ABOVE_HARD_LIMIT',
    );
  });

  test("an ordered dose off the protocol's usual is noted as a single value or as a range", () => {
    const note = (id: 'depression' | 'chronic-pain', perKg: number) => {
      const r = calculateInfusion({
        protocol: dosingProtocolFor(knowledgeBase, id),
        weight: { value: 80, unit: 'kg' },
        dose: { value: perKg, unit: 'mg/kg' },
        vialConcentration: { value: 50, unit: 'mg/mL' },
        settings: infusionSettingsFor(knowledgeBase),
      });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value.notes.filter((n) => n.includes("protocol's usual"));
    };
    // Depression's usual dose is one value (0.5 mg/kg): never "0.5–0.5".
    expect(note('depression', 0.6)).toEqual([
      "Dose 0.6 mg/kg differs from the depression protocol's usual 0.5 mg/kg.",
    ]);
    expect(note('chronic-pain', 0.05)).toEqual([
      "Dose 0.05 mg/kg is outside the chronic-pain protocol's usual 0.1–0.5 mg/kg.",
    ]);
    expect(note('chronic-pain', 0.3)).toEqual([]);
  });

  test('returns the same object for the same knowledge base, so compiled limits are reused', () => {
    expect(dosingProtocolFor(clinic, 'ocd', 'main-street')).toBe(
      dosingProtocolFor(clinic, 'ocd', 'main-street'),
    );
    expect(dosingProtocolFor(clinic, 'ocd')).not.toBe(dosingProtocolFor(knowledgeBase, 'ocd'));
  });
});

describe('infusionSettingsFor', () => {
  test('the default preparation: 100 mL bag, drug added, 0.01 mL, 0.1 mL/h', () => {
    expect(infusionSettingsFor(knowledgeBase)).toEqual({
      bagVolumeMl: 100,
      bagMode: 'add-to-bag',
      volumeIncrementMl: 0.01,
      rateIncrementMlPerHour: 0.1,
    });
  });

  test("the clinic's preparation settings flow into the calculation", () => {
    const settings = infusionSettingsFor(clinic);
    expect(settings).toEqual({
      bagVolumeMl: 250,
      bagMode: 'withdraw-equal-volume',
      volumeIncrementMl: 0.1,
      rateIncrementMlPerHour: 0.1,
    });
    expect(infusionSettingsFor(clinic)).toBe(settings);
    const result = calculateInfusion({
      protocol: dosingProtocolFor(clinic, 'depression'),
      weight: { value: 80, unit: 'kg' },
      height: { value: 70, unit: 'in' },
      sex: 'male',
      vialConcentration: { value: 50, unit: 'mg/mL' },
      settings,
    });
    // Adjusted: IBW 73 kg; 73 + 0.4 × 7 = 75.8 kg; 37.9 mg; 0.758 mL → 0.8 mL; bag stays 250 mL.
    expect(
      result.ok && [
        result.value.dosingWeight.value,
        result.value.drugVolume.value,
        result.value.totalVolume.value,
      ],
    ).toEqual([75.8, 0.8, 250]);
  });
});
