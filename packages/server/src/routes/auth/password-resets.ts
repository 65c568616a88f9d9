import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { passwordResets, sessions, users } from '../../db/schema/index';
import { hashToken, newToken, safeEqual } from '../../lib/tokens';
import { markEmailVerified } from './email-verifications';
import { clearLoginFailures } from './login-failures';

const RESET_TTL_MS = 60 * 60 * 1000;

/** Binds a reset link to the password it may replace: a new hash (new salt) never matches. */
function digestOf(passwordHash: string): string {
  return hashToken(passwordHash);
}

/**
 * Makes a new reset link for an account and withdraws the account's earlier unused links, so only
 * the newest mail works. Returns the token for the mail (only its hash is stored).
 */
export async function issuePasswordReset(
  db: Database,
  user: { readonly id: string; readonly passwordHash: string },
  now: Date,
): Promise<string> {
  const token = newToken();
  await db.transaction(async (tx) => {
    await withdrawOpenResets(tx, user.id);
    await tx.insert(passwordResets).values({
      tokenHash: hashToken(token),
      userId: user.id,
      passwordDigest: digestOf(user.passwordHash),
      expiresAt: new Date(now.getTime() + RESET_TTL_MS),
    });
  });
  return token;
}

/** Removes the account's reset links that were not used (used ones stay as the record). */
export async function withdrawOpenResets(executor: Executor, userId: string): Promise<void> {
  await executor
    .delete(passwordResets)
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

/**
 * Sets a new password with a reset token. The token must be unused, unexpired and made for the
 * account's current password. On success every other open link of the account is withdrawn,
 * every session of the account ends (a stolen session must not outlive the reset) and its
 * log-in failures are forgotten, and its e-mail counts as verified. Returns false when the token does not qualify.
 */
export async function confirmPasswordReset(
  db: Database,
  token: string,
  newPasswordHash: string,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResets.tokenHash, hashToken(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      )
      .returning();
    if (!reset) return false;
    // Locks the account row: a second reset racing this one waits, then sees the new hash.
    const [user] = await tx
      .select({ email: users.email, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, reset.userId))
      .for('update');
    if (!user || !safeEqual(digestOf(user.passwordHash), reset.passwordDigest)) return false;
    await tx.update(users).set({ passwordHash: newPasswordHash }).where(eq(users.id, reset.userId));
    // The link came to the address, so opening it proves the address as a verification link does.
    await markEmailVerified(tx, reset.userId, now);
    await withdrawOpenResets(tx, reset.userId);
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
    await clearLoginFailures(tx, user.email);
    return true;
  });
}
