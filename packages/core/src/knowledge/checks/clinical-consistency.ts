import type { Problem } from '../../result';
import { PROTOCOL_IDS, type ProtocolId } from '../ids';
import { isRangeOrdered, isWithinRange, softSidesOutsideHard } from '../limit-range';
import { formatPath } from '../path';
import {
  ABSOLUTE_MAX_RATE_MG_PER_KG_PER_HOUR,
  UNDILUTED_IV_FORBIDDEN_MG_PER_ML,
} from '../safety-limits';
import type { DefaultedRange } from '../schema/common';
import { SOFT_HARD_FIELDS, type DoseGuardrails } from '../schema/guardrails';
import type { KnowledgeBase } from '../schema/knowledge-base';

function problem(code: string, message: string, path: readonly PropertyKey[]): Problem {
  return { code, message, path: formatPath(path) };
}

function checkDefaultedRange(range: DefaultedRange, path: readonly PropertyKey[]): Problem[] {
  if (range.min <= range.default && range.default <= range.max) return [];
  return [
    problem(
      'KB.RANGE_INVALID',
      `needs min <= default <= max, got ${range.min} / ${range.default} / ${range.max}`,
      path,
    ),
  ];
}

function checkGuardrails(id: ProtocolId, g: DoseGuardrails, kb: KnowledgeBase): Problem[] {
  const base = ['doseGuardrails', id];
  const problems: Problem[] = [];
  for (const field of SOFT_HARD_FIELDS) {
    const { soft, hard } = g[field];
    if (!isRangeOrdered(soft))
      problems.push(
        problem('KB.RANGE_INVALID', 'soft min is above soft max', [...base, field, 'soft']),
      );
    if (!isRangeOrdered(hard))
      problems.push(
        problem('KB.RANGE_INVALID', 'hard min is above hard max', [...base, field, 'hard']),
      );
    for (const side of softSidesOutsideHard(soft, hard)) {
      problems.push(
        problem('KB.SOFT_OUTSIDE_HARD', `soft ${side} lies outside the hard limit`, [
          ...base,
          field,
          'soft',
          side,
        ]),
      );
    }
  }
  const protocol = kb.protocols[id];
  const dose = protocol.doseMgPerKg;
  for (const [name, range] of [
    ['soft', g.doseMgPerKg.soft],
    ['hard', g.doseMgPerKg.hard],
  ] as const) {
    if (!isWithinRange(dose.default, range)) {
      problems.push(
        problem(
          'KB.DEFAULT_OUTSIDE_GUARDRAIL',
          `protocol default dose ${dose.default} mg/kg is outside the ${name} limit`,
          [...base, 'doseMgPerKg', name],
        ),
      );
    }
  }
  if (!isWithinRange(protocol.durationMin.default, g.durationMin.hard)) {
    problems.push(
      problem(
        'KB.DEFAULT_OUTSIDE_GUARDRAIL',
        `protocol default duration ${protocol.durationMin.default} min is outside the hard limit`,
        [...base, 'durationMin', 'hard'],
      ),
    );
  }
  const rateMax = g.doseRateMgPerKgPerHour.hard.max;
  if (rateMax === undefined || rateMax > ABSOLUTE_MAX_RATE_MG_PER_KG_PER_HOUR) {
    problems.push(
      problem(
        'KB.GUARDRAIL_UNSAFE',
        `hard rate max must exist and be at most ${ABSOLUTE_MAX_RATE_MG_PER_KG_PER_HOUR} mg/kg/h (0.5 mg/kg/min, Ketalar push ceiling)`,
        [...base, 'doseRateMgPerKgPerHour', 'hard', 'max'],
      ),
    );
  }
  const concentrationMax = g.finalConcentrationMgPerMl.hard.max;
  if (concentrationMax === undefined || concentrationMax >= UNDILUTED_IV_FORBIDDEN_MG_PER_ML) {
    problems.push(
      problem(
        'KB.GUARDRAIL_UNSAFE',
        `hard concentration max must exist and be below ${UNDILUTED_IV_FORBIDDEN_MG_PER_ML} mg/mL (never given IV undiluted)`,
        [...base, 'finalConcentrationMgPerMl', 'hard', 'max'],
      ),
    );
  }
  for (const key of ['doseMgPerKg', 'totalDoseMg'] as const) {
    if (g[key].hard.max === undefined)
      problems.push(
        problem('KB.GUARDRAIL_UNSAFE', 'a hard max is required', [...base, key, 'hard', 'max']),
      );
  }
  const weight = g.weightKg.hard;
  if (weight.min === undefined || weight.max === undefined || !isRangeOrdered(weight)) {
    problems.push(
      problem('KB.GUARDRAIL_UNSAFE', 'weight needs an ordered hard min and max', [
        ...base,
        'weightKg',
        'hard',
      ]),
    );
  }
  return problems;
}

