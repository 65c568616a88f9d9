import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import { formatMoneyRange, toCents } from './money';
import type { NasalSprayEstimate } from './types';

/**
 * The 30-day cost of esketamine nasal spray (Spravato) as the source gives it: a published range
 * under stated conditions (no insurance, a discount coupon), never the clinic's own price.
 */
export function estimateNasalSpray(kb: KnowledgeBase): NasalSprayEstimate {
  const fact = kb.costs.nasalSpray30DaySupply;
  const range = { minCents: toCents(fact.min), maxCents: toCents(fact.max) };
  return {
    basis: 'source-range',
    product: 'esketamine-nasal-spray-28-mg',
    supplyDays: 30,
    currency: fact.currency,
    range,
    text: formatMoneyRange(range, fact.currency),
    conditions: fact.conditions,
    sources: fact.sources,
    injectableNote: kb.costs.injectableNote,
  };
}
