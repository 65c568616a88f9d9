import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { emailVerifications, users } from '../../db/schema/index';
import { hashToken, newToken } from '../../lib/tokens';

/** How long a verification link works. Long enough to find the mail the next day. */
export const VERIFICATION_TTL_HOURS = 24;
const VERIFICATION_TTL_MS = VERIFICATION_TTL_HOURS * 60 * 60 * 1000;

/**
 * Makes a new verification link for an account and withdraws its earlier unused links, so only
 * the newest mail works. Returns the token for the mail (only its hash is stored).
 */
export async function issueEmailVerification(
  executor: Executor,
  userId: string,
  now: Date,
): Promise<string> {
  const token = newToken();
  await withdrawOpenVerifications(executor, userId);
  await executor.insert(emailVerifications).values({
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + VERIFICATION_TTL_MS),
  });
  return token;
}

/** Removes the account's unused links (used ones stay as the record). */
export async function withdrawOpenVerifications(executor: Executor, userId: string): Promise<void> {
  await executor
    .delete(emailVerifications)
    .where(and(eq(emailVerifications.userId, userId), isNull(emailVerifications.usedAt)));
}

/** Marks an account's address as proven, keeping the first time it was. */
export async function markEmailVerified(
  executor: Executor,
  userId: string,
  now: Date,
): Promise<void> {
  await executor
    .update(users)
    .set({
      emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)`,
    })
    .where(eq(users.id, userId));
  await withdrawOpenVerifications(executor, userId);
}

/**
 * Uses a verification token: it must be unused, unexpired, the account's newest, and the account
 * enabled. Marks the account verified and returns it, or undefined when the token does not qualify.
 */
export async function confirmEmailVerification(
  db: Database,
  token: string,
  now: Date,
): Promise<typeof users.$inferSelect | undefined> {
  return db.transaction(async (tx) => {
    const [link] = await tx
      .update(emailVerifications)
      .set({ usedAt: now })
      .where(
        and(
          eq(emailVerifications.tokenHash, hashToken(token)),
          isNull(emailVerifications.usedAt),
          gt(emailVerifications.expiresAt, now),
        ),
      )
      .returning();
    if (!link) return undefined;
    const [user] = await tx.select().from(users).where(eq(users.id, link.userId)).for('update');
    if (!user || user.disabledAt) return undefined;
    await markEmailVerified(tx, user.id, now);
    return { ...user, emailVerifiedAt: user.emailVerifiedAt ?? now };
  });
}
