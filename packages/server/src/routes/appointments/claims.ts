import { MAX_NURSE_CAPACITY } from '@ketaflow/core';
import type { Transaction } from '../../db/client';
import { hasSqlState } from '../../db/errors';
import { appointmentResources, type ResourceKind } from '../../db/schema/index';

/** One way to hold a resource: which one, and which lane (a nurse's monitoring lanes). */
export interface ResourceCandidate {
  readonly kind: ResourceKind;
  readonly resourceId: string;
  readonly lane: number;
}

/** SQLSTATE of an exclusion-constraint violation: the resource is taken for part of the time. */
export const EXCLUSION_VIOLATION = '23P01';

/** `[start,end)` as PostgreSQL's tstzrange text. */
export function tstzRangeText(start: Date, end: Date): string {
  return `[${start.toISOString()},${end.toISOString()})`;
}

/**
 * Inserts the first candidate the database accepts, each try in its own savepoint so a refused
 * one leaves the transaction usable. The exclusion constraint decides: a concurrent transaction
 * holding an overlapping row makes this one wait until it commits (then refuses) or rolls back
 * (then accepts), whichever server instance it runs on. Returns the candidate held, or `null`
 * when every one is taken.
 */
export async function claimFirstFree(
  tx: Transaction,
  appointmentId: string,
  during: string,
  candidates: readonly ResourceCandidate[],
): Promise<ResourceCandidate | null> {
  for (const candidate of candidates) {
    try {
      await tx.transaction(async (savepoint) => {
        await savepoint.insert(appointmentResources).values({
          appointmentId,
          kind: candidate.kind,
          resourceId: candidate.resourceId,
          lane: candidate.lane,
          during,
          active: true,
        });
      });
      return candidate;
    } catch (error) {
      if (!hasSqlState(error, EXCLUSION_VIOLATION)) throw error;
    }
  }
  return null;
}

/**
 * The chairs a nurse may monitor at once, as the database enforces it: their lanes, 1 … 6 (the
 * schema allows at most six, `MAX_NURSE_CAPACITY`, which also bounds the clinic setting). The slot search reads the same number (`loadClinicState`), so it
 * never offers a nurse the lanes would refuse.
 */
export function nurseLaneCount(capacity: number): number {
  return Math.max(1, Math.min(MAX_NURSE_CAPACITY, Math.floor(capacity)));
}

/** A nurse's lanes, 0 … capacity − 1 (`nurseLaneCount`). */
export function nurseLanes(nurseId: string, capacity: number): ResourceCandidate[] {
  const lanes = nurseLaneCount(capacity);
  return Array.from({ length: lanes }, (_, lane) => ({ kind: 'nurse', resourceId: nurseId, lane }));
}
