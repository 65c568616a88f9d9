import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { as, createTestApp, DEMO, DRIVERS, login, type Session, type TestApp } from './harness';

// Headers every answer carries, and reads of several patients' data at once (search, the chair
// board, the outbox), which must name each patient in the audit trail so each of them sees the read
// in their own access log.
describe.each(DRIVERS)('security headers and per-patient audit of list reads on %s', (driver) => {
  let t: TestApp;
  let admin: Session;
  let nurse: Session;
  let patient: Session;

  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await login(t.app, DEMO.admin);
    nurse = await login(t.app, DEMO.nurse);
    patient = await login(t.app, DEMO.patient);
  });
  afterAll(async () => {
    await t.close();
  });

  /** The patients named by the audit rows of one action written after row `afterId`. */
  async function auditedPatients(action: string, afterId: number): Promise<string[]> {
    const rows = await t.database.query(
      'select patient_id from audit_log where action = $1 and id > $2 and patient_id is not null',
      [action, afterId],
    );
    return rows.map((r) => String(r.patient_id));
  }
  async function lastAuditId(): Promise<number> {
    const rows = await t.database.query('select coalesce(max(id), 0)::int as id from audit_log');
    return Number(rows[0]?.id);
  }

  test.each([
    ['a page', '/learn', /^text\/html/],
    ['the API', '/api/meta', /json/],
    ['an API refusal', '/api/patients', /json/],
    ['an unknown path', '/api/no-such-thing', /json/],
    ['FHIR', '/fhir/metadata', /json/],
  ])(
    '%s is sent with nosniff, no referrer, and may not be framed',
    async (_name, url, type: RegExp) => {
      const response = await t.app.inject({ url });
      expect(response.headers['content-type']).toMatch(type);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      if (url === '/learn') {
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toContain('unsafe-eval');
        expect(csp).toMatch(/script-src 'self'(;|$)/);
      } else {
        expect(csp).toContain("default-src 'none'");
      }
    },
  );

  test('a patient search names every patient it returned in the audit trail', async () => {
    const before = await lastAuditId();
    const response = await as(t.app, nurse)('GET', '/api/patients?pageSize=100');
    expect(response.statusCode).toBe(200);
    const ids = response.json<{ items: { id: string }[] }>().items.map((p) => p.id);
    expect(ids.length).toBeGreaterThan(1);
    expect((await auditedPatients('patient.search', before)).sort()).toEqual([...ids].sort());
  });

  test("the chair board names every session's patient in the audit trail", async () => {
    const appointments = await as(t.app, nurse)(
      'GET',
      '/api/appointments?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z',
    );
    const booked = appointments
      .json<{ items: { id: string; patientId: string; status: string }[] }>()
      .items.filter((a) => a.status === 'booked')
      .slice(0, 2);
    expect(booked).toHaveLength(2);
    for (const a of booked) {
      const started = await as(t.app, nurse)('POST', `/api/appointments/${a.id}/session`, {});
      expect(started.statusCode).toBe(201);
    }
    const before = await lastAuditId();
    const board = await as(t.app, nurse)('GET', '/api/sessions?date=2026-03-02');
    expect(board.statusCode).toBe(200);
    const audited = await auditedPatients('patient.session.list', before);
    expect(audited.sort()).toEqual(booked.map((a) => a.patientId).sort());
    // And the patient sees it in "who opened my record".
    const mine = booked.find((a) => a.patientId === patient.user.patientId);
    if (mine) {
      const log = await as(t.app, patient)('GET', `/api/patients/${mine.patientId}/access-log`);
      expect(log.json<{ items: { action: string }[] }>().items.map((i) => i.action)).toContain(
        'patient.session.list',
      );
    }
  });

  test('reading the outbox names the patients whose messages it showed', async () => {
    // A reset link to the demo patient, and a safety alert to the care team naming another
    // patient only by record number.
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: DEMO.patient },
    });
    expect(reset.statusCode).toBe(202);
    const list = await as(t.app, nurse)('GET', '/api/patients?pageSize=100');
    const other = list
      .json<{ items: { id: string }[] }>()
      .items.find((p) => p.id !== patient.user.patientId)!.id;
    const answers = Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [`phq9-${String(i + 1)}`, i === 8 ? 1 : 0]),
    );
    const paper = await as(t.app, nurse)('POST', `/api/patients/${other}/scales`, {
      instrument: 'phq-9',
      answers,
    });
    expect(paper.statusCode).toBe(201);

    const before = await lastAuditId();
    const outbox = await as(t.app, admin)('GET', '/api/outbox?pageSize=100');
    expect(outbox.statusCode).toBe(200);
    const audited = await auditedPatients('outbox.read', before);
    expect(audited).toContain(patient.user.patientId);
    expect(audited).toContain(other);
  });
});
