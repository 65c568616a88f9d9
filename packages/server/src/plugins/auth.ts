import { and, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../db/client';
import { sessions, users, type Role } from '../db/schema/index';
import { AppError } from '../errors/catalog';
import type { Clock } from '../lib/clock';
import { hashToken, newToken, safeEqual } from '../lib/tokens';

export const SESSION_COOKIE = 'kf_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly displayName: string;
  readonly patientId: string | null;
}

export interface AuthSession {
  readonly user: SessionUser;
  readonly csrfToken: string;
  readonly tokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthSession | null;
  }
}

export interface AuthOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly cookieSecure: boolean;
  readonly sessionTtlHours: number;
}

/** Server-side sessions in the database: any instance can serve any request. */
async function authPlugin(app: FastifyInstance, options: AuthOptions): Promise<void> {
  const { db, clock } = options;
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const tokenHash = hashToken(token);
    const rows = await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          gt(sessions.expiresAt, clock.now()),
          isNull(users.disabledAt),
        ),
      )
      .limit(1);
    const row = rows[0];
    if (!row) return;
    request.auth = {
      tokenHash,
      csrfToken: row.session.csrfToken,
      user: {
        id: row.user.id,
        email: row.user.email,
        role: row.user.role,
        displayName: row.user.displayName,
        patientId: row.user.patientId,
      },
    };
    // Cookie-authenticated writes must prove they come from our own pages.
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, row.session.csrfToken)) {
        throw new AppError(
          'AUTH.CSRF_INVALID',
          `Send the ${CSRF_HEADER} header returned at log-in.`,
        );
      }
    }
  });
}

export const auth = fp(authPlugin, { name: 'ketaflow-auth', dependencies: ['@fastify/cookie'] });

/** Starts a session for a user and sets its cookie; returns the CSRF token for the client. */
export async function startSession(
  db: Database,
  reply: FastifyReply,
  request: FastifyRequest,
  userId: string,
  options: Pick<AuthOptions, 'clock' | 'cookieSecure' | 'sessionTtlHours'>,
): Promise<string> {
  const token = newToken();
  const csrfToken = newToken();
  const ttlMs = options.sessionTtlHours * 3_600_000;
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    expiresAt: new Date(options.clock.now().getTime() + ttlMs),
    clientIp: request.ip,
  });
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.cookieSecure,
    path: '/',
    maxAge: ttlMs / 1000,
  });
  return csrfToken;
}

export function requireAuth(request: FastifyRequest): AuthSession {
  if (!request.auth) throw new AppError('AUTH.REQUIRED', 'Log in first.');
  return request.auth;
}

/** A preHandler that lets only the given roles through: 401 without a session, 403 for other roles. */
export function requireRole(...roles: Role[]): preHandlerHookHandler {
  return (request, _reply, done) => {
    const session = requireAuth(request);
    if (!roles.includes(session.user.role)) {
      done(new AppError('AUTH.FORBIDDEN', `This needs one of the roles: ${roles.join(', ')}.`));
      return;
    }
    done();
  };
}

export const STAFF_ROLES: Role[] = ['nurse', 'prescriber', 'admin'];

export function isStaff(user: SessionUser): boolean {
  return STAFF_ROLES.includes(user.role);
}
