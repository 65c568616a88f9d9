import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenClinic, givenPatientAccount, type BookingClinic } from './appointment-fixtures';
import { as, createTestApp, DEMO, DRIVERS, login, type Session, type TestApp } from './harness';

interface Problem {
  code: string;
  errors?: { path: string; code?: string }[];
}
interface Appointment {
  id: string;
  patientId: string;
  status: string;
  startsAt: string;
  cancelReason: string | null;
  rescheduledFrom: string | null;
  chair: { id: string; name: string } | null;
  nurse: { id: string; name: string } | null;
}

/** New York (UTC−5) local time on a date in the week of T0 (Monday 2 March 2026, 09:00). */
const at = (day: string, local: string) => `2026-03-${day}T${local}:00-05:00`;

describe.each(DRIVERS)('cancel, reschedule, no-show and listing on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  let admin: Session;
  let patient: Session;
  let clinic: BookingClinic;

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    admin = await login(t.app, DEMO.admin);
    patient = await givenPatientAccount(t);
    clinic = await givenClinic(t, { chairs: 2, nurses: 1, prescribers: 1, patients: 6 });
  });
  afterAll(async () => {
    await t.close();
  });

  const book = async (patientId: string, startsAt: string, chair = 0) => {
    const response = await as(t.app, nurse)('POST', '/api/appointments', {
      patientId,
      type: 'infusion',
      startsAt,
      locationId: clinic.locationId,
      chairId: clinic.chairIds[chair],
      durationMinutes: 60,
    });
    expect(response.statusCode).toBe(201);
    return response.json<Appointment>();
  };
  const activeResources = async (id: string) => {
    const [row] = await t.database.query(
      'select count(*)::int as n from appointment_resources where appointment_id = $1 and active',
      [id],
    );
    return row?.n;
  };

  test('cancelling with a reason frees the chair; a second cancel is a 409', async () => {
    const booked = await book(clinic.patientIds[0]!, at('03', '09:00'));
    const missing = await as(t.app, nurse)('POST', `/api/appointments/${booked.id}/cancel`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json<Problem>().errors?.[0]?.path).toBe('body.reason');

    const cancel = await as(t.app, nurse)('POST', `/api/appointments/${booked.id}/cancel`, {
      reason: 'Patient unwell',
    });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json<Appointment>()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Patient unwell',
    });
    expect(await activeResources(booked.id)).toBe(0);
    await book(clinic.patientIds[1]!, at('03', '09:00'));

    const again = await as(t.app, nurse)('POST', `/api/appointments/${booked.id}/cancel`, {
      reason: 'twice',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('RESOURCE.CONFLICT');
  });

  test('rescheduling books the new time and cancels the old one, atomically', async () => {
    const old = await book(clinic.patientIds[2]!, at('03', '10:00'));
    const moved = await as(t.app, nurse)('POST', `/api/appointments/${old.id}/reschedule`, {
      startsAt: at('03', '12:00'),
      reason: 'Patient asked for later',
    });
    expect(moved.statusCode).toBe(201);
    const fresh = moved.json<Appointment>();
    expect(fresh).toMatchObject({
      status: 'booked',
      rescheduledFrom: old.id,
      startsAt: '2026-03-03T17:00:00.000Z',
    });
    const previous = await as(t.app, nurse)('GET', `/api/appointments/${old.id}`);
    expect(previous.json<Appointment>()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Patient asked for later',
    });
  });

  test('slot search for a move leaves the appointment being moved out of the way', async () => {
    const mine = await book(clinic.patientIds[5]!, at('05', '10:00'));
    const search = (extra: string) =>
      as(t.app, nurse)(
        'GET',
        `/api/appointments/slots?type=infusion&durationMinutes=60&locationId=${clinic.locationId}&patientId=${clinic.patientIds[5]!}&from=${encodeURIComponent(at('05', '08:00'))}&to=${encodeURIComponent(at('05', '18:00'))}${extra}`,
      );
    const starts = async (extra: string) => {
      const response = await search(extra);
      expect(response.statusCode, response.body).toBe(200);
      return response
        .json<{ items: { startsAt: string }[] }>()
        .items.map((i) => Date.parse(i.startsAt));
    };
    // Without the exclusion the patient's own infusion and the spacing rule leave that day empty.
    expect(await starts('')).toEqual([]);
    const moving = await starts(`&excludeAppointmentId=${mine.id}`);
    expect(moving).toContain(Date.parse(at('05', '14:00')));
    expect(moving).toContain(Date.parse(mine.startsAt));
    const cancelled = await as(t.app, nurse)('POST', `/api/appointments/${mine.id}/cancel`, {
      reason: 'Test appointment',
    });
    expect(cancelled.statusCode).toBe(200);
  });

  test('rescheduling onto a taken chair is a 409 and a closed time a 422; nothing changes', async () => {
    const blocker = await book(clinic.patientIds[3]!, at('04', '14:00'), 1);
    const mine = await book(clinic.patientIds[4]!, at('04', '09:00'), 0);
    const taken = await as(t.app, nurse)('POST', `/api/appointments/${mine.id}/reschedule`, {
      startsAt: at('04', '14:30'),
      chairId: blocker.chair?.id,
      reason: 'Later',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<Problem>().code).toBe('SCHEDULE.SLOT_TAKEN');
    const closed = await as(t.app, nurse)('POST', `/api/appointments/${mine.id}/reschedule`, {
      startsAt: at('07', '10:00'),
      reason: 'Saturday',
    });
    expect(closed.statusCode).toBe(422);
    expect(closed.json<Problem>().errors?.map((e) => e.code)).toContain('SCHEDULE.OUTSIDE_HOURS');
    const still = await as(t.app, nurse)('GET', `/api/appointments/${mine.id}`);
    expect(still.json<Appointment>()).toMatchObject({ status: 'booked', cancelReason: null });
    expect(await activeResources(mine.id)).toBe(2);
    const [count] = await t.database.query(
      'select count(*)::int as n from appointments where rescheduled_from = $1',
      [mine.id],
    );
    expect(count?.n).toBe(0);
  });

  test('the day board lists a location with chair and nurse names and audits each patient', async () => {
    const url = `/api/appointments?locationId=${clinic.locationId}&from=${encodeURIComponent(at('03', '00:00'))}&to=${encodeURIComponent(at('05', '00:00'))}`;
    const response = await as(t.app, admin)('GET', url);
    expect(response.statusCode).toBe(200);
    const { items } = response.json<{ items: Appointment[] }>();
    expect(items.every((a) => a.status === 'booked')).toBe(true);
    expect(items.map((a) => a.patientId).sort()).toEqual(
      [1, 2, 3, 4].map((i) => clinic.patientIds[i]).sort(),
    );
    expect(items[0]?.chair?.name).toMatch(/^Chair /);
    expect(items[0]?.nurse?.name).toMatch(/^nurse 1 /);
    const audit = await t.database.query(
      `select patient_id from audit_log where action = 'appointment.list' and actor_user_id = $1`,
      [admin.user.id],
    );
    expect(audit.map((r) => r.patient_id).sort()).toEqual(
      [1, 2, 3, 4].map((i) => clinic.patientIds[i]).sort(),
    );

    const withCancelled = await as(t.app, admin)('GET', `${url}&includeCancelled=true`);
    expect(withCancelled.json<{ items: Appointment[] }>().items).toHaveLength(items.length + 2);
    const byNurse = await as(t.app, nurse)(
      'GET',
      `/api/appointments?staffId=${clinic.nurseIds[0]!}&from=${encodeURIComponent(at('04', '00:00'))}&to=${encodeURIComponent(at('05', '00:00'))}`,
    );
    expect(byNurse.json<{ items: Appointment[] }>().items).toHaveLength(2);
  });

  test('a patient sees, cancels and reschedules only their own, before the cut-off', async () => {
    const own = patient.user.patientId!;
    const later = await book(own, at('04', '11:00'));
    const mine = await as(t.app, patient)('GET', '/api/me/appointments');
    expect(mine.statusCode).toBe(200);
    expect(mine.json<{ items: Appointment[] }>().items.map((a) => a.id)).toEqual([later.id]);
    expect(
      (
        await as(t.app, patient)(
          'GET',
          '/api/appointments?from=2026-03-01T00:00:00Z&to=2026-03-09T00:00:00Z',
        )
      ).statusCode,
    ).toBe(403);

    const other = await book(clinic.patientIds[5]!, at('05', '09:00'));
    const peek = await as(t.app, patient)('GET', `/api/appointments/${other.id}`);
    expect(peek.statusCode).toBe(404);
    const cancelOther = await as(t.app, patient)('POST', `/api/appointments/${other.id}/cancel`, {
      reason: 'not mine',
    });
    expect(cancelOther.statusCode).toBe(404);
    const denied = await t.database.query(
      `select outcome from audit_log where action = 'appointment.read' and resource_id = $1`,
      [other.id],
    );
    expect(denied).toEqual([{ outcome: 'denied' }]);

    const moved = await as(t.app, patient)('POST', `/api/appointments/${later.id}/reschedule`, {
      startsAt: at('06', '11:00'),
      reason: 'Work',
    });
    expect(moved.statusCode).toBe(201);

    // Today at 16:00 is 7 h away: inside the 24 h cut-off.
    const soon = await book(own, at('02', '16:00'), 1);
    const cancel = await as(t.app, patient)('POST', `/api/appointments/${soon.id}/cancel`, {
      reason: 'Cannot come',
    });
    expect(cancel.statusCode).toBe(422);
    expect(cancel.json<Problem>().code).toBe('APPOINTMENT.CUTOFF_PASSED');
    const byStaff = await as(t.app, nurse)('POST', `/api/appointments/${soon.id}/cancel`, {
      reason: 'Patient called',
    });
    expect(byStaff.statusCode).toBe(200);
  });

  test.each([
    ['GET', '/api/appointments?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z', null, 401],
    ['POST', '/api/appointments', null, 401],
    ['GET', '/api/me/appointments', 'nurse', 403],
    ['POST', '/api/appointments/00000000-0000-4000-8000-000000000000/no-show', 'patient', 403],
    ['POST', '/api/appointments/00000000-0000-4000-8000-000000000000/no-show', 'nurse', 404],
  ] as const)('%s %s as %s answers %i', async (method, url, who, status) => {
    const session = who === 'nurse' ? nurse : who === 'patient' ? patient : null;
    const response = await as(t.app, session)(method, url, method === 'POST' ? {} : undefined);
    expect(response.statusCode).toBe(status);
  });

  test('a no-show is recorded once the start has passed, freeing the chair', async () => {
    const today = await book(clinic.patientIds[0]!, at('02', '10:00'));
    const early = await as(t.app, nurse)('POST', `/api/appointments/${today.id}/no-show`);
    expect(early.statusCode).toBe(409);
    t.clock.advanceMinutes(75);
    const asPatient = await as(t.app, patient)('POST', `/api/appointments/${today.id}/no-show`);
    expect(asPatient.statusCode).toBe(403);
    const late = await as(t.app, nurse)('POST', `/api/appointments/${today.id}/no-show`);
    expect(late.statusCode).toBe(200);
    expect(late.json<Appointment>().status).toBe('no-show');
    expect(await activeResources(today.id)).toBe(0);
    const [row] = await t.database.query(
      'select no_show_recorded_by from appointments where id = $1',
      [today.id],
    );
    expect(row?.no_show_recorded_by).toBe(nurse.user.id);
  });
});
