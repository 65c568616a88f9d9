import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { patients, users } from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import type { Mailer } from '../../lib/mailer';
import { requireRole, STAFF_ROLES } from '../../plugins/auth';
import { issueEmailVerification, VERIFICATION_TTL_HOURS } from '../auth/email-verifications';
import { verificationMail } from '../auth/registration-mails';
import { Email } from '../auth/schemas';
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

const AddressCorrected = ConfirmationLinkSent.extend({
  recordEmailUpdated: z
    .boolean()
    .describe(
      "Whether the patient record's e-mail field was changed too: it is when it held the account's old address (as registration leaves it), and left as it was otherwise.",
    ),
});

const AddressBody = z.object({
  // Copied from a note or read out on the phone: spaces around it are not part of it.
  email: z.string().trim().pipe(Email).describe('The address the patient says is theirs.'),
});

const LINK_ACTION = 'patient.account.confirmation-link';
const ADDRESS_ACTION = 'patient.account.email-corrected';

const UNCONFIRMED_ONLY =
  'Only an unconfirmed account: one whose address is confirmed belongs to someone who proved it, and staff cannot move it to another address.';

/** What staff do about a patient's online account (its state is on the patient record). */
export const patientAccountRoutes: FastifyPluginAsyncZod<PatientAccountRouteOptions> = async (
  app,
  { db, clock, mailer, publicUrl },
) => {
  /**
   * The patient's unconfirmed account, or the audited refusal: 404 when there is none, 409 when
   * its address is already confirmed.
   */
  async function unconfirmedAccount(request: FastifyRequest, id: string, action: string) {
    await assertPatientAccess(db, request, id, action);
    const account = await findOnlineAccount(db, id);
    const refuse = async (outcome: 'not-found' | 'denied', error: AppError): Promise<never> => {
      await appendAudit(db, request, {
        action,
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
    return account;
  }

  /** Mails the link made in the transaction and says where it went and until when. */
  async function mailLink(email: string, token: string, now: Date) {
    await mailer.queue(verificationMail(publicUrl, email, token, undefined));
    const expiresAt = new Date(now.getTime() + VERIFICATION_TTL_HOURS * 60 * 60 * 1000);
    return { sentTo: email, expiresAt: expiresAt.toISOString() };
  }

  app.post(
    '/api/patients/:id/account/confirmation-link',
    {
      preHandler: requireRole(...STAFF_ROLES),
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags: ['patients'],
        summary:
          "Mail a new confirmation link to the address of a patient's unconfirmed online account (staff)",
        description: `For a patient whose self-registered account shows \`account.confirmed: false\`, e.g. when they lost or never got the first mail. The link goes to the account's own address (not the record's e-mail field), works for ${String(VERIFICATION_TTL_HOURS)} hours, and replaces the earlier links. 409 AUTH.EMAIL_ALREADY_CONFIRMED when the account is confirmed; 404 when there is no such patient or the patient has no online account. To correct a mistyped address, use PUT /api/patients/{id}/account/email.`,
        params: IdParams,
        response: { 202: ConfirmationLinkSent, ...problems(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const account = await unconfirmedAccount(request, id, LINK_ACTION);
      const now = clock.now();
      const token = await db.transaction(async (tx) => {
        const issued = await issueEmailVerification(tx, account.id, now);
        await appendAudit(tx, request, {
          action: LINK_ACTION,
          resourceType: 'Patient',
          resourceId: id,
          patientId: id,
          outcome: 'success',
          detail: { userId: account.id },
        });
        return issued;
      });
      return reply.status(202).send(await mailLink(account.email, token, now));
    },
  );

  app.put(
    '/api/patients/:id/account/email',
    {
      preHandler: requireRole(...STAFF_ROLES),
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags: ['patients'],
        summary:
          "Correct the address of a patient's unconfirmed online account and mail it a confirmation link (staff)",
        description: `For a patient who registered online with a mistyped address and so never got the confirmation mail: staff put in the address the patient gives them (on the phone or at the desk). The account's log-in address becomes it, earlier links stop working, and a new one, good for ${String(VERIFICATION_TTL_HOURS)} hours, goes to the new address; the account stays unconfirmed until the patient opens it. The record's e-mail field follows when it held the old address. ${UNCONFIRMED_ONLY} 409 AUTH.EMAIL_ALREADY_CONFIRMED for a confirmed account; 409 RESOURCE.CONFLICT naming \`body.email\` when another account uses the address; 404 when there is no such patient or no online account.`,
        params: IdParams,
        body: AddressBody,
        response: { 202: AddressCorrected, ...problems(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { email } = request.body;
      const account = await unconfirmedAccount(request, id, ADDRESS_ACTION);
      const now = clock.now();
      const taken = () =>
        new AppError('RESOURCE.CONFLICT', 'Another online account uses this address.', [
          {
            path: 'body.email',
            message: 'is the log-in address of another online account',
          },
        ]);
      const [holder] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, email))
        .limit(1);
      if (holder && holder.id !== account.id) throw taken();
      const correction = db.transaction(async (tx) => {
        // Read again under a lock: the patient may have opened a link meanwhile.
        const [current] = await tx
          .select()
          .from(users)
          .where(eq(users.id, account.id))
          .for('update');
        if (!current || current.disabledAt)
          throw new AppError('RESOURCE.NOT_FOUND', 'This patient has no online account.');
        if (current.emailVerifiedAt)
          throw new AppError(
            'AUTH.EMAIL_ALREADY_CONFIRMED',
            'This account’s e-mail address was confirmed meanwhile: the patient can log in.',
          );
        await tx.update(users).set({ email }).where(eq(users.id, account.id));
        const moved = await tx
          .update(patients)
          .set({ email, updatedAt: now })
          .where(and(eq(patients.id, id), eq(patients.email, current.email)))
          .returning({ id: patients.id });
        const issued = await issueEmailVerification(tx, account.id, now);
        await appendAudit(tx, request, {
          action: ADDRESS_ACTION,
          resourceType: 'Patient',
          resourceId: id,
          patientId: id,
          outcome: 'success',
          // Which account, and whether anything changed; never the addresses themselves.
          detail: {
            userId: account.id,
            changed: current.email !== email,
            recordEmailUpdated: moved.length > 0,
          },
        });
        return { token: issued, recordEmailUpdated: moved.length > 0 };
      });
      const { token, recordEmailUpdated } = await correction.catch((error: unknown) => {
        // Another account took the address between the check and the update.
        throw isUniqueViolation(error) ? taken() : error;
      });
      return reply.status(202).send({ ...(await mailLink(email, token, now)), recordEmailUpdated });
    },
  );
};
