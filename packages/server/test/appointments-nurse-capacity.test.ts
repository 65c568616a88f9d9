import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenClinic, type BookingClinic } from './appointment-fixtures';
import { as, createTestApp, DEMO, DRIVERS, login, type Session, type TestApp } from './harness';

interface Slot {
  startsAt: string;
  endsAt: string;
  chairId: string;
  nurseId: string;
  prescriberId: string;
}
interface Appointment {
  id: string;
  nurse: { id: string; lane: number } | null;
}

/** Tuesday 3 March 2026 in New York (UTC−5): `at('09:00')` is 14:00Z. */
const at = (local: string) => `2026-03-03T${local}:00-05:00`;

/**
 * A nurse's own capacity (staff profile) decides both what the slot search offers and how many
 * lanes the booking may claim: every offered slot can be booked, and no bookable one is hidden.
 */
describe.each(DRIVERS)('per-nurse capacity in the slot search on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
  });
  afterAll(async () => {
    await t.close();
  });

  const book = (clinic: BookingClinic, patient: number, startsAt: string, slot?: Slot) =>
    as(t.app, nurse)('POST', '/api/appointments', {
      patientId: clinic.patientIds[patient],
      type: 'infusion',
      startsAt,
      locationId: clinic.locationId,
      durationMinutes: 60,
      ...(slot === undefined ? {} : { chairId: slot.chairId, nurseId: slot.nurseId }),
    });
  const slots = async (clinic: BookingClinic, from: string, to: string): Promise<Slot[]> => {
    const response = await as(t.app, nurse)(
      'GET',
      `/api/appointments/slots?type=infusion&durationMinutes=60&locationId=${clinic.locationId}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    );
    expect(response.statusCode).toBe(200);
    return response.json<{ items: Slot[] }>().items;
  };

  test('a nurse with capacity 1 is not offered while she watches a chair; every offered slot books', async () => {
    // Clinic default 2; this nurse's profile says 1. Three chairs, so chairs never run out.
    const clinic = await givenClinic(t, { chairs: 3, nurses: 1, nurseCapacity: 1, patients: 14 });
    const first = await book(clinic, 0, at('10:00'));
    expect(first.statusCode).toBe(201);
    expect(first.json<Appointment>().nurse).toMatchObject({ id: clinic.nurseIds[0], lane: 0 });

    const offered = await slots(clinic, at('09:00'), at('12:00'));
    // Each offered slot on its own (booked, then cancelled again) must be bookable: 201, no 409.
    const outcomes: string[] = [];
    for (const [i, slot] of offered.entries()) {
      const response = await book(clinic, i + 1, slot.startsAt, slot);
      outcomes.push(
        `${slot.startsAt} ${String(response.statusCode)} ${response.statusCode === 201 ? '' : response.json<{ code: string }>().code}`,
      );
      if (response.statusCode !== 201) continue;
      const cancel = await as(t.app, nurse)(
        'POST',
        `/api/appointments/${response.json<Appointment>().id}/cancel`,
        { reason: 'Test: slot checked' },
      );
      expect(cancel.statusCode).toBe(200);
    }
    expect(outcomes).toEqual(offered.map((s) => `${s.startsAt} 201 `));
    // 09:00 ends as hers begins; then from 11:00 when it ends, every 15 minutes.
    expect(offered.map((s) => s.startsAt)).toEqual([
      '2026-03-03T14:00:00.000Z',
      '2026-03-03T16:00:00.000Z',
      '2026-03-03T16:15:00.000Z',
      '2026-03-03T16:30:00.000Z',
      '2026-03-03T16:45:00.000Z',
    ]);
  });

  test('a nurse with capacity 3 is offered for a third chair, and that slot books on lane 2', async () => {
    const clinic = await givenClinic(t, { chairs: 3, nurses: 1, nurseCapacity: 3, patients: 4 });
    for (const patient of [0, 1])
      expect((await book(clinic, patient, at('10:00'))).statusCode).toBe(201);

    const offered = await slots(clinic, at('10:00'), at('10:15'));
    expect(offered).toHaveLength(1);
    const [slot] = offered;
    expect(slot).toMatchObject({
      startsAt: '2026-03-03T15:00:00.000Z',
      nurseId: clinic.nurseIds[0],
    });
    expect(clinic.chairIds).toContain(slot?.chairId);
    const third = await book(clinic, 2, at('10:00'), slot);
    expect(third.statusCode).toBe(201);
    expect(third.json<Appointment>().nurse).toMatchObject({ id: clinic.nurseIds[0], lane: 2 });
  });
});
