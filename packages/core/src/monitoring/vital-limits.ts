import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import type { SessionVital, SessionVitalLimit } from '../knowledge/schema/monitoring';

/** A set of vital signs; any may be missing (missing is unknown, never normal). */
export interface Vitals {
  readonly systolicMmHg?: number | undefined;
  readonly diastolicMmHg?: number | undefined;
  readonly heartRate?: number | undefined;
  readonly spo2?: number | undefined;
  readonly respiratoryRate?: number | undefined;
  readonly temperatureC?: number | undefined;
}

export const VITAL_LABELS: Readonly<Record<SessionVital, string>> = {
  systolicMmHg: 'Systolic blood pressure',
  diastolicMmHg: 'Diastolic blood pressure',
  heartRate: 'Heart rate',
  spo2: 'SpO2',
  respiratoryRate: 'Respiratory rate',
  temperatureC: 'Temperature',
};

export const VITAL_UNITS: Readonly<Record<SessionVital, string>> = {
  systolicMmHg: 'mmHg',
  diastolicMmHg: 'mmHg',
  heartRate: '/min',
  spo2: '%',
  respiratoryRate: '/min',
  temperatureC: '°C',
};

/** The clinic's in-chair alert limit for one vital sign. */
export function vitalLimit(kb: KnowledgeBase, vital: SessionVital): SessionVitalLimit {
  return kb.monitoring.sessionAlerts.limits[vital];
}

/** Which side of its limits a value is on, or `null` when inside them. */
export function outOfRangeSide(
  limit: SessionVitalLimit,
  value: number,
): { side: 'low' | 'high'; threshold: number } | null {
  if (limit.low !== null && value < limit.low) return { side: 'low', threshold: limit.low };
  if (limit.high !== null && value > limit.high) return { side: 'high', threshold: limit.high };
  return null;
}
