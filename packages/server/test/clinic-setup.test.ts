import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
  errors?: { path: string; message: string }[];
}
interface Location {
  id: string;
  code: string;
  timeZone: string;
  hours: { weekday: string; opensAt: string; closesAt: string }[];
  closures: { id: string; startsOn: string; endsOn: string; reason: string }[];
  chairs: { id: string; name: string }[];
}
interface Staff {
  id: string;
  role: string;
  displayName: string;
  videoUrlTemplate: string | null;
  nurseCapacity: number | null;
  schedule: { locationId: string; weekday: string; startsAt: string; endsAt: string }[];
  absences: { id: string; startsAt: string; endsAt: string; reason: string }[];
}

const paths = (body: Problem) => (body.errors ?? []).map((e) => e.path).sort();

describe.each(DRIVERS)('clinic set-up on %s', (driver) => {
  let t: TestApp;
  let admin: Session;
  let nurse: Session;
  let prescriber: Session;
  let patient: Session;
  let locationId: string;
  const api = (s: Session | null) => as(t.app, s);

  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await login(t.app, DEMO.admin);
    nurse = await login(t.app, DEMO.nurse);
    prescriber = await login(t.app, DEMO.prescriber);
    patient = await login(t.app, DEMO.patient);
    const created = await api(admin)('POST', '/api/clinic/locations', {
      code: 'harbour',
      name: 'Harbour',
      timeZone: 'America/Chicago',
      addressLine: '1 Pier Road',
    });
    expect(created.statusCode, created.body).toBe(201);
    locationId = created.json<Location>().id;
  });
  afterAll(async () => {
    await t.close();
  });

  const writes = (): ['POST' | 'PUT', string, Record<string, unknown>][] => [
    ['POST', '/api/clinic/locations', { code: 'x-1', name: 'X', timeZone: 'Europe/Oslo' }],
    ['PUT', `/api/clinic/locations/${locationId}/hours`, { hours: [] }],
    [
      'POST',
      `/api/clinic/locations/${locationId}/closures`,
      { startsOn: '2026-12-25', endsOn: '2026-12-25', reason: 'Holiday' },
    ],
    ['POST', `/api/clinic/locations/${locationId}/chairs`, { name: 'Chair X' }],
  ];

  test.each([
    ['nurse', 403],
    ['prescriber', 403],
    ['patient', 403],
    ['anonymous', 401],
  ] as const)('a %s may not change the clinic set-up (%i)', async (who, status) => {
    const session = { nurse, prescriber, patient, anonymous: null }[who];
    for (const [method, url, body] of writes()) {
      const response = await t.app.inject({
        method,
        url,
        payload: body,
        headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {},
      });
      expect(response.statusCode, `${method} ${url}`).toBe(status);
    }
  });

  test.each([
    ['nurse', 200],
    ['prescriber', 200],
    ['admin', 200],
    ['patient', 403],
    ['anonymous', 401],
  ] as const)('a %s reading locations and staff gets %i', async (who, status) => {
    const session = { nurse, prescriber, admin, patient, anonymous: null }[who];
    expect((await api(session)('GET', '/api/clinic/locations')).statusCode).toBe(status);
    expect((await api(session)('GET', '/api/clinic/staff')).statusCode).toBe(status);
  });

  test('an admin sets opening hours, a closure and chairs, each audited', async () => {
    const before = await countRows(t, 'audit_log');
    const hours = await api(admin)('PUT', `/api/clinic/locations/${locationId}/hours`, {
      hours: ['mon', 'tue', 'wed', 'thu', 'fri'].map((weekday) => ({
        weekday,
        opensAt: '08:00',
        closesAt: '18:00',
      })),
    });
    expect(hours.statusCode, hours.body).toBe(200);
    expect(hours.json<Location>().hours).toHaveLength(5);
    expect(hours.json<Location>().hours[0]).toEqual({
      weekday: 'mon',
      opensAt: '08:00',
      closesAt: '18:00',
    });
    const closure = await api(admin)('POST', `/api/clinic/locations/${locationId}/closures`, {
      startsOn: '2026-11-26',
      endsOn: '2026-11-27',
      reason: 'Thanksgiving',
    });
    expect(closure.statusCode, closure.body).toBe(201);
    const chair = await api(admin)('POST', `/api/clinic/locations/${locationId}/chairs`, {
      name: 'Bay 1',
    });
    expect(chair.statusCode).toBe(201);
    const read = await api(nurse)('GET', `/api/clinic/locations/${locationId}`);
    expect(read.json<Location>()).toMatchObject({
      code: 'harbour',
      timeZone: 'America/Chicago',
      closures: [{ startsOn: '2026-11-26', endsOn: '2026-11-27', reason: 'Thanksgiving' }],
      chairs: [{ name: 'Bay 1' }],
    });
    const audit = await t.database.query(
      `select action, outcome, actor_role from audit_log order by id offset $1`,
      [before],
    );
    expect(audit.map((a) => a.action).sort()).toEqual([
      'clinic.chair.create',
      'clinic.closure.create',
      'clinic.location.hours.replace',
    ]);
    expect(audit.every((a) => a.outcome === 'success' && a.actor_role === 'admin')).toBe(true);
  });

  test('bad input is refused naming each field, and writes nothing', async () => {
    const before = await countRows(t, 'locations');
    const bad = await api(admin)('POST', '/api/clinic/locations', {
      code: 'Main Street',
      name: '',
      timeZone: 'Mars/Olympus_Mons',
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json<Problem>())).toEqual(['body.code', 'body.name', 'body.timeZone']);
    const est = await api(admin)('POST', '/api/clinic/locations', {
      code: 'est',
      name: 'EST',
      timeZone: 'EST',
    });
    expect(paths(est.json<Problem>())).toEqual(['body.timeZone']);
    expect(await countRows(t, 'locations')).toBe(before);

    const hours = await api(admin)('PUT', `/api/clinic/locations/${locationId}/hours`, {
      hours: [
        { weekday: 'mon', opensAt: '18:00', closesAt: '08:00' },
        { weekday: 'tue', opensAt: '8am', closesAt: '17:00' },
        { weekday: 'someday', opensAt: '08:00', closesAt: '09:00' },
      ],
    });
    expect(hours.statusCode).toBe(400);
    expect(paths(hours.json<Problem>())).toEqual([
      'body.hours.0.closesAt',
      'body.hours.1.opensAt',
      'body.hours.2.weekday',
    ]);
    const overlap = await api(admin)('PUT', `/api/clinic/locations/${locationId}/hours`, {
      hours: [
        { weekday: 'mon', opensAt: '08:00', closesAt: '12:00' },
        { weekday: 'mon', opensAt: '11:00', closesAt: '18:00' },
      ],
    });
    expect(paths(overlap.json<Problem>())).toEqual(['body.hours.1.opensAt']);
    const closure = await api(admin)('POST', `/api/clinic/locations/${locationId}/closures`, {
      startsOn: '2026-12-27',
      endsOn: '2026-12-24',
      reason: 'x',
    });
    expect(paths(closure.json<Problem>())).toEqual(['body.endsOn', 'body.reason']);
    const taken = await api(admin)('POST', '/api/clinic/locations', {
      code: 'harbour',
      name: 'Again',
      timeZone: 'America/Chicago',
    });
    expect(taken.statusCode).toBe(409);
    expect(paths(taken.json<Problem>())).toEqual(['body.code']);
    const location = await api(admin)('GET', `/api/clinic/locations/${locationId}`);
    expect(location.json<Location>().hours).toHaveLength(5);
  });

  test('staff schedules, profiles and absences are set by an admin and read by staff', async () => {
    const staff = (await api(nurse)('GET', '/api/clinic/staff')).json<{ items: Staff[] }>().items;
    const doctor = staff.find((s) => s.role === 'prescriber')!;
    const rn = staff.find((s) => s.role === 'nurse')!;
    const schedule = await api(admin)('PUT', `/api/clinic/staff/${doctor.id}/schedule`, {
      periods: [
        { locationId, weekday: 'mon', startsAt: '08:00', endsAt: '12:00' },
        { locationId, weekday: 'mon', startsAt: '13:00', endsAt: '18:00' },
        { locationId, weekday: 'wed', startsAt: '08:00', endsAt: '18:00' },
      ],
    });
    expect(schedule.statusCode, schedule.body).toBe(200);
    expect(schedule.json<Staff>().schedule).toHaveLength(3);
    const profile = await api(admin)('PATCH', `/api/clinic/staff/${doctor.id}/profile`, {
      videoUrlTemplate: 'https://video.example.org/cole/{appointmentId}',
    });
    expect(profile.statusCode, profile.body).toBe(200);
    const capacity = await api(admin)('PATCH', `/api/clinic/staff/${rn.id}/profile`, {
      nurseCapacity: 3,
    });
    expect(capacity.json<Staff>().nurseCapacity).toBe(3);
    const absence = await api(admin)('POST', `/api/clinic/staff/${rn.id}/absences`, {
      startsAt: '2026-03-09T00:00:00-04:00',
      endsAt: '2026-03-10T00:00:00-04:00',
      reason: 'Training day',
    });
    expect(absence.statusCode, absence.body).toBe(201);
    const read = (await api(prescriber)('GET', `/api/clinic/staff/${rn.id}`)).json<Staff>();
    expect(read.absences).toEqual([
      {
        id: absence.json<{ id: string }>().id,
        startsAt: '2026-03-09T04:00:00.000Z',
        endsAt: '2026-03-10T04:00:00.000Z',
        reason: 'Training day',
      },
    ]);
    const doctors = await api(nurse)('GET', '/api/clinic/staff?role=prescriber');
    expect(doctors.json<{ items: Staff[] }>().items.find((s) => s.id === doctor.id)).toMatchObject({
      videoUrlTemplate: 'https://video.example.org/cole/{appointmentId}',
      schedule: [
        { weekday: 'mon', startsAt: '08:00', endsAt: '12:00' },
        { weekday: 'mon', startsAt: '13:00', endsAt: '18:00' },
        { weekday: 'wed', startsAt: '08:00', endsAt: '18:00' },
      ],
    });
    const audit = await t.database.query(
      `select action from audit_log where (resource_id = $1 or resource_id = $2) and action like 'clinic.%' order by action`,
      [doctor.id, rn.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'clinic.staff.absence.create',
      'clinic.staff.profile.update',
      'clinic.staff.profile.update',
      'clinic.staff.schedule.replace',
    ]);
  });

  test('staff input errors name the field', async () => {
    const staff = (await api(admin)('GET', '/api/clinic/staff')).json<{ items: Staff[] }>().items;
    const rn = staff.find((s) => s.role === 'nurse')!;
    const doctor = staff.find((s) => s.role === 'prescriber')!;
    const wrongRole = await api(admin)('PATCH', `/api/clinic/staff/${rn.id}/profile`, {
      videoUrlTemplate: 'https://video.example.org/{appointmentId}',
    });
    expect(paths(wrongRole.json<Problem>())).toEqual(['body.videoUrlTemplate']);
    const badUrl = await api(admin)('PATCH', `/api/clinic/staff/${doctor.id}/profile`, {
      videoUrlTemplate: 'not a url',
      nurseCapacity: 9,
    });
    expect(paths(badUrl.json<Problem>())).toEqual(['body.nurseCapacity', 'body.videoUrlTemplate']);
    const schedule = await api(admin)('PUT', `/api/clinic/staff/${rn.id}/schedule`, {
      periods: [
        { locationId, weekday: 'tue', startsAt: '09:00', endsAt: '17:00' },
        { locationId, weekday: 'tue', startsAt: '16:00', endsAt: '18:00' },
        {
          locationId: '00000000-0000-4000-8000-000000000000',
          weekday: 'fri',
          startsAt: '09:00',
          endsAt: '17:00',
        },
      ],
    });
    expect(paths(schedule.json<Problem>())).toEqual(['body.periods.1.startsAt']);
    const unknown = await api(admin)('PUT', `/api/clinic/staff/${rn.id}/schedule`, {
      periods: [
        {
          locationId: '00000000-0000-4000-8000-000000000000',
          weekday: 'fri',
          startsAt: '09:00',
          endsAt: '17:00',
        },
      ],
    });
    expect(paths(unknown.json<Problem>())).toEqual(['body.periods.0.locationId']);
    const absence = await api(admin)('POST', `/api/clinic/staff/${rn.id}/absences`, {
      startsAt: '2026-03-10T00:00:00Z',
      endsAt: '2026-03-09T00:00:00Z',
      reason: 'Leave',
    });
    expect(paths(absence.json<Problem>())).toEqual(['body.endsAt']);
    const patientAsStaff = await api(admin)('GET', `/api/clinic/staff/${patient.user.id}`);
    expect(patientAsStaff.statusCode).toBe(404);
  });
});
