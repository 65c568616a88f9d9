import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Database } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { users } from '../../db/schema/index';
import { AppError, fieldErrors } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import type { Mailer } from '../../lib/mailer';
import { hashPassword } from '../../lib/passwords';
import type { ClinicKnowledge } from '../../knowledge';
import { problems } from '../common-schemas';
import { assertBirthDateNotFuture } from '../patients/birth-date';
import { insertPatient } from '../patients/repository';
import { recordIntake, unknownConditionErrors } from '../screening/self-screening';
import {
  confirmEmailVerification,
  issueEmailVerification,
  VERIFICATION_TTL_HOURS,
} from './email-verifications';
import {
  alreadyRegisteredMail,
  unconfirmedAgainMail,
  verificationMail,
} from './registration-mails';
import {
  CheckEmailResponse,
  RegisterBody,
  ResendVerificationBody,
  SessionResponse,
  VerifyEmailBody,
} from './schemas';
import { logIn, toUser } from './session-user';

export interface RegistrationOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly mailer: Mailer;
  readonly publicUrl: string;
  readonly cookieSecure: boolean;
  readonly sessionTtlHours: number;
  readonly knowledge: ClinicKnowledge;
}

const CHECK_EMAIL = { status: 'check-email' } as const;

/**
 * Patient self-registration with e-mail verification. Registering answers the same for every
 * address, so nobody learns from it whether a person has an account at the clinic: a new address
 * gets its account (not yet usable) and a confirmation link; an address with an account gets a
 * mail saying so and nothing changes. The link logs the new patient in.
 */
export const registrationRoutes: FastifyPluginAsyncZod<RegistrationOptions> = async (
  app,
  options,
) => {
  const { db, clock } = options;

  /** The new record, account, intake and first link in one transaction; undefined when the address was taken meanwhile. */
  async function createAccount(
    request: FastifyRequest,
    b: z.infer<typeof RegisterBody>,
    passwordHash: string,
  ): Promise<string | undefined> {
    const now = clock.now();
    try {
      return await db.transaction(async (tx) => {
        const patient = await insertPatient(
          tx,
          {
            givenName: b.givenName,
            familyName: b.familyName,
            birthDate: b.birthDate,
            sex: b.intake?.sex ?? 'unknown',
            email: b.email,
            ...(b.phone ? { phone: b.phone } : {}),
          },
          now,
        );
        const [row] = await tx
          .insert(users)
          .values({
            email: b.email,
            passwordHash,
            role: 'patient',
            displayName: `${b.givenName} ${b.familyName}`,
            patientId: patient.id,
            // The clinic's clock, as for the record: staff see it as when the person registered.
            createdAt: now,
          })
          .returning();
        if (!row) throw new Error('insert into users returned no row');
        if (b.intake)
          await recordIntake(tx, {
            kb: options.knowledge.kb,
            patientId: patient.id,
            answers: b.intake,
            now,
          });
        request.auth = { user: toUser(row), csrfToken: '', tokenHash: '' };
        await appendAudit(tx, request, {
          action: 'patient.register',
          resourceType: 'Patient',
          resourceId: patient.id,
          patientId: patient.id,
          outcome: 'success',
        });
        return issueEmailVerification(tx, row.id, now);
      });
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    } finally {
      request.auth = null;
    }
  }

  /**
   * Someone registered with an address that has an account: tell its owner, change nothing. An
   * account not yet confirmed gets a fresh link instead, so registering twice before opening the
   * first mail does not leave its owner stuck.
   */
  async function noteRepeatedRegistration(
    request: FastifyRequest,
    email: string,
    next: string | undefined,
  ): Promise<void> {
    const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
    if (user && !user.disabledAt && !user.emailVerifiedAt) {
      const now = clock.now();
      const token = await db.transaction((tx) => issueEmailVerification(tx, user.id, now));
      await options.mailer.queue(unconfirmedAgainMail(options.publicUrl, user.email, token, next));
    } else if (user && !user.disabledAt)
      await options.mailer.queue(alreadyRegisteredMail(options.publicUrl, user.email));
    await appendAudit(db, request, {
      action: 'patient.register',
      resourceType: 'User',
      resourceId: user?.id ?? null,
      outcome: 'denied',
      detail: { reason: 'email-has-account' },
    });
  }

  app.post(
    '/api/auth/register',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Patient self-registration; the account is usable once the mailed link is opened',
        description: `Answers 202 { status: 'check-email' } alike whether or not the address has an account. A new address gets its patient record and account (not yet verified, no session) and a link to /verify-email/{token} that works for ${String(VERIFICATION_TTL_HOURS)} hours; an address with an account gets a mail saying someone tried to register with it, and nothing changes (an account not yet confirmed gets a fresh link instead; the first registration's details and password stand).`,
        body: RegisterBody,
        response: { 202: CheckEmailResponse, ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      assertBirthDateNotFuture(b.birthDate, clock.now());
      if (b.intake) {
        const unknown = unknownConditionErrors(
          options.knowledge.kb,
          b.intake.conditions,
          'body.intake.conditions',
        );
        if (unknown.length > 0) throw fieldErrors(unknown);
      }
      // Both paths spend one argon2 hash, so the time taken does not tell them apart either.
      const passwordHash = await hashPassword(b.password);
      const [taken] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, b.email))
        .limit(1);
      const token = taken ? undefined : await createAccount(request, b, passwordHash);
      // Queued, not sent while the caller waits: an SMTP round trip would show which mail went.
      if (token)
        await options.mailer.queue(verificationMail(options.publicUrl, b.email, token, b.next));
      else await noteRepeatedRegistration(request, b.email, b.next);
      return reply.status(202).send(CHECK_EMAIL);
    },
  );

  app.post(
    '/api/auth/verify-email',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary:
          'Confirm the e-mail of a new account with the mailed token; sets the session cookie',
        description:
          'The token works once, until it expires, and only while it is the newest one sent to the account.',
        body: VerifyEmailBody,
        response: { 200: SessionResponse, ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      const user = await confirmEmailVerification(db, request.body.token, clock.now());
      if (!user) {
        await appendAudit(db, request, {
          action: 'auth.verify-email',
          resourceType: 'User',
          outcome: 'invalid',
        });
        throw new AppError(
          'AUTH.VERIFY_TOKEN_INVALID',
          'The confirmation link is invalid, used or expired: ask for a new one.',
          [{ path: 'body.token', message: 'is invalid, used or expired' }],
        );
      }
      return logIn(db, request, reply, user, 'auth.verify-email', options);
    },
  );

  app.post(
    '/api/auth/verify-email/resend',
    {
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Send a new confirmation link; answers the same for every address',
        description:
          'Only an account that is not yet verified gets a mail; the new link replaces the earlier ones.',
        body: ResendVerificationBody,
        response: { 202: CheckEmailResponse, ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      const { email, next } = request.body;
      const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
      if (user && !user.disabledAt && !user.emailVerifiedAt) {
        const now = clock.now();
        const token = await db.transaction((tx) => issueEmailVerification(tx, user.id, now));
        await options.mailer.queue(verificationMail(options.publicUrl, user.email, token, next));
      }
      return reply.status(202).send(CHECK_EMAIL);
    },
  );
};
