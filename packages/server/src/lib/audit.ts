import type { FastifyRequest } from 'fastify';
import type { Executor } from '../db/client';
import { auditLog } from '../db/schema/index';

export type AuditOutcome = 'success' | 'denied' | 'not-found' | 'invalid' | 'error';

export interface AuditEntry {
  /** Verb-first and namespaced, e.g. `patient.read`, `patient.weight.create`. */
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId?: string | null;
  readonly patientId?: string | null;
  readonly outcome: AuditOutcome;
  /** Never patient data: ids, counts, field names only. */
  readonly detail?: Record<string, unknown>;
}

/**
 * Appends one row to the audit trail: who (from the session), what, when, from where, outcome.
 * Pass the open transaction for writes, so the trail and the change commit together.
 */
export async function appendAudit(
  executor: Executor,
  request: FastifyRequest,
  entry: AuditEntry,
): Promise<void> {
  const user = request.auth?.user;
  await executor.insert(auditLog).values({
    actorUserId: user?.id ?? null,
    actorRole: user?.role ?? null,
    actorName: user?.displayName ?? null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    patientId: entry.patientId ?? null,
    clientIp: request.ip,
    outcome: entry.outcome,
    requestId: request.id,
    detail: entry.detail ?? null,
  });
}
