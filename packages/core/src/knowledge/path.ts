const PLAIN_SEGMENT = /^[A-Za-z_$][\w$-]*$/;

/**
 * Formats a field path for messages: `protocols.chronic-pain.defaultDoseMgPerKg`,
 * `products[2].strength`, `severities["CI.PREGNANCY"]`. Segments that are not plain names are
 * quoted so that a path always reads back unambiguously.
 */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'symbol') out += `[${String(segment)}]`;
    else if (PLAIN_SEGMENT.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
