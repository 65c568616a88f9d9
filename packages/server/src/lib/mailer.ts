import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Database } from '../db/client';
import { outbox } from '../db/schema/index';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
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

export function createMailer(db: Database, smtpUrl: string | undefined, from: string): Mailer {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
  async function store(mail: OutgoingMail): Promise<string | undefined> {
    const [row] = await db.insert(outbox).values(mail).returning({ id: outbox.id });
    return row?.id;
  }
  async function deliver(id: string, mail: OutgoingMail): Promise<void> {
    if (!transport) return;
    try {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.body });
      await db.update(outbox).set({ sentAt: new Date() }).where(eq(outbox.id, id));
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
