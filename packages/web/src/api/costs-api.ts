import type { CourseEstimate, IndicationId, NasalSprayEstimate } from '@ketaflow/core';
import { requestJson, withQuery } from './http';

/** `GET /api/public/costs`: the default estimate per indication and the nasal-spray range. */
export interface CostsOverview {
  clinicName: string;
  currency: string;
  knowledgeVersion: string;
  estimates: CourseEstimate[];
  nasalSpray: Omit<NasalSprayEstimate, 'sources'> & { sources: { id: string; title: string }[] };
}

export interface EstimateRequest {
  indication: IndicationId;
  sessionsPerWeek?: number;
  weeks?: number;
  includeConsult: boolean;
}

export function fetchCosts(): Promise<CostsOverview> {
  return requestJson<CostsOverview>('GET', '/api/public/costs');
}

export function fetchEstimate(input: EstimateRequest): Promise<CourseEstimate> {
  return requestJson<CourseEstimate>('POST', '/api/public/costs/estimate', input);
}

/** Where the Good Faith Estimate PDF for `input` is (a plain link: the browser opens the PDF). */
export function goodFaithEstimatePdfUrl(input: EstimateRequest): string {
  return withQuery('/api/public/costs/good-faith-estimate.pdf', {
    indication: input.indication,
    sessionsPerWeek: input.sessionsPerWeek,
    weeks: input.weeks,
    includeConsult: String(input.includeConsult),
  });
}
