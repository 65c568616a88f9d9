/**
 * The esketamine REMS form deadline is a clinic setting (no source gives one): the session API
 * carries the date, the number of days and that basis, from the clinic's knowledge base.
 */
import { applyClinicSettings, knowledgeBase } from '@ketaflow/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { as, createTestApp, DEMO, DRIVERS, login, type Session, type TestApp } from './harness';
import { bookedAppointment } from './session-fixtures';

interface Rems {
  dueBy: string | null;
  dueDaysAfterSession: number;
  dueBasis: string;
}
interface SessionBody {
  id: string;
  esketamine: { rems: Rems } | null;
}

/** This clinic wants the form within 3 days of the session instead of the default 7. */
const applied = applyClinicSettings(knowledgeBase, {
  monitoring: { esketamineRemsFormDueDays: 3 },
});
if (!applied.ok) throw new Error(JSON.stringify(applied.error));
const kb = applied.value;

describe.each(DRIVERS)('REMS form deadline on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  let locationId: string;

  beforeAll(async () => {
    t = await createTestApp(driver, {
      knowledge: { kb, clinicName: 'Test clinic', version: kb.knowledgeVersion },
    });
    nurse = await login(t.app, DEMO.nurse);
    const [loc] = await t.database.query(`select id from locations where code = 'downtown'`);
    locationId = String(loc?.id);
  });
  afterAll(async () => {
    await t.close();
  });

  test("the session and its record carry the clinic's deadline: date, days and basis", async () => {
    const { appointmentId } = await bookedAppointment(t, {
      locationId,
      createdBy: nurse.user.id,
      startsAt: new Date(t.clock.now().getTime() + 15 * 60_000).toISOString(),
      familyName: 'Rems',
      type: 'esketamine-session',
    });
    const n = as(t.app, nurse);
    const created = await n('POST', `/api/appointments/${appointmentId}/session`);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<SessionBody>().id;
    // The fixed clock's date is 2026-03-02: 3 days later, not the default 7 (2026-03-09).
    const want = { dueBy: '2026-03-05', dueDaysAfterSession: 3, dueBasis: 'clinic-setting' };
    expect(created.json<SessionBody>().esketamine?.rems).toMatchObject(want);
    const read = await n('GET', `/api/sessions/${id}`);
    expect(read.json<SessionBody>().esketamine?.rems).toMatchObject(want);
    const record = await n('GET', `/api/sessions/${id}/record`);
    expect(record.statusCode, record.body).toBe(200);
    expect(record.json<{ session: SessionBody }>().session.esketamine?.rems).toMatchObject(want);
  });
});
