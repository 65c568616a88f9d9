/**
 * What a CDS call leaves in the database: its token's jti (so the token is never accepted again,
 * by any instance) and the cards it answered (so feedback on a card's uuid finds the rule).
 *
 * The cards are stored only when the jti was new. Calls that arrive together share one jti
 * statement and one cards statement (lib/group-commit.ts): a busy client costs two statements
 * per batch of calls, not two per order.
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
/** Calls per batch (3 bind parameters each in the jti statement). */
const MAX_CALLS_PER_STATEMENT = 100;
/** Cards per statement: 6 bind parameters each, under PostgreSQL's 65,535. */
const MAX_CARDS_PER_STATEMENT = 5000;

const keyOf = (issuer: unknown, jti: unknown) => `${String(issuer)}\n${String(jti)}`;

/** `($1, $2, $3), ($4, $5, $6), …`: `rows` rows of `width` parameters. */
function placeholders(rows: number, width: number): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r += 1) {
    const cells: string[] = [];
    for (let c = 1; c <= width; c += 1) cells.push(`$${String(r * width + c)}`);
    out.push(`(${cells.join(', ')})`);
  }
  return out.join(', ');
}

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
      const stored = await query(
        `insert into cds_jwt_ids (issuer, jti, expires_at) values ${placeholders(distinct.length, 3)}
         on conflict do nothing returning issuer, jti`,
        distinct.flatMap((c) => [c.issuer, c.jti, c.expiresAt.toISOString()]),
      );
      const fresh = new Set(stored.map((r) => keyOf(r.issuer, r.jti)));
      const cards = distinct
        .filter((c) => fresh.has(keyOf(c.issuer, c.jti)))
        .flatMap((c) =>
          c.cards.map((card) => [
            card.uuid,
            card.serviceId,
            card.hookInstance,
            card.ruleCode,
            card.indicator,
            c.issuer,
          ]),
        );
      // The jti is stored first: if this second statement fails, the call fails and its token
      // stays used (the client never saw cards it could give feedback on).
      for (let i = 0; i < cards.length; i += MAX_CARDS_PER_STATEMENT) {
        const chunk = cards.slice(i, i + MAX_CARDS_PER_STATEMENT);
        await query(
          `insert into cds_cards (uuid, service_id, hook_instance, rule_code, indicator, issuer)
           values ${placeholders(chunk.length, 6)}`,
          chunk.flat(),
        );
      }
      return calls.map((c, i) => {
        const key = keyOf(c.issuer, c.jti);
        return first.get(key) === i && fresh.has(key);
      });
    },
  });
  return { record: (call) => commit.submit(call), drain: commit.drain };
}
