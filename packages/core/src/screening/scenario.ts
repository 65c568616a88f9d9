/**
 * The shape of a screening scenario and the builders the scenario tables share: a patient with
 * one medicine by text (`med`) or by RxNorm code (`rx`).
 */
import type { Decision, ScreeningProduct } from './types';
import type { PatientJson } from './patient-json';

export interface Scenario {
  readonly name: string;
  /** Where the expectation comes from (KB code and its sources, issue 4, or arithmetic). */
  readonly reason: string;
  readonly patient: Partial<PatientJson>;
  readonly product?: ScreeningProduct;
  readonly decision: Decision;
  readonly present?: readonly string[];
  readonly absent?: readonly string[];
}

type Stopped = 'stopped' | 'completed' | 'entered-in-error' | 'cancelled';

export function med(text: string, status?: Stopped): Partial<PatientJson> {
  return { medications: [status === undefined ? { text } : { text, status }] };
}

export function rx(rxnorm: string, text?: string): Partial<PatientJson> {
  return { medications: [text === undefined ? { rxnorm } : { rxnorm, text }] };
}
