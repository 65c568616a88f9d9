import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenPatientAccount } from './appointment-fixtures';
import {
  as,
  countRows,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  T0,
  type Session,
  type TestApp,
} from './harness';

interface Problem {
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: { path: string; message: string; code?: string }[];
}

const PROBLEM_JSON = /^application\/problem\+json/;
const MISSING = '00000000-0000-4000-8000-000000000000';

/** "Bad input gets a clear error that names the field, never a crash, never a half-written record." */
describe.each(DRIVERS)('bad input on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  let admin: Session;
  let patientId: string;
  let locationId: string;

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    admin = await login(t.app, DEMO.admin);
    const created = await as(t.app, nurse)('POST', '/api/patients', {
      givenName: 'Ada',
      familyName: 'Input',
      birthDate: '1980-01-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    patientId = created.json<{ id: string }>().id;
    const location = await as(t.app, admin)('POST', '/api/clinic/locations', {
      code: 'bad-input',
      name: 'Bad Input',
      timeZone: 'America/Chicago',
    });
    expect(location.statusCode, location.body).toBe(201);
    locationId = location.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await t.close();
  });

  const expectFieldError = (
    response: { statusCode: number; body: string; headers: Record<string, unknown> },
    path: string,
  ) => {
    expect(response.statusCode, response.body).toBe(400);
    expect(String(response.headers['content-type'])).toMatch(PROBLEM_JSON);
    const problem = JSON.parse(response.body) as Problem;
    expect(problem.code).toBe('VALIDATION.FAILED');
    expect(problem.errors?.map((e) => e.path)).toContain(path);
  };

  // [who, method, url, body, the field named, the table a write would land in]
  const nulCases = (): [
    'nurse' | 'admin' | null,
    'POST' | 'PATCH',
    string,
    Record<string, unknown>,
    string,
    string,
  ][] => [
    [
      'nurse',
      'POST',
      '/api/patients',
      { givenName: 'a\u0000b', familyName: 'Doe', birthDate: '1980-01-01' },
      'body.givenName',
      'patients',
    ],
    [
      'nurse',
      'PATCH',
      `/api/patients/${patientId}`,
      { city: 'Spring\u0000field' },
      'body.city',
      'audit_log',
    ],
    [
      null,
      'POST',
      '/api/auth/register',
      {
        email: 'nul@example.org',
        password: 'a-long-password-1',
        givenName: 'Robin',
        familyName: 'Q\u0000',
        birthDate: '1990-05-05',
      },
      'body.familyName',
      'users',
    ],
    [
      'nurse',
      'POST',
      `/api/patients/${patientId}/allergies`,
      { substance: 'Keta\u0000mine' },
      'body.substance',
      'allergies',
    ],
    [
      'nurse',
      'POST',
      `/api/patients/${patientId}/conditions`,
      { text: '\u0000', clinicalStatus: 'active', verificationStatus: 'confirmed' },
      'body.text',
      'conditions',
    ],
    [
      'nurse',
      'POST',
      `/api/patients/${patientId}/medications`,
      { text: 'Xanax\u0000', status: 'active' },
      'body.text',
      'medications',
    ],
    [
      'admin',
      'POST',
      '/api/clinic/locations',
      { code: 'nul-1', name: 'N\u0000', timeZone: 'Europe/Oslo' },
      'body.name',
      'locations',
    ],
    [
      'admin',
      'POST',
      `/api/clinic/locations/${locationId}/chairs`,
      { name: 'Chair\u0000' },
      'body.name',
      'chairs',
    ],
    ['admin', 'POST', '/api/devices', { name: 'Monitor\u0000' }, 'body.name', 'monitor_devices'],
  ];

  test('a NUL character in any JSON string is a 400 naming the field, and nothing is written', async () => {
    for (const [who, method, url, body, path, table] of nulCases()) {
      const session = who === 'nurse' ? nurse : who === 'admin' ? admin : null;
      const before = await countRows(t, table);
      const response = await as(t.app, session)(method, url, body);
      expectFieldError(response, path);
      expect(await countRows(t, table), `${method} ${url}`).toBe(before);
    }
  });

  test('a NUL character in a nested value or in a key is named by its path', async () => {
    const nested = await as(t.app, nurse)('POST', `/api/patients/${patientId}/weights`, {
      weight: { value: 70, unit: 'kg\u0000' },
      measuredOn: '2026-03-01',
    });
    expectFieldError(nested, 'body.weight.unit');
    const key = await as(t.app, nurse)('POST', '/api/patients', {
      givenName: 'A',
      familyName: 'B',
      birthDate: '1980-01-01',
      'ba\u0000d': 1,
    });
    expectFieldError(key, 'body.ba\\u0000d');
  });

  test('a NUL character in the query string is a 400 naming the parameter', async () => {
    const response = await as(t.app, nurse)('GET', '/api/patients?query=a%00b');
    expectFieldError(response, 'query.query');
  });

  test('prototype poisoning is still refused by the JSON parser', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: {
        cookie: nurse.cookie,
        'x-csrf-token': nurse.csrfToken,
        'content-type': 'application/json',
      },
      payload: '{"givenName":"A","familyName":"B","birthDate":"1980-01-01","__proto__":{"x":1}}',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<Problem>().code).toBe('REQUEST.MALFORMED');
  });

  test('a year PostgreSQL cannot store (0000) is a 400 naming the date field', async () => {
    const patients = await countRows(t, 'patients');
    const created = await as(t.app, nurse)('POST', '/api/patients', {
      givenName: 'A',
      familyName: 'B',
      birthDate: '0000-01-01',
    });
    expectFieldError(created, 'body.birthDate');
    expect(await countRows(t, 'patients')).toBe(patients);

    const weights = await countRows(t, 'patient_weights');
    const weight = await as(t.app, nurse)('POST', `/api/patients/${patientId}/weights`, {
      weight: { value: 70, unit: 'kg' },
      measuredOn: '0000-01-01',
    });
    expectFieldError(weight, 'body.measuredOn');
    expect(await countRows(t, 'patient_weights')).toBe(weights);

    const conditions = await countRows(t, 'conditions');
    const condition = await as(t.app, nurse)('POST', `/api/patients/${patientId}/conditions`, {
      text: 'Migraine',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      onsetDate: '1899-12-31',
    });
    expectFieldError(condition, 'body.onsetDate');
    expect(await countRows(t, 'conditions')).toBe(conditions);

    // Instants too: a staff absence and an appointment search.
    const [nurseUser] = await t.database.query(
      "select id from users where email = 'nurse@demo.ketaflow.test'",
    );
    const absences = await countRows(t, 'staff_absences');
    const absence = await as(t.app, admin)(
      'POST',
      `/api/clinic/staff/${String(nurseUser?.id)}/absences`,
      { startsAt: '0000-01-01T00:00:00Z', endsAt: '2026-03-03T00:00:00Z', reason: 'Leave' },
    );
    expectFieldError(absence, 'body.startsAt');
    expect(await countRows(t, 'staff_absences')).toBe(absences);
    const search = await as(t.app, nurse)(
      'GET',
      '/api/appointments?from=0000-01-01T00:00:00Z&to=2026-03-03T00:00:00Z',
    );
    expectFieldError(search, 'query.from');
  });

  test('a weight or height the record would round to 0 is a 400 naming the value', async () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      [
        'weights',
        { weight: { value: 1e-300, unit: 'kg' }, measuredOn: '2026-03-01' },
        'body.weight.value',
        'patient_weights',
      ],
      [
        'weights',
        { weight: { value: 0.0004, unit: 'kg' }, measuredOn: '2026-03-01' },
        'body.weight.value',
        'patient_weights',
      ],
      [
        'weights',
        { weight: { value: 0.001, unit: 'lb' }, measuredOn: '2026-03-01' },
        'body.weight.value',
        'patient_weights',
      ],
      [
        'heights',
        { height: { value: 1e-300, unit: 'cm' }, measuredOn: '2026-03-01' },
        'body.height.value',
        'patient_heights',
      ],
      [
        'heights',
        { height: { value: 0.001, unit: 'in' }, measuredOn: '2026-03-01' },
        'body.height.value',
        'patient_heights',
      ],
    ];
    for (const [suffix, body, path, table] of cases) {
      const before = await countRows(t, table);
      const response = await as(t.app, nurse)('POST', `/api/patients/${patientId}/${suffix}`, body);
      expectFieldError(response, path);
      expect(await countRows(t, table)).toBe(before);
    }
    // The smallest values the columns keep are still accepted.
    const smallest = await as(t.app, nurse)('POST', `/api/patients/${patientId}/weights`, {
      weight: { value: 0.001, unit: 'kg' },
      measuredOn: '2026-03-01',
    });
    expect(smallest.statusCode, smallest.body).toBe(201);
  });

  test('a safety-alert follow-up by a reviewer that is not a user id is a 400 naming body.reviewedBy', async () => {
    const patient = await givenPatientAccount(t);
    const submitted = await as(t.app, patient)('POST', '/api/me/scales', {
      instrument: 'phq-9',
      answers: Object.fromEntries(
        [0, 0, 0, 0, 0, 0, 0, 0, 3].map((s, i) => [`phq9-${String(i + 1)}`, s]),
      ),
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const alertId = submitted.json<{ response: { safetyAlertIds: string[] } }>().response
      .safetyAlertIds[0]!;
    const response = await as(t.app, nurse)('POST', `/api/safety-alerts/${alertId}/follow-up`, {
      reviewedBy: 'nurse',
      reviewedAt: T0.toISOString(),
      contact: 'phone',
      riskAssessment: 'Passive thoughts, no plan or intent; safety plan in place.',
      actions: ['risk-assessed', 'safety-plan-reviewed', 'crisis-resources-given'],
      patientGivenCrisisResources: true,
    });
    expectFieldError(response, 'body.reviewedBy');
    expect(response.json<Problem>().errors?.map((e) => e.path)).toEqual(['body.reviewedBy']);
    const [alert] = await t.database.query(
      'select status, follow_up from safety_alerts where id = $1',
      [alertId],
    );
    expect(alert).toMatchObject({ status: 'open', follow_up: null });
  });

  test('a JSON body nested too deep is a 400 REQUEST.MALFORMED, not a crash', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    for (const action of ['confirm', 'no-show']) {
      const keys = await countRows(t, 'idempotency_keys');
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/appointments/${MISSING}/${action}`,
        headers: {
          cookie: nurse.cookie,
          'x-csrf-token': nurse.csrfToken,
          'content-type': 'application/json',
          'idempotency-key': `deep-${action}`,
        },
        payload: deep,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.json<Problem>().code).toBe('REQUEST.MALFORMED');
      expect(await countRows(t, 'idempotency_keys')).toBe(keys);
    }
  });

  test('a path parameter longer than 100 characters gets the route’s own problem+json', async () => {
    const long = 'x'.repeat(500);
    const read = await as(t.app, nurse)('GET', `/api/patients/${long}`);
    expectFieldError(read, 'params.id');
    const patients = await countRows(t, 'patient_weights');
    const write = await as(t.app, nurse)('POST', `/api/patients/${long}/weights`, {
      weight: { value: 70, unit: 'kg' },
      measuredOn: '2026-03-01',
    });
    expectFieldError(write, 'params.id');
    expect(await countRows(t, 'patient_weights')).toBe(patients);
    // A path that is not even a valid URL is problem+json too.
    const badUrl = await as(t.app, nurse)('GET', '/api/patients/%zz');
    expectFieldError(badUrl, 'params');
  });

  test('FHIR keeps its own parser and error format, and refuses NUL characters in it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/fhir',
      headers: { 'content-type': 'application/fhir+json' },
      payload: '{not json',
    });
    expect(response.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(response.json<{ resourceType: string }>().resourceType).toBe('OperationOutcome');
    // A NUL character is refused there too, as an OperationOutcome naming where it is.
    const nulBody = await t.app.inject({
      method: 'POST',
      url: '/fhir',
      headers: {
        'content-type': 'application/fhir+json',
        cookie: nurse.cookie,
        'x-csrf-token': nurse.csrfToken,
      },
      payload: {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          {
            resource: {
              resourceType: 'Patient',
              name: [{ given: ['a\u0000'], family: 'b' }],
              birthDate: '1980-01-01',
            },
            request: { method: 'POST', url: 'Patient' },
          },
        ],
      },
    });
    expect(nulBody.statusCode, nulBody.body).toBe(400);
    const outcome = nulBody.json<{ resourceType: string; issue: { diagnostics: string }[] }>();
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0]?.diagnostics).toContain('body.entry.0.resource.name.0.given.0');
    const nulQuery = await t.app.inject({
      method: 'GET',
      url: '/fhir/Patient?name=a%00b',
      headers: { cookie: nurse.cookie },
    });
    expect(nulQuery.statusCode, nulQuery.body).toBe(400);
    expect(nulQuery.json<{ resourceType: string }>().resourceType).toBe('OperationOutcome');
    const badUrl = await t.app.inject({ method: 'GET', url: '/fhir/Patient/%zz' });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json<{ resourceType: string }>().resourceType).toBe('OperationOutcome');
  });
});
