import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { loginFailures } from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
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

/** The answer while log-in with an address is locked (log-in and password change alike). */
export function lockedOut(until: Date): AppError {
  return new AppError(
    'AUTH.LOCKED',
    `Too many failed log-ins: try again after ${until.toISOString()}.`,
  );
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
      lastFailedAt: now,
    })
    .onConflictDoUpdate({
      target: loginFailures.emailHash,
      set: {
        failedCount: sql`case when ${reachesLimit} then 0 else ${loginFailures.failedCount} + 1 end`,
        lockedUntil: sql`case when ${reachesLimit} then ${lockUntil.toISOString()}::timestamptz else ${loginFailures.lockedUntil} end`,
        lastFailedAt: now,
      },
    })
    .returning({ lockedUntil: loginFailures.lockedUntil });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Forgets the failures of an address (after a successful log-in or password reset). */
export async function clearLoginFailures(executor: Executor, email: string): Promise<void> {
  await executor.delete(loginFailures).where(eq(loginFailures.emailHash, loginFailureKey(email)));
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * How long failures are kept after the latest one: a day, or the lockout time if longer. Forgetting
 * failures after at least one lockout time gives a guesser no more tries than the lockout already
 * allows (the limit per lockout time), so the lockout rules stay as they are.
 */
export function failureWindowMs(limits: LoginLimits): number {
  return Math.max(DAY_MS, limits.loginLockoutMinutes * 60_000);
}

/**
 * Deletes the rows whose lockout (if any) is over and whose latest failure is older than the
 * failure window: strangers' addresses, even hashed, are not kept for ever. Returns how many.
 */
export async function sweepLoginFailures(
  executor: Executor,
  now: Date,
  limits: LoginLimits,
): Promise<number> {
  const before = new Date(now.getTime() - failureWindowMs(limits));
  const gone = await executor
    .delete(loginFailures)
    .where(
      and(
        or(isNull(loginFailures.lockedUntil), lte(loginFailures.lockedUntil, now)),
        lt(loginFailures.lastFailedAt, before),
      ),
    )
    .returning({ emailHash: loginFailures.emailHash });
  return gone.length;
}

/** A log-in attempt sweeps at most this often per instance (by the app's clock). */
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * Runs `sweepLoginFailures` from the log-in route now and then: at most once per ten minutes on
 * each instance, the first time on the first attempt. Nothing depends on when it runs: a row the
 * sweep has not reached yet counts exactly as before.
 */
export function createLoginFailureSweeper(
  executor: Executor,
  limits: LoginLimits,
): (now: Date) => Promise<void> {
  let lastSweep: number | undefined;
  return async (now) => {
    if (lastSweep !== undefined && now.getTime() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now.getTime();
    await sweepLoginFailures(executor, now, limits);
  };
}
