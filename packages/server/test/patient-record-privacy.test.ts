import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  as,
  countRows,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  registerAndVerify,
  type Session,
  type TestApp,
} from './harness';

// What one patient can learn about another through the patient-facing record, and which
// demographics the record refuses.
describe.each(DRIVERS)('patient record privacy and demographics on %s', (driver) => {
  let t: TestApp;
  let demoPatient: Session;
  let nurse: Session;
  let otherId: string;

  beforeAll(async () => {
    t = await createTestApp(driver);
    demoPatient = await login(t.app, DEMO.patient);
    nurse = await login(t.app, DEMO.nurse);
    const list = await as(t.app, nurse)('GET', '/api/patients?pageSize=100');
    otherId = list
      .json<{ items: { id: string }[] }>()
      .items.find((p) => p.id !== demoPatient.user.patientId)!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const bodies = {
    patient: { givenName: 'Casey', familyName: 'Doe', birthDate: '1980-01-01', sex: 'female' },
  };

  test("a patient's access log shows a refused look by another patient without that patient's name", async () => {
    const lou: Session = await registerAndVerify(t, {
      email: 'looked-at@example.org',
      password: 'a-long-password-1',
      givenName: 'Lou',
      familyName: 'Lookedat',
      birthDate: '1991-01-01',
    });
    const snooper = demoPatient;
    const refused = await as(t.app, snooper)('GET', `/api/patients/${lou.user.patientId ?? ''}`);
    expect(refused.statusCode).toBe(404);

    type Log = { items: { actorName: string; actorRole: string; outcome: string }[] };
    const own = await as(t.app, lou)('GET', `/api/patients/${lou.user.patientId ?? ''}/access-log`);
    const denied = own.json<Log>().items.filter((i) => i.outcome === 'denied');
    expect(denied).toEqual([
      expect.objectContaining({ actorName: 'Another patient account', actorRole: 'patient' }),
    ]);
    expect(own.body).not.toContain('Lindqvist');
    expect(own.json<Log>().items.some((i) => i.actorName === 'Lou Lookedat')).toBe(true);
    // Staff, who may read every record and the audit log, still see who it was.
    const staff = await as(t.app, nurse)(
      'GET',
      `/api/patients/${lou.user.patientId ?? ''}/access-log`,
    );
    expect(staff.body).toContain('Lindqvist');
  });

  test('a date of birth after today is refused, naming the field, and nothing is stored', async () => {
    // The test clock stands at T0 (2026-03-02).
    const before = await countRows(t, 'patients');
    const asNurse = as(t.app, nurse);
    const created = await asNurse('POST', '/api/patients', {
      ...bodies.patient,
      birthDate: '2026-03-03',
    });
    expect(created.statusCode).toBe(400);
    expect(created.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'body.birthDate',
    ]);
    const patched = await asNurse('PATCH', `/api/patients/${otherId}`, { birthDate: '2099-01-01' });
    expect(patched.statusCode).toBe(400);
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        email: 'unborn@example.org',
        password: 'a-long-password-1',
        givenName: 'Ned',
        familyName: 'Future',
        birthDate: '2099-01-01',
      },
    });
    expect(registered.statusCode).toBe(400);
    expect(registered.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe(
      'body.birthDate',
    );
    expect(await countRows(t, 'patients')).toBe(before);
    const today = await asNurse('POST', '/api/patients', {
      ...bodies.patient,
      birthDate: '2026-03-02',
    });
    expect(today.statusCode).toBe(201);
  });
});
