import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { patients } from './patients';

export const ROLES = ['patient', 'nurse', 'prescriber', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').$type<Role>().notNull(),
    displayName: text('display_name').notNull(),
    /** Set for patient accounts: the record this account may see. */
    patientId: uuid('patient_id').references(() => patients.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /**
     * When the owner of the address proved they read it (a verification link, or a password reset).
     * Null for a self-registered account whose link was not opened yet: it cannot log in. Staff and
     * demo accounts are made verified.
     */
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  },
  (t) => [
    check('users_role_check', sql`${t.role} in ('patient', 'nurse', 'prescriber', 'admin')`),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    check('users_patient_link', sql`(${t.role} = 'patient') = (${t.patientId} is not null)`),
    // The patient list reads each row's online account by patient.
    index('users_patient_idx').on(t.patientId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a database leak does not leak live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    clientIp: text('client_ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed log-ins per e-mail address, whether or not an account has it: keyed by the address, not
 * by the account, so that an unknown address locks exactly like a real one and the answers do not
 * tell them apart.
 */
export const loginFailures = pgTable('login_failures', {
  /** SHA-256 of the lower-cased e-mail: the table does not keep the addresses strangers typed. */
  emailHash: text('email_hash').primaryKey(),
  failedCount: integer('failed_count').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  /** The latest failure: a row whose lockout is over and whose failures are old is deleted. */
  lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull().defaultNow(),
});

export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /**
     * SHA-256 of the account's password hash when the link was made. Any change of the password
     * (a reset, a change while logged in, the CLI) makes a new hash, so older links stop matching.
     */
    passwordDigest: text('password_digest').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

/** Links that prove a self-registered patient reads the address they gave (see `passwordResets`). */
export const emailVerifications = pgTable(
  'email_verifications',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('email_verifications_user_idx').on(t.userId)],
);

export const outbox = pgTable('outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  to: text('to_address').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  lastError: text('last_error'),
});
