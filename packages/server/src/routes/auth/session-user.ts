import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/client';
import type { users } from '../../db/schema/index';
import { appendAudit } from '../../lib/audit';
import { startSession, type AuthOptions, type SessionUser } from '../../plugins/auth';

/** The user as a session and the API show it (no password hash, no dates). */
export function toUser(row: typeof users.$inferSelect): SessionUser {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    displayName: row.displayName,
    patientId: row.patientId,
  };
}

/**
 * Logs `user` in: a new session (its cookie on `reply`), the audit row of `action` as that user,
 * and the answer the log-in and e-mail confirmation routes give.
 */
export async function logIn(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  user: typeof users.$inferSelect,
  action: 'auth.login' | 'auth.verify-email',
  options: Pick<AuthOptions, 'clock' | 'cookieSecure' | 'sessionTtlHours'>,
): Promise<{ user: SessionUser; csrfToken: string }> {
  const csrfToken = await startSession(db, reply, request, user.id, options);
  request.auth = { user: toUser(user), csrfToken, tokenHash: '' };
  await appendAudit(db, request, {
    action,
    resourceType: 'User',
    resourceId: user.id,
    outcome: 'success',
  });
  return { user: toUser(user), csrfToken };
}
