/**
 * What a CDS call leaves in the database: its token's jti (so the token is never accepted again,
 * by any instance) and the cards it answered (so feedback on a card's uuid finds the rule).
 *
 * One call is one statement: the jti insert and the card inserts run together, and the cards are
 * stored only when the jti was new. Calls that arrive together share the statement
 * (lib/group-commit.ts), so a busy client costs a few statements a second, not two per order.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
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
/** Calls per statement: 3 + 7 × cards bind parameters each, well under PostgreSQL's 65,535. */
const MAX_CALLS_PER_STATEMENT = 100;

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows?: Record<string, unknown>[] }).rows ?? [];
}

const keyOf = (issuer: unknown, jti: unknown) => `${String(issuer)}\n${String(jti)}`;

/** The one statement for `calls` (distinct issuer + jti): returns the keys whose jti was new. */
function callStatement(calls: readonly CallRecord[]): SQL {
  const tokens = sql.join(
    calls.map((c) => sql`(${c.issuer}, ${c.jti}, ${c.expiresAt.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const cards = calls.flatMap((c) =>
    c.cards.map(
      (card) =>
        sql`(${card.uuid}::uuid, ${card.serviceId}, ${card.hookInstance}, ${card.ruleCode}, ${card.indicator}, ${c.issuer}, ${c.jti})`,
    ),
  );
  const cardInsert =
    cards.length === 0
      ? sql``
      : sql`, stored_cards as (
          insert into cds_cards (uuid, service_id, hook_instance, rule_code, indicator, issuer)
          select v.uuid, v.service_id, v.hook_instance, v.rule_code, v.indicator, v.issuer
            from (values ${sql.join(cards, sql`, `)})
                 as v(uuid, service_id, hook_instance, rule_code, indicator, issuer, jti)
            join fresh on fresh.issuer = v.issuer and fresh.jti = v.jti
          returning 1
        )`;
  return sql`
    with tokens(issuer, jti, expires_at) as (values ${tokens}),
    fresh as (
      insert into cds_jwt_ids (issuer, jti, expires_at)
      select issuer, jti, expires_at from tokens
      on conflict do nothing
      returning issuer, jti
    )${cardInsert}
    select issuer, jti from fresh`;
}

export interface CallLog {
  /**
   * Stores the call's jti and, when the jti was new, its cards. Resolves false for a replayed
   * jti (nothing is stored), true once both are committed.
   */
  readonly record: (call: CallRecord) => Promise<boolean>;
  readonly drain: () => Promise<void>;
}

export function createCallLog(db: Database, clock: Clock): CallLog {
  let sinceSweep = 0;
  const commit = createGroupCommit<CallRecord, boolean>({
    maxBatch: MAX_CALLS_PER_STATEMENT,
    write: async (calls) => {
      sinceSweep += calls.length;
      if (sinceSweep >= SWEEP_EVERY_CALLS) {
        sinceSweep = 0;
        await db.execute(
          sql`delete from cds_jwt_ids where expires_at < ${clock.now().toISOString()}::timestamptz`,
        );
      }
      // The same jti twice in one batch: the first call is the real one, later ones are replays.
      const first = new Map<string, number>();
      calls.forEach((c, i) => {
        const key = keyOf(c.issuer, c.jti);
        if (!first.has(key)) first.set(key, i);
      });
      const distinct = calls.filter((c, i) => first.get(keyOf(c.issuer, c.jti)) === i);
      const fresh = new Set(
        rowsOf(await db.execute(callStatement(distinct))).map((r) => keyOf(r.issuer, r.jti)),
      );
      return calls.map((c, i) => {
        const key = keyOf(c.issuer, c.jti);
        return first.get(key) === i && fresh.has(key);
      });
    },
  });
  return { record: (call) => commit.submit(call), drain: commit.drain };
}
