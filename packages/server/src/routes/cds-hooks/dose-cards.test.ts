import { applyClinicSettings, knowledgeBase, type KnowledgeBase } from '@ketaflow/core';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { Card } from './card-types';
import { DOSE_LIMITS_EXTENSION, orderDoseCard, type DoseCheckContext } from './dose-cards';
import { CdsResponseSchema } from './schemas';

/** A draft order for `mg` of ketamine, as the hook's draftOrders would carry it. */
function order(mg: number) {
  return {
    product: 'ketamine-iv' as const,
    resource: {
      resourceType: 'MedicationRequest',
      dosageInstruction: [
        {
          doseAndRate: [
            {
              doseQuantity: {
                value: mg,
                unit: 'mg',
                system: 'http://unitsofmeasure.org',
                code: 'mg',
              },
            },
          ],
        },
      ],
    },
  };
}

function context(kb: KnowledgeBase): DoseCheckContext {
  return {
    kb,
    indication: 'depression',
    asOf: '2026-03-02T14:00:00Z',
    publicUrl: 'https://ketaflow.example',
    hook: 'order-sign',
  };
}

describe('the no-weight dose card names a clinic-set hard total', () => {
  test('the knowledge base limit says nothing more; a tightened one says it is the clinic setting', () => {
    const shipped = orderDoseCard(order(500), undefined, context(knowledgeBase));
    expect(shipped?.indicator).toBe('critical');
    expect(shipped?.detail).not.toContain('clinic setting');

    const applied = applyClinicSettings(knowledgeBase, {
      guardrails: { depression: { totalDoseMg: { hard: { max: 200 } } } },
    });
    if (!applied.ok) throw new Error(JSON.stringify(applied.error));
    const tightened = orderDoseCard(order(220), undefined, context(applied.value));
    expect(tightened?.summary).toContain('200 mg');
    expect(tightened?.detail).toContain(
      "The hard total-dose limit (a clinic setting; the knowledge base's is 250 mg).",
    );
  });
});

describe('a dose card lists its limits as JSON in its extension', () => {
  const limitsOf = (card: Card | undefined) => {
    // As the route answers: the response schema keeps the extension.
    const [sent] = z.encode(CdsResponseSchema, { cards: card === undefined ? [] : [card] }).cards;
    return sent?.extension?.[DOSE_LIMITS_EXTENSION] as Record<string, unknown>[] | undefined;
  };

  test('the hard weight maximum, which no clinical source sets, is a clinic setting at its default', () => {
    const card = orderDoseCard(
      order(100),
      { valueKg: 260, date: '2026-03-01' },
      context(knowledgeBase),
    );
    expect(card?.source.topic.code).toBe('CDS.DOSE_NOT_CHECKED');
    expect(limitsOf(card)).toContainEqual(
      expect.objectContaining({
        code: 'DOSE.WEIGHT_ABOVE_HARD_LIMIT',
        basis: 'clinic-setting',
        clinicSetting: {
          scope: 'clinic',
          knowledgeBaseLimit: { value: 250, unit: 'kg' },
          setting: 'weightKg.hard.max',
          atDefault: true,
        },
      }),
    );
  });

  test("a sourced limit is the knowledge base's own; the hard dose maximum a setting", () => {
    // 120 mg for 80 kg is 1.5 mg/kg, above the hard maximum of 1 mg/kg (a clinic setting at
    // its default, which the knowledge base anchors to a trial's highest arm) and, over 40
    // minutes, above the hard rate of 1.5 mg/kg/h (the knowledge base's own).
    const card = orderDoseCard(
      order(120),
      { valueKg: 80, date: '2026-03-01' },
      context(knowledgeBase),
    );
    expect(card?.source.topic.code).toBe('CDS.DOSE_OUT_OF_RANGE');
    const limits = limitsOf(card) ?? [];
    const dose = limits.find((l) => l['code'] === 'DOSE.DOSE_PER_KG_ABOVE_HARD_LIMIT');
    expect(dose).toMatchObject({
      basis: 'clinic-setting',
      clinicSetting: {
        scope: 'clinic',
        knowledgeBaseLimit: { value: 1, unit: 'mg/kg' },
        setting: 'doseMgPerKg.hard.max',
        atDefault: true,
      },
    });
    const sourced = limits.filter((l) => l !== dose);
    expect(sourced.map((l) => l['code'])).toContain('DOSE.DOSE_RATE_ABOVE_HARD_LIMIT');
    for (const l of sourced) {
      expect(l['basis']).toBe('knowledge-base');
      expect(l).not.toHaveProperty('clinicSetting');
    }
  });
});
