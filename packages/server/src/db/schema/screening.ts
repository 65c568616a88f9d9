import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { patients } from './patients';

const patientRef = () =>
  uuid('patient_id')
    .notNull()
    .references(() => patients.id, { onDelete: 'cascade' });

/** Blood-pressure readings (LOINC 85354-9 panel: 8480-6 systolic, 8462-4 diastolic). */
export const bloodPressures = pgTable(
  'blood_pressures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: patientRef(),
    systolicMmHg: integer('systolic_mm_hg').notNull(),
    diastolicMmHg: integer('diastolic_mm_hg').notNull(),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    /** `clinic` when staff measured it, `self-reported` from a patient's questionnaire. */
    source: text('source').$type<'clinic' | 'self-reported'>().notNull().default('clinic'),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('bp_systolic_range', sql`${t.systolicMmHg} between 30 and 320`),
    check('bp_diastolic_range', sql`${t.diastolicMmHg} between 10 and 250`),
    check('bp_source', sql`${t.source} in ('clinic', 'self-reported')`),
    index('bp_patient_idx').on(t.patientId, t.measuredOn),
  ],
);

export const PREGNANCY_STATUSES = ['pregnant', 'not-pregnant', 'unknown', 'not-possible'] as const;
export const BREASTFEEDING_STATUSES = ['yes', 'no', 'unknown'] as const;

/** Pregnancy status (LOINC 82810-3) and breastfeeding, as recorded on a date; latest wins. */
export const reproductiveStatuses = pgTable(
  'reproductive_statuses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: patientRef(),
    /**
     * Null: this row does not state it (a FHIR import brings pregnancy and breastfeeding statuses
     * as separate Observations); `unknown` is a stated "not known". Screening takes each from the
     * newest row that states it, so a row about one never hides the other.
     */
    pregnancy: text('pregnancy').$type<(typeof PREGNANCY_STATUSES)[number]>(),
    breastfeeding: text('breastfeeding').$type<(typeof BREASTFEEDING_STATUSES)[number]>(),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    source: text('source').$type<'clinic' | 'self-reported'>().notNull().default('clinic'),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'repro_pregnancy',
      sql`${t.pregnancy} in ('pregnant', 'not-pregnant', 'unknown', 'not-possible')`,
    ),
    check('repro_breastfeeding', sql`${t.breastfeeding} in ('yes', 'no', 'unknown')`),
    check('repro_source', sql`${t.source} in ('clinic', 'self-reported')`),
    check('repro_states_one', sql`${t.pregnancy} is not null or ${t.breastfeeding} is not null`),
    index('repro_patient_idx').on(t.patientId, t.recordedOn),
  ],
);

/**
 * A screening as run: the patient facts it saw, the result and the knowledge version. A change
 * to the record makes it stale (and a new one is run); a prescriber's signature, with a reason
 * for each warning accepted, is final.
 */
export const screenings = pgTable(
  'screenings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'restrict' }),
    indication: text('indication').notNull(),
    product: text('product').$type<'ketamine-iv' | 'esketamine-nasal'>().notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    knowledgeVersion: text('knowledge_version').notNull(),
    input: jsonb('input').notNull(),
    result: jsonb('result').notNull(),
    decision: text('decision').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    staleAt: timestamp('stale_at', { withTimezone: true }),
    supersededBy: uuid('superseded_by'),
    signedBy: uuid('signed_by').references(() => users.id, { onDelete: 'restrict' }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    /** `[{ code, reason }]`: each warning the prescriber accepted, with why. */
    acceptances: jsonb('acceptances'),
  },
  (t) => [
    check(
      'screenings_decision',
      sql`${t.decision} in ('eligible', 'eligible-with-precautions', 'needs-review', 'contraindicated')`,
    ),
    check('screenings_product', sql`${t.product} in ('ketamine-iv', 'esketamine-nasal')`),
    check(
      'screenings_signature_complete',
      sql`(${t.signedBy} is null) = (${t.signedAt} is null) and (${t.signedAt} is null) = (${t.acceptances} is null)`,
    ),
    check(
      'screenings_no_signed_contraindicated',
      sql`${t.signedAt} is null or ${t.decision} <> 'contraindicated'`,
    ),
    index('screenings_patient_idx').on(t.patientId, t.createdAt),
  ],
);

/** A patient's self-screening answers, kept as given when they registered. */
export const intakes = pgTable('intakes', {
  id: uuid('id').primaryKey().defaultRandom(),
  patientId: patientRef(),
  answers: jsonb('answers').notNull(),
  outcome: text('outcome').notNull(),
  knowledgeVersion: text('knowledge_version').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
