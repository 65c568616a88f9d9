import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { getNasalSprayDevice } from '../knowledge/queries';
import { calculateInfusion } from './calculate-infusion';
import { calculateNasalDose } from './calculate-nasal';
import { dosingProtocolFor, infusionSettingsFor } from './from-knowledge';
import { DOSE_PROBLEM as P } from './problems';
import type { InfusionInput } from './types';

const protocol = dosingProtocolFor(knowledgeBase, 'depression');
const settings = infusionSettingsFor(knowledgeBase);
const valid: InfusionInput = {
  protocol,
  weight: { value: 80, unit: 'kg' },
  vialConcentration: { value: 50, unit: 'mg/mL' },
  settings,
};
const g = protocol.guardrails;

/** [what, fields replacing those of a valid input, expected [code, path] pairs]. */
const BAD_INPUTS: readonly (readonly [
  string,
  Record<string, unknown>,
  readonly (readonly [string, string])[],
])[] = [
  ['no weight (there is never a default)', { weight: undefined }, [[P.MISSING_INPUT, 'weight']]],
  ['weight null', { weight: null }, [[P.MISSING_INPUT, 'weight']]],
  ['weight negative', { weight: { value: -80, unit: 'kg' } }, [[P.NOT_POSITIVE, 'weight']]],
  ['weight zero', { weight: { value: 0, unit: 'kg' } }, [[P.NOT_POSITIVE, 'weight']]],
  ['weight NaN', { weight: { value: NaN, unit: 'kg' } }, [[P.INVALID_INPUT, 'weight']]],
  ['weight Infinity', { weight: { value: Infinity, unit: 'kg' } }, [[P.INVALID_INPUT, 'weight']]],
  ['weight 1e12 kg', { weight: { value: 1e12, unit: 'kg' } }, [[P.OUT_OF_RANGE, 'weight']]],
  ['weight 5000 lb', { weight: { value: 5000, unit: 'lb' } }, [[P.OUT_OF_RANGE, 'weight']]],
  [
    'weight 0.0004 kg (0 g)',
    { weight: { value: 0.0004, unit: 'kg' } },
    [[P.OUT_OF_RANGE, 'weight']],
  ],
  ['weight 0.5 lb', { weight: { value: 0.5, unit: 'lb' } }, [[P.OUT_OF_RANGE, 'weight']]],
  [
    'weight with 7 decimals',
    { weight: { value: 80.0000001, unit: 'kg' } },
    [[P.TOO_PRECISE, 'weight']],
  ],
  ['weight without a unit', { weight: { value: 80 } }, [[P.MISSING_UNIT, 'weight.unit']]],
  [
    'weight with an empty unit',
    { weight: { value: 80, unit: '' } },
    [[P.MISSING_UNIT, 'weight.unit']],
  ],
  ['weight in stone', { weight: { value: 12, unit: 'st' } }, [[P.UNKNOWN_UNIT, 'weight.unit']]],
  ['weight in g', { weight: { value: 80000, unit: 'g' } }, [[P.UNKNOWN_UNIT, 'weight.unit']]],
  ['weight as a number', { weight: 80 }, [[P.INVALID_INPUT, 'weight']]],
  ['weight as text', { weight: '80kg' }, [[P.INVALID_INPUT, 'weight']]],
  ['weight as an array', { weight: [80, 'kg'] }, [[P.INVALID_INPUT, 'weight']]],
  ['weight value as text', { weight: { value: '80', unit: 'kg' } }, [[P.INVALID_INPUT, 'weight']]],
  ['weight value null', { weight: { value: null, unit: 'kg' } }, [[P.INVALID_INPUT, 'weight']]],
  [
    'weight with no value and no unit',
    { weight: {} },
    [
      [P.MISSING_UNIT, 'weight.unit'],
      [P.MISSING_INPUT, 'weight'],
    ],
  ],
  [
    'weight measured on a date that does not exist',
    { weight: { value: 80, unit: 'kg', measuredOn: '2025-02-30' } },
    [[P.INVALID_DATE, 'weight.measuredOn']],
  ],
  [
    'weight measured after asOf',
    { weight: { value: 80, unit: 'kg', measuredOn: '2025-03-02' }, asOf: '2025-03-01' },
    [[P.DATE_AFTER_AS_OF, 'weight.measuredOn']],
  ],
  ['asOf without an offset', { asOf: '2025-03-01T09:00:00' }, [[P.INVALID_DATE, 'asOf']]],
  [
    'unsupported vial strength 30 mg/mL',
    { vialConcentration: { value: 30, unit: 'mg/mL' } },
    [[P.UNSUPPORTED_CONCENTRATION, 'vialConcentration']],
  ],
  [
    'vial strength in mg',
    { vialConcentration: { value: 50, unit: 'mg' } },
    [[P.UNKNOWN_UNIT, 'vialConcentration.unit']],
  ],
  ['no vial strength', { vialConcentration: undefined }, [[P.MISSING_INPUT, 'vialConcentration']]],
  [
    'vial strength negative',
    { vialConcentration: { value: -50, unit: 'mg/mL' } },
    [[P.NOT_POSITIVE, 'vialConcentration']],
  ],
  ['dose negative', { dose: { value: -0.5, unit: 'mg/kg' } }, [[P.NOT_POSITIVE, 'dose']]],
  ['dose zero', { dose: { value: 0, unit: 'mg' } }, [[P.NOT_POSITIVE, 'dose']]],
  ['dose NaN', { dose: { value: NaN, unit: 'mg/kg' } }, [[P.INVALID_INPUT, 'dose']]],
  ['dose in mL', { dose: { value: 1, unit: 'mL' } }, [[P.UNKNOWN_UNIT, 'dose.unit']]],
  ['dose without a unit', { dose: { value: 0.5 } }, [[P.MISSING_UNIT, 'dose.unit']]],
  ['dose 500 mg/kg', { dose: { value: 500, unit: 'mg/kg' } }, [[P.OUT_OF_RANGE, 'dose']]],
  ['dose 1e12 mg', { dose: { value: 1e12, unit: 'mg' } }, [[P.OUT_OF_RANGE, 'dose']]],
  [
    'dose with 5 decimals of mg/kg',
    { dose: { value: 0.50001, unit: 'mg/kg' } },
    [[P.TOO_PRECISE, 'dose']],
  ],
  ['duration zero', { duration: { value: 0, unit: 'min' } }, [[P.NOT_POSITIVE, 'duration']]],
  [
    'duration -Infinity',
    { duration: { value: -Infinity, unit: 'h' } },
    [[P.INVALID_INPUT, 'duration']],
  ],
  [
    'duration in seconds',
    { duration: { value: 2400, unit: 's' } },
    [[P.UNKNOWN_UNIT, 'duration.unit']],
  ],
  ['duration 30 days', { duration: { value: 720, unit: 'h' } }, [[P.OUT_OF_RANGE, 'duration']]],
  ['duration as text', { duration: '40 min' }, [[P.INVALID_INPUT, 'duration']]],
  ['unknown weight basis', { weightBasis: 'lean' }, [[P.INVALID_INPUT, 'weightBasis']]],
  ['weight basis null', { weightBasis: null }, [[P.INVALID_INPUT, 'weightBasis']]],
  [
    'ideal weight without height and sex',
    { weightBasis: 'ideal' },
    [
      [P.MISSING_INPUT, 'height'],
      [P.MISSING_INPUT, 'sex'],
    ],
  ],
  [
    'adjusted weight without sex',
    { weightBasis: 'adjusted', height: { value: 170, unit: 'cm' } },
    [[P.MISSING_INPUT, 'sex']],
  ],
  [
    'adjusted weight without height',
    { weightBasis: 'adjusted', sex: 'female' },
    [[P.MISSING_INPUT, 'height']],
  ],
  [
    'ideal weight under 60 in',
    { weightBasis: 'ideal', sex: 'female', height: { value: 150, unit: 'cm' } },
    [[P.HEIGHT_BELOW_DEVINE_MINIMUM, 'height']],
  ],
  ['height 5 cm', { height: { value: 5, unit: 'cm' } }, [[P.OUT_OF_RANGE, 'height']]],
  ['height in feet', { height: { value: 5.8, unit: 'ft' } }, [[P.UNKNOWN_UNIT, 'height.unit']]],
  ['sex unknown value', { sex: 'x' }, [[P.INVALID_INPUT, 'sex']]],
  ['no settings', { settings: undefined }, [[P.INVALID_SETTINGS, 'settings']]],
  ['settings null', { settings: null }, [[P.INVALID_SETTINGS, 'settings']]],
  [
    'bag of zero mL',
    { settings: { ...settings, bagVolumeMl: 0 } },
    [[P.NOT_POSITIVE, 'settings.bagVolumeMl']],
  ],
  [
    'bag as text',
    { settings: { ...settings, bagVolumeMl: '100' } },
    [[P.INVALID_INPUT, 'settings.bagVolumeMl']],
  ],
  [
    'bag of 1e12 mL',
    { settings: { ...settings, bagVolumeMl: 1e12 } },
    [[P.OUT_OF_RANGE, 'settings.bagVolumeMl']],
  ],
  [
    'unknown bag mode',
    { settings: { ...settings, bagMode: 'replace' } },
    [[P.INVALID_SETTINGS, 'settings.bagMode']],
  ],
  [
    'volume increment NaN',
    { settings: { ...settings, volumeIncrementMl: NaN } },
    [[P.INVALID_INPUT, 'settings.volumeIncrementMl']],
  ],
  [
    'rate increment missing',
    { settings: { ...settings, rateIncrementMlPerHour: undefined } },
    [[P.MISSING_INPUT, 'settings.rateIncrementMlPerHour']],
  ],
  ['no protocol', { protocol: undefined }, [[P.MISSING_INPUT, 'protocol']]],
  ['protocol as text', { protocol: 'depression' }, [[P.MISSING_INPUT, 'protocol']]],
  [
    'protocol without guardrails',
    { protocol: { ...protocol, guardrails: null } },
    [[P.INVALID_PROTOCOL, 'protocol.guardrails']],
  ],
  [
    'protocol dose range null',
    { protocol: { ...protocol, doseMgPerKg: null } },
    [[P.INVALID_PROTOCOL, 'protocol.doseMgPerKg']],
  ],
  [
    'protocol soft range null',
    { protocol: { ...protocol, guardrails: { ...g, doseMgPerKg: { soft: null, hard: {} } } } },
    [[P.INVALID_PROTOCOL, 'protocol.guardrails.doseMgPerKg.soft']],
  ],
  [
    'protocol hard maximum as text',
    {
      protocol: {
        ...protocol,
        guardrails: { ...g, totalDoseMg: { soft: {}, hard: { max: '250' } } },
      },
    },
    [[P.INVALID_PROTOCOL, 'protocol.guardrails.totalDoseMg.hard.max']],
  ],
  ['overrides not a list', { overrides: 'all' }, [[P.INVALID_INPUT, 'overrides']]],
  [
    'override without a code',
    { overrides: [{ reason: 'ok' }] },
    [[P.INVALID_INPUT, 'overrides[0].code']],
  ],
  [
    'override reason not text',
    { overrides: [{ code: 'DOSE.WEIGHT_CHANGE', reason: 1 }] },
    [[P.INVALID_INPUT, 'overrides[0].reason']],
  ],
  [
    'last weight without a date',
    { lastRecordedWeight: { valueKg: 80 } },
    [[P.INVALID_DATE, 'lastRecordedWeight.measuredOn']],
  ],
  [
    'last weight of 0.1 kg',
    { lastRecordedWeight: { valueKg: 0.1, measuredOn: '2025-01-01' } },
    [[P.OUT_OF_RANGE, 'lastRecordedWeight.valueKg']],
  ],
];

