/**
 * What the session suites share: a booked appointment inserted directly, a normal pre-check, an
 * IV ketamine and an esketamine start, a good Aldrete score, and `useSessions`, which starts an app
 * with the demo staff signed in and checks in and starts sessions.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import {
  as,
  createTestApp,
  DEMO,
  type DRIVERS,
  login,
  T0,
  type Session,
  type TestApp,
} from './harness';

type Driver = (typeof DRIVERS)[number];

export interface Problem {
  code: string;
  errors?: { path: string; message: string; code?: string }[];
}
export interface Reading {
  id: string;
  systolicMmHg: number | null;
  findings: { code: string; threshold: number; basis: string; sources: string[] }[];
  amended: boolean;
  source: string;
}
export interface SessionBody {
  id: string;
  state: string;
  appointmentId: string;
  preCheck: {
    decision: string;
    reasons: { code: string; field: string }[];
    approval: unknown;
  } | null;
  dose: {
    dose: { value: number; unit: string };
    rate: { value: number } | null;
    devices: number | null;
  } | null;
  doseCalculationId: string | null;
  start: { vialLot: string; by: { displayName: string } } | null;
  readings: Reading[];
  alerts: {
    id: string;
    status: string;
    findings: { code: string }[];
    acknowledgement: { action: string; by: { id: string } } | null;
  }[];
  openAlertCount: number;
  nextReadingDueAt: string | null;
  adverseEvents: { type: string }[];
  discharge: { aldreteTotal: number; escortName: string } | null;
  amendments: { original: unknown; value: unknown; reason: string; field: string }[];
  dischargeReadiness: { ready: boolean; unmet: { code: string }[] };
  esketamine: {
    dosedAt: string | null;
    bp40Min: unknown;
    observationEndsAt: string | null;
    rems: {
      form: Record<string, unknown>;
      dueBy: string | null;
      dueDaysAfterSession: number;
      dueBasis: string;
      submittedAt: string | null;
    };
  } | null;
}

/** Vital signs inside every default limit. */
export const NORMAL = {
  systolicMmHg: 122,
  diastolicMmHg: 78,
  heartRate: 72,
  spo2: 98,
  respiratoryRate: 14,
  temperatureC: 36.7,
};

export function preCheckBody(vitals: Record<string, number> = NORMAL) {
  return {
    vitals,
    weight: { value: 70, unit: 'kg' },
    pregnancyTest: 'not-applicable',
    fasting: true,
    medicationChanges: [],
    consentOnFile: true,
  };
}

export const INFUSION_START = {
  dose: { indication: 'depression', concentration: { value: 50, unit: 'mg/mL' } },
  vialLot: 'LOT-123',
  vialExpiry: '2027-01-31',
};

export const ESKETAMINE_START = {
  dose: { product: 'esketamine-nasal', dose: { value: 56, unit: 'mg' } },
  vialLot: 'SPR-9',
  vialExpiry: '2027-01-31',
};

/** An Aldrete score of 10, the best there is. */
export const GOOD_ALDRETE = {
  activity: 2,
  respiration: 2,
  circulation: 2,
  consciousness: 2,
  oxygenSaturation: 2,
};

/** The instant `minutesFromT0` minutes after T0. */
export function at(minutesFromT0: number): string {
  return new Date(T0.getTime() + minutesFromT0 * 60_000).toISOString();
}

let patients = 0;

/**
 * A new patient (family name `familyName`) with a booked three-hour appointment of `type` at
 * `startsAt`, inserted directly (no slot search): what check-in needs.
 */
export async function bookedAppointment(
  t: TestApp,
  at: {
    readonly locationId: string;
    readonly createdBy: string;
    readonly startsAt: string;
    readonly familyName: string;
    readonly type?: 'infusion' | 'esketamine-session' | 'follow-up';
  },
): Promise<{ appointmentId: string; patientId: string }> {
  patients += 1;
  const [p] = await t.database.query(
    `insert into patients (given_name, family_name, birth_date, sex) values ($1, $2, '1980-05-01', 'male') returning id`,
    [`Pat${String(patients)}`, at.familyName],
  );
  const [a] = await t.database.query(
    `insert into appointments (patient_id, type, status, location_id, starts_at, ends_at, created_by)
     values ($1, $2, 'booked', $3, $4, $5, $6) returning id`,
    [
      p?.id,
      at.type ?? 'infusion',
      at.locationId,
      at.startsAt,
      new Date(new Date(at.startsAt).getTime() + 3 * 3_600_000).toISOString(),
      at.createdBy,
    ],
  );
  return { appointmentId: String(a?.id), patientId: String(p?.id) };
}

