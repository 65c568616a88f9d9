import { applyClinicSettings, knowledgeBase, type KnowledgeBase } from '@ketaflow/core';
import { describe, expect, test } from 'vitest';
import { orderDoseCard, type DoseCheckContext } from './dose-cards';

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
