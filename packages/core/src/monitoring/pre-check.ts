import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import { SESSION_VITALS } from '../knowledge/schema/monitoring';
import type { Decision as ScreeningDecision } from '../screening/types';
import { outOfRangeSide, VITAL_LABELS, VITAL_UNITS, vitalLimit, type Vitals } from './vital-limits';

export type PreCheckDecision = 'go' | 'needs-prescriber' | 'do-not-start';

/** Why the pre-check decided what it did; `critical` means do not start, `warning` ask a prescriber. */
export interface PreCheckReason {
  readonly code: string;
  readonly severity: 'info' | 'warning' | 'critical';
  readonly message: string;
  /** Path of the input field, e.g. `vitals.systolicMmHg`. */
  readonly field: string;
  readonly sources: readonly string[];
}

export interface PreCheckInput {
  readonly vitals: Vitals;
  readonly weightKg?: number | undefined;
  readonly pregnancyTest?: 'negative' | 'positive' | 'not-applicable' | undefined;
  readonly fasting?: boolean | undefined;
  readonly medicationChanges?: readonly string[] | undefined;
  readonly consentOnFile?: boolean | undefined;
  /** The decision of the screening re-run with today's data (unknown when not re-run). */
  readonly screeningDecision?: ScreeningDecision | undefined;
}

export interface PreCheckResult {
  readonly decision: PreCheckDecision;
  readonly reasons: readonly PreCheckReason[];
}

function bloodPressureReasons(
  kb: KnowledgeBase,
  vitals: Vitals,
  product: 'ketamine-iv' | 'esketamine-nasal',
): PreCheckReason[] {
  const reasons: PreCheckReason[] = [];
  const holder = kb.contraindications.find((c) => c.bloodPressure !== undefined);
  const bp = holder?.bloodPressure;
  if (bp === undefined) return reasons;
  for (const axis of ['systolic', 'diastolic'] as const) {
    const field = axis === 'systolic' ? 'systolicMmHg' : 'diastolicMmHg';
    const value = vitals[field];
    if (value === undefined) continue;
    const hard = bp.hard[axis];
    const soft = bp.soft[axis];
    if (value > hard.valueMmHg) {
      reasons.push({
        code: `PRECHECK.BP_${axis.toUpperCase()}_ABOVE_HARD`,
        severity: 'critical',
        message: `${axis === 'systolic' ? 'Systolic' : 'Diastolic'} BP ${value} mmHg is above ${hard.valueMmHg} mmHg: do not start`,
        field: `vitals.${field}`,
        sources: hard.sources,
      });
    } else if (value > soft.valueMmHg) {
      reasons.push({
        code: `PRECHECK.BP_${axis.toUpperCase()}_ABOVE_SOFT`,
        severity: 'warning',
        message: `${axis === 'systolic' ? 'Systolic' : 'Diastolic'} BP ${value} mmHg is above ${soft.valueMmHg} mmHg${product === 'esketamine-nasal' ? ' (esketamine label pre-dose guide)' : ''}: a prescriber weighs risk and benefit`,
        field: `vitals.${field}`,
        sources: soft.sources,
      });
    }
  }
  return reasons;
}

function otherVitalReasons(kb: KnowledgeBase, vitals: Vitals): PreCheckReason[] {
  const reasons: PreCheckReason[] = [];
  for (const vital of SESSION_VITALS) {
    const value = vitals[vital];
    const label = VITAL_LABELS[vital];
    if (value === undefined) {
      reasons.push({
        code: 'PRECHECK.VITAL_MISSING',
        severity: 'warning',
        message: `${label} was not measured: unknown is never normal`,
        field: `vitals.${vital}`,
        sources: kb.monitoring.vitalSigns.sources,
      });
      continue;
    }
    // Blood pressure has its own soft/hard pre-session thresholds; a low BP still alerts here.
    const limit = vitalLimit(kb, vital);
    const out = outOfRangeSide(limit, value);
    if (out === null) continue;
    if ((vital === 'systolicMmHg' || vital === 'diastolicMmHg') && out.side === 'high') continue;
    reasons.push({
      code: 'PRECHECK.VITAL_OUT_OF_RANGE',
      severity: 'warning',
      message: `${label} ${value} ${VITAL_UNITS[vital]} is ${out.side === 'low' ? 'below' : 'above'} ${out.threshold} ${VITAL_UNITS[vital]}`,
      field: `vitals.${vital}`,
      sources: limit.sources,
    });
  }
  return reasons;
}

