import type { Problem } from '../../result';
import { PROTOCOL_IDS, type ProtocolId } from '../ids';
import { describeRange, isRangeOrdered, isWithinRange, softSidesOutsideHard } from '../limit-range';
import { formatPath } from '../path';
import { SOFT_HARD_FIELDS, type DoseGuardrails, type LimitRange } from '../schema/guardrails';
import type { KnowledgeBase } from '../schema/knowledge-base';
import type { ClinicSettings, GuardrailSettings } from './clinic-settings';
import { GUARDRAIL_UNITS, mergeGuardrails } from './merge-guardrails';
import { checkMonitoringSettings } from './monitoring-settings';
import { checkSchedulingSettings } from './scheduling-settings';
import { checkScreeningWindowSettings } from './screening-windows';

function problem(code: string, message: string, path: readonly PropertyKey[]): Problem {
  return { code, message, path: formatPath(path) };
}

function knownCodes(base: KnowledgeBase): Set<string> {
  return new Set([
    ...base.contraindications.map((c) => c.code),
    ...base.interactions.map((c) => c.code),
    ...base.pregnancyAndLactation.map((c) => c.code),
  ]);
}

/** Hard bounds may only move inward: a looser hard limit is a knowledge-base change, not a setting. */
function checkTightening(
  override: LimitRange | undefined,
  base: LimitRange,
  unit: string,
  path: readonly PropertyKey[],
): Problem[] {
  const problems: Problem[] = [];
  if (override?.max !== undefined && base.max !== undefined && override.max > base.max) {
    problems.push(
      problem(
        'SETTINGS.LOOSENS_HARD_LIMIT',
        `must be at most ${base.max} ${unit}: a clinic may tighten a hard limit, never loosen it`,
        [...path, 'max'],
      ),
    );
  }
  if (override?.min !== undefined && base.min !== undefined && override.min < base.min) {
    problems.push(
      problem(
        'SETTINGS.LOOSENS_HARD_LIMIT',
        `must be at least ${base.min} ${unit}: a clinic may tighten a hard limit, never loosen it`,
        [...path, 'min'],
      ),
    );
  }
  return problems;
}

function checkGuardrailSettings(
  id: ProtocolId,
  gs: GuardrailSettings,
  baseG: DoseGuardrails,
  root: readonly PropertyKey[] = ['guardrails', id],
): Problem[] {
  const problems: Problem[] = [];
  const effective = mergeGuardrails(baseG, gs);
  for (const field of SOFT_HARD_FIELDS) {
    const unit = GUARDRAIL_UNITS[field];
    const set = gs[field];
    if (set === undefined) continue;
    problems.push(...checkTightening(set.hard, baseG[field].hard, unit, [...root, field, 'hard']));
    const { soft, hard } = effective[field];
    if (!isRangeOrdered(soft))
      problems.push(
        problem(
          'SETTINGS.INCONSISTENT',
          `soft min ${soft.min} ${unit} is above soft max ${soft.max} ${unit}`,
          [...root, field, 'soft'],
        ),
      );
    if (!isRangeOrdered(hard))
      problems.push(
        problem(
          'SETTINGS.INCONSISTENT',
          `hard min ${hard.min} ${unit} is above hard max ${hard.max} ${unit}`,
          [...root, field, 'hard'],
        ),
      );
    for (const side of softSidesOutsideHard(soft, hard)) {
      const softWasSet = set.soft?.[side] !== undefined;
      problems.push(
        problem(
          'SETTINGS.SOFT_OUTSIDE_HARD',
          `soft ${side} ${soft[side]} ${unit} must lie within the hard limit (${describeRange(hard, unit)})${softWasSet ? '' : '; change the soft limit as well'}`,
          [...root, field, softWasSet ? 'soft' : 'hard', side],
        ),
      );
    }
  }
  problems.push(
    ...checkTightening(gs.weightKg?.hard, baseG.weightKg.hard, 'kg', [...root, 'weightKg', 'hard']),
  );
  if (!isRangeOrdered(effective.weightKg.hard))
    problems.push(
      problem('SETTINGS.INCONSISTENT', 'hard weight min is above hard weight max', [
        ...root,
        'weightKg',
        'hard',
      ]),
    );
  return problems;
}

