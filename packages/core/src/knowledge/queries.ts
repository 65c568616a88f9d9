import { knowledgeBase } from './default-knowledge-base';
import { ESKETAMINE_NASAL_PRODUCT_ID, INDICATION_IDS, type ProtocolId } from './ids';
import type { DoseGuardrails } from './schema/guardrails';
import type { Indication } from './schema/indication';
import type { KnowledgeBase } from './schema/knowledge-base';
import type { NasalDevice, Product } from './schema/product';
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

/**
 * The esketamine nasal spray's device facts: mg per device, sprays per device, minutes between
 * devices and the labeled maximum per session [S09b][S14][S15].
 *
 * @throws Error when the product or its device facts are missing: `validateKnowledgeBase`
 * rejects such a knowledge base, so that is a bug, not input.
 */
export function getNasalSprayDevice(kb: KnowledgeBase = knowledgeBase): NasalDevice {
  const device = kb.products.find((p) => p.id === ESKETAMINE_NASAL_PRODUCT_ID)?.device;
  if (device === undefined)
    throw new Error(`knowledge base has no device facts for '${ESKETAMINE_NASAL_PRODUCT_ID}'`);
  return device;
}

/** A source by id, or `undefined` when the id is unknown. */
export function findSource(id: string, kb: KnowledgeBase = knowledgeBase): Source | undefined {
  return kb.sources.find((s) => s.id === id);
}
