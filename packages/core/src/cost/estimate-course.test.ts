import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import { applyClinicSettings } from '../knowledge/settings/apply-clinic-settings';
import { CASE_PRICES, ESTIMATE_CASES } from './estimate-cases';
import { estimateCourse } from './estimate-course';
import { estimateNasalSpray } from './nasal-spray';

function pricedKb(): KnowledgeBase {
  const applied = applyClinicSettings(knowledgeBase, { prices: CASE_PRICES });
  if (!applied.ok) throw new Error(JSON.stringify(applied.error));
  return applied.value;
}

const kb = pricedKb();

describe('estimateCourse', () => {
  test.each(ESTIMATE_CASES)('$name', (c) => {
    const result = estimateCourse(kb, c.input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const estimate = result.value;
    const infusions = estimate.lines.find((l) => l.kind === 'infusions');
    expect(estimate.sessions).toEqual(c.sessions);
    expect(infusions?.arithmetic).toBe(c.arithmetic);
    expect(
      infusions?.amount == null
        ? null
        : { min: infusions.amount.minCents, max: infusions.amount.maxCents },
    ).toEqual(c.infusionCents);
    expect(
      estimate.total === null
        ? null
        : { min: estimate.total.minCents, max: estimate.total.maxCents },
    ).toEqual(c.totalCents);
    expect(estimate.totalArithmetic).toBe(c.totalArithmetic);
    expect(estimate.lines.some((l) => l.kind === 'consult')).toBe(c.input.includeConsult);
  });

  test('labels the consult and infusions as the clinic prices', () => {
    const result = estimateCourse(kb, { indication: 'depression', includeConsult: true });
    if (!result.ok) throw new Error('expected an estimate');
    expect(result.value.lines.map((l) => l.unitPrice)).toEqual([
      { basis: 'clinic', cents: 25_000 },
      { basis: 'clinic', cents: 45_000 },
    ]);
    expect(result.value.totalNote).toMatch(/range/);
  });

  test('with no prices set, every line says ask the clinic and there is no total', () => {
    const result = estimateCourse(knowledgeBase, {
      indication: 'depression',
      sessionsPerWeek: 2,
      weeks: 4,
      includeConsult: true,
    });
    if (!result.ok) throw new Error('expected an estimate');
    expect(result.value.lines.map((l) => l.unitPrice.basis)).toEqual([
      'ask-the-clinic',
      'ask-the-clinic',
    ]);
    expect(result.value.lines.every((l) => l.amount === null)).toBe(true);
    expect(result.value.total).toBeNull();
    expect(result.value.totalNote).toMatch(/ask the clinic/i);
  });

  test('notes a course longer than the protocol gives', () => {
    const result = estimateCourse(kb, {
      indication: 'depression',
      sessionsPerWeek: 1,
      weeks: 8,
      includeConsult: false,
    });
    if (!result.ok) throw new Error('expected an estimate');
    // 1 × 8 = 8 sessions; 8 × 45000 = 360000
    expect(result.value.total).toEqual({ minCents: 360_000, maxCents: 360_000 });
    expect(result.value.lines[0]?.note).toMatch(/4–6 weeks; this estimate uses 8/);
  });

  test.each([
    [{ sessionsPerWeek: 3 }, 'depression', 'COST.SESSIONS_OUTSIDE_PROTOCOL', 'sessionsPerWeek'],
    [{ sessionsPerWeek: 1.5 }, 'depression', 'COST.SESSIONS_OUTSIDE_PROTOCOL', 'sessionsPerWeek'],
    [{ weeks: 0 }, 'depression', 'COST.INVALID_WEEKS', 'weeks'],
    [{ weeks: 53 }, 'ptsd', 'COST.INVALID_WEEKS', 'weeks'],
    [{ weeks: 4 }, 'migraine', 'COST.AS_NEEDED_PROTOCOL', 'weeks'],
    [{ sessionsPerWeek: 1 }, 'fibromyalgia', 'COST.AS_NEEDED_PROTOCOL', 'sessionsPerWeek'],
  ] as const)('refuses %o for %s with %s at %s', (extra, indication, code, path) => {
    const result = estimateCourse(kb, { indication, includeConsult: false, ...extra });
    expect(result).toEqual({ ok: false, error: [expect.objectContaining({ code, path })] });
  });
});

describe('estimateNasalSpray', () => {
  test('gives the sourced 30-day range, labelled as a source range, not a clinic price', () => {
    // seed page: $600–$900 for a 30-day supply without insurance with a GoodRx coupon
    expect(estimateNasalSpray(kb)).toMatchObject({
      basis: 'source-range',
      supplyDays: 30,
      range: { minCents: 60_000, maxCents: 90_000 },
      text: '$600–$900',
      sources: ['SEED'],
    });
    expect(estimateNasalSpray(kb).conditions).toMatch(/GoodRx/);
  });
});
