import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { sessions, users } from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import type { Mailer } from '../../lib/mailer';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../lib/passwords';
import { requireAuth, SESSION_COOKIE } from '../../plugins/auth';
import { problems } from '../common-schemas';
import type { ClinicKnowledge } from '../../knowledge';
import {
  clearLoginFailures,
  createLoginFailureSweeper,
  lockedOut,
  lockedUntilFor,
  recordLoginFailure,
} from './login-failures';
import { changePasswordRoutes } from './change-password';
import { confirmPasswordReset, issuePasswordReset } from './password-resets';
import { registrationRoutes } from './registration';
import { LoginBody, ResetConfirmBody, ResetRequestBody, SessionResponse } from './schemas';
import { logIn } from './session-user';

export interface AuthRouteOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly mailer: Mailer;
  readonly publicUrl: string;
  readonly cookieSecure: boolean;
  readonly sessionTtlHours: number;
  readonly loginMaxFailures: number;
  readonly loginLockoutMinutes: number;
  readonly knowledge: ClinicKnowledge;
}

export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, options) => {
  const { db, clock } = options;
  const sweepLoginFailures = createLoginFailureSweeper(db, options);
  await app.register(changePasswordRoutes, options);
  await app.register(registrationRoutes, options);

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Log in with e-mail and password; sets the session cookie',
        body: LoginBody,
        description:
          'A self-registered account whose e-mail is not verified yet answers 403 AUTH.EMAIL_NOT_VERIFIED, but only to the right password; any wrong password answers 401 as for every address.',
        response: { 200: SessionResponse, ...problems(400, 401, 403, 423, 429) },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const now = clock.now();
      await sweepLoginFailures(now);
      // Known and unknown addresses take the same steps (lockout check, one argon2 verification,
      // the same failure count and audit row), so neither the answer nor its timing tells them apart.
      const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
      const account = user && !user.disabledAt ? user : undefined;
      const lockedUntil = await lockedUntilFor(db, email, now);
      if (lockedUntil) throw lockedOut(lockedUntil);
      const passwordOk = account
        ? await verifyPassword(account.passwordHash, password)
        : await verifyAgainstDummy(password);
      if (!account || !passwordOk) {
        const lockedNow = await recordLoginFailure(db, email, now, options);
        await appendAudit(db, request, {
          action: 'auth.login',
          resourceType: 'User',
          resourceId: account?.id ?? null,
          outcome: 'denied',
        });
        if (lockedNow) throw lockedOut(lockedNow);
        throw new AppError('AUTH.INVALID_CREDENTIALS', 'E-mail or password is wrong.');
      }
      await clearLoginFailures(db, email);
      if (!account.emailVerifiedAt) {
        await appendAudit(db, request, {
          action: 'auth.login',
          resourceType: 'User',
          resourceId: account.id,
          outcome: 'denied',
          detail: { reason: 'email-not-verified' },
        });
        throw new AppError(
          'AUTH.EMAIL_NOT_VERIFIED',
          'This account is not ready yet: open the link we sent you to confirm the e-mail address, or ask for a new one.',
        );
      }
      return logIn(db, request, reply, account, 'auth.login', options);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End the session',
        response: { 204: z.undefined(), ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const session = requireAuth(request);
      await db.delete(sessions).where(eq(sessions.tokenHash, session.tokenHash));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user',
        response: { 200: SessionResponse, ...problems(401) },
      },
    },
    (request) => {
      const session = requireAuth(request);
      return { user: session.user, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/password-reset/request',
    {
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Send a reset link; answers the same whether or not the e-mail exists',
        body: ResetRequestBody,
        response: { 202: z.object({}), ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      const [user] = await db
        .select()
        .from(users)
        .where(eq(users.email, request.body.email))
        .limit(1);
      if (user && !user.disabledAt) {
        const token = await issuePasswordReset(db, user, clock.now());
        // Queued, not sent while the caller waits: an SMTP round trip would show that the
        // address has an account.
        await options.mailer.queue({
          to: user.email,
          subject: 'Reset your KetaFlow password',
          body: `Someone asked to reset the password of this KetaFlow account.\n\nTo choose a new password, open this link within one hour:\n${options.publicUrl}/reset-password/${token}\n\nIf it was not you, ignore this message: nothing changes. Only the newest link works.`,
          // Once sent, the outbox copy must not hold a working link.
          secrets: [token],
        });
      }
      return reply.status(202).send({});
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary:
          'Set a new password with a reset token; ends every session of the account and, as the link proves the address, marks the e-mail verified',
        body: ResetConfirmBody,
        response: { 204: z.undefined(), ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      const passwordHash = await hashPassword(request.body.password);
      const done = await confirmPasswordReset(db, request.body.token, passwordHash, clock.now());
      if (!done) {
        throw new AppError(
          'AUTH.RESET_TOKEN_INVALID',
          'The reset link is invalid, used or expired: ask for a new one.',
          [{ path: 'body.token', message: 'is invalid or expired' }],
        );
      }
      return reply.status(204).send();
    },
  );
};
