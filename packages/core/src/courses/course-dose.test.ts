import { describe, expect, test } from 'vitest';
import { knowledgeBase as kb } from '../knowledge/default-knowledge-base';
import { checkCourseDose } from './course-dose';

const iv = (value: number, unit = 'mg/kg', locationCode?: string) =>
  checkCourseDose(kb, {
    product: 'ketamine-iv',
    protocolId: 'depression',
    dose: { value, unit },
    ...(locationCode === undefined ? {} : { locationCode }),
  });
const nasal = (value: number, unit = 'mg') =>
  checkCourseDose(kb, {
    product: 'esketamine-nasal',
    protocolId: 'depression',
    dose: { value, unit },
  });

describe('a course dose is checked against the hard limits before it is ordered', () => {
  const hardMax = kb.doseGuardrails.depression.doseMgPerKg.hard.max!;

  test('ketamine IV up to the protocol hard limit passes; above it is blocked', () => {
    expect(iv(0.5)).toEqual({ blocked: false, problems: [] });
    expect(iv(hardMax)).toEqual({ blocked: false, problems: [] });
    const above = iv(hardMax + 0.1);
    expect(above.blocked).toBe(true);
    expect(above.problems).toEqual([
      expect.objectContaining({ code: 'DOSE.DOSE_PER_KG_ABOVE_HARD_LIMIT', path: 'dose.value' }),
    ]);
    expect(iv(1000).blocked).toBe(true);
  });

  test('a location that tightens the hard limit is held to its own', () => {
    const own = kb.doseGuardrails.depression;
    const tighter = {
      ...kb,
      locationGuardrails: {
        downtown: {
          depression: { ...own, doseMgPerKg: { ...own.doseMgPerKg, hard: { max: 0.6 } } },
        },
      },
    };
    const at = (locationCode: string) =>
      checkCourseDose(tighter, {
        product: 'ketamine-iv',
        protocolId: 'depression',
        dose: { value: 0.75, unit: 'mg/kg' },
        locationCode,
      });
    expect(at('downtown').blocked).toBe(true);
    expect(at('riverside').blocked).toBe(false);
  });

  test('esketamine is whole 28 mg devices up to the labeled 84 mg', () => {
    expect(nasal(56)).toEqual({ blocked: false, problems: [] });
    expect(nasal(84)).toEqual({ blocked: false, problems: [] });
    expect(nasal(112)).toMatchObject({
      blocked: true,
      problems: [{ code: 'DOSE.NASAL_ABOVE_LABEL_MAX', path: 'dose.value' }],
    });
    expect(nasal(300)).toMatchObject({
      blocked: false,
      problems: [{ code: 'DOSE.NASAL_NOT_WHOLE_DEVICES', path: 'dose.value' }],
    });
  });

  test('the unit must match the product', () => {
    expect(nasal(0.5, 'mg/kg')).toMatchObject({
      blocked: false,
      problems: [{ code: 'DOSE.UNKNOWN_UNIT', path: 'dose.unit' }],
    });
    expect(iv(40, 'mg')).toMatchObject({
      blocked: false,
      problems: [{ code: 'DOSE.UNKNOWN_UNIT', path: 'dose.unit' }],
    });
  });
});
