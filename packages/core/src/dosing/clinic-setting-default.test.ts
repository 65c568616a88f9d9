import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import { applyClinicSettings } from '../knowledge/settings/apply-clinic-settings';
import { calculateDose, doseToJson, type DoseLimitJson } from './dose-request';

/**
 * No clinical source sets the weight range (30–250 kg), the weight-change fraction, the lb/kg
 * mix-up band or the weight's age: they are clinic settings even at the knowledge base's default
 * (guardrails' notes), and a finding's JSON says so, not only its message.
 */
function limitsFor(kb: KnowledgeBase, request: Record<string, unknown>): DoseLimitJson[] {
  const r = calculateDose(kb, {
    indication: 'depression',
    weight: { value: 80, unit: 'kg' },
    concentration: { value: 50, unit: 'mg/mL' },
    ...request,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return [...doseToJson(r.value).limits];
}

function only(limits: readonly DoseLimitJson[], code: string): DoseLimitJson {
  const found = limits.filter((l) => l.code === code);
  expect(found).toHaveLength(1);
  return found[0] as DoseLimitJson;
}

function applied(settings: unknown): KnowledgeBase {
  const r = applyClinicSettings(knowledgeBase, settings);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const lastWeek = { measuredOn: '2025-02-01' };

describe('a limit no clinical source sets, at its default, is marked a clinic setting', () => {
  test.each([
    [
      'hard weight maximum',
      { weight: { value: 260, unit: 'kg' } },
      'DOSE.WEIGHT_ABOVE_HARD_LIMIT',
      { value: 250, unit: 'kg' },
      'weightKg.hard.max',
    ],
    [
      'hard weight minimum',
      { weight: { value: 25, unit: 'kg' } },
      'DOSE.WEIGHT_BELOW_HARD_LIMIT',
      { value: 30, unit: 'kg' },
      'weightKg.hard.min',
    ],
    [
      // 70 kg × 1.1 = 77 kg.
      'weight change of more than 10%',
      { lastRecordedWeight: { valueKg: 70, ...lastWeek } },
      'DOSE.WEIGHT_CHANGE',
      { value: 77, unit: 'kg' },
      'weightChangeSoftFraction',
    ],
    [
      // 80 / 36.3 = 2.203…, within 0.1 of 2.2046; the limit is the weight compared with.
      'lb/kg mix-up band',
      { lastRecordedWeight: { valueKg: 36.3, ...lastWeek } },
      'DOSE.WEIGHT_LB_KG_MIXUP',
      { value: 36.3, unit: 'kg' },
      'lbKgMixupTolerance',
    ],
    [
      // 2025-01-01 to 2025-03-01 is 59 days, more than 30.
      'weight age of 30 days',
      { weight: { value: 80, unit: 'kg', measuredOn: '2025-01-01' }, asOf: '2025-03-01' },
      'DOSE.WEIGHT_TOO_OLD',
      { value: 30, unit: 'd' },
      'weightMaxAgeDays',
    ],
  ])('%s', (_name, request, code, limit, setting) => {
    const finding = only(limitsFor(knowledgeBase, request), code);
    expect(finding.limit).toEqual(limit);
    expect(finding.basis).toBe('clinic-setting');
    expect(finding.clinicSetting).toEqual({
      scope: 'clinic',
      knowledgeBaseLimit: limit,
      setting,
      atDefault: true,
    });
    expect(finding.message).toContain('clinic setting');
  });

  test('sourced knowledge-base limits carry no clinic setting', () => {
    // 0.9 mg/kg over 20 min: above the soft dose (0.5 mg/kg), the hard rate (2.7 > 1.5 mg/kg/h)
    // and below the soft duration (40 min); 250 mL keeps the concentration inside its limits.
    const limits = limitsFor(knowledgeBase, {
      dose: { value: 0.9, unit: 'mg/kg' },
      duration: { value: 20, unit: 'min' },
    });
    expect(limits.map((l) => l.code).sort()).toEqual([
      'DOSE.DOSE_PER_KG_ABOVE_SOFT_LIMIT',
      'DOSE.DOSE_RATE_ABOVE_HARD_LIMIT',
      'DOSE.DURATION_BELOW_SOFT_LIMIT',
    ]);
    for (const l of limits) {
      expect(l.basis, l.code).toBe('knowledge-base');
      expect(l.clinicSetting, l.code).toBeUndefined();
    }
  });
});

describe('a bound the knowledge base calls a clinic setting, at its default', () => {
  test.each([
    // The psychiatric 1.0 mg/kg, anchored to the highest arm of a dose-finding trial [S45].
    ['depression', 1.2, { value: 1, unit: 'mg/kg' }],
    // Pain and migraine: 2.0 mg/kg, the usual anaesthetic dose [S05].
    ['chronic-pain', 2.2, { value: 2, unit: 'mg/kg' }],
    ['migraine', 2.2, { value: 2, unit: 'mg/kg' }],
  ])('the hard dose maximum of %s', (indication, mgPerKg, limit) => {
    const limits = limitsFor(knowledgeBase, {
      indication,
      dose: { value: mgPerKg, unit: 'mg/kg' },
    });
    const finding = only(limits, 'DOSE.DOSE_PER_KG_ABOVE_HARD_LIMIT');
    expect(finding.limit).toEqual(limit);
    expect(finding.basis).toBe('clinic-setting');
    expect(finding.clinicSetting).toEqual({
      scope: 'clinic',
      knowledgeBaseLimit: limit,
      setting: 'doseMgPerKg.hard.max',
      atDefault: true,
    });
    expect(finding.message).toContain(
      `hard maximum of ${String(limit.value)} mg/kg (a clinic setting; this is the knowledge base's default)`,
    );
  });

  test('the total-dose backstop, hard dose maximum × 250 kg', () => {
    // 300 mg at 80 kg: above 250 mg (1.0 mg/kg × 250 kg), and so above the hard dose per kg too.
    const limits = limitsFor(knowledgeBase, { dose: { value: 300, unit: 'mg' } });
    const finding = only(limits, 'DOSE.TOTAL_DOSE_ABOVE_HARD_LIMIT');
    expect(finding.limit).toEqual({ value: 250, unit: 'mg' });
    expect(finding.basis).toBe('clinic-setting');
    expect(finding.clinicSetting).toEqual({
      scope: 'clinic',
      knowledgeBaseLimit: { value: 250, unit: 'mg' },
      setting: 'totalDoseMg.hard.max',
      atDefault: true,
    });
  });

  test('once the clinic changes it, the finding says the clinic set it', () => {
    const clinic = applied({ guardrails: { depression: { doseMgPerKg: { hard: { max: 0.8 } } } } });
    const finding = only(
      limitsFor(clinic, { dose: { value: 0.9, unit: 'mg/kg' } }),
      'DOSE.DOSE_PER_KG_ABOVE_HARD_LIMIT',
    );
    expect(finding.limit).toEqual({ value: 0.8, unit: 'mg/kg' });
    expect(finding.clinicSetting).toEqual({
      scope: 'clinic',
      knowledgeBaseLimit: { value: 1, unit: 'mg/kg' },
      setting: 'doseMgPerKg.hard.max',
      atDefault: false,
    });
  });

  test('a protocol that does not list the bound leaves it sourced', () => {
    const { settingDefaults: _listed, ...unlisted } = knowledgeBase.doseGuardrails.depression;
    const kb = {
      ...knowledgeBase,
      doseGuardrails: { ...knowledgeBase.doseGuardrails, depression: unlisted },
    };
    const finding = only(
      limitsFor(kb, { dose: { value: 1.2, unit: 'mg/kg' } }),
      'DOSE.DOSE_PER_KG_ABOVE_HARD_LIMIT',
    );
    expect(finding.basis).toBe('knowledge-base');
    expect(finding.clinicSetting).toBeUndefined();
    expect(finding.message).not.toContain('setting');
  });
});

describe('a limit no clinical source sets, once the clinic changes it', () => {
  const clinic = applied({
    guardrails: {
      depression: {
        weightKg: { hard: { max: 200 } },
        weightChangeSoftFraction: 0.05,
        weightMaxAgeDays: 14,
      },
    },
    locations: { downtown: { guardrails: { depression: { weightMaxAgeDays: 7 } } } },
  });

  test('lists the changed weight-check settings with the knowledge base values', () => {
    expect(clinic.doseGuardrails.depression.clinicSetValues).toEqual([
      { setting: 'weightChangeSoftFraction', knowledgeBaseValue: 0.1, scope: 'clinic' },
      { setting: 'weightMaxAgeDays', knowledgeBaseValue: 30, scope: 'clinic' },
    ]);
    expect(clinic.locationGuardrails['downtown']?.depression?.clinicSetValues).toEqual([
      { setting: 'weightChangeSoftFraction', knowledgeBaseValue: 0.1, scope: 'clinic' },
      { setting: 'weightMaxAgeDays', knowledgeBaseValue: 30, scope: 'location' },
    ]);
    expect(knowledgeBase.doseGuardrails.depression.clinicSetValues).toBeUndefined();
    // Set back to the knowledge base's value, it is the default again.
    const same = applied({ guardrails: { depression: { weightMaxAgeDays: 30 } } });
    expect(same.doseGuardrails.depression.clinicSetValues).toBeUndefined();
  });

  test.each([
    [
      'hard weight maximum',
      {},
      { weight: { value: 210, unit: 'kg' } },
      'DOSE.WEIGHT_ABOVE_HARD_LIMIT',
      { value: 200, unit: 'kg' },
      { scope: 'clinic', knowledgeBaseLimit: { value: 250, unit: 'kg' } },
      'weightKg.hard.max',
    ],
    [
      // 75 kg × 1.05 = 78.75 kg; at the knowledge base's 10% it would be 82.5 kg.
      'weight change',
      {},
      { lastRecordedWeight: { valueKg: 75, ...lastWeek } },
      'DOSE.WEIGHT_CHANGE',
      { value: 78.75, unit: 'kg' },
      { scope: 'clinic', knowledgeBaseLimit: { value: 82.5, unit: 'kg' } },
      'weightChangeSoftFraction',
    ],
    [
      'weight age, at a location',
      { location: 'downtown' },
      { weight: { value: 80, unit: 'kg', measuredOn: '2025-02-01' }, asOf: '2025-02-10' },
      'DOSE.WEIGHT_TOO_OLD',
      { value: 7, unit: 'd' },
      { scope: 'location', knowledgeBaseLimit: { value: 30, unit: 'd' } },
      'weightMaxAgeDays',
    ],
  ])('%s says the clinic set it', (_name, where, request, code, limit, set, setting) => {
    const finding = only(limitsFor(clinic, { ...where, ...request }), code);
    expect(finding.limit).toEqual(limit);
    expect(finding.basis).toBe('clinic-setting');
    expect(finding.clinicSetting).toEqual({ ...set, setting, atDefault: false });
  });
});
