import { z } from 'zod';
import type { KnowledgeBase, OverrideValue } from '../schema/knowledge-base';
import {
  REMS_FORM_DUE_MAX_DAYS,
  SESSION_VITALS,
  type Monitoring,
  type RemsFormDeadline,
  type SessionVitalLimit,
  type SessionVital,
} from '../schema/monitoring';

type Note = (
  path: readonly PropertyKey[],
  target: readonly PropertyKey[],
  from: OverrideValue | undefined,
  to: OverrideValue,
) => void;

const limit = z
  .strictObject({
    low: z.number().min(0).max(300).nullable().exactOptional(),
    high: z.number().min(0).max(300).nullable().exactOptional(),
  })
  .exactOptional();

/**
 * The `monitoring` part of the clinic settings: in-chair alert limits per vital sign, reading
 * intervals, the modified Aldrete discharge score, esketamine's blood-pressure window and REMS
 * form deadline. Every field optional.
 */
export const monitoringSettingsSchema = z.strictObject({
  /** Modified Aldrete total needed to discharge (knowledge-base default 9 of 10). */
  aldreteMinScore: z.number().int().min(7).max(10).exactOptional(),
  /** Usual interval between readings during and after the session (minutes). */
  readingIntervalDuringMin: z.number().int().min(1).max(60).exactOptional(),
  readingIntervalAfterMin: z.number().int().min(1).max(60).exactOptional(),
  /** Interval while a value is out of range (minutes). */
  outOfRangeIntervalMin: z.number().int().min(1).max(30).exactOptional(),
  /**
   * How early (minutes) a reading counts as esketamine's ~40-minute blood pressure: from 0 up to
   * the knowledge base's value (10); a clinic may narrow the window, never widen it.
   */
  esketamineBpRecheckEarlyMin: z.number().int().min(0).max(30).exactOptional(),
  /**
   * Days after an esketamine session by which the REMS patient monitoring form is due (whole
   * days, 1-30; knowledge-base default 7, which no source states).
   */
  esketamineRemsFormDueDays: z.number().int().min(1).max(REMS_FORM_DUE_MAX_DAYS).exactOptional(),
  alertLimits: z
    .strictObject({
      systolicMmHg: limit,
      diastolicMmHg: limit,
      heartRate: limit,
      spo2: limit,
      respiratoryRate: limit,
      temperatureC: limit,
    })
    .exactOptional(),
});

export type MonitoringSettings = z.output<typeof monitoringSettingsSchema>;

function applyLimit(
  vital: SessionVital,
  base: SessionVitalLimit,
  set: { low?: number | null; high?: number | null } | undefined,
  note: Note,
): SessionVitalLimit {
  if (set === undefined) return base;
  const low = set.low === undefined ? base.low : set.low;
  const high = set.high === undefined ? base.high : set.high;
  if (low === base.low && high === base.high) return base;
  for (const side of ['low', 'high'] as const) {
    const to = side === 'low' ? low : high;
    if (to !== base[side] && to !== null)
      note(
        ['monitoring', 'alertLimits', vital, side],
        ['monitoring', 'sessionAlerts', 'limits', vital, side],
        base[side],
        to,
      );
  }
  return {
    ...base,
    low,
    high,
    basis: 'clinic-setting',
    note: `Set by the clinic (knowledge-base default ${String(base.low)}-${String(base.high)}). ${base.note}`,
  };
}

function applyRemsFormDue(
  base: RemsFormDeadline,
  days: number | undefined,
  note: Note,
): RemsFormDeadline {
  if (days === undefined || days === base.daysAfterSession) return base;
  note(
    ['monitoring', 'esketamineRemsFormDueDays'],
    ['monitoring', 'esketamineSession', 'remsFormDue', 'daysAfterSession'],
    base.daysAfterSession,
    days,
  );
  return {
    ...base,
    daysAfterSession: days,
    note: `Set by the clinic (knowledge-base default ${String(base.daysAfterSession)} days). ${base.note}`,
  };
}

