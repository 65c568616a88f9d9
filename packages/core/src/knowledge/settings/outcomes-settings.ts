import { z } from 'zod';
import { INDICATION_IDS } from '../ids';
import type { OverrideValue } from '../schema/knowledge-base';
import {
  instrumentRefSchema,
  type OutcomeCriteria,
  type OutcomeDefaults,
} from '../schema/outcomes';

type Note = (
  path: readonly PropertyKey[],
  target: readonly PropertyKey[],
  from: OverrideValue | undefined,
  to: OverrideValue,
) => void;

/**
 * The `outcomes` part of the clinic settings: every field optional. Sourced PHQ-9 criteria
 * cannot be changed; the pain NRS response may be either IMMPACT threshold (30% or 50%).
 */
export const outcomesSettingsSchema = z.strictObject({
  /** Instrument per indication: `phq-9`, `gad-7`, `pcl-5`, `pain-nrs` or `custom:<form id>`. */
  instrumentByIndication: z
    .partialRecord(z.enum(INDICATION_IDS), instrumentRefSchema)
    .exactOptional(),
  /** Days between scales sent during a course (besides the one before each session). */
  scaleIntervalDays: z.number().int().min(1).max(90).exactOptional(),
  /** How close a session must be (hours) before its scale is due. */
  preSessionWindowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .exactOptional(),
  criteria: z
    .strictObject({
      'gad-7': z
        .strictObject({
          responsePercent: z.number().int().min(25).max(100).exactOptional(),
          remissionBelowScore: z.number().int().min(1).max(21).exactOptional(),
        })
        .exactOptional(),
      'pcl-5': z
        .strictObject({
          responsePoints: z.number().int().min(5).max(20).exactOptional(),
          remissionBelowScore: z.number().int().min(1).max(80).exactOptional(),
          cutPoint: z.number().int().min(31).max(45).exactOptional(),
        })
        .exactOptional(),
      'pain-nrs': z
        .strictObject({
          responsePercent: z.union([z.literal(30), z.literal(50)]).exactOptional(),
          remissionBelowScore: z.number().int().min(1).max(10).nullable().exactOptional(),
        })
        .exactOptional(),
    })
    .exactOptional(),
});

export type OutcomesSettings = z.output<typeof outcomesSettingsSchema>;

function setByClinic(note: string, from: number | null): string {
  return `Set by the clinic (knowledge-base default ${from === null ? 'none' : String(from)}). ${note}`;
}

function withPercent(
  c: OutcomeCriteria,
  to: number | undefined,
  basis: 'sourced' | 'clinic-setting',
): OutcomeCriteria {
  const rule = c.response.rule;
  if (to === undefined || rule?.kind !== 'percent-decrease' || rule.percent === to) return c;
  return {
    ...c,
    response: {
      ...c.response,
      rule: { kind: 'percent-decrease', percent: to },
      basis,
      note: setByClinic(c.response.note, rule.percent),
    },
  };
}

function withPoints(c: OutcomeCriteria, to: number | undefined): OutcomeCriteria {
  const rule = c.response.rule;
  if (to === undefined || rule?.kind !== 'points-decrease' || rule.points === to) return c;
  return {
    ...c,
    response: {
      ...c.response,
      rule: { kind: 'points-decrease', points: to },
      basis: 'clinic-setting',
      note: setByClinic(c.response.note, rule.points),
    },
  };
}

function withRemission(c: OutcomeCriteria, to: number | null | undefined): OutcomeCriteria {
  if (to === undefined || to === c.remission.belowScore) return c;
  return {
    ...c,
    remission: {
      ...c.remission,
      belowScore: to,
      basis: 'clinic-setting',
      note: setByClinic(c.remission.note, c.remission.belowScore),
    },
  };
}

function withCutPoint(c: OutcomeCriteria, to: number | undefined): OutcomeCriteria {
  if (to === undefined || c.cutPoint === undefined || c.cutPoint.score === to) return c;
  return {
    ...c,
    cutPoint: {
      ...c.cutPoint,
      score: to,
      basis: 'clinic-setting',
      note: setByClinic(c.cutPoint.note, c.cutPoint.score),
    },
  };
}

