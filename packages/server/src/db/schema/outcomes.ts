/**
 * Measurement-based care: rating-scale responses as scored by core, PHQ-9 item-9 safety alerts
 * with their documented follow-up, and the clinic's own custom forms. What is due when is not
 * stored: it follows from the courses, their sessions and the responses (see routes/outcomes).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { patients } from './patients';
import { appointments, courses } from './scheduling';

export const SCALE_SOURCES = ['portal', 'paper'] as const;
export type ScaleSource = (typeof SCALE_SOURCES)[number];

export const SAFETY_ALERT_STATUSES = ['open', 'followed-up'] as const;
export type SafetyAlertStatus = (typeof SAFETY_ALERT_STATUSES)[number];

/** A clinic-defined rating form, as checked by core `parseCustomForm`; used as `custom:<id>`. */
export const customForms = pgTable(
  'custom_forms',
  {
    id: text('id').primaryKey(),
    definition: jsonb('definition').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('custom_forms_id_format', sql`${t.id} ~ '^[a-z0-9][a-z0-9-]{0,63}$'`)],
);

/**
 * One complete rating scale, scored by core `scoreResponse` with the knowledge version named.
 * Incomplete responses are never stored (no pro-rating).
 */
export const scaleResponses = pgTable(
  'scale_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'restrict' }),
    /** `phq-9`, `gad-7`, `pcl-5`, `pain-nrs` or `custom:<form id>`. */
    instrument: text('instrument').notNull(),
    /** Item id to the chosen score. */
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    total: integer('total').notNull(),
    bandId: text('band_id'),
    bandLabel: text('band_label'),
    knowledgeVersion: text('knowledge_version').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
    /** `portal`: the patient filled it in; `paper`: staff entered a paper form. */
    source: text('source').$type<ScaleSource>().notNull(),
    enteredBy: uuid('entered_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'restrict' }),
    appointmentId: uuid('appointment_id').references(() => appointments.id, {
      onDelete: 'restrict',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('scale_responses_source', sql`${t.source} in ('portal', 'paper')`),
    check('scale_responses_total', sql`${t.total} >= 0`),
    index('scale_responses_patient_idx').on(t.patientId, t.instrument, t.completedAt),
    index('scale_responses_course_idx').on(t.courseId),
  ],
);

/**
 * A safety alert from one answer (PHQ-9 item 9 above zero). `response_id` is null when the
 * answer came in a response that could not be scored: the alert is raised all the same.
 */
export const safetyAlerts = pgTable(
  'safety_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'restrict' }),
    responseId: uuid('response_id').references(() => scaleResponses.id, { onDelete: 'restrict' }),
    instrument: text('instrument').notNull(),
    itemId: text('item_id').notNull(),
    answer: integer('answer').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    status: text('status').$type<SafetyAlertStatus>().notNull().default('open'),
    /** The follow-up as checked by core `recordSafetyFollowUp`. */
    followUp: jsonb('follow_up'),
    followedUpBy: uuid('followed_up_by').references(() => users.id, { onDelete: 'restrict' }),
    followedUpAt: timestamp('followed_up_at', { withTimezone: true }),
    /**
     * Follow-ups that did not reach the patient (core `closesSafetyAlert` is false), oldest first:
     * recorded while the alert stays open.
     */
    contactAttempts: jsonb('contact_attempts')
      .$type<unknown[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
  },
  (t) => [
    check('safety_alerts_status', sql`${t.status} in ('open', 'followed-up')`),
    check('safety_alerts_answer', sql`${t.answer} > 0`),
    check(
      'safety_alerts_follow_up',
      sql`(${t.status} = 'followed-up') = (${t.followUp} is not null and ${t.followedUpBy} is not null and ${t.followedUpAt} is not null)`,
    ),
    index('safety_alerts_status_idx').on(t.status, t.raisedAt),
    index('safety_alerts_patient_idx').on(t.patientId),
  ],
);