/**
 * Decides whether a session may start: `do-not-start` on any critical reason, `needs-prescriber`
 * on any warning, else `go`. Every reason is listed, each with its field and sources. Missing data
 * is never normal: a missing vital, weight, pregnancy result, fasting status or consent answer is
 * at least a warning; no consent on file or a positive pregnancy test is critical.
 */
export function evaluatePreCheck(
  kb: KnowledgeBase,
  input: PreCheckInput,
  product: 'ketamine-iv' | 'esketamine-nasal',
): PreCheckResult {
  const esk = kb.monitoring.esketamineSession;
  const reasons: PreCheckReason[] = [
    ...bloodPressureReasons(kb, input.vitals, product),
    ...otherVitalReasons(kb, input.vitals),
  ];
  const labelSources = esk.sources;
  if (input.weightKg === undefined && product === 'ketamine-iv')
    reasons.push({
      code: 'PRECHECK.WEIGHT_MISSING',
      severity: 'warning',
      message: "Today's weight is missing: the dose is calculated from it",
      field: 'weight',
      sources: kb.monitoring.vitalSigns.sources,
    });
  if (input.pregnancyTest === 'positive')
    reasons.push({
      code: 'PRECHECK.PREGNANCY_POSITIVE',
      severity: 'critical',
      message: 'Positive pregnancy test: do not start',
      field: 'pregnancyTest',
      sources: labelSources,
    });
  else if (input.pregnancyTest === undefined)
    reasons.push({
      code: 'PRECHECK.PREGNANCY_UNKNOWN',
      severity: 'warning',
      message: 'No pregnancy test result and not marked as not applicable',
      field: 'pregnancyTest',
      sources: labelSources,
    });
  if (input.fasting !== true)
    reasons.push({
      code: input.fasting === false ? 'PRECHECK.NOT_FASTING' : 'PRECHECK.FASTING_UNKNOWN',
      severity: 'warning',
      message:
        input.fasting === false
          ? `Not fasting (the esketamine label asks for no food ${esk.noFoodHoursBefore} h and no liquids ${esk.noLiquidsMinutesBefore} min before): nausea and vomiting are more likely`
          : 'Fasting status not recorded',
      field: 'fasting',
      sources: labelSources,
    });
  if (input.consentOnFile !== true)
    reasons.push({
      code: 'PRECHECK.NO_CONSENT',
      severity: 'critical',
      message: 'No consent on file: do not start',
      field: 'consentOnFile',
      sources: kb.monitoring.discharge.sources,
    });
  const changes = input.medicationChanges ?? [];
  if (changes.length > 0 && input.screeningDecision === undefined)
    reasons.push({
      code: 'PRECHECK.MEDICATION_CHANGES_UNSCREENED',
      severity: 'warning',
      message: 'Medication changes were reported but not re-screened',
      field: 'medicationChanges',
      sources: labelSources,
    });
  if (input.screeningDecision === 'contraindicated')
    reasons.push({
      code: 'PRECHECK.SCREENING_CONTRAINDICATED',
      severity: 'critical',
      message: "The re-screening with today's data is contraindicated: do not start",
      field: 'medicationChanges',
      sources: labelSources,
    });
  else if (input.screeningDecision === 'needs-review')
    reasons.push({
      code: 'PRECHECK.SCREENING_NEEDS_REVIEW',
      severity: 'warning',
      message: "The re-screening with today's data needs a prescriber's review",
      field: 'medicationChanges',
      sources: labelSources,
    });
  const decision: PreCheckDecision = reasons.some((r) => r.severity === 'critical')
    ? 'do-not-start'
    : reasons.some((r) => r.severity === 'warning')
      ? 'needs-prescriber'
      : 'go';
  return { decision, reasons };
}
