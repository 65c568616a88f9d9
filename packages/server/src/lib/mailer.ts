import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Database } from '../db/client';
import { outbox } from '../db/schema/index';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /**
   * Parts of the body that must not stay readable once the message has gone (a reset link's
   * token). The outbox keeps them until a send succeeds, so a message that failed can still be
   * sent, and without SMTP an admin can still read it there; after a successful send they are
   * replaced in the stored copy.
   */
  readonly secrets?: readonly string[];
}

/** What the outbox's copy shows in place of a secret once the message was sent. */
export const REDACTED_AFTER_SEND = '[removed once sent]';

/** The part of a nodemailer transport the mailer uses; tests pass their own. */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

export interface Mailer {
  /** Stores the message in the outbox first (nothing promised is lost), then sends it over SMTP if configured. */
  send(mail: OutgoingMail): Promise<void>;
  /**
   * Stores the message in the outbox and returns; the SMTP delivery runs afterwards. For answers
   * whose timing must not show whether a message went out (the password-reset request).
   */
  queue(mail: OutgoingMail): Promise<void>;
}

/** `body` with every secret replaced, for the outbox copy of a message already sent. */
export function redactSecrets(body: string, secrets: readonly string[]): string {
  return secrets.reduce(
    (text, secret) => (secret === '' ? text : text.replaceAll(secret, REDACTED_AFTER_SEND)),
    body,
  );
}

/**
 * The mailer over SMTP (`smtp` as a URL), over a given transport, or, with neither, the outbox
 * alone (admins read it at Outbox).
 */
export function createMailer(
  db: Database,
  smtp: string | MailTransport | undefined,
  from: string,
): Mailer {
  const transport: MailTransport | undefined =
    typeof smtp === 'string' ? nodemailer.createTransport(smtp) : smtp;
  async function store(mail: OutgoingMail): Promise<string | undefined> {
    const [row] = await db
      .insert(outbox)
      .values({ to: mail.to, subject: mail.subject, body: mail.body })
      .returning({ id: outbox.id });
    return row?.id;
  }
  async function deliver(id: string, mail: OutgoingMail): Promise<void> {
    if (!transport) return;
    try {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.body });
      const secrets = mail.secrets ?? [];
      await db
        .update(outbox)
        .set({
          sentAt: new Date(),
          ...(secrets.length > 0 ? { body: redactSecrets(mail.body, secrets) } : {}),
        })
        .where(eq(outbox.id, id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db
        .update(outbox)
        .set({ lastError: message.slice(0, 500) })
        .where(eq(outbox.id, id));
    }
  }
  return {
    async send(mail) {
      const id = await store(mail);
      if (id) await deliver(id, mail);
    },
    async queue(mail) {
      const id = await store(mail);
      // Nobody waits for this: if even recording the outcome fails, the message stays in the
      // outbox without `sentAt`, where an admin sees it.
      if (id) deliver(id, mail).catch(() => undefined);
    },
  };
}
