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

/** The audit row for `entry`: who (from the session), what, from where, outcome. */
function auditRow(request: FastifyRequest, entry: AuditEntry) {
  const user = request.auth?.user;
  return {
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
  };
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
  await executor.insert(auditLog).values(auditRow(request, entry));
}

/**
 * Audits a read that returned several patients' data (a list, a search, the outbox): one row per
 * patient, each naming that patient, so every one of them sees the read in their own access log;
 * a single row without a patient when the read returned nobody's data.
 */
export async function appendAuditPerPatient(
  executor: Executor,
  request: FastifyRequest,
  entry: Omit<AuditEntry, 'patientId' | 'resourceId'>,
  patientIds: readonly string[],
): Promise<void> {
  const distinct = [...new Set(patientIds)];
  if (distinct.length === 0) {
    await appendAudit(executor, request, entry);
    return;
  }
  await executor
    .insert(auditLog)
    .values(distinct.map((patientId) => auditRow(request, { ...entry, patientId })));
}
