import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only: a trigger in the migrations refuses UPDATE and DELETE.
 * `patientId` has no foreign key so the trail outlives any record it names.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    patientId: uuid('patient_id'),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    clientIp: text('client_ip'),
    outcome: text('outcome').notNull(),
    requestId: text('request_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_patient_idx').on(t.patientId, t.at),
    index('audit_actor_idx').on(t.actorUserId, t.at),
    index('audit_at_idx').on(t.at),
  ],
);
