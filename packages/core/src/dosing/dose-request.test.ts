import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { applyClinicSettings } from '../knowledge/settings/apply-clinic-settings';
import { calculateDose, doseToJson } from './dose-request';

const base = {
  indication: 'depression',
  weight: { value: 80, unit: 'kg' },
  concentration: { value: 50, unit: 'mg/mL' },
};

function json(input: unknown, kb = knowledgeBase) {
  const r = calculateDose(kb, input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return doseToJson(r.value);
}

function paths(input: unknown): (string | undefined)[] {
  const r = calculateDose(knowledgeBase, input);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.error.map((p) => p.path);
}

describe('calculateDose', () => {
  it('names the dose drawn up where the volume rounding moves it off the ordered dose', () => {
    // 0.5 mg/kg × 30.5 kg = 15.25 mg; 0.1525 mL is measured as 0.15 mL, which holds 15 mg.
    const out = json({
      ...base,
      weight: { value: 30.5, unit: 'kg' },
      concentration: { value: 100, unit: 'mg/mL' },
    });
    expect(out.dose).toEqual({ value: 15.25, unit: 'mg' });
    expect(out.drugVolume).toEqual({ value: 0.15, unit: 'mL' });
    expect(out.drawnDose).toEqual({ value: 15, unit: 'mg' });
    expect(
      json({ product: 'esketamine-nasal', dose: { value: 56, unit: 'mg' } }).drawnDose,
    ).toBeNull();
  });

  it('uses the clinic protocol default and its infusion preparation', () => {
    const out = json(base);
    const protocol = knowledgeBase.protocols.depression;
    const mg = protocol.doseMgPerKg.default * 80;
    expect(out.dose).toEqual({ value: mg, unit: 'mg' });
    expect(out.drugVolume).toEqual({ value: mg / 50, unit: 'mL' });
    expect(out.totalVolume).toEqual({
      value: knowledgeBase.infusionPreparation.bagVolumeMl + mg / 50,
      unit: 'mL',
    });
    expect(out.duration).toEqual({ value: protocol.durationMin.default, unit: 'min' });
    expect(out.devices).toBeNull();
    expect(out.steps[0]).toContain('80 kg');
  });

  it('uses the clinic’s stocked vial when none is named, and says so', () => {
    const { concentration: _named, ...unnamed } = base;
    const out = json(unnamed);
    const stocked = knowledgeBase.infusionPreparation.vialConcentrationMgPerMl;
    expect(out.vialConcentration).toEqual({ value: stocked, unit: 'mg/mL' });
    expect(out.notes.join(' ')).toContain('stocked strength (clinic setting)');
    const applied = applyClinicSettings(knowledgeBase, {
      infusionPreparation: { vialConcentrationMgPerMl: 50 },
    });
    if (!applied.ok) throw new Error(JSON.stringify(applied.error));
    expect(json(unnamed, applied.value).vialConcentration).toEqual({ value: 50, unit: 'mg/mL' });
  });

  it('takes a bag other than the clinic default and the withdraw mode', () => {
    const out = json({
      ...base,
      bagVolume: { value: 250, unit: 'mL' },
      bagMode: 'withdraw-equal-volume',
    });
    expect(out.totalVolume).toEqual({ value: 250, unit: 'mL' });
    expect(out.bagMode).toBe('withdraw-equal-volume');
  });

  it('counts nasal-spray devices and refuses infusion fields for it', () => {
    expect(json({ product: 'esketamine-nasal', dose: { value: 56, unit: 'mg' } }).devices).toBe(2);
    expect(
      paths({ product: 'esketamine-nasal', dose: { value: 56, unit: 'mg' }, weight: base.weight }),
    ).toEqual(['weight']);
  });

  it('names every bad field at once, including unknown ones', () => {
    expect(
      paths({
        indication: 'insomnia',
        weight: { value: -1, unit: 'kg' },
        concentration: base.concentration,
        colour: 'red',
      }),
    ).toEqual(expect.arrayContaining(['colour', 'indication', 'weight']));
    expect(paths({ indication: 'depression', concentration: base.concentration })).toEqual([
      'weight',
    ]);
    expect(paths({ ...base, bagVolume: { value: 5000, unit: 'mL' } })).toEqual(['bagVolume']);
    expect(paths({ ...base, bagMode: 'pour' })).toEqual(['bagMode']);
    expect(paths({ ...base, product: 'ketamine-oral' })).toEqual(['product']);
    expect(paths('80kg')).toEqual(['']);
  });

  it('applies a location’s tighter guardrails only at that location', () => {
    const settings = {
      locations: {
        'main-street': { guardrails: { depression: { totalDoseMg: { hard: { max: 50 } } } } },
      },
    };
    const applied = applyClinicSettings(knowledgeBase, settings);
    if (!applied.ok) throw new Error(JSON.stringify(applied.error));
    const heavy = { ...base, weight: { value: 120, unit: 'kg' } };
    const there = json({ ...heavy, location: 'main-street' }, applied.value);
    expect(there.blocked).toBe(true);
    expect(there.limits.map((l) => l.code)).toContain('DOSE.TOTAL_DOSE_ABOVE_HARD_LIMIT');
    const elsewhere = json({ ...heavy, location: 'harbour' }, applied.value);
    expect(elsewhere.limits.some((l) => l.code === 'DOSE.TOTAL_DOSE_ABOVE_HARD_LIMIT')).toBe(false);
    expect(elsewhere.notes.join(' ')).toContain('harbour');
  });
});
