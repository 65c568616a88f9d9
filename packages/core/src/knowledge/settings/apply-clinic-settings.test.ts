import { describe, expect, test } from 'vitest';
import type { Problem } from '../../result';
import { knowledgeBase } from '../default-knowledge-base';
import { validateKnowledgeBase } from '../validate-knowledge-base';
import { applyClinicSettings } from './apply-clinic-settings';

function problemsOf(input: unknown): readonly Problem[] {
  const result = applyClinicSettings(knowledgeBase, input);
  if (result.ok) throw new Error('expected problems, got a knowledge base');
  return result.error;
}

describe('applyClinicSettings rejects bad settings with precise paths', () => {
  test('several bad fields at once give one problem per path', () => {
    const problems = problemsOf({
      clinicName: '',
      bloodPressure: { softSystolicMmHg: 'high' },
      protocols: {
        depression: { defaultDoseMgPerKg: 0.7 },
        'chronic-pain': { defaultDurationMin: 500 },
      },
      prices: { currency: 'usd', consultPrice: -5 },
    });
    expect(problems.map((p) => p.path).sort()).toEqual(
      [
        'bloodPressure.softSystolicMmHg',
        'clinicName',
        'prices.consultPrice',
        'prices.currency',
        'protocols.chronic-pain.defaultDurationMin',
        'protocols.depression.defaultDoseMgPerKg',
      ].sort(),
    );
  });

  test.each([
    [{ clinicName: '' }, 'clinicName', 'must not be empty'],
    [{ prices: { consultPrice: -5 } }, 'prices.consultPrice', 'must be at least 0'],
    [
      { bloodPressure: { hardSystolicMmHg: 'high' } },
      'bloodPressure.hardSystolicMmHg',
      'must be a number',
    ],
    [
      { weightBasisDefault: 'lean' },
      'weightBasisDefault',
      'must be one of: "actual", "ideal", "adjusted"',
    ],
    [
      { guardrails: { ocd: { weightMaxAgeDays: 400 } } },
      'guardrails.ocd.weightMaxAgeDays',
      'must be at most 365',
    ],
  ])('%j is reported as "%s: %s"', (input, path, message) => {
    expect(problemsOf(input)).toEqual([{ code: 'SETTINGS.INVALID_VALUE', message, path }]);
  });

  test('a disordered soft range is reported once, at its own path', () => {
    expect(problemsOf({ guardrails: { ocd: { durationMin: { soft: { min: 60 } } } } })).toEqual([
      {
        code: 'SETTINGS.INCONSISTENT',
        message: 'soft min 60 min is above soft max 40 min',
        path: 'guardrails.ocd.durationMin.soft',
      },
    ]);
  });

  test('an unknown key is an error that names the key', () => {
    const problems = problemsOf({
      colour: 'teal',
      protocols: { depression: { dose: 1 } },
      guardrails: { sleep: {} },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { code: 'SETTINGS.UNKNOWN_KEY', message: "unknown key 'colour'", path: 'colour' },
        {
          code: 'SETTINGS.UNKNOWN_KEY',
          message: "unknown key 'dose'",
          path: 'protocols.depression.dose',
        },
        { code: 'SETTINGS.UNKNOWN_KEY', message: "unknown key 'sleep'", path: 'guardrails.sleep' },
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  test.each([
    [
      'depression',
      'defaultDoseMgPerKg',
      0.7,
      "must be between 0.5 and 0.5 mg/kg (the protocol's sourced range)",
    ],
    [
      'migraine',
      'defaultDoseMgPerKg',
      0.05,
      "must be between 0.1 and 0.5 mg/kg (the protocol's sourced range)",
    ],
    [
      'fibromyalgia',
      'defaultDurationMin',
      200,
      "must be between 240 and 360 min (the protocol's sourced range)",
    ],
  ] as const)('a %s %s of %d is outside the sourced range', (id, key, value, message) => {
    expect(problemsOf({ protocols: { [id]: { [key]: value } } })).toEqual([
      { code: 'SETTINGS.OUT_OF_SOURCED_RANGE', message, path: `protocols.${id}.${key}` },
    ]);
  });

  test.each([
    [
      'loosening a hard limit',
      { guardrails: { depression: { doseMgPerKg: { hard: { max: 1.2 } } } } },
      'SETTINGS.LOOSENS_HARD_LIMIT',
      'guardrails.depression.doseMgPerKg.hard.max',
    ],
    [
      'lowering a hard weight minimum',
      { guardrails: { ptsd: { weightKg: { hard: { min: 20 } } } } },
      'SETTINGS.LOOSENS_HARD_LIMIT',
      'guardrails.ptsd.weightKg.hard.min',
    ],
    [
      'a soft limit above the hard one',
      { guardrails: { migraine: { doseRateMgPerKgPerHour: { soft: { max: 1.5 } } } } },
      'SETTINGS.SOFT_OUTSIDE_HARD',
      'guardrails.migraine.doseRateMgPerKgPerHour.soft.max',
    ],
    [
      'a soft min above the soft max',
      { guardrails: { ocd: { durationMin: { soft: { min: 60 } } } } },
      'SETTINGS.INCONSISTENT',
      'guardrails.ocd.durationMin.soft',
    ],
    [
      'an unknown severity code',
      { severities: { 'CI.NOPE': 'info' } },
      'SETTINGS.UNKNOWN_CODE',
      'severities["CI.NOPE"]',
    ],
    [
      'an invalid severity',
      { severities: { 'CI.PREGNANCY': 'fatal' } },
      'SETTINGS.INVALID_VALUE',
      'severities["CI.PREGNANCY"]',
    ],
    [
      'a soft BP above the hard BP',
      { bloodPressure: { softSystolicMmHg: 185 } },
      'SETTINGS.INCONSISTENT',
      'bloodPressure.softSystolicMmHg',
    ],
    [
      'an unknown indication price',
      { prices: { infusionPriceByIndication: { acne: 100 } } },
      'SETTINGS.UNKNOWN_KEY',
      'prices.infusionPriceByIndication.acne',
    ],
  ] as const)('%s', (_what, input, code, path) => {
    expect(problemsOf(input)).toContainEqual(expect.objectContaining({ code, path }));
  });

  test('tightening a hard limit below the protocol default is refused, with both reasons', () => {
    const problems = problemsOf({
      guardrails: { depression: { doseMgPerKg: { hard: { max: 0.4 } } } },
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['SETTINGS.SOFT_OUTSIDE_HARD', 'guardrails.depression.doseMgPerKg.hard.max'],
      ['SETTINGS.DEFAULT_OUTSIDE_GUARDRAIL', 'guardrails.depression.doseMgPerKg.hard'],
    ]);
  });

  test('shape errors and knowledge-base errors come back together', () => {
    const problems = problemsOf({
      colour: 1,
      protocols: { depression: { defaultDoseMgPerKg: 0.7 } },
    });
    expect(problems.map((p) => p.code).sort()).toEqual([
      'SETTINGS.OUT_OF_SOURCED_RANGE',
      'SETTINGS.UNKNOWN_KEY',
    ]);
  });

  test.each([[null], [42], ['settings'], [[]]])(
    'input %j that is not an object is one problem without a path',
    (input) => {
      const problems = problemsOf(input);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.code).toBe('SETTINGS.INVALID_VALUE');
      expect(problems[0]?.path).toBeUndefined();
    },
  );
});

describe('applyClinicSettings with valid settings', () => {
  const settings = {
    clinicName: 'Harbour Ketamine Clinic',
    weightBasisDefault: 'adjusted',
    severities: { 'CI.PREGNANCY': 'warning', 'IX.BENZODIAZEPINES': 'warning' },
    bloodPressure: { softSystolicMmHg: 150 },
    protocols: {
      'chronic-pain': { defaultDoseMgPerKg: 0.3, defaultDurationMin: 300, weightBasis: 'ideal' },
    },
    guardrails: { depression: { doseMgPerKg: { hard: { max: 0.8 } }, weightMaxAgeDays: 14 } },
    prices: { currency: 'CAD', consultPrice: 250, infusionPriceByIndication: { depression: 450 } },
  };
  const result = applyClinicSettings(knowledgeBase, settings);
  const kb = result.ok ? result.value : undefined;

  test('succeeds and stays a valid knowledge base with its own version', () => {
    expect(result.ok).toBe(true);
    expect(validateKnowledgeBase(kb)).toEqual([]);
    expect(kb?.knowledgeVersion).not.toBe(knowledgeBase.knowledgeVersion);
    expect(applyClinicSettings(knowledgeBase, settings)).toEqual(result);
  });

  test.each([
    ['clinicName', 'clinic.name', null, 'Harbour Ketamine Clinic'],
    ['weightBasisDefault', 'clinic.weightBasisDefault', 'actual', 'adjusted'],
    ['weightBasisDefault', 'protocols.depression.weightBasis', 'actual', 'adjusted'],
    ['protocols.chronic-pain.weightBasis', 'protocols.chronic-pain.weightBasis', 'actual', 'ideal'],
    [
      'protocols.chronic-pain.defaultDoseMgPerKg',
      'protocols.chronic-pain.doseMgPerKg.default',
      0.1,
      0.3,
    ],
    [
      'protocols.chronic-pain.defaultDurationMin',
      'protocols.chronic-pain.durationMin.default',
      240,
      300,
    ],
    [
      'guardrails.depression.doseMgPerKg.hard.max',
      'doseGuardrails.depression.doseMgPerKg.hard.max',
      1,
      0.8,
    ],
    [
      'guardrails.depression.weightMaxAgeDays',
      'doseGuardrails.depression.weightMaxAgeDays',
      30,
      14,
    ],
    [
      'severities["CI.PREGNANCY"]',
      'contraindications["CI.PREGNANCY"].severity',
      'critical',
      'warning',
    ],
    [
      'bloodPressure.softSystolicMmHg',
      'contraindications["CI.UNCONTROLLED_HYPERTENSION"].bloodPressure.soft.systolic.valueMmHg',
      140,
      150,
    ],
    ['prices.currency', 'costs.currency', 'USD', 'CAD'],
    ['prices.consultPrice', 'costs.consultPrice', null, 250],
    [
      'prices.infusionPriceByIndication.depression',
      'costs.infusionPriceByIndication.depression',
      null,
      450,
    ],
  ] as const)('records the override %s -> %s (%j to %j)', (path, target, from, to) => {
    expect(kb?.overrides).toContainEqual({ path, target, from, to });
  });

  test('applies the values and marks a changed BP threshold as a clinic setting', () => {
    expect(kb?.protocols['chronic-pain'].doseMgPerKg).toEqual({ min: 0.1, max: 0.5, default: 0.3 });
    expect(kb?.doseGuardrails.depression.doseMgPerKg.hard.max).toBe(0.8);
    const bp = kb?.contraindications.find(
      (c) => c.code === 'CI.UNCONTROLLED_HYPERTENSION',
    )?.bloodPressure;
    expect(bp?.soft.systolic).toMatchObject({ valueMmHg: 150, basis: 'clinic-setting' });
  });

  test('a setting equal to the current value is not an override', () => {
    expect(kb?.overrides.some((o) => o.path === 'severities["IX.BENZODIAZEPINES"]')).toBe(false);
  });

  test('leaves the built-in base untouched', () => {
    expect(knowledgeBase.protocols['chronic-pain'].doseMgPerKg.default).toBe(0.1);
    expect(knowledgeBase.overrides).toEqual([]);
  });

  test('empty settings change nothing, not even the version', () => {
    const empty = applyClinicSettings(knowledgeBase, {});
    expect(empty.ok && empty.value.knowledgeVersion).toBe(knowledgeBase.knowledgeVersion);
    expect(empty.ok && empty.value.overrides).toEqual([]);
  });
});
