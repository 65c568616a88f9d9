import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { loginFailures } from '../../db/schema/index';
import { hashToken } from '../../lib/tokens';

/**
 * Log-in lockout, counted per e-mail address whether or not an account has it: an unknown
 * address locks after the same number of failures, with the same answer, as a real one, so a
 * lockout does not tell an outsider which addresses have an account.
 */
export interface LoginLimits {
  readonly loginMaxFailures: number;
  readonly loginLockoutMinutes: number;
}

/** The row key: SHA-256 of the (already lower-cased) address, so strangers' typing is not kept. */
export function loginFailureKey(email: string): string {
  return hashToken(email);
}

/** When log-in with this address is locked until, if it is locked at `now`. */
export async function lockedUntilFor(
  executor: Executor,
  email: string,
  now: Date,
): Promise<Date | null> {
  const [row] = await executor
    .select({ lockedUntil: loginFailures.lockedUntil })
    .from(loginFailures)
    .where(eq(loginFailures.emailHash, loginFailureKey(email)))
    .limit(1);
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Counts one failed log-in and returns the lockout's end when this failure reached the limit.
 * One atomic statement, so parallel guesses on several instances all count.
 */
export async function recordLoginFailure(
  executor: Executor,
  email: string,
  now: Date,
  limits: LoginLimits,
): Promise<Date | null> {
  const lockUntil = new Date(now.getTime() + limits.loginLockoutMinutes * 60_000);
  const reachesLimit = sql`${loginFailures.failedCount} + 1 >= ${limits.loginMaxFailures}`;
  const firstLocks = limits.loginMaxFailures <= 1;
  const [row] = await executor
    .insert(loginFailures)
    .values({
      emailHash: loginFailureKey(email),
      failedCount: firstLocks ? 0 : 1,
      lockedUntil: firstLocks ? lockUntil : null,
    })
    .onConflictDoUpdate({
      target: loginFailures.emailHash,
      set: {
        failedCount: sql`case when ${reachesLimit} then 0 else ${loginFailures.failedCount} + 1 end`,
        lockedUntil: sql`case when ${reachesLimit} then ${lockUntil.toISOString()}::timestamptz else ${loginFailures.lockedUntil} end`,
      },
    })
    .returning({ lockedUntil: loginFailures.lockedUntil });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Forgets the failures of an address (after a successful log-in or password reset). */
export async function clearLoginFailures(executor: Executor, email: string): Promise<void> {
  await executor.delete(loginFailures).where(eq(loginFailures.emailHash, loginFailureKey(email)));
}
