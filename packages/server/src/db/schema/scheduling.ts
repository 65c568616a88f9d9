/**
 * Clinic set-up, courses, appointments and the job queue.
 *
 * Double booking is impossible in the database itself: every resource an appointment holds (a
 * chair, one of a nurse's monitoring lanes, a prescriber for a consult) is a row in
 * `appointment_resources` with its time range, and an exclusion constraint (btree_gist, in the
 * migration) forbids two active rows for the same resource and lane whose ranges overlap. Holds
 * are appointments with status `held` and an expiry; expired holds are released before any
 * booking, in the booking's transaction.
 */
import type { Weekday } from '@ketaflow/core';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { locations } from './clinic';
import { patients } from './patients';
import { screenings } from './screening';

/** PostgreSQL `tstzrange`, as its text form `[from,to)`. */
export const tstzrange = customType<{ data: string; driverData: string }>({
  dataType: () => 'tstzrange',
});

/** Weekly opening hours of a location, in its own time zone (0 = Sunday … 6 = Saturday). */
export const locationHours = pgTable(
  'location_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    weekday: integer('weekday').notNull(),
    opensAt: time('opens_at').notNull(),
    closesAt: time('closes_at').notNull(),
  },
  (t) => [
    check('location_hours_weekday', sql`${t.weekday} between 0 and 6`),
    check('location_hours_order', sql`${t.opensAt} < ${t.closesAt}`),
    index('location_hours_location_idx').on(t.locationId),
  ],
);

/** Days a location is closed (holidays, training days), inclusive. */
export const locationClosures = pgTable(
  'location_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    check('location_closures_order', sql`${t.startsOn} <= ${t.endsOn}`),
    index('location_closures_location_idx').on(t.locationId, t.startsOn),
  ],
);

/** Per-staff settings: video-visit link template (prescribers), monitoring capacity (nurses). */
export const staffProfiles = pgTable(
  'staff_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** e.g. `https://video.example.org/dr-lee/{appointmentId}`; `{appointmentId}` is replaced. */
    videoUrlTemplate: text('video_url_template'),
    /** Chairs this nurse may monitor at once; `null` uses the clinic setting. */
    nurseCapacity: integer('nurse_capacity'),
  },
  (t) => [
    check(
      'staff_profiles_capacity',
      sql`${t.nurseCapacity} is null or ${t.nurseCapacity} between 1 and 6`,
    ),
  ],
);

/** When and where each nurse and prescriber works, weekly, in the location's time zone. */
export const staffSchedules = pgTable(
  'staff_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    weekday: integer('weekday').notNull(),
    startsAt: time('starts_at').notNull(),
    endsAt: time('ends_at').notNull(),
  },
  (t) => [
    check('staff_schedules_weekday', sql`${t.weekday} between 0 and 6`),
    check('staff_schedules_order', sql`${t.startsAt} < ${t.endsAt}`),
    index('staff_schedules_user_idx').on(t.userId),
  ],
);

/** Leave and other absences that override the weekly schedule. */
export const staffAbsences = pgTable(
  'staff_absences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    during: tstzrange('during').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('staff_absences_user_idx').on(t.userId)],
);

export const COURSE_STATUSES = ['planned', 'active', 'paused', 'completed', 'stopped'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

/** A treatment course, created by a prescriber from a signed screening. */
export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'restrict' }),
    screeningId: uuid('screening_id')
      .notNull()
      .references(() => screenings.id, { onDelete: 'restrict' }),
    indication: text('indication').notNull(),
    product: text('product').$type<'ketamine-iv' | 'esketamine-nasal'>().notNull(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'restrict' }),
    /** Dose basis as ordered, e.g. `{ "value": 0.5, "unit": "mg/kg" }`. */
    dose: jsonb('dose').notNull(),
    /** `null` for an as-needed course. */
    sessionsPerWeek: integer('sessions_per_week'),
    weeks: integer('weeks'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /**
     * The days and time the prescriber asked for (null: none given), kept so that resuming or
     * re-planning the course books at them again rather than at the planner's defaults.
     */
    preferredWeekdays: jsonb('preferred_weekdays').$type<readonly Weekday[]>(),
    preferredTime: text('preferred_time'),
    status: text('status').$type<CourseStatus>().notNull().default('planned'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'courses_status',
      sql`${t.status} in ('planned', 'active', 'paused', 'completed', 'stopped')`,
    ),
    check('courses_rhythm', sql`(${t.sessionsPerWeek} is null) = (${t.weeks} is null)`),
    index('courses_patient_idx').on(t.patientId),
  ],
);

