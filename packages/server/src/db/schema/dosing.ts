import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { locations } from './clinic';
import { patients, patientWeights } from './patients';

export const DOSE_PURPOSES = ['calculation', 'order', 'administration'] as const;
export type DosePurpose = (typeof DOSE_PURPOSES)[number];

/**
 * Every dose the server computed for a patient, as computed: the request (with the weight it
 * used), the result, the knowledge version and the override reasons. Rows are immutable (a
 * trigger refuses changes), and a blocked calculation cannot be stored at all.
 */
export const doseCalculations = pgTable(
  'dose_calculations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'restrict' }),
    purpose: text('purpose').$type<DosePurpose>().notNull().default('calculation'),
    product: text('product').$type<'ketamine-iv' | 'esketamine-nasal'>().notNull(),
    indication: text('indication'),
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'restrict' }),
    weightId: uuid('weight_id').references(() => patientWeights.id, { onDelete: 'restrict' }),
    knowledgeVersion: text('knowledge_version').notNull(),
    request: jsonb('request').notNull(),
    result: jsonb('result').notNull(),
    blocked: boolean('blocked').notNull(),
    /** `[{ code, reason }]`: every soft limit passed, with its reason. */
    overrides: jsonb('overrides')
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('dose_calculations_not_blocked', sql`${t.blocked} = false`),
    check(
      'dose_calculations_purpose',
      sql`${t.purpose} in ('calculation', 'order', 'administration')`,
    ),
    check('dose_calculations_product', sql`${t.product} in ('ketamine-iv', 'esketamine-nasal')`),
    index('dose_calculations_patient_idx').on(t.patientId, t.createdAt),
  ],
);
