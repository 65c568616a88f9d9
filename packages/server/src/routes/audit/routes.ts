import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { auditLog } from '../../db/schema/index';
import { appendAudit } from '../../lib/audit';
import { isStaff, requireAuth, requireRole } from '../../plugins/auth';
import { assertPatientAccess } from '../patients/access';
import { IdParams, IsoDate, PageQuery, paged, problems } from '../common-schemas';

const AuditQuery = PageQuery.extend({
  patientId: z.uuid().optional(),
  actorUserId: z.uuid().optional(),
  action: z.string().trim().min(1).max(80).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional().describe('Inclusive: the whole day counts'),
});

const AuditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  patientId: z.string().nullable(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  clientIp: z.string().nullable(),
  outcome: z.string(),
});

const AccessItem = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  outcome: z.string(),
});

const ANOTHER_PATIENT = 'Another patient account';

function nextDay(isoDate: string): Date {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** The admin's audit log and a patient's own "who opened my record" view. */
export const auditRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/audit',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['audit'],
        summary: 'Page and filter the audit trail (admin)',
        querystring: AuditQuery,
        response: { 200: paged(AuditItem), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const filters: SQL[] = [];
      if (q.patientId) filters.push(eq(auditLog.patientId, q.patientId));
      if (q.actorUserId) filters.push(eq(auditLog.actorUserId, q.actorUserId));
      if (q.action) filters.push(eq(auditLog.action, q.action));
      if (q.from) filters.push(gte(auditLog.at, new Date(`${q.from}T00:00:00Z`)));
      if (q.to) filters.push(lt(auditLog.at, nextDay(q.to)));
      const where = filters.length > 0 ? and(...filters) : undefined;
      const [total] = await db.select({ n: count() }).from(auditLog).where(where);
      const rows = await db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorUserId: r.actorUserId,
          actorName: r.actorName,
          actorRole: r.actorRole,
          action: r.action,
          patientId: r.patientId,
          resourceType: r.resourceType,
          resourceId: r.resourceId,
          clientIp: r.clientIp,
          outcome: r.outcome,
        })),
        total: total?.n ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.get(
    '/api/patients/:id/access-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'Who opened or changed this record (the patient themself, or staff)',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: paged(AccessItem), ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { page, pageSize } = request.query;
      await assertPatientAccess(db, request, id, 'patient.access-log.read');
      const where = eq(auditLog.patientId, id);
      const [total] = await db.select({ n: count() }).from(auditLog).where(where);
      const rows = await db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      await appendAudit(db, request, {
        action: 'patient.access-log.read',
        resourceType: 'AuditEvent',
        patientId: id,
        outcome: 'success',
      });
      // A patient reading their own log sees staff by name, but not another patient whose account
      // tried to open the record (refused and audited): that name is the other patient's data.
      const viewer = requireAuth(request).user;
      const nameOf = (r: (typeof rows)[number]) =>
        !isStaff(viewer) && r.actorRole === 'patient' && r.actorUserId !== viewer.id
          ? ANOTHER_PATIENT
          : r.actorName;
      return {
        items: rows.map((r) => ({
          at: r.at.toISOString(),
          actorName: nameOf(r),
          actorRole: r.actorRole,
          action: r.action,
          outcome: r.outcome,
        })),
        total: total?.n ?? 0,
        page,
        pageSize,
      };
    },
  );
};