/** Every change of a course's status, with who, when and why. */
export const courseStatusChanges = pgTable(
  'course_status_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'restrict' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('course_status_changes_course_idx').on(t.courseId)],
);

export const APPOINTMENT_TYPES = [
  'consult-telemedicine',
  'infusion',
  'esketamine-session',
  'follow-up',
] as const;
export type AppointmentType = (typeof APPOINTMENT_TYPES)[number];

export const APPOINTMENT_STATUSES = [
  'held',
  'booked',
  'cancelled',
  'completed',
  'no-show',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'restrict' }),
    type: text('type').$type<AppointmentType>().notNull(),
    status: text('status').$type<AppointmentStatus>().notNull(),
    /** `null` for a telemedicine consult. */
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'restrict' }),
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'restrict' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** Set while `held`: after it the hold no longer blocks anything. */
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    videoUrl: text('video_url'),
    /** The appointment this one replaced, when rescheduled. */
    rescheduledFrom: uuid('rescheduled_from'),
    cancelReason: text('cancel_reason'),
    cancelledBy: uuid('cancelled_by').references(() => users.id, { onDelete: 'restrict' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    noShowRecordedBy: uuid('no_show_recorded_by').references(() => users.id, {
      onDelete: 'restrict',
    }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('appointments_order', sql`${t.startsAt} < ${t.endsAt}`),
    check(
      'appointments_type',
      sql`${t.type} in ('consult-telemedicine', 'infusion', 'esketamine-session', 'follow-up')`,
    ),
    check(
      'appointments_status',
      sql`${t.status} in ('held', 'booked', 'cancelled', 'completed', 'no-show')`,
    ),
    check(
      'appointments_hold_expiry',
      sql`(${t.status} = 'held') = (${t.holdExpiresAt} is not null)`,
    ),
    check(
      'appointments_cancel_reason',
      sql`${t.status} <> 'cancelled' or ${t.cancelReason} is not null`,
    ),
    index('appointments_patient_idx').on(t.patientId, t.startsAt),
    index('appointments_location_idx').on(t.locationId, t.startsAt),
  ],
);

export const RESOURCE_KINDS = ['chair', 'nurse', 'prescriber'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/**
 * What an appointment occupies. `lane` is 0 for a chair or a prescriber; for a nurse it is one of
 * the nurse's monitoring lanes (0 … capacity − 1). The exclusion constraint in the migration
 * forbids two active rows with the same kind, resource and lane over overlapping time.
 */
export const appointmentResources = pgTable(
  'appointment_resources',
  {
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ResourceKind>().notNull(),
    resourceId: uuid('resource_id').notNull(),
    lane: integer('lane').notNull().default(0),
    during: tstzrange('during').notNull(),
    /** False once the appointment is cancelled, a no-show, or a hold that expired. */
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.appointmentId, t.kind, t.resourceId] }),
    check('appointment_resources_kind', sql`${t.kind} in ('chair', 'nurse', 'prescriber')`),
    check('appointment_resources_lane', sql`${t.lane} between 0 and 5`),
    index('appointment_resources_resource_idx').on(t.resourceId),
  ],
);

/** Answers to requests with an `Idempotency-Key`, so a retried booking books once. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** The key, scoped by the user who sent it. */
    key: text('key').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

export const JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const;

/**
 * Jobs (reminders, deadlines) kept in the database: any instance may run them; a worker claims
 * due jobs with `FOR UPDATE SKIP LOCKED`, and `dedupe_key` keeps one job per purpose.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').$type<(typeof JOB_STATUSES)[number]>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    check('jobs_status', sql`${t.status} in ('pending', 'running', 'done', 'failed')`),
    uniqueIndex('jobs_dedupe_key_idx').on(t.dedupeKey),
    index('jobs_due_idx').on(t.status, t.runAt),
  ],
);
