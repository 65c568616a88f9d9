/**
 * Imports of the same patient take turns. On PostgreSQL two imports run at once (a pool of
 * connections): both could find no patient for an identifier and each create one (one person,
 * two charts), or both find no link for a new entry and the second insert of the link fails.
 * Each import therefore holds a transaction-scoped advisory lock on every identifier its Patients
 * are known by, and on every KetaFlow patient it writes about, until it commits or rolls back;
 * a second import of the same patient waits, then finds what the first one kept. PGlite runs one
 * transaction at a time, where the locks cost nothing and change nothing; one code path serves both.
 *
 * Deadlock-free by order: all identifier locks first, then all patient locks, each set in
 * ascending key order, and every lock is taken before the import writes a row.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';

/**
 * The first of the two 32-bit keys (`pg_advisory_xact_lock(int, int)`): a space of its own, apart
 * from the one 64-bit key of the migration lock and from each other. Any constants that fit int4.
 */
const LOCK_SPACE = { identifier: 0x4b46_4901, patient: 0x4b46_5001 } as const;

/** A 32-bit key for a text; two texts sharing one only make their imports take turns. */
function keyOf(text: string): number {
  return createHash('sha256').update(text).digest().readInt32BE(0);
}

async function lockAll(tx: Transaction, space: number, texts: Iterable<string>): Promise<void> {
  const keys = [...new Set([...texts].map(keyOf))].sort((a, b) => a - b);
  for (const key of keys)
    await tx.execute(sql`select pg_advisory_xact_lock(${space}::int4, ${key}::int4)`);
}

/** Waits for, then holds, every import of a patient known by one of `keys` (`Patient|<system>|<value>`). */
export function lockPatientIdentifiers(tx: Transaction, keys: Iterable<string>): Promise<void> {
  return lockAll(tx, LOCK_SPACE.identifier, keys);
}

/** Waits for, then holds, every import writing about one of these KetaFlow patients; after identifiers. */
export function lockPatientIds(tx: Transaction, patientIds: Iterable<string>): Promise<void> {
  return lockAll(tx, LOCK_SPACE.patient, patientIds);
}
