import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import { applyClinicSettings } from '../knowledge/settings/apply-clinic-settings';
import { calculateDose, doseToJson } from './dose-request';

/** The message of the one weight finding `code` for an 80 kg patient. */
function messageOf(kb: KnowledgeBase, code: string, request: Record<string, unknown>): string {
  const r = calculateDose(kb, {
    indication: 'depression',
    weight: { value: 80, unit: 'kg' },
    ...request,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const found = doseToJson(r.value).limits.filter((l) => l.code === code);
  expect(found).toHaveLength(1);
  return found[0]?.message ?? '';
}

const applied = applyClinicSettings(knowledgeBase, {
  guardrails: {
    depression: { weightChangeSoftFraction: 0.05, lbKgMixupTolerance: 0.05, weightMaxAgeDays: 14 },
  },
});
if (!applied.ok) throw new Error(JSON.stringify(applied.error));
const clinic = applied.value;

// No clinical source gives these limits: each message says the number is a clinic setting.
describe('soft weight checks say their limit is a clinic setting', () => {
  test.each([
    [
      'weight change, default 10%',
      knowledgeBase,
      'DOSE.WEIGHT_CHANGE',
      { lastRecordedWeight: { valueKg: 70, measuredOn: '2025-02-01' } },
      'Weight 80 kg is 10 kg more than the last recorded 70 kg (2025-02-01), a change of more than 10% (a clinic setting): confirm the weight or override with a reason',
    ],
    [
      'weight change, clinic 5%',
      clinic,
      'DOSE.WEIGHT_CHANGE',
      { lastRecordedWeight: { valueKg: 75, measuredOn: '2025-02-01' } },
      'Weight 80 kg is 5 kg more than the last recorded 75 kg (2025-02-01), a change of more than 5% (a clinic setting): confirm the weight or override with a reason',
    ],
    [
      'lb entered as kg, default band 0.1',
      knowledgeBase,
      'DOSE.WEIGHT_LB_KG_MIXUP',
      { lastRecordedWeight: { valueKg: 36.3, measuredOn: '2025-02-01' } },
      'Weight 80 kg is 2.203… times the last recorded 36.3 kg (2025-02-01): was it entered in lb as kg? Weigh again in kg, or override with a reason (flagged as within 0.1 of 2.2046 lb per kg, a clinic setting)',
    ],
    [
      'kg recorded as lb, clinic band 0.05',
      clinic,
      'DOSE.WEIGHT_LB_KG_MIXUP',
      { lastRecordedWeight: { valueKg: 176, measuredOn: '2025-02-01' } },
      'Weight 80 kg is 1/2.2 of the last recorded 176 kg (2025-02-01): was a weight in lb recorded as kg? Check both, or override with a reason (flagged as within 0.05 of 2.2046 lb per kg, a clinic setting)',
    ],
    [
      'weight age, default 30 days',
      knowledgeBase,
      'DOSE.WEIGHT_TOO_OLD',
      { weight: { value: 80, unit: 'kg', measuredOn: '2025-01-01' }, asOf: '2025-02-15' },
      'The weight was measured 45 days ago, more than the 30 days allowed (a clinic setting): weigh again, or override with a reason',
    ],
    [
      'weight age, clinic 14 days',
      clinic,
      'DOSE.WEIGHT_TOO_OLD',
      { weight: { value: 80, unit: 'kg', measuredOn: '2025-02-01' }, asOf: '2025-02-16' },
      'The weight was measured 15 days ago, more than the 14 days allowed (a clinic setting): weigh again, or override with a reason',
    ],
  ] as const)('%s', (_name, kb, code, request, message) => {
    expect(messageOf(kb, code, { concentration: { value: 50, unit: 'mg/mL' }, ...request })).toBe(
      message,
    );
  });
});

// The hard weight range (30–250 kg) only catches typing and unit errors: no clinical source sets
// it either, so its message says it is a clinic setting even at the knowledge base's own value.
describe('the hard weight range says it is a clinic setting', () => {
  const request = (kg: number) => ({
    weight: { value: kg, unit: 'kg' },
    concentration: { value: 50, unit: 'mg/mL' },
  });
  test('at the knowledge base default', () => {
    expect(messageOf(knowledgeBase, 'DOSE.WEIGHT_ABOVE_HARD_LIMIT', request(260))).toBe(
      'Weight 260 kg is above the hard maximum of 250 kg (a clinic setting with no clinical source) for depression: blocked',
    );
    expect(messageOf(knowledgeBase, 'DOSE.WEIGHT_BELOW_HARD_LIMIT', request(25))).toBe(
      'Weight 25 kg is below the hard minimum of 30 kg (a clinic setting with no clinical source) for depression: blocked',
    );
  });
  test('set by the clinic, with the knowledge base value it replaced', () => {
    const set = applyClinicSettings(knowledgeBase, {
      guardrails: { depression: { weightKg: { hard: { max: 200 } } } },
    });
    if (!set.ok) throw new Error(JSON.stringify(set.error));
    expect(messageOf(set.value, 'DOSE.WEIGHT_ABOVE_HARD_LIMIT', request(210))).toBe(
      "Weight 210 kg is above the hard maximum of 200 kg (a clinic setting; the knowledge base's is 250 kg) for depression: blocked",
    );
  });
});