function checkProtocol(id: ProtocolId, settings: ClinicSettings, base: KnowledgeBase): Problem[] {
  const problems: Problem[] = [];
  const protocol = base.protocols[id];
  const ps = settings.protocols?.[id];
  const gs = settings.guardrails?.[id];
  const baseG = base.doseGuardrails[id];
  if (gs !== undefined) problems.push(...checkGuardrailSettings(id, gs, baseG));
  const effective = gs === undefined ? baseG : mergeGuardrails(baseG, gs);

  const defaults = [
    {
      key: 'defaultDoseMgPerKg',
      field: 'doseMgPerKg',
      range: protocol.doseMgPerKg,
      unit: 'mg/kg',
      value: ps?.defaultDoseMgPerKg,
    },
    {
      key: 'defaultDurationMin',
      field: 'durationMin',
      range: protocol.durationMin,
      unit: 'min',
      value: ps?.defaultDurationMin,
    },
  ] as const;
  for (const d of defaults) {
    const sourced = { min: d.range.min, max: d.range.max };
    if (d.value !== undefined && !isWithinRange(d.value, sourced)) {
      problems.push(
        problem(
          'SETTINGS.OUT_OF_SOURCED_RANGE',
          `must be between ${d.range.min} and ${d.range.max} ${d.unit} (the protocol's sourced range)`,
          ['protocols', id, d.key],
        ),
      );
      continue;
    }
    const value = d.value ?? d.range.default;
    const limits = effective[d.field];
    for (const [kind, range] of [
      ['hard', limits.hard],
      ['soft', limits.soft],
    ] as const) {
      // A disordered range is already reported at this path: one problem per path.
      if (!isRangeOrdered(range) || isWithinRange(value, range)) continue;
      const path =
        d.value !== undefined ? ['protocols', id, d.key] : ['guardrails', id, d.field, kind];
      problems.push(
        problem(
          'SETTINGS.DEFAULT_OUTSIDE_GUARDRAIL',
          `the default ${value} ${d.unit} would be outside the ${kind} limit (${describeRange(range, d.unit)})`,
          path,
        ),
      );
    }
  }
  return problems;
}

function checkBloodPressure(settings: ClinicSettings, base: KnowledgeBase): Problem[] {
  const bp = settings.bloodPressure;
  const thresholds = base.contraindications.find(
    (c) => c.bloodPressure !== undefined,
  )?.bloodPressure;
  if (bp === undefined) return [];
  if (thresholds === undefined)
    return [
      problem(
        'SETTINGS.UNKNOWN_CODE',
        'the knowledge base has no blood-pressure thresholds to override',
        ['bloodPressure'],
      ),
    ];
  const problems: Problem[] = [];
  for (const [axis, softKey, hardKey] of [
    ['systolic', 'softSystolicMmHg', 'hardSystolicMmHg'],
    ['diastolic', 'softDiastolicMmHg', 'hardDiastolicMmHg'],
  ] as const) {
    const soft = bp[softKey] ?? thresholds.soft[axis].valueMmHg;
    const hard = bp[hardKey] ?? thresholds.hard[axis].valueMmHg;
    if (soft < hard) continue;
    const key = bp[softKey] !== undefined ? softKey : hardKey;
    problems.push(
      problem(
        'SETTINGS.INCONSISTENT',
        `soft ${axis} threshold (${soft} mmHg) must be below the hard one (${hard} mmHg)`,
        ['bloodPressure', key],
      ),
    );
  }
  return problems;
}

/**
 * A location's guardrails may only tighten the clinic's hard limits (the clinic's own settings
 * applied first), and its protocol defaults must stay within its limits.
 */
function checkLocations(settings: ClinicSettings, base: KnowledgeBase): Problem[] {
  const problems: Problem[] = [];
  for (const [code, location] of Object.entries(settings.locations ?? {})) {
    for (const id of PROTOCOL_IDS) {
      const gs = location.guardrails?.[id];
      if (gs === undefined) continue;
      const clinicSet = settings.guardrails?.[id];
      const clinicG =
        clinicSet === undefined
          ? base.doseGuardrails[id]
          : mergeGuardrails(base.doseGuardrails[id], clinicSet);
      const root = ['locations', code, 'guardrails', id];
      const found = checkGuardrailSettings(id, gs, clinicG, root);
      problems.push(...found);
      if (found.length > 0) continue;
      const effective = mergeGuardrails(clinicG, gs);
      const dose =
        settings.protocols?.[id]?.defaultDoseMgPerKg ?? base.protocols[id].doseMgPerKg.default;
      const duration =
        settings.protocols?.[id]?.defaultDurationMin ?? base.protocols[id].durationMin.default;
      for (const [field, value, unit] of [
        ['doseMgPerKg', dose, 'mg/kg'],
        ['durationMin', duration, 'min'],
      ] as const) {
        const hard = effective[field].hard;
        if (!isWithinRange(value, hard))
          problems.push(
            problem(
              'SETTINGS.DEFAULT_OUTSIDE_GUARDRAIL',
              `the protocol default ${value} ${unit} would be outside this location's hard limit (${describeRange(hard, unit)})`,
              [...root, field, 'hard'],
            ),
          );
      }
    }
  }
  return problems;
}

/**
 * Checks shape-valid clinic settings against the knowledge base they apply to and returns
 * every problem, each with the path of the setting to fix.
 */
export function checkClinicSettings(settings: ClinicSettings, base: KnowledgeBase): Problem[] {
  const problems: Problem[] = [];
  const codes = knownCodes(base);
  for (const code of Object.keys(settings.severities ?? {})) {
    if (!codes.has(code)) {
      problems.push(
        problem(
          'SETTINGS.UNKNOWN_CODE',
          `unknown code '${code}': not a contraindication, interaction or pregnancy/lactation code`,
          ['severities', code],
        ),
      );
    }
  }
  problems.push(...checkBloodPressure(settings, base));
  problems.push(...checkScreeningWindowSettings(settings, base));
  for (const id of PROTOCOL_IDS) problems.push(...checkProtocol(id, settings, base));
  problems.push(...checkLocations(settings, base));
  problems.push(...checkSchedulingSettings(settings.scheduling, base));
  problems.push(...checkMonitoringSettings(settings.monitoring, base));
  return problems;
}
