import type { ScreeningResult } from '@ketaflow/core';

export interface WarningToAccept {
  code: string;
  summary: string;
}

/** One entry per distinct warning code (the first summary names it): what signing needs a reason for. */
export function warningsToAccept(result: ScreeningResult): WarningToAccept[] {
  const byCode = new Map<string, string>();
  for (const finding of result.findings)
    if (finding.severity === 'warning' && !byCode.has(finding.code))
      byCode.set(finding.code, finding.summary);
  return [...byCode].map(([code, summary]) => ({ code, summary }));
}

/** The label of the reason field for a warning; the browser tests find the fields by it. */
export function reasonLabel(warning: WarningToAccept): string {
  return `Reason to accept ${warning.code}: ${warning.summary}`;
}