export interface SessionsFixture {
  readonly t: TestApp;
  readonly nurse: Session;
  readonly prescriber: Session;
  readonly admin: Session;
  /** The demo patient. */
  readonly patient: Session;
  /** The demo clinic's Downtown location. */
  readonly locationId: string;
  /** A new patient with a booked appointment today (the fixed clock's date). */
  readonly appointment: (
    type?: 'infusion' | 'esketamine-session' | 'follow-up',
    startsAt?: string,
  ) => Promise<string>;
  /** A new appointment checked in by the nurse: the session's id. */
  readonly checkIn: (type?: 'infusion' | 'esketamine-session') => Promise<string>;
  /** A new session checked in, with a go pre-check, and started. */
  readonly started: (type?: 'infusion' | 'esketamine-session') => Promise<string>;
}

/**
 * Registers the set-up and tear-down of a sessions app on `driver` in the calling `describe`; the
 * app, the sessions and the location are there once its `beforeAll` has run.
 */
export function useSessions(driver: Driver): SessionsFixture {
  let t: TestApp | undefined;
  let nurse: Session | undefined;
  let prescriber: Session | undefined;
  let admin: Session | undefined;
  let patient: Session | undefined;
  let locationId: string | undefined;
  const ready = <V>(value: V | undefined, name: string): V => {
    if (value === undefined) throw new Error(`useSessions: ${name} is set in beforeAll`);
    return value;
  };

  async function appointment(
    type: 'infusion' | 'esketamine-session' | 'follow-up' = 'infusion',
    startsAt = at(15),
  ): Promise<string> {
    const booked = await bookedAppointment(ready(t, 't'), {
      locationId: ready(locationId, 'locationId'),
      createdBy: ready(nurse, 'nurse').user.id,
      startsAt,
      familyName: 'Session',
      type,
    });
    return booked.appointmentId;
  }

  async function checkIn(type: 'infusion' | 'esketamine-session' = 'infusion'): Promise<string> {
    const r = await as(ready(t, 't').app, ready(nurse, 'nurse'))(
      'POST',
      `/api/appointments/${await appointment(type)}/session`,
    );
    expect(r.statusCode, r.body).toBe(201);
    return r.json<SessionBody>().id;
  }

  async function started(type: 'infusion' | 'esketamine-session' = 'infusion'): Promise<string> {
    const id = await checkIn(type);
    const n = as(ready(t, 't').app, ready(nurse, 'nurse'));
    const pre = await n('POST', `/api/sessions/${id}/pre-check`, preCheckBody());
    expect(pre.json<SessionBody>().preCheck?.decision, pre.body).toBe('go');
    const start = await n(
      'POST',
      `/api/sessions/${id}/start`,
      type === 'infusion' ? INFUSION_START : ESKETAMINE_START,
    );
    expect(start.statusCode, start.body).toBe(200);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    prescriber = await login(t.app, DEMO.prescriber);
    admin = await login(t.app, DEMO.admin);
    patient = await login(t.app, DEMO.patient);
    const [loc] = await t.database.query(`select id from locations where code = 'downtown'`);
    locationId = String(loc?.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  return {
    get t() {
      return ready(t, 't');
    },
    get nurse() {
      return ready(nurse, 'nurse');
    },
    get prescriber() {
      return ready(prescriber, 'prescriber');
    },
    get admin() {
      return ready(admin, 'admin');
    },
    get patient() {
      return ready(patient, 'patient');
    },
    get locationId() {
      return ready(locationId, 'locationId');
    },
    appointment,
    checkIn,
    started,
  };
}
