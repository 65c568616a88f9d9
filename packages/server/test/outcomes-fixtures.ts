/**
 * What the outcome suites share: the shapes they read, PHQ-9 answers, days around T0, and
 * `useOutcomes`, which starts an app with the demo staff signed in and inserts courses, enters
 * paper forms and reads a patient's audit trail.
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
  crisis?: { text: string; resources: { contact: string }[] } | null;
  safetyAlertIds?: string[];
}
export interface ScaleResponse {
  id: string;
  instrument: string;
  answers: Record<string, number>;
  total: number;
  band: { id: string; label: string } | null;
  source: string;
  enteredBy: { id: string };
  courseId: string | null;
  completedAt: string;
  knowledgeVersion: string;
  safetyAlertIds: string[];
}
export interface Submitted {
  response: ScaleResponse;
  crisis: { text: string; resources: { contact: string; how: string }[] } | null;
}
export interface Alert {
  id: string;
  status: string;
  patient: { id: string; mrn: string };
  responseId: string | null;
  itemId: string;
  answer: { score: number };
  followUp: Record<string, unknown> | null;
  followedUpBy: { id: string } | null;
}

const DAY = 86_400_000;

/** `days` days from T0 at `hour` o'clock UTC (T0 is 14:00 UTC). */
export const daysFromT0 = (days: number, hour = 14) =>
  new Date(T0.getTime() + days * DAY + (hour - 14) * 3_600_000);

/** PHQ-9 answers `phq9-1` … `phq9-9` from nine scores. */
export function phq9(scores: readonly number[]): Record<string, number> {
  return Object.fromEntries(scores.map((s, i) => [`phq9-${String(i + 1)}`, s]));
}

export interface OutcomesFixture {
  readonly t: TestApp;
  readonly nurse: Session;
  readonly prescriber: Session;
  readonly admin: Session;
  readonly api: (s: Session | null) => ReturnType<typeof as>;
  /** The `id` of the first row `text` returns. */
  readonly one: (text: string, params: unknown[]) => Promise<string>;
  /**
   * A signed screening and an active course for the patient, with sessions as given (at the
   * first location unless a session names its own, or `null` for none).
   */
  readonly givenCourse: (
    patientId: string,
    indication: string,
    sessions: readonly {
      at: Date;
      status: 'completed' | 'booked';
      locationId?: string | null;
    }[],
  ) => Promise<string>;
  /** A paper form entered by the nurse on the patient's behalf, completed at `at`. */
  readonly paper: (
    patientId: string,
    instrument: string,
    answers: object,
    at: Date,
  ) => Promise<Submitted>;
  /** The patient's audit rows as `action:outcome`, oldest first. */
  readonly auditActions: (patientId: string) => Promise<string[]>;
}

/**
 * Registers the set-up and tear-down of an outcomes app on `driver` in the calling `describe`; the
 * app and the sessions are there once its `beforeAll` has run.
 */
export function useOutcomes(driver: Driver): OutcomesFixture {
  let t: TestApp | undefined;
  let nurse: Session | undefined;
  let prescriber: Session | undefined;
  let admin: Session | undefined;
  const ready = <V>(value: V | undefined, name: string): V => {
    if (value === undefined) throw new Error(`useOutcomes: ${name} is set in beforeAll`);
    return value;
  };
  const api = (s: Session | null) => as(ready(t, 't').app, s);

  async function one(text: string, params: unknown[]): Promise<string> {
    const rows = await ready(t, 't').database.query(text, params);
    const id = rows[0]?.id;
    if (typeof id !== 'string') throw new Error(`no id from ${text}`);
    return id;
  }

  const givenCourse: OutcomesFixture['givenCourse'] = async (patientId, indication, sessions) => {
    const signer = ready(prescriber, 'prescriber').user.id;
    const screeningId = await one(
      `insert into screenings (patient_id, indication, product, as_of, knowledge_version, input, result, decision, created_by, signed_by, signed_at, acceptances)
       values ($1, $2, 'ketamine-iv', '2026-01-15', 'test', '{}', '{}', 'eligible', $3, $3, $4, '[]') returning id`,
      [patientId, indication, signer, daysFromT0(-40)],
    );
    const courseId = await one(
      `insert into courses (patient_id, screening_id, indication, product, location_id, dose, sessions_per_week, weeks, start_date, status, created_by, created_at)
       values ($1, $2, $3, 'ketamine-iv', (select id from locations order by code limit 1), '{"value":0.5,"unit":"mg/kg"}', 2, 3, '2026-02-01', 'active', $4, $5) returning id`,
      [patientId, screeningId, indication, signer, daysFromT0(-40)],
    );
    for (const s of sessions)
      await ready(t, 't').database.query(
        `insert into appointments (patient_id, type, status, location_id, course_id, starts_at, ends_at, created_by)
         values ($1, 'infusion', $2, case when $7::boolean then $8::uuid else (select id from locations order by code limit 1) end, $3, $4, $5, $6)`,
        [
          patientId,
          s.status,
          courseId,
          s.at,
          new Date(s.at.getTime() + 2 * 3_600_000),
          signer,
          s.locationId !== undefined,
          s.locationId ?? null,
        ],
      );
    return courseId;
  };

  async function paper(patientId: string, instrument: string, answers: object, at: Date) {
    const response = await api(ready(nurse, 'nurse'))('POST', `/api/patients/${patientId}/scales`, {
      instrument,
      answers,
      completedAt: at.toISOString(),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Submitted>();
  }

  async function auditActions(patientId: string): Promise<string[]> {
    const rows = await ready(t, 't').database.query(
      'select action, outcome from audit_log where patient_id = $1 order by id',
      [patientId],
    );
    return rows.map((r) => `${String(r.action)}:${String(r.outcome)}`);
  }

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    prescriber = await login(t.app, DEMO.prescriber);
    admin = await login(t.app, DEMO.admin);
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
    api,
    one,
    givenCourse,
    paper,
    auditActions,
  };
}
