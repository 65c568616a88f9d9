import { count, desc } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { outbox } from '../../db/schema/index';
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
