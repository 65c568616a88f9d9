import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { AppError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import type { Mailer } from '../../lib/mailer';
import { requireRole, STAFF_ROLES } from '../../plugins/auth';
import { issueEmailVerification, VERIFICATION_TTL_HOURS } from '../auth/email-verifications';
import { verificationMail } from '../auth/registration-mails';
import { IdParams, problems } from '../common-schemas';
import { assertPatientAccess } from './access';
import { findOnlineAccount } from './online-account';

export interface PatientAccountRouteOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly mailer: Mailer;
  readonly publicUrl: string;
}

const ConfirmationLinkSent = z.object({
  sentTo: z.string().describe("The account's address, where the link went."),
  expiresAt: z.string().describe('When the new link stops working (ISO 8601, UTC).'),
});

const ACTION = 'patient.account.confirmation-link';

/** What staff do about a patient's online account (its state is on the patient record). */
export const patientAccountRoutes: FastifyPluginAsyncZod<PatientAccountRouteOptions> = async (
  app,
  { db, clock, mailer, publicUrl },
) => {
  app.post(
    '/api/patients/:id/account/confirmation-link',
    {
      preHandler: requireRole(...STAFF_ROLES),
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags: ['patients'],
        summary:
          "Mail a new confirmation link to the address of a patient's unconfirmed online account (staff)",
        description: `For a patient whose self-registered account shows \`account.confirmed: false\`, e.g. when they lost or never got the first mail. The link goes to the account's own address (not the record's e-mail field), works for ${String(VERIFICATION_TTL_HOURS)} hours, and replaces the earlier links. 409 AUTH.EMAIL_ALREADY_CONFIRMED when the account is confirmed; 404 when there is no such patient or the patient has no online account. To correct a mistyped address, the person registers again with the right one.`,
        params: IdParams,
        response: { 202: ConfirmationLinkSent, ...problems(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await assertPatientAccess(db, request, id, ACTION);
      const account = await findOnlineAccount(db, id);
      const refuse = async (outcome: 'not-found' | 'denied', error: AppError): Promise<never> => {
        await appendAudit(db, request, {
          action: ACTION,
          resourceType: 'Patient',
          resourceId: id,
          patientId: id,
          outcome,
          ...(outcome === 'denied' ? { detail: { reason: 'already-confirmed' } } : {}),
        });
        throw error;
      };
      if (!account)
        return refuse(
          'not-found',
          new AppError('RESOURCE.NOT_FOUND', 'This patient has no online account.'),
        );
      if (account.emailVerifiedAt)
        return refuse(
          'denied',
          new AppError(
            'AUTH.EMAIL_ALREADY_CONFIRMED',
            'This account’s e-mail address is already confirmed: the patient can log in.',
          ),
        );
      const now = clock.now();
      const token = await db.transaction(async (tx) => {
        const issued = await issueEmailVerification(tx, account.id, now);
        await appendAudit(tx, request, {
          action: ACTION,
          resourceType: 'Patient',
          resourceId: id,
          patientId: id,
          outcome: 'success',
          detail: { userId: account.id },
        });
        return issued;
      });
      await mailer.queue(verificationMail(publicUrl, account.email, token, undefined));
      const expiresAt = new Date(now.getTime() + VERIFICATION_TTL_HOURS * 60 * 60 * 1000);
      return reply.status(202).send({ sentTo: account.email, expiresAt: expiresAt.toISOString() });
    },
  );
};
