import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { applyClinicSettings } from '../knowledge/settings/apply-clinic-settings';
import { estimateCourse } from './estimate-course';
import { goodFaithEstimate } from './good-faith-estimate';

const applied = applyClinicSettings(knowledgeBase, {
  clinicName: 'Harbour Ketamine Clinic',
  prices: { consultPrice: 250, infusionPriceByIndication: { depression: 450 } },
  branding: { contact: { phone: '+1 555 010 0199', email: 'desk@harbour.example' } },
});
if (!applied.ok) throw new Error(JSON.stringify(applied.error));
const kb = applied.value;

describe('goodFaithEstimate', () => {
  test('shows the same items and total as estimateCourse, with the dispute amount', () => {
    const input = {
      indication: 'depression',
      sessionsPerWeek: 2,
      weeks: 4,
      includeConsult: true,
    } as const;
    const result = goodFaithEstimate(kb, {
      estimate: input,
      issuedOn: '2026-03-02',
      patientName: '  Alex Rivera ',
      fallbackProviderName: 'unused',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const gfe = result.value;
    const course = estimateCourse(kb, input);
    if (!course.ok) throw new Error('expected an estimate');
    expect(gfe.expectedTotal).toEqual(course.value.total);
    // 25000 + 8 × 45000 = 385000; dispute from 385000 + 40000 = 425000
    expect(gfe.expectedTotalText).toBe('$3,850');
    expect(gfe.disputeFromCents).toBe(425_000);
    expect(gfe.items.map((i) => [i.code, i.quantity, i.unitPrice, i.amount])).toEqual([
      ['KF-CONSULT', '1', '$250', '$250'],
      ['KF-IV-KETAMINE', '8', '$450', '$3,600'],
    ]);
    expect(gfe.provider).toEqual({
      name: 'Harbour Ketamine Clinic',
      contact: {
        phone: '+1 555 010 0199',
        email: 'desk@harbour.example',
        address: null,
        website: null,
      },
    });
    expect(gfe.patientName).toBe('Alex Rivera');
    // 2026-03-02 + 90 days = 2026-05-31
    expect([gfe.issuedOn, gfe.validThrough]).toEqual(['2026-03-02', '2026-05-31']);
    const text = gfe.disclaimer.join(' ');
    expect(text).toMatch(/No Surprises Act/);
    expect(text).toMatch(/\$400 or more above/);
    expect(text).toMatch(/\$4,250 or more/);
    expect(text).toMatch(/120 calendar days/);
    expect(text).not.toMatch(/ask the clinic/);
  });

  test('a range dispute applies above the upper end', () => {
    const result = goodFaithEstimate(kb, {
      estimate: { indication: 'depression', includeConsult: false },
      issuedOn: '2026-12-31',
      validDays: 1,
      fallbackProviderName: 'unused',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    // 4–12 × 45000 = 180000–540000; dispute from 540000 + 40000
    expect(result.value.expectedTotalText).toBe('$1,800–$5,400');
    expect(result.value.disputeFromCents).toBe(580_000);
    expect(result.value.validThrough).toBe('2027-01-01');
    expect(result.value.patientName).toBeNull();
    expect(result.value.disclaimer.join(' ')).toMatch(/upper end of the range/);
  });

  test('unset prices: no total, items say ask the clinic, the provider name falls back', () => {
    const result = goodFaithEstimate(knowledgeBase, {
      estimate: { indication: 'migraine', includeConsult: true },
      issuedOn: '2026-03-02',
      fallbackProviderName: 'KetaFlow Demo Clinic',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.provider.name).toBe('KetaFlow Demo Clinic');
    expect(result.value.expectedTotal).toBeNull();
    expect(result.value.disputeFromCents).toBeNull();
    expect(result.value.items.map((i) => i.unitPrice)).toEqual([
      'ask the clinic',
      'ask the clinic',
    ]);
    expect(result.value.disclaimer.join(' ')).toMatch(/ask the clinic/);
  });

  test('reports every bad input with its path', () => {
    const result = goodFaithEstimate(kb, {
      estimate: { indication: 'depression', sessionsPerWeek: 5, includeConsult: false },
      issuedOn: '2026-02-30',
      validDays: 0,
      fallbackProviderName: 'x',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((p) => p.path).sort()).toEqual([
      'issuedOn',
      'sessionsPerWeek',
      'validDays',
    ]);
  });
});
