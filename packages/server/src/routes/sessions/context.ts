/** What every session route shares: options, the audited write wrapper, dates in the clinic's zone. */
import type { FastifyRequest } from 'fastify';
import type { SessionState } from '@ketaflow/core';
import type { Database, Transaction } from '../../db/client';
import { AppError } from '../../errors/catalog';
import type { ClinicKnowledge } from '../../knowledge';
import { appendAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { loadSession, lockSession } from './repository';
import type { SessionDto } from './schemas';

export interface SessionRouteOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly knowledge: ClinicKnowledge;
}

export interface LockedSession {
  readonly id: string;
  readonly state: SessionState;
  readonly patientId: string;
  readonly product: 'ketamine-iv' | 'esketamine-nasal';
  /** The session as it was when locked (events folded). */
  readonly current: SessionDto;
}

export const AUDIT_RESOURCE = 'TreatmentSession';

/** The calendar date of `now` in a time zone (YYYY-MM-DD). */
export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * Runs one signed step: locks the session, runs `step` in a transaction with its audit row, and
 * returns the session afterwards. A refusal is audited too (outcome `invalid` or `not-found`).
 */
export function sessionWriter({ db, clock, knowledge }: SessionRouteOptions) {
  return async function write(
    request: FastifyRequest,
    sessionId: string,
    action: string,
    step: (
      tx: Transaction,
      s: LockedSession,
      now: Date,
    ) => Promise<Record<string, unknown> | undefined>,
  ): Promise<SessionDto> {
    const now = clock.now();
    let patientId: string | null = null;
    try {
      await db.transaction(async (tx) => {
        const locked = await lockSession(tx, sessionId);
        patientId = locked.patientId;
        const current = await loadSession(tx, knowledge.kb, sessionId, now);
        const detail = await step(tx, { id: sessionId, ...locked, current }, now);
        await appendAudit(tx, request, {
          action,
          resourceType: AUDIT_RESOURCE,
          resourceId: sessionId,
          patientId: locked.patientId,
          outcome: 'success',
          ...(detail ? { detail } : {}),
        });
      });
    } catch (error) {
      if (error instanceof AppError) {
        await appendAudit(db, request, {
          action,
          resourceType: AUDIT_RESOURCE,
          resourceId: sessionId,
          patientId,
          outcome: error.code === 'RESOURCE.NOT_FOUND' ? 'not-found' : 'invalid',
          detail: { code: error.code },
        });
      }
      throw error;
    }
    return loadSession(db, knowledge.kb, sessionId, clock.now());
  };
}
