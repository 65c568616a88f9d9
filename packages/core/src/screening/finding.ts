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

/**
 * A blood-pressure value as a clinic writes it: whole mmHg. Thresholds are compared on the exact
 * value, so when `limit` is given and the value is above it but would round to it (180.4 against
 * 180), just enough decimals are shown that the text still reads as above the limit.
 */
export function formatMmHg(value: number, limit?: number): string {
  const whole = Math.round(value);
  if (limit === undefined || !(value > limit) || whole > limit) return String(whole);
  for (let digits = 1; digits <= 4; digits += 1) {
    const shown = value.toFixed(digits);
    if (Number(shown) > limit) return shown;
  }
  return String(value);
}

/** `168/89 mmHg on 2025-02-20`: the display of a reading (see `formatMmHg` for `limits`). */
export function formatBloodPressure(
  systolic: number,
  diastolic: number,
  date: string,
  limits?: { readonly systolic: number; readonly diastolic: number },
): string {
  return `${formatMmHg(systolic, limits?.systolic)}/${formatMmHg(diastolic, limits?.diastolic)} mmHg on ${date.slice(0, 10)}`;
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
