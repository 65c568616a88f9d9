import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import { SESSION_VITALS, type SessionVital } from '../knowledge/schema/monitoring';
import { outOfRangeSide, VITAL_LABELS, VITAL_UNITS, vitalLimit, type Vitals } from './vital-limits';

/** One value beyond its alert limit, with the limit and where the limit comes from. */
export interface ReadingFinding {
  readonly code: string;
  readonly vital: SessionVital;
  readonly side: 'low' | 'high';
  readonly value: number;
  readonly threshold: number;
  readonly unit: string;
  readonly basis: 'sourced' | 'clinic-setting';
  readonly sources: readonly string[];
  readonly message: string;
}

export interface ReadingContext {
  readonly product: 'ketamine-iv' | 'esketamine-nasal';
  /** `during` while dosing or observing, `after` in recovery. */
  readonly phase: 'during' | 'after';
}

function findingCode(vital: SessionVital, side: 'low' | 'high'): string {
  const names: Record<SessionVital, string> = {
    systolicMmHg: 'SYSTOLIC',
    diastolicMmHg: 'DIASTOLIC',
    heartRate: 'HEART_RATE',
    spo2: 'SPO2',
    respiratoryRate: 'RESPIRATORY_RATE',
    temperatureC: 'TEMPERATURE',
  };
  return `VITALS.${names[vital]}_${side === 'low' ? 'LOW' : 'HIGH'}`;
}

/**
 * Checks one reading against the clinic's in-chair alert limits (`kb.monitoring.sessionAlerts`):
 * one finding per value beyond a limit. Absent values are not findings here (a reading may carry
 * only some vitals); the pre-check is where a missing vital counts.
 */
export function checkReading(
  kb: KnowledgeBase,
  reading: Vitals,
  _context: ReadingContext,
): ReadingFinding[] {
  const findings: ReadingFinding[] = [];
  for (const vital of SESSION_VITALS) {
    const value = reading[vital];
    if (value === undefined) continue;
    const limit = vitalLimit(kb, vital);
    const out = outOfRangeSide(limit, value);
    if (out === null) continue;
    const unit = VITAL_UNITS[vital];
    findings.push({
      code: findingCode(vital, out.side),
      vital,
      side: out.side,
      value,
      threshold: out.threshold,
      unit,
      basis: limit.basis,
      sources: limit.sources,
      // The nurse sees this text in the alert: say when the limit is the clinic's own choice.
      message: `${VITAL_LABELS[vital]} ${value} ${unit} is ${out.side === 'low' ? 'below' : 'above'} ${out.threshold} ${unit}${limit.basis === 'clinic-setting' ? ' (a clinic setting)' : ''}`,
    });
  }
  return findings;
}

/**
 * When the next reading is due: the knowledge base's interval (during or after the session), or
 * the shorter out-of-range interval (clinic setting) while the last reading had a finding.
 */
export function nextReadingDueAt(
  kb: KnowledgeBase,
  args: {
    readonly lastReadingAt: Date;
    readonly phase: 'during' | 'after';
    readonly outOfRange: boolean;
  },
): Date {
  const { vitalSigns, sessionAlerts } = kb.monitoring;
  const usual =
    args.phase === 'during'
      ? vitalSigns.bpIntervalDuringInfusionMin
      : vitalSigns.bpIntervalAfterInfusionMin;
  const minutes = args.outOfRange ? Math.min(usual, sessionAlerts.outOfRangeIntervalMin) : usual;
  return new Date(args.lastReadingAt.getTime() + minutes * 60_000);
}
