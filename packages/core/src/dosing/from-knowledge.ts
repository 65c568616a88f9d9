/**
 * The bridge from the knowledge base (after clinic settings) to the dosing calculator: a
 * protocol with its guardrails, for the clinic or one of its locations, and the clinic's infusion
 * preparation. Results are cached per knowledge base so the calculator's own per-protocol cache
 * (by object identity) keeps working.
 */
import type { ProtocolId } from '../knowledge/ids';
import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import type { DosingProtocol, InfusionSettings } from './types';

const protocolCache = new WeakMap<KnowledgeBase, Map<string, DosingProtocol>>();
const settingsCache = new WeakMap<KnowledgeBase, InfusionSettings>();

/**
 * The dosing view of a protocol: its dose and duration ranges with the clinic's defaults, its
 * weight basis, and the guardrails of `locationCode` when that location tightens them (else the
 * clinic's).
 */
export function dosingProtocolFor(
  kb: KnowledgeBase,
  protocolId: ProtocolId,
  locationCode?: string,
): DosingProtocol {
  let byKey = protocolCache.get(kb);
  if (byKey === undefined) {
    byKey = new Map();
    protocolCache.set(kb, byKey);
  }
  const key = `${protocolId}\u0000${locationCode ?? ''}`;
  const cached = byKey.get(key);
  if (cached !== undefined) return cached;
  const protocol = kb.protocols[protocolId];
  const local =
    locationCode === undefined ? undefined : kb.locationGuardrails[locationCode]?.[protocolId];
  const made: DosingProtocol = {
    id: protocolId,
    doseMgPerKg: {
      min: protocol.doseMgPerKg.min,
      max: protocol.doseMgPerKg.max,
      default: protocol.doseMgPerKg.default,
    },
    durationMin: {
      min: protocol.durationMin.min,
      max: protocol.durationMin.max,
      default: protocol.durationMin.default,
    },
    weightBasis: protocol.weightBasis,
    guardrails: local ?? kb.doseGuardrails[protocolId],
  };
  byKey.set(key, made);
  return made;
}

/** The clinic's bag, bag mode and increments, as the calculator takes them. */
export function infusionSettingsFor(kb: KnowledgeBase): InfusionSettings {
  const cached = settingsCache.get(kb);
  if (cached !== undefined) return cached;
  const p = kb.infusionPreparation;
  // Frozen: the calculator reads frozen settings once and reuses them.
  const made: InfusionSettings = Object.freeze({
    bagVolumeMl: p.bagVolumeMl,
    bagMode: p.bagMode,
    volumeIncrementMl: p.volumeIncrementMl,
    rateIncrementMlPerHour: p.rateIncrementMlPerHour,
  });
  settingsCache.set(kb, made);
  return made;
}