/** The knowledge base's outcome defaults with the clinic's `outcomes` settings applied. */
export function applyOutcomesSettings(
  base: OutcomeDefaults,
  set: OutcomesSettings | undefined,
  note: Note,
): OutcomeDefaults {
  if (set === undefined) return base;
  const instrumentByIndication = { ...base.instrumentByIndication };
  for (const id of INDICATION_IDS) {
    const to = set.instrumentByIndication?.[id];
    if (to === undefined) continue;
    note(
      ['outcomes', 'instrumentByIndication', id],
      ['outcomes', 'instrumentByIndication', id],
      base.instrumentByIndication[id],
      to,
    );
    instrumentByIndication[id] = to;
  }
  const scaleIntervalDays = set.scaleIntervalDays ?? base.scaleIntervalDays;
  note(
    ['outcomes', 'scaleIntervalDays'],
    ['outcomes', 'scaleIntervalDays'],
    base.scaleIntervalDays,
    scaleIntervalDays,
  );

  const preSessionWindowHours = set.preSessionWindowHours ?? base.preSessionWindowHours;
  note(
    ['outcomes', 'preSessionWindowHours'],
    ['outcomes', 'preSessionWindowHours'],
    base.preSessionWindowHours,
    preSessionWindowHours,
  );

  const c = set.criteria;
  const fields = [
    ['gad-7', 'responsePercent', c?.['gad-7']?.responsePercent, ['response', 'rule', 'percent']],
    [
      'gad-7',
      'remissionBelowScore',
      c?.['gad-7']?.remissionBelowScore,
      ['remission', 'belowScore'],
    ],
    ['pcl-5', 'responsePoints', c?.['pcl-5']?.responsePoints, ['response', 'rule', 'points']],
    [
      'pcl-5',
      'remissionBelowScore',
      c?.['pcl-5']?.remissionBelowScore,
      ['remission', 'belowScore'],
    ],
    ['pcl-5', 'cutPoint', c?.['pcl-5']?.cutPoint, ['cutPoint', 'score']],
    [
      'pain-nrs',
      'responsePercent',
      c?.['pain-nrs']?.responsePercent,
      ['response', 'rule', 'percent'],
    ],
    [
      'pain-nrs',
      'remissionBelowScore',
      c?.['pain-nrs']?.remissionBelowScore,
      ['remission', 'belowScore'],
    ],
  ] as const;
  for (const [instrument, key, to, target] of fields) {
    if (to === undefined) continue;
    const from = readNumber(base.criteria[instrument], target);
    note(
      ['outcomes', 'criteria', instrument, key],
      ['outcomes', 'criteria', instrument, ...target],
      from,
      to,
    );
  }
  const gad7 = withRemission(
    withPercent(base.criteria['gad-7'], c?.['gad-7']?.responsePercent, 'clinic-setting'),
    c?.['gad-7']?.remissionBelowScore,
  );
  const pcl5 = withCutPoint(
    withRemission(
      withPoints(base.criteria['pcl-5'], c?.['pcl-5']?.responsePoints),
      c?.['pcl-5']?.remissionBelowScore,
    ),
    c?.['pcl-5']?.cutPoint,
  );
  // Both pain thresholds a clinic may choose are IMMPACT's own, so the basis stays sourced.
  const pain = withRemission(
    withPercent(base.criteria['pain-nrs'], c?.['pain-nrs']?.responsePercent, 'sourced'),
    c?.['pain-nrs']?.remissionBelowScore,
  );
  return {
    ...base,
    instrumentByIndication,
    scaleIntervalDays,
    preSessionWindowHours,
    criteria: { ...base.criteria, 'gad-7': gad7, 'pcl-5': pcl5, 'pain-nrs': pain },
  };
}

function readNumber(value: unknown, path: readonly string[]): number | null | undefined {
  let current: unknown = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'number' || current === null ? current : undefined;
}
