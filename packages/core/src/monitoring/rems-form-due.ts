import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import type { RemsFormDeadline } from '../knowledge/schema/monitoring';
import { addLocalDays } from '../scheduling/time';

/** When one session's esketamine REMS patient monitoring form is due, and on what basis. */
export interface RemsFormDue {
  /** `YYYY-MM-DD`: the session's date plus `daysAfterSession`. */
  readonly dueBy: string;
  readonly daysAfterSession: number;
  /** Always a clinic setting today: no source in the reference gives a deadline. */
  readonly basis: RemsFormDeadline['basis'];
}

/**
 * The REMS form deadline for a session on `sessionDate` (the clinic's calendar date), from the
 * knowledge base after clinic settings (`monitoring.esketamineSession.remsFormDue`, default 7
 * days, no source), so the screen can say it is the clinic's choice rather than a rule.
 */
export function remsFormDue(kb: KnowledgeBase, sessionDate: string): RemsFormDue {
  const deadline = kb.monitoring.esketamineSession.remsFormDue;
  return {
    dueBy: addLocalDays(sessionDate, deadline.daysAfterSession),
    daysAfterSession: deadline.daysAfterSession,
    basis: deadline.basis,
  };
}
