import type { OutgoingMail } from '../../lib/mailer';
import { VERIFICATION_TTL_HOURS } from './email-verifications';

/** The in-app path to continue at after verifying, carried in the link (see `ReturnPath`). */
function verifyLink(publicUrl: string, token: string, next: string | undefined): string {
  const query = next === undefined ? '' : `?${new URLSearchParams({ next }).toString()}`;
  return `${publicUrl}/verify-email/${token}${query}`;
}

/** A mail with a confirmation link: `intro`, the link, then `after` (each ending its paragraph). */
function confirmationMail(
  publicUrl: string,
  to: string,
  token: string,
  next: string | undefined,
  intro: string,
  after: string,
): OutgoingMail {
  return {
    to,
    subject: 'Confirm your e-mail address for KetaFlow',
    body: `${intro}\n\nIf it was you, open this link within ${String(VERIFICATION_TTL_HOURS)} hours to confirm the address and log in:\n${verifyLink(publicUrl, token, next)}\n\n${after}`,
    // Once sent, the outbox copy must not hold a working link.
    secrets: [token],
  };
}

/** The mail with the link that finishes a new registration. */
export function verificationMail(
  publicUrl: string,
  to: string,
  token: string,
  next: string | undefined,
): OutgoingMail {
  return confirmationMail(
    publicUrl,
    to,
    token,
    next,
    'Someone created a KetaFlow patient account with this e-mail address.',
    'Only the newest link works. If it was not you, ignore this message: the account cannot be used without this link.',
  );
}

/**
 * The mail to an address whose account is not confirmed yet, when someone registers with it
 * again: a fresh link (the earlier ones stop working), and the account keeps the details and
 * password of the first registration.
 */
export function unconfirmedAgainMail(
  publicUrl: string,
  to: string,
  token: string,
  next: string | undefined,
): OutgoingMail {
  return confirmationMail(
    publicUrl,
    to,
    token,
    next,
    'Someone registered again with this e-mail address. It already has a KetaFlow patient account, made earlier and not yet confirmed; nothing in it was changed.',
    `Then log in with the password you chose the first time; if you do not remember it, choose a new one at ${publicUrl}/reset-password\n\nOnly the newest link works. If it was not you, ignore this message.`,
  );
}

/**
 * The mail to an address that already has an account, when someone registers with it again. The
 * answer to the registration says nothing of this; only the owner of the address learns it.
 */
export function alreadyRegisteredMail(publicUrl: string, to: string): OutgoingMail {
  return {
    to,
    subject: 'Someone tried to register with your KetaFlow address',
    body: `Someone just tried to create a KetaFlow patient account with this e-mail address, but it already has an account. Nothing was changed.\n\nIf it was you, log in at ${publicUrl}/login\nIf you forgot your password, choose a new one at ${publicUrl}/reset-password\n\nIf it was not you, you can ignore this message.`,
  };
}
