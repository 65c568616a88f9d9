/** A course's status history. */
import { courseStatusChanges } from '../../db/schema/index';

export type HistoryRow = { change: typeof courseStatusChanges.$inferSelect };

/**
 * Status changes in the order they happened: by time, and where times tie (one request, or a
 * fixed test clock) by following each change's `from` to the previous change's `to`.
 */
export function inChainOrder<T extends HistoryRow>(rows: readonly T[]): T[] {
  const left = [...rows];
  const out: T[] = [];
  let status: string | null = null;
  while (left.length > 0) {
    const earliest = Math.min(...left.map((r) => r.change.changedAt.getTime()));
    const tied = left.filter((r) => r.change.changedAt.getTime() === earliest);
    const next = tied.find((r) => r.change.fromStatus === status) ?? tied[0];
    if (!next) break;
    out.push(next);
    left.splice(left.indexOf(next), 1);
    status = next.change.toStatus;
  }
  return out;
}