/** The knowledge base's monitoring facts with the clinic's `monitoring` settings applied. */
export function applyMonitoringSettings(
  base: Monitoring,
  set: MonitoringSettings | undefined,
  note: Note,
): Monitoring {
  if (set === undefined) return base;
  const limits = { ...base.sessionAlerts.limits };
  for (const vital of SESSION_VITALS)
    limits[vital] = applyLimit(
      vital,
      base.sessionAlerts.limits[vital],
      set.alertLimits?.[vital],
      note,
    );
  const scalar = (
    path: string,
    target: readonly string[],
    from: number,
    to: number | undefined,
  ): number => {
    if (to === undefined) return from;
    note(['monitoring', path], target, from, to);
    return to;
  };
  return {
    ...base,
    vitalSigns: {
      ...base.vitalSigns,
      bpIntervalDuringInfusionMin: scalar(
        'readingIntervalDuringMin',
        ['monitoring', 'vitalSigns', 'bpIntervalDuringInfusionMin'],
        base.vitalSigns.bpIntervalDuringInfusionMin,
        set.readingIntervalDuringMin,
      ),
      bpIntervalAfterInfusionMin: scalar(
        'readingIntervalAfterMin',
        ['monitoring', 'vitalSigns', 'bpIntervalAfterInfusionMin'],
        base.vitalSigns.bpIntervalAfterInfusionMin,
        set.readingIntervalAfterMin,
      ),
    },
    discharge: {
      ...base.discharge,
      aldreteMinScore: scalar(
        'aldreteMinScore',
        ['monitoring', 'discharge', 'aldreteMinScore'],
        base.discharge.aldreteMinScore,
        set.aldreteMinScore,
      ),
    },
    esketamineSession: {
      ...base.esketamineSession,
      bpRecheckEarlyMinutes: scalar(
        'esketamineBpRecheckEarlyMin',
        ['monitoring', 'esketamineSession', 'bpRecheckEarlyMinutes'],
        base.esketamineSession.bpRecheckEarlyMinutes,
        set.esketamineBpRecheckEarlyMin,
      ),
      remsFormDue: applyRemsFormDue(
        base.esketamineSession.remsFormDue,
        set.esketamineRemsFormDueDays,
        note,
      ),
    },
    sessionAlerts: {
      ...base.sessionAlerts,
      limits,
      outOfRangeIntervalMin: scalar(
        'outOfRangeIntervalMin',
        ['monitoring', 'sessionAlerts', 'outOfRangeIntervalMin'],
        base.sessionAlerts.outOfRangeIntervalMin,
        set.outOfRangeIntervalMin,
      ),
    },
  };
}

/**
 * Low must stay below high, and an alert limit the knowledge base sets may be moved but never
 * switched off (null): a clinic without an SpO2 low alert would chart 80 % as nothing to see.
 */
export function checkMonitoringSettings(
  set: MonitoringSettings | undefined,
  base: KnowledgeBase,
): { code: string; message: string; path: string }[] {
  const problems: { code: string; message: string; path: string }[] = [];
  const early = base.monitoring.esketamineSession.bpRecheckEarlyMinutes;
  if (set?.esketamineBpRecheckEarlyMin !== undefined && set.esketamineBpRecheckEarlyMin > early)
    problems.push({
      code: 'SETTINGS.LOOSENS_HARD_LIMIT',
      message: `must be at most ${String(early)} minutes: a clinic may narrow the window in which a reading counts as the ~40-minute blood pressure, never widen it`,
      path: 'monitoring.esketamineBpRecheckEarlyMin',
    });
  for (const vital of SESSION_VITALS) {
    const s = set?.alertLimits?.[vital];
    if (s === undefined) continue;
    const b = base.monitoring.sessionAlerts.limits[vital];
    for (const side of ['low', 'high'] as const)
      if (s[side] === null && b[side] !== null)
        problems.push({
          code: 'SETTINGS.ALERT_LIMIT_REMOVED',
          message: `the ${side} alert limit (knowledge base ${String(b[side])}) can be changed but not switched off`,
          path: `monitoring.alertLimits.${vital}.${side}`,
        });
    const low = s.low === undefined ? b.low : s.low;
    const high = s.high === undefined ? b.high : s.high;
    if (low !== null && high !== null && low >= high)
      problems.push({
        code: 'SETTINGS.INCONSISTENT',
        message: `low ${low} must be below high ${high}`,
        path: `monitoring.alertLimits.${vital}`,
      });
  }
  return problems;
}
