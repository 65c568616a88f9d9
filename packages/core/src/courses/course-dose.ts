import { calculateNasalDose } from '../dosing/calculate-nasal';
import { dosingProtocolFor } from '../dosing/from-knowledge';
import { RANGE_SPECS } from '../dosing/guardrails';
import { DOSE_PROBLEM } from '../dosing/problems';
import type { ProtocolId } from '../knowledge/ids';
import { getNasalSprayDevice } from '../knowledge/queries';
import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import type { Problem } from '../result';

/** The dose a course orders for each session, as the prescriber enters it. */
export interface CourseDoseRequest {
  readonly product: 'ketamine-iv' | 'esketamine-nasal';
  readonly protocolId: ProtocolId;
  readonly dose: { readonly value: number; readonly unit: string };
  /** The course's location: its guardrails apply where the clinic settings tighten them. */
  readonly locationCode?: string;
}

export interface CourseDoseCheck {
  /** A hard limit is exceeded: the course must not be ordered with this dose. */
  readonly blocked: boolean;
  /** Every problem, each with its path under `dose`. */
  readonly problems: readonly Problem[];
}

/**
 * Checks a course's ordered dose against the knowledge base, as the calculator will at each
 * session: ketamine IV in mg/kg, at most the protocol's hard dose limit (the location's when it
 * has its own); esketamine in mg, whole devices, at most the labeled maximum per session, both
 * from the knowledge base's device facts (`calculateNasalDose`) [S14]. Soft limits are left to the calculator, which asks for a reason.
 */
export function checkCourseDose(kb: KnowledgeBase, request: CourseDoseRequest): CourseDoseCheck {
  const { dose, product } = request;
  const unit = product === 'esketamine-nasal' ? 'mg' : 'mg/kg';
  if (dose.unit !== unit)
    return {
      blocked: false,
      problems: [
        {
          code: DOSE_PROBLEM.UNKNOWN_UNIT,
          message: `a ${product} dose is ordered in ${unit}, not ${dose.unit}`,
          path: 'dose.unit',
        },
      ],
    };
  if (product === 'esketamine-nasal') {
    const nasal = calculateNasalDose(getNasalSprayDevice(kb), {
      dose: { value: dose.value, unit: 'mg' },
    });
    if (!nasal.ok)
      return {
        blocked: false,
        problems: nasal.error.map((p) => ({ ...p, path: 'dose.value' })),
      };
    return {
      blocked: nasal.value.blocked,
      problems: nasal.value.limits
        .filter((l) => l.level === 'hard')
        .map((l) => ({ code: l.code, message: l.message, path: 'dose.value' })),
    };
  }
  // The guardrails the calculator applies at this location (the location's own, else the clinic's).
  const { guardrails } = dosingProtocolFor(kb, request.protocolId, request.locationCode);
  const max = guardrails.doseMgPerKg.hard.max;
  if (max === undefined || dose.value <= max) return { blocked: false, problems: [] };
  return {
    blocked: true,
    problems: [
      {
        code: RANGE_SPECS.doseMgPerKg.aboveHard,
        message: `${String(dose.value)} mg/kg is above the hard limit of ${String(max)} mg/kg for ${request.protocolId}: blocked`,
        path: 'dose.value',
      },
    ],
  };
}
