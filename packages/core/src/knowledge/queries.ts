import { knowledgeBase } from './default-knowledge-base';
import { INDICATION_IDS, type ProtocolId } from './ids';
import type { DoseGuardrails } from './schema/guardrails';
import type { Indication } from './schema/indication';
import type { KnowledgeBase } from './schema/knowledge-base';
import type { Product } from './schema/product';
import type { InfusionProtocol } from './schema/protocol';
import type { Source } from './schema/source';

/** The IV protocol for an indication (defaults to the built-in knowledge base). */
export function getProtocol(id: ProtocolId, kb: KnowledgeBase = knowledgeBase): InfusionProtocol {
  return kb.protocols[id];
}

/** Soft and hard dose limits of a protocol, as the dosing module consumes them. */
export function getDoseGuardrails(
  id: ProtocolId,
  kb: KnowledgeBase = knowledgeBase,
): DoseGuardrails {
  return kb.doseGuardrails[id];
}

/** Indications in the canonical order of `INDICATION_IDS`. */
export function listIndications(kb: KnowledgeBase = knowledgeBase): readonly Indication[] {
  return INDICATION_IDS.flatMap((id) => kb.indications.filter((i) => i.id === id));
}

/** Every product (injection strengths and the nasal spray). */
export function listProducts(kb: KnowledgeBase = knowledgeBase): readonly Product[] {
  return kb.products;
}

/** A source by id, or `undefined` when the id is unknown. */
export function findSource(id: string, kb: KnowledgeBase = knowledgeBase): Source | undefined {
  return kb.sources.find((s) => s.id === id);
}
