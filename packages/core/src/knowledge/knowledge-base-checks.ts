import type { Problem } from '../result';
import { checkClinicalConsistency } from './checks/clinical-consistency';
import { checkIdentity } from './checks/identity';
import { checkProducts } from './checks/products';
import { checkSourceReferences } from './checks/source-references';
import { computeKnowledgeVersion } from './knowledge-version';
import type { KnowledgeBase } from './schema/knowledge-base';

/** Every check beyond the schema; see `validateKnowledgeBase`. */
export function checkCrossReferences(kb: KnowledgeBase): Problem[] {
  const problems = [
    ...checkSourceReferences(kb),
    ...checkIdentity(kb),
    ...checkClinicalConsistency(kb),
    ...checkProducts(kb),
  ];
  const expected = computeKnowledgeVersion(kb);
  if (kb.knowledgeVersion !== expected) {
    problems.push({
      code: 'KB.VERSION_MISMATCH',
      message: `knowledgeVersion is '${kb.knowledgeVersion}' but the content hashes to '${expected}'`,
      path: 'knowledgeVersion',
    });
  }
  return problems;
}
