import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  numeric,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** Medical record numbers: KF100001, KF100002, … */
export const patientMrnSeq = pgSequence('patient_mrn_seq', { startWith: 100001 });

export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mrn: text('mrn')
      .notNull()
      .unique()
      .default(sql`('KF' || nextval('patient_mrn_seq'))`),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex').$type<Sex>().notNull().default('unknown'),
    email: text('email'),
    phone: text('phone'),
    addressLine: text('address_line'),
    city: text('city'),
    postalCode: text('postal_code'),
    /**
     * When a clinician recorded that the patient has no known conditions, takes no medicines, or
     * has no known allergies. Null with no entry in the list: not recorded, which screening reads
     * as unknown. Cleared when an entry is added.
     */
    conditionsNoneKnownAt: timestamp('conditions_none_known_at', { withTimezone: true }),
    medicationsNoneKnownAt: timestamp('medications_none_known_at', { withTimezone: true }),
    allergiesNoneKnownAt: timestamp('allergies_none_known_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('patients_sex_check', sql`${t.sex} in ('female', 'male', 'other', 'unknown')`),
    index('patients_family_name_idx').on(t.familyName),
  ],
);

const patientRef = () =>
  uuid('patient_id')
    .notNull()
    .references(() => patients.id, { onDelete: 'cascade' });

export const patientWeights = pgTable(
  'patient_weights',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: patientRef(),
    /** Canonical value in kg (exact decimal); the value as entered is kept beside it. */
    weightKg: numeric('weight_kg', { precision: 7, scale: 3 }).notNull(),
    enteredValue: numeric('entered_value', { precision: 8, scale: 3 }).notNull(),
    enteredUnit: text('entered_unit').$type<'kg' | 'lb'>().notNull(),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('weights_positive', sql`${t.weightKg} > 0`),
    check('weights_unit', sql`${t.enteredUnit} in ('kg', 'lb')`),
    index('weights_patient_idx').on(t.patientId, t.measuredOn),
  ],
);

export const patientHeights = pgTable(
  'patient_heights',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: patientRef(),
    heightCm: numeric('height_cm', { precision: 6, scale: 2 }).notNull(),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('heights_positive', sql`${t.heightCm} > 0`),
    index('heights_patient_idx').on(t.patientId, t.measuredOn),
  ],
);

export const allergies = pgTable(
  'allergies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: patientRef(),
    substance: text('substance').notNull(),
    codeSystem: text('code_system'),
    code: text('code'),
    reaction: text('reaction'),
    criticality: text('criticality'),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('allergies_status', sql`${t.status} in ('active', 'inactive', 'resolved')`),
    check(
      'allergies_criticality',
      sql`${t.criticality} is null or ${t.criticality} in ('low', 'high', 'unable-to-assess')`,
    ),
    index('allergies_patient_idx').on(t.patientId),
  ],
);

export const conditions = pgTable(
  'conditions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: patientRef(),
    text: text('text').notNull(),
    codeSystem: text('code_system'),
    code: text('code'),
    clinicalStatus: text('clinical_status').notNull(),
    verificationStatus: text('verification_status').notNull(),
    onsetDate: date('onset_date', { mode: 'string' }),
    abatementDate: date('abatement_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'conditions_clinical_status',
      sql`${t.clinicalStatus} in ('active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved')`,
    ),
    check(
      'conditions_verification_status',
      sql`${t.verificationStatus} in ('unconfirmed', 'provisional', 'differential', 'confirmed', 'refuted', 'entered-in-error')`,
    ),
    check(
      'conditions_code_system',
      sql`${t.codeSystem} is null or ${t.codeSystem} in ('snomed', 'icd10cm')`,
    ),
    index('conditions_patient_idx').on(t.patientId),
  ],
);

export const medications = pgTable(
  'medications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: patientRef(),
    text: text('text').notNull(),
    rxnormCode: text('rxnorm_code'),
    doseText: text('dose_text'),
    status: text('status').notNull(),
    startedOn: date('started_on', { mode: 'string' }),
    stoppedOn: date('stopped_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'medications_status',
      sql`${t.status} in ('active', 'stopped', 'completed', 'on-hold', 'entered-in-error')`,
    ),
    index('medications_patient_idx').on(t.patientId),
  ],
);
