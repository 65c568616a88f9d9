import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

/**
 * Independent reads: at once on the database (the pool spreads them over connections), one after
 * another inside a transaction, which holds one connection that must not get a query while
 * another is running (pg warns, and pg 9 refuses). Drizzle queries start only when awaited, so
 * the order is kept.
 */
export async function readAll<const T extends readonly PromiseLike<unknown>[]>(
  executor: Executor,
  queries: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  type Results = { -readonly [K in keyof T]: Awaited<T[K]> };
  const results: unknown[] = [];
  if (executor instanceof PgTransaction) {
    for (const query of queries) results.push(await query);
  } else {
    results.push(...(await Promise.all(queries)));
  }
  return results as Results;
}
