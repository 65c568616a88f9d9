import { err, ok, type Problem, type Result } from '../../result';
import { deepFreeze } from '../deep-freeze';
import { computeKnowledgeVersion } from '../knowledge-version';
import type { KnowledgeBase } from '../schema/knowledge-base';
import { validateKnowledgeBase } from '../validate-knowledge-base';
import { applySettingsToContent } from './apply-settings';
import { checkClinicSettings } from './check-settings';
import { parseClinicSettings } from './parse-settings';

/**
 * Applies a clinic's settings (untrusted input, e.g. a JSON body) to a knowledge base.
 *
 * Returns every problem at once, each with the path of the setting (`protocols.depression.
 * defaultDoseMgPerKg`), or the effective knowledge base with its own `knowledgeVersion` and the
 * list of `overrides`. Protocol defaults must stay inside the protocol's sourced range and hard
 * guardrails may only be tightened; sourced ranges themselves cannot be changed by a clinic.
 */
export function applyClinicSettings(
  base: KnowledgeBase,
  input: unknown,
): Result<KnowledgeBase, Problem[]> {
  const parsed = parseClinicSettings(input);
  const problems = [...parsed.problems, ...checkClinicSettings(parsed.settings, base)];
  if (problems.length > 0) return err(problems);

  const content = applySettingsToContent(base, parsed.settings);
  const kb: KnowledgeBase = { ...content, knowledgeVersion: computeKnowledgeVersion(content) };
  // Safety net: settings that pass the checks above should never make the base invalid.
  const invalid = validateKnowledgeBase(kb);
  if (invalid.length > 0) return err(invalid);
  return ok(deepFreeze(kb));
}
