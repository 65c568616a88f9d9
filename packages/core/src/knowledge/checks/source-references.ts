import type { Problem } from '../../result';
import { formatPath } from '../path';
import type { KnowledgeBase } from '../schema/knowledge-base';

interface SourceReference {
  readonly id: string;
  readonly path: readonly PropertyKey[];
}

/** Every string inside any array held by a key named `sources`, wherever it sits. */
function collectSourceReferences(value: unknown, path: readonly PropertyKey[]): SourceReference[] {
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, index) => collectSourceReferences(item, [...path, index]));
  }
  if (typeof value !== 'object' || value === null) return [];
  const found: SourceReference[] = [];
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'sources' && Array.isArray(child)) {
      child.forEach((id: unknown, index) => {
        if (typeof id === 'string') found.push({ id, path: [...path, key, index] });
      });
    } else {
      found.push(...collectSourceReferences(child, [...path, key]));
    }
  }
  return found;
}

/** Source ids are unique and every cited id resolves. */
export function checkSourceReferences(kb: KnowledgeBase): Problem[] {
  const problems: Problem[] = [];
  const known = new Set<string>();
  kb.sources.forEach((source, index) => {
    if (known.has(source.id)) {
      problems.push({
        code: 'KB.DUPLICATE_ID',
        message: `source id '${source.id}' appears more than once`,
        path: formatPath(['sources', index, 'id']),
      });
    }
    known.add(source.id);
  });
  const { sources: _list, ...rest } = kb;
  for (const ref of collectSourceReferences(rest, [])) {
    if (!known.has(ref.id)) {
      problems.push({
        code: 'KB.UNKNOWN_SOURCE',
        message: `source id '${ref.id}' is not in the source list`,
        path: formatPath(ref.path),
      });
    }
  }
  return problems;
}

/** Ids of every source cited somewhere outside the source list itself. */
export function citedSourceIds(kb: KnowledgeBase): ReadonlySet<string> {
  const { sources: _list, ...rest } = kb;
  return new Set(collectSourceReferences(rest, []).map((ref) => ref.id));
}
