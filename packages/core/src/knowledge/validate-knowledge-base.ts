import type { Problem } from '../result';
import { checkCrossReferences } from './knowledge-base-checks';
import { knowledgeBaseSchema } from './schema/knowledge-base';
import { problemsFromZodIssues } from './zod-problems';

/**
 * Checks a knowledge base: its schema first, then cross-references and clinical consistency
 * (every source id resolves, every indication has a protocol, guardrails and alternatives, codes
 * are unique, defaults lie inside their ranges, soft limits inside hard ones, the version stamp
 * matches the content). Returns every problem found; an empty array means valid.
 */
export function validateKnowledgeBase(kb: unknown): Problem[] {
  const parsed = knowledgeBaseSchema.safeParse(kb);
  if (!parsed.success) return problemsFromZodIssues(parsed.error.issues, 'KB');
  return checkCrossReferences(parsed.data);
}
