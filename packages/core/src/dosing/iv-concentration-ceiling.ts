/**
 * The guardrail the undiluted-vial limit rests on: the knowledge base's own hard maximum of the
 * final concentration, kept apart from any clinic or location setting of that bound.
 */
import type { Problem } from '../result';
import { UNDILUTED_IV_FORBIDDEN_MG_PER_ML } from '../knowledge/safety-limits';
import { clinicSetBound } from './clinic-setting';
import { readBound, type CompiledBound } from './compile-range';
import { DOSE_PROBLEM, problem } from './problems';
import type { DoseGuardrails, SoftHardRange } from './types';

/**
 * The knowledge base's hard concentration maximum: the guardrail's, or the value it had before
 * the clinic set its own (`clinicSet`). Required, and below the strength never given undiluted.
 */
export function readIvCeiling(g: DoseGuardrails, problems: Problem[]): CompiledBound | undefined {
  const path = 'protocol.guardrails.finalConcentrationMgPerMl.hard.max';
  const set = clinicSetBound(g, { field: 'finalConcentrationMgPerMl', level: 'hard', side: 'max' });
  const entry = g.finalConcentrationMgPerMl as SoftHardRange | undefined;
  const hard = entry?.hard;
  const value = set === undefined ? hard?.max : (set.knowledgeBaseValue ?? undefined);
  // A malformed guardrail value is reported once, by readSoftHard.
  const bound = readBound(value, path, []);
  if (value !== undefined && bound === undefined) return undefined;
  if (bound === undefined || bound.value >= UNDILUTED_IV_FORBIDDEN_MG_PER_ML) {
    problems.push(
      problem(
        DOSE_PROBLEM.INVALID_PROTOCOL,
        path,
        `${path} is required and must be below ${UNDILUTED_IV_FORBIDDEN_MG_PER_ML} mg/mL: ${UNDILUTED_IV_FORBIDDEN_MG_PER_ML} mg/mL ketamine is never given IV undiluted`,
      ),
    );
    return undefined;
  }
  return bound;
}
