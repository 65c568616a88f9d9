import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * JWT ids already used by CDS clients, kept until the token expires so a replay is refused by any
 * server instance on the same database.
 */
export const cdsJwtIds = pgTable(
  'cds_jwt_ids',
  {
    issuer: text('issuer').notNull(),
    jti: text('jti').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.issuer, t.jti] }),
    index('cds_jwt_ids_expires_idx').on(t.expiresAt),
  ],
);

/** Every card a CDS service returned, so feedback on its uuid can be tied to the rule behind it. */
export const cdsCards = pgTable(
  'cds_cards',
  {
    uuid: uuid('uuid').primaryKey(),
    serviceId: text('service_id').notNull(),
    hookInstance: text('hook_instance').notNull(),
    ruleCode: text('rule_code').notNull(),
    indicator: text('indicator').notNull(),
    issuer: text('issuer').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cds_cards_rule_idx').on(t.ruleCode)],
);

export const CDS_FEEDBACK_OUTCOMES = ['accepted', 'overridden'] as const;
export type CdsFeedbackOutcome = (typeof CDS_FEEDBACK_OUTCOMES)[number];

/** What a clinician did with a card, as the CDS client reported it (CDS Hooks feedback). */
export const cdsFeedback = pgTable(
  'cds_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cardUuid: uuid('card_uuid')
      .notNull()
      .references(() => cdsCards.uuid, { onDelete: 'restrict' }),
    serviceId: text('service_id').notNull(),
    ruleCode: text('rule_code').notNull(),
    outcome: text('outcome').$type<CdsFeedbackOutcome>().notNull(),
    overrideReasonCode: text('override_reason_code'),
    overrideReasonSystem: text('override_reason_system'),
    userComment: text('user_comment'),
    acceptedSuggestions: text('accepted_suggestions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    outcomeTimestamp: timestamp('outcome_timestamp', { withTimezone: true }).notNull(),
    issuer: text('issuer').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('cds_feedback_outcome', sql`${t.outcome} in ('accepted', 'overridden')`),
    index('cds_feedback_rule_idx').on(t.ruleCode),
  ],
);
