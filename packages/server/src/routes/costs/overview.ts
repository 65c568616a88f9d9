import {
  estimateCourse,
  estimateNasalSpray,
  INDICATION_IDS,
  type CourseEstimate,
  type KnowledgeBase,
  type NasalSprayEstimate,
} from '@ketaflow/core';

export interface CostsOverview {
  readonly clinicName: string;
  readonly currency: string;
  readonly knowledgeVersion: string;
  /** Every indication's consult and course at the protocol's defaults. */
  readonly estimates: CourseEstimate[];
  readonly nasalSpray: Omit<NasalSprayEstimate, 'sources'> & {
    readonly sources: { readonly id: string; readonly title: string }[];
  };
}

/**
 * What `/api/public/costs` answers and the pre-rendered `/costs` page shows: one source for both,
 * so a patient without JavaScript reads the same figures as the interactive estimate.
 */
export function costsOverview(kb: KnowledgeBase, clinicName: string): CostsOverview {
  const spray = estimateNasalSpray(kb);
  return {
    clinicName,
    currency: kb.costs.currency,
    knowledgeVersion: kb.knowledgeVersion,
    estimates: INDICATION_IDS.map((indication) => {
      const result = estimateCourse(kb, { indication, includeConsult: true });
      // Protocol defaults always make a valid request; anything else is a bug.
      if (!result.ok) throw new Error(`No default estimate for ${indication}`);
      return result.value;
    }),
    nasalSpray: {
      ...spray,
      sources: spray.sources.map((id) => ({
        id,
        title: kb.sources.find((s) => s.id === id)?.title ?? id,
      })),
    },
  };
}
