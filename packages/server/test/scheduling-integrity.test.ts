import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenClinic, type BookingClinic } from './appointment-fixtures';
import { screenedPatient } from './course-fixtures';
import {
  as,
  countRows,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  type Session,
  type TestApp,
} from './harness';

interface Problem {
  code: string;
  errors?: { path: string; code?: string }[];
}
interface Appointment {
  id: string;
  status: string;
  startsAt: string;
}
interface Course {
  id: string;
  sessions: Appointment[];
}

/** New York (UTC−5) local time in the week of T0 (Monday 2 March 2026, 09:00). */
const at = (day: string, local: string) => `2026-03-${day}T${local}:00-05:00`;

describe.each(DRIVERS)(
  'checked-in appointments, course links and course orders on %s',
  (driver) => {
    let t: TestApp;
    let nurse: Session;
    let prescriber: Session;
    let clinic: BookingClinic;
    const api = (s: Session) => as(t.app, s);

    beforeAll(async () => {
      t = await createTestApp(driver);
      nurse = await login(t.app, DEMO.nurse);
      prescriber = await login(t.app, DEMO.prescriber);
      clinic = await givenClinic(t, { chairs: 2, nurses: 1, prescribers: 1, patients: 6 });
    });
    afterAll(async () => {
      await t.close();
    });

    const book = async (patientId: string, startsAt: string, extra: Record<string, unknown> = {}) =>
      api(nurse)('POST', '/api/appointments', {
        patientId,
        type: 'infusion',
        startsAt,
        locationId: clinic.locationId,
        durationMinutes: 60,
        ...extra,
      });

    /** A patient with a current signed depression screening (ketamine IV), ready for a course. */
    const screenedPatientNow = () =>
      screenedPatient(
        t,
        { nurse, prescriber },
        { givenName: 'Ida', familyName: `Integrity${Math.random().toString(36).slice(2, 8)}` },
      );
    const courseBody = (screeningId: string, extra: Record<string, unknown> = {}) => ({
      screeningId,
      indication: 'depression',
      product: 'ketamine-iv',
      dose: { value: 0.5, unit: 'mg/kg' },
      sessionsPerWeek: 2,
      weeks: 4,
      startDate: '2026-03-02',
      locationId: clinic.locationId,
      preferredTime: '10:00',
      ...extra,
    });

    test('once the patient is checked in, the appointment cannot be cancelled, moved or a no-show', async () => {
      const booked = await book(clinic.patientIds[0]!, at('02', '10:00'));
      expect(booked.statusCode, booked.body).toBe(201);
      const id = booked.json<Appointment>().id;
      const checkIn = await api(nurse)('POST', `/api/appointments/${id}/session`);
      expect(checkIn.statusCode, checkIn.body).toBe(201);

      const cancel = await api(nurse)('POST', `/api/appointments/${id}/cancel`, { reason: 'x' });
      expect(cancel.statusCode, cancel.body).toBe(409);
      expect(cancel.json<Problem>().code).toBe('RESOURCE.CONFLICT');
      const move = await api(nurse)('POST', `/api/appointments/${id}/reschedule`, {
        startsAt: at('02', '14:00'),
        reason: 'later',
      });
      expect(move.statusCode, move.body).toBe(409);
      t.clock.advanceMinutes(75);
      const noShow = await api(nurse)('POST', `/api/appointments/${id}/no-show`);
      expect(noShow.statusCode, noShow.body).toBe(409);
      t.clock.advanceMinutes(-75);

      const after = await api(nurse)('GET', `/api/appointments/${id}`);
      expect(after.json<Appointment>().status).toBe('booked');
      // The chair stays held: nobody else can be booked into it while the patient sits there.
      const rows = await t.database.query(
        'select count(*)::int as n from appointment_resources where appointment_id = $1 and active',
        [id],
      );
      expect(rows[0]?.n).toBeGreaterThan(0);
    });

    test('a conflict names the chair, nurse and location as staff know them, not by id', async () => {
      const chairId = clinic.chairIds[1]!;
      const first = await book(clinic.patientIds[3]!, at('06', '11:00'), { chairId });
      expect(first.statusCode, first.body).toBe(201);
      const second = await book(clinic.patientIds[4]!, at('06', '11:00'), { chairId });
      expect(second.statusCode, second.body).toBe(409);
      const text = JSON.stringify(second.json());
      const [chair] = await t.database.query('select name from chairs where id = $1', [chairId]);
      expect(text).toContain(`${String(chair?.name)} is booked`);
      expect(text).not.toContain(`chair ${chairId}`);
      const closed = await book(clinic.patientIds[4]!, at('06', '20:00'));
      expect(closed.statusCode, closed.body).toBe(422);
      const [location] = await t.database.query('select name from locations where id = $1', [
        clinic.locationId,
      ]);
      expect(JSON.stringify(closed.json())).toContain(`${String(location?.name)}'s opening hours`);
    });

    test('a booking names only a course of the same patient; an unknown one is a 404, not a 500', async () => {
      const { patientId, screeningId } = await screenedPatientNow();
      const created = await api(prescriber)(
        'POST',
        `/api/patients/${patientId}/courses`,
        courseBody(screeningId, { startDate: '2026-03-16', preferredTime: '09:00' }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const courseId = created.json<Course>().id;
      const before = await countRows(t, 'appointments');

      for (const id of [courseId, '00000000-0000-4000-8000-000000000000']) {
        const response = await book(clinic.patientIds[1]!, at('04', '10:00'), { courseId: id });
        expect(response.statusCode, response.body).toBe(404);
        expect(response.json<Problem>().errors?.map((e) => e.path)).toEqual(['body.courseId']);
      }
      expect(await countRows(t, 'appointments')).toBe(before);
      const course = await api(prescriber)('GET', `/api/courses/${courseId}`);
      expect(course.json<Course>().sessions.every((s) => s.status === 'booked')).toBe(true);
    });

    test('a course is refused, writing nothing, for a hard-limit dose, a wrong unit, an unknown location or a start long past', async () => {
      const { patientId, screeningId } = await screenedPatientNow();
      const before = await countRows(t, 'courses');
      const cases: [Record<string, unknown>, number, string, string][] = [
        [{ dose: { value: 1000, unit: 'mg/kg' } }, 422, 'DOSE.BLOCKED', 'body.dose.value'],
        [{ dose: { value: 40, unit: 'mg' } }, 400, 'VALIDATION.FAILED', 'body.dose.unit'],
        [
          { locationId: '00000000-0000-4000-8000-000000000000' },
          404,
          'RESOURCE.NOT_FOUND',
          'body.locationId',
        ],
        [{ startDate: '2020-01-06' }, 400, 'VALIDATION.FAILED', 'body.startDate'],
      ];
      for (const [extra, status, code, path] of cases) {
        const response = await api(prescriber)(
          'POST',
          `/api/patients/${patientId}/courses`,
          courseBody(screeningId, extra),
        );
        expect(response.statusCode, response.body).toBe(status);
        expect(response.json<Problem>()).toMatchObject({ code, errors: [{ path }] });
      }
      expect(await countRows(t, 'courses')).toBe(before);
    });

    test('stopping or re-planning a course keeps the session the patient is already checked in for', async () => {
      const { patientId, screeningId } = await screenedPatientNow();
      const created = await api(prescriber)(
        'POST',
        `/api/patients/${patientId}/courses`,
        courseBody(screeningId, { preferredTime: '11:00' }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const course = created.json<Course>();
      const first = course.sessions.find((s) => s.startsAt === '2026-03-02T16:00:00.000Z');
      expect(first, JSON.stringify(course.sessions)).toBeDefined();
      // Checked in early, before the session's start.
      const checkIn = await api(nurse)('POST', `/api/appointments/${first!.id}/session`);
      expect(checkIn.statusCode, checkIn.body).toBe(201);

      const replanned = await api(prescriber)('PATCH', `/api/courses/${course.id}`, {
        sessionsPerWeek: 1,
        reason: 'Fewer sessions',
      });
      expect(replanned.statusCode, replanned.body).toBe(200);
      const live = replanned.json<Course>().sessions.filter((s) => s.status === 'booked');
      expect(live.filter((s) => s.id === first!.id)).toHaveLength(1);
      // Week 1 keeps that session and gets no second one.
      expect(live.filter((s) => s.startsAt < '2026-03-09')).toHaveLength(1);

      const stopped = await api(prescriber)('POST', `/api/courses/${course.id}/status`, {
        to: 'stopped',
        reason: 'Patient moving away',
      });
      expect(stopped.statusCode, stopped.body).toBe(200);
      const sessions = stopped.json<Course>().sessions;
      expect(sessions.find((s) => s.id === first!.id)?.status).toBe('booked');
      expect(
        sessions.filter((s) => s.id !== first!.id).every((s) => s.status === 'cancelled'),
      ).toBe(true);
    });

    test('re-planning a course whose weeks are all over books nothing and does not fail', async () => {
      const { patientId, screeningId } = await screenedPatientNow();
      const created = await api(prescriber)(
        'POST',
        `/api/patients/${patientId}/courses`,
        courseBody(screeningId, { startDate: '2026-03-23', preferredTime: '13:00' }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<Course>().id;
      const days = 90 * 24 * 60;
      t.clock.advanceMinutes(days);
      try {
        // A fresh log-in: the earlier session has expired by then.
        const later = await login(t.app, DEMO.prescriber);
        const replanned = await api(later)('PATCH', `/api/courses/${id}`, {
          sessionsPerWeek: 1,
          reason: 'Fewer sessions',
        });
        expect(replanned.statusCode, replanned.body).toBe(200);
        expect(replanned.json<Course>().sessions.filter((s) => s.status === 'booked')).toHaveLength(
          8,
        );
      } finally {
        t.clock.advanceMinutes(-days);
      }
    });
  },
);
