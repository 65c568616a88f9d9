import type { IndicationId } from '../knowledge/ids';
import type { OutcomeInstrument } from '../knowledge/schema/indication';
import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import type { StandardInstrument } from '../knowledge/schema/outcome-instrument';
import type { InstrumentRef, OutcomeCriteria } from '../knowledge/schema/outcomes';

/** A built-in instrument (PHQ-9, GAD-7, PCL-5, pain NRS) from a knowledge base. */
export function getInstrument(kb: KnowledgeBase, id: OutcomeInstrument): StandardInstrument {
  const found = kb.outcomes.instruments.find((i) => i.id === id);
  // The knowledge-base schema requires all four; a missing one is a bug.
  if (found === undefined) throw new Error(`knowledge base has no instrument '${id}'`);
  return found;
}

/**
 * The instrument an indication's patients fill in: the defaults (depression, bipolar
 * depression and suicidal thoughts PHQ-9; anxiety GAD-7; PTSD PCL-5; chronic pain, migraine and
 * fibromyalgia pain NRS; others PHQ-9), changed by `outcomes.instrumentByIndication`. A
 * `custom:<form id>` names a clinic's custom form, which the caller resolves.
 */
export function instrumentForIndication(
  kb: KnowledgeBase,
  indication: IndicationId,
): InstrumentRef {
  return kb.outcomes.instrumentByIndication[indication];
}

/** Response and remission criteria of a built-in instrument, clinic settings applied. */
export function outcomeCriteria(kb: KnowledgeBase, id: OutcomeInstrument): OutcomeCriteria {
  return kb.outcomes.criteria[id];
}

/** Days between scales sent during a course, besides the one before each session. */
export function scaleIntervalDays(kb: KnowledgeBase): number {
  return kb.outcomes.scaleIntervalDays;
}

/** Hours before a session from which its scale is due (clinic setting, default 72). */
export function preSessionWindowHours(kb: KnowledgeBase): number {
  return kb.outcomes.preSessionWindowHours;
}
