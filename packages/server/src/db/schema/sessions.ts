/**
 * Infusion and esketamine sessions. A session row holds the current lifecycle state; everything
 * that happened (check-in, pre-check, approval, start and dose, readings, alerts and their
 * acknowledgements, adverse events, recovery, discharge, stop, amendments) is an append-only,
 * signed row in `session_events` (a trigger refuses updates and deletes), so the original of any
 * amended value is always kept.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { doseCalculations } from './dosing';
import { locations } from './clinic';
import { patients } from './patients';
import { appointments } from './scheduling';

export const SESSION_STATE_VALUES = [
  'checked-in',
  'pre-check',
  'in-progress',
  'recovery',
  'discharged',
  'stopped',
] as const;

export const SESSION_EVENT_KINDS = [
  'check-in',
  'pre-check',
  'pre-check-approval',
  'start',
  'reading',
  'alert',
  'alert-acknowledgement',
  'adverse-event',
  'recovery',
  'discharge',
  'stop',
  'amendment',
  'rems-submitted',
] as const;
export type SessionEventKind = (typeof SESSION_EVENT_KINDS)[number];

export const treatmentSessions = pgTable(
  'treatment_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .unique()
      .references(() => appointments.id, { onDelete: 'restrict' }),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'restrict' }),
    product: text('product').$type<'ketamine-iv' | 'esketamine-nasal'>().notNull(),
    indication: text('indication'),
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'restrict' }),
    /** The clinic's calendar date of the session (the location's time zone). */
    sessionDate: text('session_date').notNull(),
    state: text('state').$type<(typeof SESSION_STATE_VALUES)[number]>().notNull(),
    doseCalculationId: uuid('dose_calculation_id').references(() => doseCalculations.id, {
      onDelete: 'restrict',
    }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check(
      'treatment_sessions_state',
      sql`${t.state} in ('checked-in', 'pre-check', 'in-progress', 'recovery', 'discharged', 'stopped')`,
    ),
    check('treatment_sessions_product', sql`${t.product} in ('ketamine-iv', 'esketamine-nasal')`),
    index('treatment_sessions_date_idx').on(t.sessionDate, t.locationId),
  ],
);

/** Monitors that post readings with a bearer token (stored as a SHA-256 hash only). */
export const monitorDevices = pgTable('monitor_devices', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id, { onDelete: 'restrict' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

export const sessionEvents = pgTable(
  'session_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Order of writing (several events can share an instant under a fixed clock). */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => treatmentSessions.id, { onDelete: 'restrict' }),
    kind: text('kind').$type<SessionEventKind>().notNull(),
    payload: jsonb('payload').notNull(),
    /** Readings: when the values were measured (may be earlier than `recordedAt`). */
    takenAt: timestamp('taken_at', { withTimezone: true }),
    deviceId: uuid('device_id').references(() => monitorDevices.id, { onDelete: 'restrict' }),
    /** The event this one acts on: an alert's reading, an acknowledgement's alert, an amendment's target. */
    refersTo: uuid('refers_to'),
    /** Who signed it; `null` for a device reading (see `deviceId`). */
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'restrict' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('session_events_signed', sql`${t.recordedBy} is not null or ${t.deviceId} is not null`),
    check('session_events_reading_time', sql`${t.kind} <> 'reading' or ${t.takenAt} is not null`),
    index('session_events_session_idx').on(t.sessionId, t.recordedAt),
    uniqueIndex('session_events_device_reading_uq')
      .on(t.sessionId, t.deviceId, t.takenAt)
      .where(sql`${t.kind} = 'reading' and ${t.deviceId} is not null`),
  ],
);