/** Defaults inside ranges, soft limits inside hard ones, safety ceilings respected. */
export function checkClinicalConsistency(kb: KnowledgeBase): Problem[] {
  const problems: Problem[] = [];
  for (const id of PROTOCOL_IDS) {
    const p = kb.protocols[id];
    problems.push(...checkDefaultedRange(p.doseMgPerKg, ['protocols', id, 'doseMgPerKg']));
    problems.push(...checkDefaultedRange(p.durationMin, ['protocols', id, 'durationMin']));
    if ((p.schedule === 'as-needed') !== (p.sessionsPerWeek === null)) {
      problems.push(
        problem(
          'KB.RANGE_INVALID',
          'sessionsPerWeek is null exactly when the schedule is as-needed',
          ['protocols', id, 'sessionsPerWeek'],
        ),
      );
    }
    if (p.sessionsPerWeek !== null && p.sessionsPerWeek.min > p.sessionsPerWeek.max) {
      problems.push(
        problem('KB.RANGE_INVALID', 'sessionsPerWeek min is above max', [
          'protocols',
          id,
          'sessionsPerWeek',
        ]),
      );
    }
    if (p.courseLength !== null && p.courseLength.minWeeks > p.courseLength.maxWeeks) {
      problems.push(
        problem('KB.RANGE_INVALID', 'course minWeeks is above maxWeeks', [
          'protocols',
          id,
          'courseLength',
        ]),
      );
    }
    problems.push(...checkGuardrails(id, kb.doseGuardrails[id], kb));
  }

  kb.contraindications.forEach((ci, index) => {
    if (ci.bloodPressure === undefined) return;
    for (const axis of ['systolic', 'diastolic'] as const) {
      if (ci.bloodPressure.soft[axis].valueMmHg >= ci.bloodPressure.hard[axis].valueMmHg) {
        problems.push(
          problem('KB.RANGE_INVALID', `soft ${axis} threshold must be below the hard one`, [
            'contraindications',
            index,
            'bloodPressure',
            'soft',
            axis,
          ]),
        );
      }
    }
  });

  kb.esketamineSchedules.forEach((schedule, s) => {
    schedule.phases.forEach((phase, p) => {
      const path = ['esketamineSchedules', s, 'phases', p];
      if (!phase.doseOptionsMg.includes(phase.defaultDoseMg))
        problems.push(
          problem('KB.RANGE_INVALID', 'default dose is not one of the dose options', [
            ...path,
            'defaultDoseMg',
          ]),
        );
      if (
        phase.firstSessionDoseMg !== undefined &&
        !phase.doseOptionsMg.includes(phase.firstSessionDoseMg)
      )
        problems.push(
          problem('KB.RANGE_INVALID', 'first-session dose is not one of the dose options', [
            ...path,
            'firstSessionDoseMg',
          ]),
        );
    });
  });

  const spray = kb.costs.nasalSpray30DaySupply;
  if (spray.min > spray.max)
    problems.push(
      problem('KB.RANGE_INVALID', 'price min is above max', ['costs', 'nasalSpray30DaySupply']),
    );
  return problems;
}
