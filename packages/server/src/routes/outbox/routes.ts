import { count, desc, inArray, or, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { outbox, patients, users } from '../../db/schema/index';
import { appendAuditPerPatient } from '../../lib/audit';
import { requireRole } from '../../plugins/auth';
import { PageQuery, paged, problems } from '../common-schemas';

const OutboxItem = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

/** E-mails the server has queued: the admin's way to read reset links when no SMTP server is set. */
export const outboxRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/outbox',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Messages in the outbox (admin)',
        querystring: PageQuery,
        response: { 200: paged(OutboxItem), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const [total] = await db.select({ n: count() }).from(outbox);
      const rows = await db
        .select()
        .from(outbox)
        .orderBy(desc(outbox.createdAt))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      await appendAuditPerPatient(
        db,
        request,
        {
          action: 'outbox.read',
          resourceType: 'Outbox',
          outcome: 'success',
          detail: { count: rows.length },
        },
        await patientsIn(db, rows),
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          to: r.to,
          subject: r.subject,
          body: r.body,
          createdAt: r.createdAt.toISOString(),
          sentAt: r.sentAt?.toISOString() ?? null,
        })),
        total: total?.n ?? 0,
        page,
        pageSize,
      };
    },
  );
};

/**
 * The patients whose data a page of messages holds: those they were sent to (the record's or the
 * account's e-mail) and those whose record number is in a message (a safety alert to the care team).
 */
async function patientsIn(
  db: Database,
  rows: readonly { to: string; body: string }[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const addresses = [...new Set(rows.map((r) => r.to.toLowerCase()))];
  const [byRecord, byAccount] = await Promise.all([
    db
      .select({ id: patients.id })
      .from(patients)
      .where(
        or(
          inArray(sql`lower(${patients.email})`, addresses),
          ...rows.map((r) => sql`strpos(${r.body}, ${patients.mrn}) > 0`),
        ),
      ),
    db.select({ id: users.patientId }).from(users).where(inArray(users.email, addresses)),
  ]);
  return [...byRecord.map((r) => r.id), ...byAccount.flatMap((r) => (r.id ? [r.id] : []))];
}
