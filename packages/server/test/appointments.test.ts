import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sweepScheduling } from '../src/routes/appointments/holds';
import {
  givenClinic,
  givenPatientAccount,
  givenClosure,
  partialRows,
  type BookingClinic,
} from './appointment-fixtures';
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
  status: number;
  errors?: { path: string; message: string; code?: string }[];
}
interface Appointment {
  id: string;
  status: string;
  startsAt: string;
  endsAt: string;
  holdExpiresAt: string | null;
  cancelReason: string | null;
  chair: { id: string; name: string } | null;
  nurse: { id: string; name: string; lane: number } | null;
  prescriber: { id: string; name: string } | null;
  videoUrl: string | null;
}

/** Tuesday 3 March 2026 in New York (UTC−5): `at('09:00')` is 14:00Z. */
const at = (local: string, day = '2026-03-03') => `${day}T${local}:00-05:00`;

describe.each(DRIVERS)('booking engine on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  let prescriber: Session;
  let admin: Session;
  let patient: Session;
  let clinic: BookingClinic;

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    prescriber = await login(t.app, DEMO.prescriber);
    admin = await login(t.app, DEMO.admin);
    patient = await givenPatientAccount(t);
    clinic = await givenClinic(t, { chairs: 1, nurses: 1, prescribers: 1, patients: 6 });
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (session: Session, url: string, payload: unknown, key?: string) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: payload as Record<string, unknown>,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
    });
  const infusion = (patientIndex: number, local: string, extra: Record<string, unknown> = {}) => ({
    patientId: clinic.patientIds[patientIndex],
    type: 'infusion',
    startsAt: at(local),
    locationId: clinic.locationId,
    durationMinutes: 60,
    ...extra,
  });

  test('slot search offers times with a chair, a nurse and a prescriber, minus booked ones', async () => {
    const url = `/api/appointments/slots?type=infusion&durationMinutes=60&locationId=${clinic.locationId}&from=${encodeURIComponent(at('08:00', '2026-03-04'))}&to=${encodeURIComponent(at('12:00', '2026-03-04'))}`;
    const response = await as(t.app, nurse)('GET', url);
    expect(response.statusCode).toBe(200);
    const { items } = response.json<{
      items: { startsAt: string; chairId: string; nurseId: string; prescriberId: string }[];
    }>();
    // Starts from 09:00 (opening) to 11:45 (before `to`) every 15 minutes (the clinic setting).
    expect(items[0]).toMatchObject({
      startsAt: '2026-03-04T14:00:00.000Z',
      chairId: clinic.chairIds[0],
      nurseId: clinic.nurseIds[0],
      prescriberId: clinic.prescriberIds[0],
    });
    expect(items).toHaveLength(12);
    expect(items.at(-1)?.startsAt).toBe('2026-03-04T16:45:00.000Z');
  });

  test('slot search names every bad field', async () => {
    const response = await as(t.app, nurse)(
      'GET',
      '/api/appointments/slots?type=massage&from=yesterday&to=2026-03-04T10:00:00Z',
    );
    expect(response.statusCode).toBe(400);
    const paths = response.json<Problem>().errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['query.type', 'query.from']));
    const window = await as(t.app, nurse)(
      'GET',
      '/api/appointments/slots?type=infusion&from=2026-03-04T10:00:00Z&to=2026-03-04T09:00:00Z',
    );
    expect(window.statusCode).toBe(400);
    expect(window.json<Problem>().errors?.map((e) => e.path)).toContain('query.to');
  });

  test('books a chair, a nurse lane and audits it; the same chair and time again is a clean 409', async () => {
    const first = await post(nurse, '/api/appointments', infusion(0, '09:00'));
    expect(first.statusCode).toBe(201);
    const booked = first.json<Appointment>();
    expect(booked).toMatchObject({
      status: 'booked',
      startsAt: '2026-03-03T14:00:00.000Z',
      endsAt: '2026-03-03T15:00:00.000Z',
      chair: { id: clinic.chairIds[0] },
      nurse: { id: clinic.nurseIds[0], lane: 0 },
      prescriber: null,
    });
    const audit = await t.database.query(
      `select outcome, patient_id from audit_log where action = 'appointment.book' and resource_id = $1`,
      [booked.id],
    );
    expect(audit).toEqual([{ outcome: 'success', patient_id: clinic.patientIds[0] }]);

    const appointmentsBefore = await countRows(t, 'appointments');
    const resourcesBefore = await countRows(t, 'appointment_resources');
    const second = await post(nurse, '/api/appointments', infusion(1, '09:30'));
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json<Problem>().code).toBe('SCHEDULE.SLOT_TAKEN');
    expect(await countRows(t, 'appointments')).toBe(appointmentsBefore);
    expect(await countRows(t, 'appointment_resources')).toBe(resourcesBefore);
    expect(await partialRows(t)).toEqual({ bare: 0, orphans: 0 });
  });

  test.each([
    ['before opening', '07:30', '2026-03-03', 'SCHEDULE.OUTSIDE_HOURS'],
    ['on a closure day', '10:00', '2026-03-05', 'SCHEDULE.CLOSED'],
    ['on a Saturday (no opening hours)', '10:00', '2026-03-07', 'SCHEDULE.OUTSIDE_HOURS'],
  ])(
    'refuses %s with 422 SCHEDULE.CONFLICT naming the reason',
    async (_name, local, day, reason) => {
      await givenClosure(t, clinic.locationId, '2026-03-05', 'Staff training');
      const before = await countRows(t, 'appointments');
      const response = await post(nurse, '/api/appointments', {
        ...infusion(2, local),
        startsAt: at(local, day),
      });
      expect(response.statusCode).toBe(422);
      const problem = response.json<Problem>();
      expect(problem.code).toBe('SCHEDULE.CONFLICT');
      expect(problem.errors?.map((e) => e.code)).toContain(reason);
      expect(problem.errors?.[0]?.path).toMatch(/^body\./);
      expect(await countRows(t, 'appointments')).toBe(before);
    },
  );

  test("refuses a session too close to the patient's last one (spacing) with 422", async () => {
    const first = await post(nurse, '/api/appointments', infusion(3, '13:00'));
    expect(first.statusCode).toBe(201);
    const next = await post(nurse, '/api/appointments', {
      ...infusion(3, '13:00'),
      startsAt: at('13:00', '2026-03-04'),
    });
    expect(next.statusCode).toBe(422);
    expect(next.json<Problem>().errors?.map((e) => e.code)).toContain('SCHEDULE.SPACING_TOO_SHORT');
  });

  test('bad booking input names every field', async () => {
    const response = await post(nurse, '/api/appointments', {
      type: 'infusion',
      startsAt: 'tomorrow',
      durationMinutes: -5,
      color: 'red',
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json<Problem>().errors?.map((e) => e.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['body.startsAt', 'body.durationMinutes']));
    const noPatient = await post(nurse, '/api/appointments', {
      type: 'infusion',
      startsAt: at('15:00'),
      locationId: clinic.locationId,
    });
    expect(noPatient.statusCode).toBe(400);
    expect(noPatient.json<Problem>().errors?.[0]?.path).toBe('body.patientId');
    const noProtocol = await post(nurse, '/api/appointments', {
      ...infusion(4, '15:00'),
      durationMinutes: undefined,
    });
    expect(noProtocol.statusCode).toBe(400);
    expect(noProtocol.json<Problem>().errors?.[0]?.path).toBe('body.protocolId');
  });

  test('a hold blocks the slot until it expires; then it blocks nothing and cannot be confirmed', async () => {
    const hold = await post(nurse, '/api/appointments/holds', infusion(4, '11:00'));
    expect(hold.statusCode).toBe(201);
    const held = hold.json<Appointment>();
    expect(held.status).toBe('held');
    const expiresMs =
      t.clock.now().getTime() + t.knowledge.kb.scheduling.holdExpiryMinutes * 60_000;
    expect(held.holdExpiresAt).toBe(new Date(expiresMs).toISOString());

    const blocked = await post(nurse, '/api/appointments', infusion(5, '11:00'));
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json<Problem>().code).toBe('SCHEDULE.SLOT_TAKEN');

    t.clock.advanceMinutes(t.knowledge.kb.scheduling.holdExpiryMinutes + 1);
    const taken = await post(nurse, '/api/appointments', infusion(5, '11:00'));
    expect(taken.statusCode).toBe(201);
    const confirm = await post(nurse, `/api/appointments/${held.id}/confirm`, {});
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json<Problem>().code).toBe('SCHEDULE.HOLD_EXPIRED');
    const [row] = await t.database.query(
      'select status, cancel_reason, hold_expires_at from appointments where id = $1',
      [held.id],
    );
    expect(row).toEqual({
      status: 'cancelled',
      cancel_reason: 'Hold expired',
      hold_expires_at: null,
    });
  });

  test('a live hold is confirmed into a booking', async () => {
    const hold = await post(
      nurse,
      '/api/appointments/holds',
      infusion(5, '15:00', { startsAt: at('15:00', '2026-03-06') }),
    );
    expect(hold.statusCode).toBe(201);
    const id = hold.json<Appointment>().id;
    const confirm = await post(nurse, `/api/appointments/${id}/confirm`, {});
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json<Appointment>()).toMatchObject({
      id,
      status: 'booked',
      holdExpiresAt: null,
    });
  });

  test('the sweep releases expired holds for the job runner', async () => {
    const hold = await post(
      nurse,
      '/api/appointments/holds',
      infusion(1, '16:00', { startsAt: at('16:00', '2026-03-06') }),
    );
    expect(hold.statusCode).toBe(201);
    t.clock.advanceMinutes(t.knowledge.kb.scheduling.holdExpiryMinutes);
    const swept = await sweepScheduling(t.database.db, t.clock.now());
    expect(swept.holdsReleased).toBe(1);
    const [row] = await t.database.query(
      `select count(*)::int as n from appointment_resources where appointment_id = $1 and active`,
      [hold.json<Appointment>().id],
    );
    expect(row?.n).toBe(0);
  });

  test('an Idempotency-Key replays the first answer, and refuses another request', async () => {
    const body = infusion(2, '10:00', { startsAt: at('10:00', '2026-03-09') });
    const first = await post(prescriber, '/api/appointments', body, 'book-abc-1');
    expect(first.statusCode).toBe(201);
    const before = await countRows(t, 'appointments');
    const again = await post(prescriber, '/api/appointments', body, 'book-abc-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await countRows(t, 'appointments')).toBe(before);

    const other = await post(
      prescriber,
      '/api/appointments',
      { ...body, startsAt: at('12:00', '2026-03-09') },
      'book-abc-1',
    );
    expect(other.statusCode).toBe(422);
    expect(other.json<Problem>().code).toBe('REQUEST.IDEMPOTENCY_MISMATCH');

    // A refusal is an answer too: the retry gets the same 409, not a new attempt.
    const clash = infusion(3, '10:00', { startsAt: at('10:00', '2026-03-09') });
    const refused = await post(prescriber, '/api/appointments', clash, 'book-abc-2');
    expect(refused.statusCode).toBe(409);
    const replay = await post(prescriber, '/api/appointments', clash, 'book-abc-2');
    expect(replay.statusCode).toBe(409);
    expect(replay.json()).toEqual(refused.json());
    // Keys belong to their user: the same key from someone else is a new request.
    const adminTry = await post(admin, '/api/appointments', clash, 'book-abc-2');
    expect(adminTry.statusCode).toBe(409);
    expect(adminTry.headers['idempotent-replayed']).toBeUndefined();
  });

  test('a patient searches and holds a consult for themself only', async () => {
    const consults = await givenClinic(t, {
      chairs: 0,
      nurses: 0,
      prescribers: 1,
      patients: 0,
      videoUrlTemplate: 'https://video.example.org/room/{appointmentId}',
    });
    const from = encodeURIComponent(at('09:00', '2026-03-10'));
    const to = encodeURIComponent(at('10:00', '2026-03-10'));
    const slots = await as(t.app, patient)(
      'GET',
      `/api/appointments/slots?type=consult-telemedicine&prescriberId=${consults.prescriberIds[0]}&from=${from}&to=${to}`,
    );
    expect(slots.statusCode).toBe(200);
    const slot = slots
      .json<{ items: { startsAt: string; prescriberId: string }[] }>()
      .items.find((s) => s.prescriberId === consults.prescriberIds[0]);
    expect(slot).toBeDefined();
    const hold = await post(patient, '/api/appointments/holds', {
      type: 'consult-telemedicine',
      startsAt: slot!.startsAt,
      prescriberId: slot!.prescriberId,
    });
    expect(hold.statusCode).toBe(201);
    const held = hold.json<Appointment>();
    expect(held.prescriber?.id).toBe(consults.prescriberIds[0]);
    expect(held.videoUrl).toBe(`https://video.example.org/room/${held.id}`);
    const confirmed = await post(patient, `/api/appointments/${held.id}/confirm`, {});
    expect(confirmed.statusCode).toBe(200);

    const infusionSearch = await as(t.app, patient)(
      'GET',
      `/api/appointments/slots?type=infusion&from=${from}&to=${to}`,
    );
    expect(infusionSearch.statusCode).toBe(403);
    const forOther = await post(patient, '/api/appointments', {
      patientId: clinic.patientIds[0],
      type: 'consult-telemedicine',
      startsAt: slot!.startsAt,
    });
    expect(forOther.statusCode).toBe(404);
  });
});
