/**
 * An absence or a closure recorded over existing bookings does not move them: the answer lists
 * the bookings it falls on (booked or held, not yet over), so the administrator can reschedule.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenClinic, type BookingClinic } from './appointment-fixtures';
import { as, createTestApp, DEMO, DRIVERS, login, type Session, type TestApp } from './harness';

interface Affected {
  id: string;
  type: string;
  startsAt: string;
  locationId: string | null;
  date: string;
}
interface Created {
  id: string;
  affectedAppointments: Affected[];
}

/** New York (UTC−5) local time in the week of T0 (Monday 2 March 2026, 09:00). */
const at = (day: string, local: string) => `2026-03-${day}T${local}:00-05:00`;

describe.each(DRIVERS)('bookings an absence or closure falls on (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let nurse: Session;
  let clinic: BookingClinic;
  const booked: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(driver, { demo: true });
    admin = await login(t.app, DEMO.admin);
    nurse = await login(t.app, DEMO.nurse);
    clinic = await givenClinic(t, { chairs: 2, nurses: 1, prescribers: 1, patients: 3 });
    const book = async (key: string, patient: number, startsAt: string) => {
      const r = await as(t.app, nurse)('POST', '/api/appointments', {
        patientId: clinic.patientIds[patient],
        type: 'infusion',
        startsAt,
        locationId: clinic.locationId,
        durationMinutes: 60,
      });
      expect(r.statusCode, r.body).toBe(201);
      booked[key] = r.json<{ id: string }>().id;
    };
    await book('tue10', 0, at('03', '10:00'));
    await book('wed14', 1, at('04', '14:00'));
    await book('thu09', 2, at('05', '09:00'));
    // Cancelled: not affected by anything.
    const cancelled = await as(t.app, nurse)('POST', `/api/appointments/${booked.thu09!}/cancel`, {
      reason: 'Patient unwell',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  test('an absence lists the bookings that hold the person during it', async () => {
    const nurseId = clinic.nurseIds[0]!;
    const r = await as(t.app, admin)('POST', `/api/clinic/staff/${nurseId}/absences`, {
      startsAt: at('03', '08:00'),
      endsAt: at('05', '18:00'),
      reason: 'Course',
    });
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json<Created>();
    expect(body.affectedAppointments.map((a) => a.id)).toEqual([booked.tue10, booked.wed14]);
    expect(body.affectedAppointments[0]).toMatchObject({
      type: 'infusion',
      startsAt: '2026-03-03T15:00:00.000Z',
      locationId: clinic.locationId,
      timeZone: 'America/New_York',
      date: '2026-03-03',
    });
    // The bookings are not moved: still booked with their nurse.
    const rows = await t.database.query(
      `select status from appointments where id = any($1::uuid[])`,
      [[booked.tue10, booked.wed14]],
    );
    expect(rows.map((x) => x.status)).toEqual(['booked', 'booked']);
  });

  test('an absence that overlaps no booking lists none; one ending as a booking starts lists none', async () => {
    const nurseId = clinic.nurseIds[0]!;
    const r = await as(t.app, admin)('POST', `/api/clinic/staff/${nurseId}/absences`, {
      startsAt: at('03', '07:00'),
      endsAt: at('03', '10:00'),
      reason: 'Dentist',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json<Created>().affectedAppointments).toEqual([]);
  });

  test('a closure lists the bookings on its days at that location, in local days', async () => {
    const r = await as(t.app, admin)(
      'POST',
      `/api/clinic/locations/${clinic.locationId}/closures`,
      {
        startsOn: '2026-03-04',
        endsOn: '2026-03-05',
        reason: 'Burst pipe',
      },
    );
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json<Created>().affectedAppointments.map((a) => [a.id, a.date])).toEqual([
      [booked.wed14, '2026-03-04'],
    ]);
  });

  test('bookings already over are not listed', async () => {
    t.clock.advanceMinutes(3 * 24 * 60);
    try {
      const later = await login(t.app, DEMO.admin);
      const r = await as(t.app, later)(
        'POST',
        `/api/clinic/locations/${clinic.locationId}/closures`,
        { startsOn: '2026-03-03', endsOn: '2026-03-04', reason: 'Inspection' },
      );
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json<Created>().affectedAppointments).toEqual([]);
    } finally {
      t.clock.advanceMinutes(-3 * 24 * 60);
    }
  });
});
