import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database, Transaction } from '../../db/client';
import { auditLog } from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
import { appendAudit, type AuditOutcome } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import type { ClinicKnowledge } from '../../knowledge';
import type { BookingDeps, BookingProblem } from './booking';
import { runIdempotent, type Answer, type IdempotentOutcome } from './idempotency';
import type { AppointmentDto } from './repository';

export interface AppointmentRouteOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly knowledge: ClinicKnowledge;
}

/** Booking dependencies for one request: the clinic settings, now, and its audit trail. */
export function depsFor(options: AppointmentRouteOptions, request: FastifyRequest): BookingDeps {
  return {
    kb: options.knowledge.kb,
    now: options.clock.now(),
    audit: (executor, entry) => appendAudit(executor, request, entry),
  };
}

/** A refused booking or change as problem+json; `errors[]` names each reason and its field. */
export function toAppError(problem: BookingProblem, prefix: 'body' | 'query'): AppError {
  return new AppError(
    problem.code,
    problem.message,
    problem.problems.map((p) => ({
      path: `${prefix}.${p.path ?? 'startsAt'}`,
      message: p.message,
      code: p.code,
    })),
  );
}

const OUTCOME_BY_STATUS: Record<number, AuditOutcome> = { 403: 'denied', 404: 'not-found' };

/**
 * Runs a write idempotently (see `runIdempotent`) and sends its answer; a refusal is audited
 * with its code in the same transaction as the stored answer.
 */
export async function sendIdempotent(
  options: AppointmentRouteOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  audit: { action: string; patientId?: string | null; resourceId?: string | null },
  work: (tx: Transaction) => Promise<Answer>,
): Promise<FastifyReply> {
  const { user } = request.auth ?? {};
  if (!user) throw new AppError('AUTH.REQUIRED', 'Log in first.');
  const key = request.headers['idempotency-key'];
  const outcome: IdempotentOutcome = await runIdempotent(
    options.db,
    {
      key: typeof key === 'string' ? key : undefined,
      userId: user.id,
      method: request.method,
      path: request.url.split('?')[0] ?? request.url,
      body: request.body,
      now: options.clock.now(),
    },
    work,
    (tx, error) =>
      appendAudit(tx, request, {
        action: audit.action,
        resourceType: 'Appointment',
        resourceId: audit.resourceId ?? null,
        patientId: audit.patientId ?? null,
        outcome: OUTCOME_BY_STATUS[error.status] ?? 'invalid',
        detail: { code: error.code },
      }),
  );
  if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
  const problem = outcome.statusCode >= 400;
  return reply
    .status(outcome.statusCode)
    .type(problem ? 'application/problem+json' : 'application/json; charset=utf-8')
    .send(outcome.body);
}

/** One audit row per patient whose appointments a list showed (the patient's access log). */
export async function auditList(
  db: Database,
  request: FastifyRequest,
  action: string,
  items: readonly AppointmentDto[],
): Promise<void> {
  const user = request.auth?.user;
  const byPatient = new Map<string, number>();
  for (const a of items) byPatient.set(a.patientId, (byPatient.get(a.patientId) ?? 0) + 1);
  const rows = [...byPatient].map(([patientId, count]) => ({
    actorUserId: user?.id ?? null,
    actorRole: user?.role ?? null,
    actorName: user?.displayName ?? null,
    action,
    resourceType: 'Appointment',
    resourceId: null,
    patientId,
    clientIp: request.ip,
    outcome: 'success',
    requestId: request.id,
    detail: { count },
  }));
  if (rows.length === 0) {
    await appendAudit(db, request, {
      action,
      resourceType: 'Appointment',
      outcome: 'success',
      detail: { count: 0 },
    });
    return;
  }
  await db.insert(auditLog).values(rows);
}
