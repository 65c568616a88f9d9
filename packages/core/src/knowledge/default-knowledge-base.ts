import { alternatives } from './facts/alternatives';
import { contraindications } from './facts/contraindications';
import { costs } from './facts/costs';
import { crisisResourceDefaults } from './facts/crisis-resources';
import { esketamineSchedules } from './facts/esketamine-schedules';
import { doseGuardrails } from './facts/guardrails';
import { indications } from './facts/indications';
import { infusionPreparation } from './facts/infusion-preparation';
import { interactions } from './facts/interactions';
import { medications } from './facts/medications';
import { monitoring } from './facts/monitoring';
import { notes } from './facts/notes';
import { outcomeDefaults } from './facts/outcomes';
import { pregnancyAndLactation } from './facts/pregnancy-lactation';
import { products } from './facts/products';
import { protocols } from './facts/protocols';
import { schedulingDefaults } from './facts/scheduling';
import { sources } from './facts/sources';
import { deepFreeze } from './deep-freeze';
import { computeKnowledgeVersion, type KnowledgeContent } from './knowledge-version';
import type { KnowledgeBase } from './schema/knowledge-base';
import { validateKnowledgeBase } from './validate-knowledge-base';

/**
 * Stamps content with its version, validates it and freezes it.
 *
 * @throws Error when the content is invalid: for built-in data that is a bug, not input.
 */
export function sealKnowledgeBase(content: KnowledgeContent): KnowledgeBase {
  const kb: KnowledgeBase = { ...content, knowledgeVersion: computeKnowledgeVersion(content) };
  const problems = validateKnowledgeBase(kb);
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.path ?? ''}: ${p.message}`).join('; ');
    throw new Error(`Knowledge base is invalid: ${list}`);
  }
  return deepFreeze(kb);
}

/** The built-in knowledge base, before any clinic settings. */
export const knowledgeBase: KnowledgeBase = sealKnowledgeBase({
  schemaVersion: 1,
  clinic: { name: null, weightBasisDefault: 'actual' },
  sources,
  medications,
  products,
  indications,
  protocols,
  esketamineSchedules,
  doseGuardrails,
  locationGuardrails: {},
  infusionPreparation,
  scheduling: schedulingDefaults,
  contraindications,
  interactions,
  pregnancyAndLactation,
  alternatives,
  costs,
  monitoring,
  outcomes: outcomeDefaults,
  crisisResources: crisisResourceDefaults,
  notes,
  overrides: [],
});
