import type { Problem } from '../../result';
import { INDICATION_IDS, PROTOCOL_IDS } from '../ids';
import { formatPath } from '../path';
import type { KnowledgeBase } from '../schema/knowledge-base';

function duplicates<T>(items: readonly T[], key: (item: T) => string, listName: string): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  items.forEach((item, index) => {
    const value = key(item);
    if (seen.has(value)) {
      problems.push({
        code: 'KB.DUPLICATE_ID',
        message: `'${value}' appears more than once in ${listName}`,
        path: formatPath([listName, index]),
      });
    }
    seen.add(value);
  });
  return problems;
}

/** Ids and codes are unique, keyed records agree with their keys, and references resolve. */
export function checkIdentity(kb: KnowledgeBase): Problem[] {
  const problems: Problem[] = [
    ...duplicates(kb.medications, (m) => m.id, 'medications'),
    ...duplicates(kb.products, (p) => p.id, 'products'),
    ...duplicates(kb.indications, (i) => i.id, 'indications'),
    ...duplicates(kb.esketamineSchedules, (s) => s.id, 'esketamineSchedules'),
    ...duplicates(kb.notes, (n) => n.id, 'notes'),
  ];

  // Codes share one namespace: clinic severities are keyed by code alone.
  const coded = [
    ...kb.contraindications.map((c, i) => ({
      code: c.code,
      path: ['contraindications', i, 'code'],
    })),
    ...kb.interactions.map((c, i) => ({ code: c.code, path: ['interactions', i, 'code'] })),
    ...kb.pregnancyAndLactation.map((c, i) => ({
      code: c.code,
      path: ['pregnancyAndLactation', i, 'code'],
    })),
  ];
  const codes = new Set<string>();
  for (const entry of coded) {
    if (codes.has(entry.code)) {
      problems.push({
        code: 'KB.DUPLICATE_CODE',
        message: `code '${entry.code}' is used more than once`,
        path: formatPath(entry.path),
      });
    }
    codes.add(entry.code);
  }

  const indicationIds = new Set(kb.indications.map((i) => i.id));
  for (const id of INDICATION_IDS) {
    if (!indicationIds.has(id)) {
      problems.push({
        code: 'KB.MISSING_INDICATION',
        message: `indication '${id}' is missing`,
        path: 'indications',
      });
    }
    const alternatives = kb.alternatives[id];
    if (alternatives.indicationId !== id) {
      problems.push({
        code: 'KB.KEY_MISMATCH',
        message: `alternatives keyed '${id}' describe '${alternatives.indicationId}'`,
        path: formatPath(['alternatives', id, 'indicationId']),
      });
    }
  }
  for (const id of PROTOCOL_IDS) {
    const protocol = kb.protocols[id];
    if (protocol.id !== id || protocol.indicationId !== id) {
      problems.push({
        code: 'KB.KEY_MISMATCH',
        message: `protocol keyed '${id}' has id '${protocol.id}' and indication '${protocol.indicationId}'`,
        path: formatPath(['protocols', id]),
      });
    }
  }

  const medicationIds = new Set(kb.medications.map((m) => m.id));
  kb.products.forEach((product, index) => {
    if (!medicationIds.has(product.medicationId)) {
      problems.push({
        code: 'KB.UNKNOWN_REFERENCE',
        message: `medication '${product.medicationId}' is not in medications`,
        path: formatPath(['products', index, 'medicationId']),
      });
    }
  });
  const productIds = new Set(kb.products.map((p) => p.id));
  kb.esketamineSchedules.forEach((schedule, index) => {
    if (!productIds.has(schedule.productId)) {
      problems.push({
        code: 'KB.UNKNOWN_REFERENCE',
        message: `product '${schedule.productId}' is not in products`,
        path: formatPath(['esketamineSchedules', index, 'productId']),
      });
    }
  });
  return problems;
}
