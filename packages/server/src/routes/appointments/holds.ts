import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';

export const HOLD_EXPIRED_REASON = 'Hold expired';

function rowCount(result: unknown): number {
  const rows = (result as { rows?: unknown[] }).rows;
  return rows?.length ?? 0;
}

/**
 * Releases holds whose expiry has passed: the appointment becomes `cancelled` ("Hold expired",
 * cancelled at the expiry) and its resource rows stop blocking. Idempotent; run it inside the
 * booking's transaction so the freed slot and the new booking commit together. Returns how many
 * holds were released.
 */
export async function releaseExpiredHolds(executor: Executor, now: Date): Promise<number> {
  // One statement: concurrent callers lock the same rows in the same order, and the second one
  // simply finds nothing left to release.
  const result = await executor.execute(sql`
    with expired as (
      update appointments
         set status = 'cancelled',
             cancel_reason = ${HOLD_EXPIRED_REASON},
             cancelled_at = hold_expires_at,
             hold_expires_at = null,
             updated_at = ${now.toISOString()}::timestamptz
       where status = 'held' and hold_expires_at <= ${now.toISOString()}::timestamptz
      returning id
    ), freed as (
      update appointment_resources set active = false
       where active and appointment_id in (select id from expired)
      returning appointment_id
    )
    select id from expired`);
  return rowCount(result);
}

export interface SweepResult {
  readonly holdsReleased: number;
  readonly idempotencyKeysDeleted: number;
}

/** How long a stored idempotent answer is kept for replay. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

/**
 * The periodic clean-up the job runner calls: releases expired holds and forgets idempotency keys
 * older than a day. Safe to run on several instances at once.
 */
export async function sweepScheduling(executor: Executor, now: Date): Promise<SweepResult> {
  const holdsReleased = await releaseExpiredHolds(executor, now);
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000);
  const deleted = await executor.execute(
    sql`delete from idempotency_keys where created_at < ${cutoff.toISOString()}::timestamptz returning key`,
  );
  return { holdsReleased, idempotencyKeysDeleted: rowCount(deleted) };
}
