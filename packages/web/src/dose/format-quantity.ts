import type { Quantity } from '@ketaflow/core';

const unitText: Readonly<Record<string, string>> = { '[lb_av]': 'lb', '[in_i]': 'in' };

/**
 * A quantity as the calculator computed it: the value is already rounded to its stated increment,
 * so it is shown in full (never re-rounded by a number format) with its unit.
 */
export function formatQuantity(q: Quantity | null): string {
  if (q === null) return '—';
  return `${String(q.value)} ${unitText[q.unit] ?? q.unit}`;
}
