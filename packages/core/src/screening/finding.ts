import type { Severity } from '../knowledge/ids';
import type { Finding } from './types';

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, critical: 2 };

/** The lower of two severities. */
export function capSeverity(a: Severity, cap: Severity): Severity {
  return RANK[a] <= RANK[cap] ? a : cap;
}

export function severityRank(s: Severity): number {
  return RANK[s];
}

/** Cuts a summary to the contract's 140 characters at a word boundary. */
export function clip(summary: string): string {
  if (summary.length <= 140) return summary;
  const cut = summary.slice(0, 139);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 100 ? space : 139)}…`;
}

/** Most severe first, then by code, then by first evidence, so results are stable. */
export function compareFindings(a: Finding, b: Finding): number {
  const bySeverity = RANK[b.severity] - RANK[a.severity];
  if (bySeverity !== 0) return bySeverity;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  const ra = a.evidence[0]?.reference ?? '';
  const rb = b.evidence[0]?.reference ?? '';
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}
