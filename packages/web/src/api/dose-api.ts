import type { KnowledgeBase } from '@ketaflow/core';
import type { DoseCalculationList, NewDoseCalculation, SavedDoseCalculation } from './dose-types';
import { requestJson } from './http';

/** The clinic's knowledge base after its settings: the `kb` the browser calculates with. */
export function fetchKnowledge(): Promise<KnowledgeBase> {
  return requestJson('GET', '/api/knowledge');
}

function calculationsPath(patientId: string): string {
  return `/api/patients/${encodeURIComponent(patientId)}/dose-calculations`;
}

export function fetchDoseCalculations(patientId: string): Promise<DoseCalculationList> {
  return requestJson('GET', calculationsPath(patientId));
}

/** The server recomputes with the recorded weight, height and sex, then stores and audits. */
export function saveDoseCalculation(
  patientId: string,
  calculation: NewDoseCalculation,
): Promise<SavedDoseCalculation> {
  return requestJson('POST', calculationsPath(patientId), calculation);
}
