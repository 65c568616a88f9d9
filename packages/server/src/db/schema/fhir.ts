import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { patients } from './patients';

/**
 * Where each imported FHIR resource went: a Patient identifier (`Patient|<system>|<value>`) or a
 * patient's resource (`<patient id>|<type>|<resource id or fullUrl>`) to the KetaFlow row it
 * created. Importing the same bundle again updates those rows instead of adding new ones.
 */
export const fhirLinks = pgTable(
  'fhir_links',
  {
    sourceKey: text('source_key').primaryKey(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    /** `patients`, `conditions`, `medications`, `allergies`, `blood_pressures`, … */
    targetTable: text('target_table').notNull(),
    targetId: uuid('target_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fhir_links_patient_idx').on(t.patientId)],
);

/** Bearer tokens issued to SMART Backend Services clients (SHA-256 of the token only). */
export const fhirAccessTokens = pgTable(
  'fhir_access_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    clientId: text('client_id').notNull(),
    scope: text('scope').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fhir_access_tokens_expiry_idx').on(t.expiresAt)],
);

/** Client-assertion JWT ids already used at /fhir/auth/token: a `jti` is never accepted twice. */
export const fhirUsedAssertions = pgTable('fhir_used_assertions', {
  key: text('key').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
