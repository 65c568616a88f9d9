import { INDICATION_IDS, type IndicationId } from '../ids';
import type { Costs } from '../schema/costs';

function unsetPrices(): Record<IndicationId, number | null> {
  const out = {} as Record<IndicationId, number | null>;
  for (const id of INDICATION_IDS) out[id] = null;
  return out;
}

/**
 * Cost facts. Clinic prices are placeholders: `null` means "not set: ask the clinic", and the
 * cost module must say so rather than show a number.
 */
export const costs: Costs = {
  nasalSpray30DaySupply: {
    min: 600,
    max: 900,
    currency: 'USD',
    conditions: '30-day supply of Spravato without insurance, using a GoodRx coupon (seed page).',
    sources: ['SEED'],
  },
  injectableNote:
    'Clinic-administered ketamine infusions are priced differently; check with the pharmacy or the clinic.',
  currency: 'USD',
  consultPrice: null,
  infusionPriceByIndication: unsetPrices(),
  sources: ['SEED'],
};
