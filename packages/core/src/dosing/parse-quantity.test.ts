import { describe, expect, test } from 'vitest';
import { parseQuantity } from './parse-quantity';

describe('parseQuantity', () => {
  test.each([
    ['80kg', 80, 'kg'],
    ['176 lb', 176, 'lb'],
    ['176 LBS', 176, 'lb'],
    ['  72.5 kg  ', 72.5, 'kg'],
    ['.5h', 0.5, 'h'],
    ['5.h', 5, 'h'],
    ['+40 min', 40, 'min'],
    ['1.5 hours', 1.5, 'h'],
    ['0.5mg/kg', 0.5, 'mg/kg'],
    ['50 mg/ml', 50, 'mg/mL'],
    ['100 mL', 100, 'mL'],
    ['170cm', 170, 'cm'],
    ['67 inches', 67, 'in'],
  ])('%j is %d %s', (text, value, unit) => {
    expect(parseQuantity(text)).toEqual({ ok: true, value: { value, unit } });
  });

  test.each([
    ['-80kg', 'DOSE.NOT_POSITIVE', 'weight'],
    ['0 kg', 'DOSE.NOT_POSITIVE', 'weight'],
    ['-0kg', 'DOSE.NOT_POSITIVE', 'weight'],
    ['80', 'DOSE.MISSING_UNIT', 'weight.unit'],
    ['80 st', 'DOSE.UNKNOWN_UNIT', 'weight.unit'],
    ['80 mg', 'DOSE.UNKNOWN_UNIT', 'weight.unit'],
    ['1e3kg', 'DOSE.UNKNOWN_UNIT', 'weight.unit'],
    ['80kg extra', 'DOSE.UNKNOWN_UNIT', 'weight.unit'],
    ['kg', 'DOSE.INVALID_INPUT', 'weight'],
    ['', 'DOSE.INVALID_INPUT', 'weight'],
    ['NaN kg', 'DOSE.INVALID_INPUT', 'weight'],
    ['Infinity kg', 'DOSE.INVALID_INPUT', 'weight'],
    [`${'9'.repeat(400)} kg`, 'DOSE.INVALID_INPUT', 'weight'],
  ])('%j is refused with %s at %s', (text, code, path) => {
    const result = parseQuantity(text, { field: 'weight', units: ['kg', 'lb'] });
    expect(!result.ok && result.error.map((p) => [p.code, p.path])).toEqual([[code, path]]);
  });

  test('a bad number and a bad unit are both reported', () => {
    const result = parseQuantity('-5 stone', { field: 'weight', units: ['kg', 'lb'] });
    expect(!result.ok && result.error.map((p) => p.code)).toEqual([
      'DOSE.NOT_POSITIVE',
      'DOSE.UNKNOWN_UNIT',
    ]);
  });

  test.each([[80], [null], [undefined], [['80kg']], [{ value: 80, unit: 'kg' }]])(
    'non-text %j is an input problem, not a throw',
    (value) => {
      const result = parseQuantity(value);
      expect(!result.ok && result.error.map((p) => [p.code, p.path])).toEqual([
        ['DOSE.INVALID_INPUT', 'quantity'],
      ]);
    },
  );

  test('a known unit that the field does not accept names the accepted ones', () => {
    const result = parseQuantity('40 min', { field: 'dose', units: ['mg', 'mg/kg'] });
    expect(!result.ok && result.error[0]?.message).toBe(
      'dose unit "min" is not accepted here (use mg or mg/kg)',
    );
  });
});
