import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client';
import { hasSqlState, isUniqueViolation } from '../../db/errors';
import { idempotencyKeys } from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
import { problemFor } from '../../errors/error-handler';

/** What a request answered: replayed byte-for-byte (as JSON) for a retry with the same key. */
export interface Answer {
  readonly statusCode: number;
  readonly body: unknown;
}

export interface IdempotentRequest {
  /** The `Idempotency-Key` header; without one the work simply runs once in a transaction. */
  readonly key: string | undefined;
  readonly userId: string;
  readonly method: string;
  /** Path without the query string; also the problem's `instance`. */
  readonly path: string;
  readonly body: unknown;
  readonly now: Date;
}

export interface IdempotentOutcome extends Answer {
  readonly replayed: boolean;
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` hash alike. */
function stableJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(stableJson({ method, path, body: body ?? null }))
    .digest('hex');
}

/** Deadlocks and serialization failures: the transaction did nothing and may simply run again. */
function isRetryable(error: unknown): boolean {
  return hasSqlState(error, '40P01') || hasSqlState(error, '40001');
}

const MAX_ATTEMPTS = 5;

/**
 * Runs `work` in one transaction and, when the request carries an `Idempotency-Key`, stores its
 * answer in `idempotency_keys` in that same transaction. A retry with the same key and the same
 * request gets the stored answer (status and body); the same key with another request is refused
 * with `REQUEST.IDEMPOTENCY_MISMATCH`. Expected failures (`AppError`) roll back everything `work`
 * wrote (it runs in a savepoint), are stored like any answer, and are returned as problem+json
 * bodies; `onProblem` may record them (an audit row) in the surviving transaction.
 */
export async function runIdempotent(
  db: Database,
  request: IdempotentRequest,
  work: (tx: Transaction) => Promise<Answer>,
  onProblem?: (tx: Transaction, error: AppError) => Promise<void>,
): Promise<IdempotentOutcome> {
  const hash = requestHash(request.method, request.path, request.body);
  const attempt = async (tx: Transaction): Promise<Answer> => {
    try {
      return await tx.transaction(work);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await onProblem?.(tx, error);
      const problem = problemFor(error.code, error.message, error.errors, error.limits);
      return { statusCode: error.status, body: { ...problem, instance: request.path } };
    }
  };

  for (let n = 1; ; n++) {
    try {
      if (request.key === undefined) {
        const answer = await db.transaction(attempt);
        return { ...answer, replayed: false };
      }
      const stored = await findStored(db, request.userId, request.key);
      if (stored) {
        if (stored.requestHash !== hash) {
          throw new AppError(
            'REQUEST.IDEMPOTENCY_MISMATCH',
            'This Idempotency-Key was used for a different request; use a new key.',
          );
        }
        return { statusCode: stored.statusCode, body: stored.response, replayed: true };
      }
      const key = request.key;
      const answer = await db.transaction(async (tx) => {
        // Claimed first: a concurrent request with the same key waits here, then finds the answer.
        await tx.insert(idempotencyKeys).values({
          key,
          userId: request.userId,
          requestHash: hash,
          statusCode: 0,
          response: {},
          createdAt: request.now,
        });
        const result = await attempt(tx);
        await tx
          .update(idempotencyKeys)
          .set({ statusCode: result.statusCode, response: result.body ?? null })
          .where(and(eq(idempotencyKeys.userId, request.userId), eq(idempotencyKeys.key, key)));
        return result;
      });
      return { ...answer, replayed: false };
    } catch (error) {
      const again = isRetryable(error) || (request.key !== undefined && isUniqueViolation(error));
      if (!again || n >= MAX_ATTEMPTS) throw error;
    }
  }
}

async function findStored(db: Database, userId: string, key: string) {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)))
    .limit(1);
  return row;
}
