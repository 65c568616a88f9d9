/**
 * What a CDS call leaves in the database: its token's jti (so the token is never accepted again,
 * by any instance) and the cards it answered (so feedback on a card's uuid finds the rule).
 *
 * The cards are stored only when the jti was new. Calls that arrive together share one statement
 * (lib/group-commit.ts) that stores their jtis and cards: a busy client costs one statement per
 * batch of calls, not two per order.
 */
import type { DatabaseHandle } from '../../db/client';
import { createGroupCommit } from '../../lib/group-commit';
import type { Clock } from '../../lib/clock';

export interface CardRecord {
  readonly uuid: string;
  readonly serviceId: string;
  readonly hookInstance: string;
  readonly ruleCode: string;
  readonly indicator: string;
}

export interface CallRecord {
  readonly issuer: string;
  readonly jti: string;
  readonly expiresAt: Date;
  readonly cards: readonly CardRecord[];
}

/** Expired jtis are deleted after about this many calls (they can no longer be replayed). */
const SWEEP_EVERY_CALLS = 500;
/** Calls per statement (the values travel as ten arrays, so this only bounds its size). */
const MAX_CALLS_PER_STATEMENT = 100;

const keyOf = (issuer: unknown, jti: unknown) => `${String(issuer)}\n${String(jti)}`;

export interface CallLog {
  /**
   * Stores the call's jti and, when the jti was new, its cards. Resolves false for a replayed
   * jti (no cards are stored), true once both are committed.
   */
  readonly record: (call: CallRecord) => Promise<boolean>;
  readonly drain: () => Promise<void>;
}

/**
 * The call log on `query`, the database's plain parameterised SQL: the statements are a fixed
 * shape, and building them with the query builder cost more than running them on PGlite.
 */
export function createCallLog(
  query: DatabaseHandle['query'],
  clock: Clock,
  concurrency = 1,
): CallLog {
  let sinceSweep = 0;
  const commit = createGroupCommit<CallRecord, boolean>({
    maxBatch: MAX_CALLS_PER_STATEMENT,
    concurrency,
    write: async (calls) => {
      sinceSweep += calls.length;
      if (sinceSweep >= SWEEP_EVERY_CALLS) {
        sinceSweep = 0;
        await query('delete from cds_jwt_ids where expires_at < $1', [clock.now().toISOString()]);
      }
      // The same jti twice in one batch: the first call is the real one, later ones are replays.
      const first = new Map<string, number>();
      calls.forEach((c, i) => {
        const key = keyOf(c.issuer, c.jti);
        if (!first.has(key)) first.set(key, i);
      });
      const distinct = calls.filter((c, i) => first.get(keyOf(c.issuer, c.jti)) === i);
      // One statement per batch (cds_record_calls, migration 0019): the jtis are inserted, and the
      // cards of the calls whose jti was new go in with them. Both or neither: if the cards
      // cannot be stored, the jti is not used up either and the call fails without an answer.
      const cards = distinct.flatMap((c) => c.cards.map((card) => ({ call: c, card })));
      const stored = await query(
        `select issuer, jti from cds_record_calls($1::text[], $2::text[], $3::timestamptz[],
           $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])`,
        [
          distinct.map((c) => c.issuer),
          distinct.map((c) => c.jti),
          distinct.map((c) => c.expiresAt.toISOString()),
          cards.map((x) => x.card.uuid),
          cards.map((x) => x.card.serviceId),
          cards.map((x) => x.card.hookInstance),
          cards.map((x) => x.card.ruleCode),
          cards.map((x) => x.card.indicator),
          cards.map((x) => x.call.issuer),
          cards.map((x) => x.call.jti),
        ],
      );
      const fresh = new Set(stored.map((r) => keyOf(r.issuer, r.jti)));
      return calls.map((c, i) => {
        const key = keyOf(c.issuer, c.jti);
        return first.get(key) === i && fresh.has(key);
      });
    },
  });
  return { record: (call) => commit.submit(call), drain: commit.drain };
}
