import { and, eq, ne } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { sessions, users } from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import type { Mailer } from '../../lib/mailer';
import { hashPassword, verifyPassword } from '../../lib/passwords';
import { requireAuth } from '../../plugins/auth';
import { problems } from '../common-schemas';
import {
  clearLoginFailures,
  lockedOut,
  lockedUntilFor,
  recordLoginFailure,
  type LoginLimits,
} from './login-failures';
import { withdrawOpenResets } from './password-resets';
import { ChangePasswordBody } from './schemas';

export interface ChangePasswordOptions extends LoginLimits {
  readonly db: Database;
  readonly clock: Clock;
  readonly mailer: Mailer;
  readonly publicUrl: string;
}

function changedNotice(publicUrl: string, when: Date) {
  return `The password of this KetaFlow account was changed at ${when.toISOString()} (UTC).\n\nIf you did this, there is nothing more to do. You stay logged in where you changed it; everywhere else you need to log in again.\n\nIf you did not, choose a new password now at ${publicUrl}/reset-password and tell the clinic.`;
}

/**
 * `POST /api/auth/password`: a logged-in user of any role changes their own password. A wrong
 * current password counts as a failed log-in for the account's address, so a stolen session
 * cannot be used to guess the password faster than the log-in page allows.
 */
export const changePasswordRoutes: FastifyPluginAsyncZod<ChangePasswordOptions> = async (
  app,
  options,
) => {
  const { db, clock } = options;

  app.post(
    '/api/auth/password',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; ends your other sessions and open reset links',
        description:
          'A wrong currentPassword is a 400 naming body.currentPassword and counts as a failed log-in (423 AUTH.LOCKED once the address is locked, as at log-in). newPassword follows the registration rule and must differ from the current one. An e-mail tells the owner that the password changed.',
        body: ChangePasswordBody,
        response: { 204: z.undefined(), ...problems(400, 401, 403, 409, 423, 429) },
      },
    },
    async (request, reply) => {
      const session = requireAuth(request);
      const { currentPassword, newPassword } = request.body;
      const now = clock.now();
      const [account] = await db
        .select({ id: users.id, email: users.email, passwordHash: users.passwordHash })
        .from(users)
        .where(eq(users.id, session.user.id))
        .limit(1);
      if (!account) throw new AppError('AUTH.REQUIRED', 'Log in first.');
      const audit = (outcome: 'success' | 'denied' | 'invalid', detail?: Record<string, unknown>) =>
        appendAudit(db, request, {
          action: 'auth.password.change',
          resourceType: 'User',
          resourceId: account.id,
          outcome,
          ...(detail ? { detail } : {}),
        });

      const lockedUntil = await lockedUntilFor(db, account.email, now);
      if (lockedUntil) {
        await audit('denied', { reason: 'locked' });
        throw lockedOut(lockedUntil);
      }
      if (!(await verifyPassword(account.passwordHash, currentPassword))) {
        const lockedNow = await recordLoginFailure(db, account.email, now, options);
        await audit('denied', { reason: 'wrong-current-password' });
        if (lockedNow) throw lockedOut(lockedNow);
        throw new AppError('VALIDATION.FAILED', 'The current password is not right.', [
          { path: 'body.currentPassword', message: 'is not your current password' },
        ]);
      }
      if (newPassword === currentPassword) {
        await audit('invalid', { field: 'newPassword' });
        throw new AppError('VALIDATION.FAILED', 'The new password is the current one.', [
          { path: 'body.newPassword', message: 'must differ from the current password' },
        ]);
      }

      const newHash = await hashPassword(newPassword);
      const changed = await db.transaction(async (tx) => {
        // Only over the hash just verified: a change that raced this one wins, and this one stops.
        const [row] = await tx
          .update(users)
          .set({ passwordHash: newHash })
          .where(and(eq(users.id, account.id), eq(users.passwordHash, account.passwordHash)))
          .returning({ id: users.id });
        if (!row) return false;
        // A new hash no longer matches the digest reset links are bound to; withdrawing them as
        // well keeps the table free of links that can never work.
        await withdrawOpenResets(tx, account.id);
        await tx
          .delete(sessions)
          .where(and(eq(sessions.userId, account.id), ne(sessions.tokenHash, session.tokenHash)));
        await clearLoginFailures(tx, account.email);
        await appendAudit(tx, request, {
          action: 'auth.password.change',
          resourceType: 'User',
          resourceId: account.id,
          outcome: 'success',
        });
        return true;
      });
      if (!changed) {
        throw new AppError(
          'RESOURCE.CONFLICT',
          'The password was changed elsewhere meanwhile: log in again and retry.',
        );
      }
      await options.mailer.queue({
        to: account.email,
        subject: 'Your KetaFlow password was changed',
        body: changedNotice(options.publicUrl, now),
      });
      return reply.status(204).send();
    },
  );
};
