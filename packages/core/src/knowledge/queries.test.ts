import { describe, expect, test } from 'vitest';
import { INDICATION_IDS, PRODUCT_IDS } from './ids';
import {
  applyClinicSettings,
  findSource,
  getDoseGuardrails,
  getProtocol,
  isIndicationId,
  knowledgeBase,
  listIndications,
  listProducts,
} from './index';

describe('queries', () => {
  test('listIndications follows INDICATION_IDS', () => {
    expect(listIndications().map((i) => i.id)).toEqual([...INDICATION_IDS]);
  });

  test('listProducts returns the three injection strengths and the nasal spray', () => {
    expect(listProducts().map((p) => p.id)).toEqual([...PRODUCT_IDS]);
  });

  test.each(INDICATION_IDS)('getProtocol(%s) and getDoseGuardrails read the same base', (id) => {
    expect(getProtocol(id)).toBe(knowledgeBase.protocols[id]);
    expect(getDoseGuardrails(id)).toBe(knowledgeBase.doseGuardrails[id]);
  });

  test('queries read a clinic knowledge base when given one', () => {
    const result = applyClinicSettings(knowledgeBase, {
      protocols: { migraine: { defaultDoseMgPerKg: 0.2 } },
    });
    const kb = result.ok ? result.value : knowledgeBase;
    expect(getProtocol('migraine', kb).doseMgPerKg.default).toBe(0.2);
    expect(getProtocol('migraine').doseMgPerKg.default).toBe(0.1);
  });

  test.each([
    ['SEED', 'The Kingsley Clinic: Ketamine Infusion patient page'],
    [
      'S45',
      'Double-blind, placebo-controlled, dose-ranging trial of intravenous ketamine as adjunctive therapy in treatment-resistant depression',
    ],
    ['S999', undefined],
  ])('findSource(%s)', (id, title) => {
    expect(findSource(id)?.title).toBe(title);
  });

  test.each([
    ['depression', true],
    ['chronic-pain', true],
    ['acne', false],
    ['Depression', false],
  ])('isIndicationId(%s) is %s', (value, expected) => {
    expect(isIndicationId(value)).toBe(expected);
  });
});