describe('bad input gives problems naming each field, never a throw', () => {
  test.each(BAD_INPUTS)('%s', (_what, fields, expected) => {
    const result = calculateInfusion({ ...valid, ...fields });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((p) => [p.code, p.path])).toEqual(expected);
    for (const p of result.error) expect(p.message).toContain(p.path!.split('.')[0]!.split('[')[0]);
  });

  test('every bad field is reported at once', () => {
    const result = calculateInfusion({
      protocol,
      weight: { value: -1, unit: 'kg' },
      vialConcentration: { value: 30, unit: 'mg/mL' },
      duration: { value: 40, unit: 'sec' },
      settings: { ...settings, bagMode: 'x' },
    } as unknown as InfusionInput);
    expect(!result.ok && result.error.map((p) => p.path)).toEqual([
      'weight',
      'vialConcentration',
      'settings.bagMode',
      'duration.unit',
    ]);
  });

  test.each([[null], [undefined], [80], ['80kg'], [[]]])('input %j is refused', (input) => {
    const result = calculateInfusion(input as unknown as InfusionInput);
    expect(result.ok).toBe(false);
  });
});

describe('designed hard limits, not input errors', () => {
  test('100 mg/mL with no room to dilute is computed and blocked as undiluted', () => {
    const result = calculateInfusion({
      ...valid,
      vialConcentration: { value: 100, unit: 'mg/mL' },
      settings: { ...settings, bagMode: 'withdraw-equal-volume', bagVolumeMl: 0.4 },
    });
    expect(result.ok && result.value.blocked).toBe(true);
    expect(result.ok && result.value.limits.map((l) => [l.code, l.field])).toEqual([
      ['DOSE.CONCENTRATION_ABOVE_HARD_LIMIT', 'finalConcentrationMgPerMl'],
      ['DOSE.UNDILUTED_100_MG_PER_ML', 'finalConcentrationMgPerMl'],
    ]);
  });

  test('a plausible but out-of-range weight (300 kg) is a hard limit on weightKg', () => {
    const result = calculateInfusion({ ...valid, weight: { value: 300, unit: 'kg' } });
    expect(result.ok && result.value.limits.map((l) => [l.code, l.field])).toContainEqual([
      'DOSE.WEIGHT_ABOVE_HARD_LIMIT',
      'weightKg',
    ]);
    expect(result.ok && result.value.blocked).toBe(true);
  });
});

describe('bad nasal input', () => {
  test.each([
    ['negative', { dose: { value: -56, unit: 'mg' } }, P.NOT_POSITIVE, 'dose'],
    ['zero', { dose: { value: 0, unit: 'mg' } }, P.NOT_POSITIVE, 'dose'],
    ['NaN', { dose: { value: NaN, unit: 'mg' } }, P.INVALID_INPUT, 'dose'],
    ['no unit', { dose: { value: 56 } }, P.MISSING_UNIT, 'dose.unit'],
    ['mg/kg', { dose: { value: 56, unit: 'mg/kg' } }, P.UNKNOWN_UNIT, 'dose.unit'],
    ['absurd', { dose: { value: 1e12, unit: 'mg' } }, P.OUT_OF_RANGE, 'dose'],
    ['text', { dose: '56 mg' }, P.INVALID_INPUT, 'dose'],
    ['missing', {}, P.MISSING_INPUT, 'dose'],
    ['null input', null, P.MISSING_INPUT, 'dose'],
  ])('%s', (_what, input, code, path) => {
    const result = calculateNasalDose(getNasalSprayDevice(knowledgeBase), input as never);
    expect(!result.ok && result.error.map((p) => [p.code, p.path])).toEqual([[code, path]]);
  });
});
