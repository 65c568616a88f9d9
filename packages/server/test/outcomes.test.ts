import {
  applyClinicSettings,
  clinicOutcomes,
  clinicOutcomesCsv,
  getInstrument,
  knowledgeBase,
  outcomeCriteria,
  progress,
  scoreResponse,
  type Progress,
} from '@ketaflow/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dueScales } from '../src/routes/outcomes/due';
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
  code: string;
  errors?: { path: string; message: string; code?: string }[];
  crisis?: { text: string; resources: { contact: string }[] } | null;
  safetyAlertIds?: string[];
}
interface ScaleResponse {
  id: string;
  instrument: string;
  answers: Record<string, number>;
  total: number;
  band: { id: string; label: string } | null;
  source: string;
  enteredBy: { id: string };
  courseId: string | null;
  completedAt: string;
  knowledgeVersion: string;
  safetyAlertIds: string[];
}
interface Submitted {
  response: ScaleResponse;
  crisis: { text: string; resources: { contact: string; how: string }[] } | null;
}
interface Alert {
  id: string;
  status: string;
  patient: { id: string; mrn: string };
  responseId: string | null;
  itemId: string;
  answer: { score: number };
  followUp: Record<string, unknown> | null;
  followedUpBy: { id: string } | null;
}

const DAY = 86_400_000;
const PHQ9_TOTAL_DISPLAY = getInstrument(knowledgeBase, 'phq-9').loinc?.totalDisplay;
const daysFromT0 = (days: number, hour = 14) =>
  new Date(T0.getTime() + days * DAY + (hour - 14) * 3_600_000);

/** PHQ-9 answers `phq9-1` … `phq9-9` from nine scores. */
function phq9(scores: readonly number[]): Record<string, number> {
  return Object.fromEntries(scores.map((s, i) => [`phq9-${String(i + 1)}`, s]));
}

describe.each(DRIVERS)('outcomes on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  let prescriber: Session;
  let admin: Session;
  const api = (s: Session | null) => as(t.app, s);

  async function one(text: string, params: unknown[]): Promise<string> {
    const rows = await t.database.query(text, params);
    const id = rows[0]?.id;
    if (typeof id !== 'string') throw new Error(`no id from ${text}`);
    return id;
  }

  /**
   * A signed screening and an active course for the patient, with sessions as given (at the
   * first location unless a session names its own, or `null` for none).
   */
  async function givenCourse(
    patientId: string,
    indication: string,
    sessions: readonly {
      at: Date;
      status: 'completed' | 'booked';
      locationId?: string | null;
    }[],
  ): Promise<string> {
    const screeningId = await one(
      `insert into screenings (patient_id, indication, product, as_of, knowledge_version, input, result, decision, created_by, signed_by, signed_at, acceptances)
       values ($1, $2, 'ketamine-iv', '2026-01-15', 'test', '{}', '{}', 'eligible', $3, $3, $4, '[]') returning id`,
      [patientId, indication, prescriber.user.id, daysFromT0(-40)],
    );
    const courseId = await one(
      `insert into courses (patient_id, screening_id, indication, product, location_id, dose, sessions_per_week, weeks, start_date, status, created_by, created_at)
       values ($1, $2, $3, 'ketamine-iv', (select id from locations order by code limit 1), '{"value":0.5,"unit":"mg/kg"}', 2, 3, '2026-02-01', 'active', $4, $5) returning id`,
      [patientId, screeningId, indication, prescriber.user.id, daysFromT0(-40)],
    );
    for (const s of sessions)
      await t.database.query(
        `insert into appointments (patient_id, type, status, location_id, course_id, starts_at, ends_at, created_by)
         values ($1, 'infusion', $2, case when $7::boolean then $8::uuid else (select id from locations order by code limit 1) end, $3, $4, $5, $6)`,
        [
          patientId,
          s.status,
          courseId,
          s.at,
          new Date(s.at.getTime() + 2 * 3_600_000),
          prescriber.user.id,
          s.locationId !== undefined,
          s.locationId ?? null,
        ],
      );
    return courseId;
  }

  async function paper(patientId: string, instrument: string, answers: object, at: Date) {
    const response = await api(nurse)('POST', `/api/patients/${patientId}/scales`, {
      instrument,
      answers,
      completedAt: at.toISOString(),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Submitted>();
  }

  async function auditActions(patientId: string): Promise<string[]> {
    const rows = await t.database.query(
      'select action, outcome from audit_log where patient_id = $1 order by id',
      [patientId],
    );
    return rows.map((r) => `${String(r.action)}:${String(r.outcome)}`);
  }

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    prescriber = await login(t.app, DEMO.prescriber);
    admin = await login(t.app, DEMO.admin);
  });
  afterAll(async () => {
    await t.close();
  });

  test('a patient fills in a PHQ-9: stored and scored as core scores it, audited', async () => {
    const patient = await givenPatientAccount(t);
    const answers = phq9([1, 2, 1, 2, 1, 1, 0, 1, 0]);
    const response = await api(patient)('POST', '/api/me/scales', {
      instrument: 'phq-9',
      answers,
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<Submitted>();
    const core = scoreResponse(
      getInstrument(t.knowledge.kb, 'phq-9'),
      answers,
      t.knowledge.kb.crisisResources.resources,
    );
    if (!core.ok) throw new Error('core refused a complete PHQ-9');
    expect(body.crisis).toBeNull();
    expect(body.response).toMatchObject({
      instrument: 'phq-9',
      answers,
      total: core.value.total,
      band: { id: core.value.band?.id, label: core.value.band?.label },
      source: 'portal',
      enteredBy: { id: patient.user.id },
      completedAt: T0.toISOString(),
      knowledgeVersion: t.knowledge.kb.knowledgeVersion,
      safetyAlertIds: [],
    });
    expect(body.response.total).toBe(9);
    const list = await api(patient)('GET', '/api/me/scales');
    expect(list.json<{ items: ScaleResponse[] }>().items.map((r) => r.id)).toEqual([
      body.response.id,
    ]);
    const patientId = patient.user.patientId!;
    expect(await auditActions(patientId)).toEqual([
      'patient.scale.create:success',
      'patient.scale.list:success',
    ]);
  });

  test('item 9 answered 1: alert raised, crisis resources at once, care team told by MRN only, audited', async () => {
    const patient = await givenPatientAccount(t);
    const patientId = patient.user.patientId!;
    await givenCourse(patientId, 'depression', []);
    const outboxBefore = await countRows(t, 'outbox');
    const response = await api(patient)('POST', '/api/me/scales', {
      instrument: 'phq-9',
      answers: phq9([2, 2, 1, 1, 1, 1, 1, 1, 1]),
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<Submitted>();
    expect(body.crisis?.resources.map((r) => r.contact)).toEqual(['988', '911']);
    expect(body.crisis?.text).toContain('988');
    expect(body.response.safetyAlertIds).toHaveLength(1);
    expect(body.response.courseId).not.toBeNull();

    const alerts = await api(nurse)('GET', '/api/safety-alerts?status=open');
    const alert = alerts.json<{ items: Alert[] }>().items.find((a) => a.patient.id === patientId);
    expect(alert).toMatchObject({
      id: body.response.safetyAlertIds[0],
      status: 'open',
      responseId: body.response.id,
      itemId: 'phq9-9',
      answer: { score: 1 },
      followUp: null,
    });

    const mrn = alert!.patient.mrn;
    const mail = await t.database.query(
      'select to_address, subject, body from outbox order by created_at desc, id limit 10',
    );
    expect((await countRows(t, 'outbox')) - outboxBefore).toBe(1);
    const message = mail.find((m) => String(m.body).includes(alert!.id))!;
    expect(message.to_address).toBe(DEMO.prescriber);
    expect(String(message.body)).toContain(`MRN: ${mrn}`);
    expect(String(message.body)).not.toContain('Portal');
    expect(String(message.body)).not.toMatch(/total|score \d/i);

    expect(await auditActions(patientId)).toEqual(
      expect.arrayContaining([
        'patient.scale.create:success',
        'patient.safety-alert.create:success',
        'patient.safety-alert.list:success',
      ]),
    );
  });

  test('partial answers with a bad one are refused (400) naming each item and nothing is stored', async () => {
    const patient = await givenPatientAccount(t);
    const before = await countRows(t, 'scale_responses');
    const answers: Record<string, unknown> = phq9([1, 1, 1, 1, 1, 1, 1, 1, 0]);
    delete answers['phq9-4'];
    answers['phq9-2'] = 7;
    const response = await api(patient)('POST', '/api/me/scales', {
      instrument: 'phq-9',
      answers,
    });
    // An answer that is not one of the item's scores makes it a bad request, not an incomplete one.
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('VALIDATION.FAILED');
    expect(problem.errors?.map((e) => e.path).sort()).toEqual([
      'body.answers.phq9-2',
      'body.answers.phq9-4',
    ]);
    expect(problem.crisis).toBeNull();
    expect(await countRows(t, 'scale_responses')).toBe(before);
    expect(await auditActions(patient.user.patientId!)).toEqual(['patient.scale.create:invalid']);
  });

  test('an incomplete PHQ-9 with item 9 above zero is not stored but still raises the alert', async () => {
    const patient = await givenPatientAccount(t);
    const before = await countRows(t, 'scale_responses');
    const response = await api(patient)('POST', '/api/me/scales', {
      instrument: 'phq-9',
      answers: { 'phq9-1': 1, 'phq9-9': 2 },
    });
    expect(response.statusCode, response.body).toBe(422);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('OUTCOME.RESPONSE_INCOMPLETE');
    expect(problem.errors).toHaveLength(7);
    expect(problem.crisis?.resources.map((r) => r.contact)).toEqual(['988', '911']);
    expect(problem.safetyAlertIds).toHaveLength(1);
    expect(await countRows(t, 'scale_responses')).toBe(before);
    const rows = await t.database.query(
      'select response_id, answer, status from safety_alerts where id = $1',
      [problem.safetyAlertIds![0]],
    );
    expect(rows[0]).toMatchObject({ response_id: null, answer: 2, status: 'open' });
  });

  test('an unknown instrument or custom form is refused with OUTCOME.UNKNOWN_INSTRUMENT', async () => {
    const patient = await givenPatientAccount(t);
    for (const instrument of ['beck', 'custom:nope']) {
      const response = await api(patient)('POST', '/api/me/scales', { instrument, answers: {} });
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json<Problem>()).toMatchObject({
        code: 'OUTCOME.UNKNOWN_INSTRUMENT',
        errors: [{ path: 'body.instrument' }],
      });
    }
  });
  test('a documented follow-up closes the alert; a bad one names the field and changes nothing', async () => {
    const patient = await givenPatientAccount(t);
    const patientId = patient.user.patientId!;
    const submitted = await api(patient)('POST', '/api/me/scales', {
      instrument: 'phq-9',
      answers: phq9([0, 0, 0, 0, 0, 0, 0, 0, 3]),
    });
    const alertId = submitted.json<Submitted>().response.safetyAlertIds[0]!;
    const url = `/api/safety-alerts/${alertId}/follow-up`;

    const notReached = await api(nurse)('POST', url, {
      reviewedAt: T0.toISOString(),
      contact: 'not-reached',
      riskAssessment: 'Called twice, no answer; voicemail left.',
      actions: ['crisis-resources-given'],
      patientGivenCrisisResources: false,
    });
    expect(notReached.statusCode, notReached.body).toBe(400);
    expect(notReached.json<Problem>()).toMatchObject({
      code: 'VALIDATION.FAILED',
      errors: [{ path: 'body.nextContactAt' }],
    });
    const reached = {
      reviewedAt: T0.toISOString(),
      contact: 'phone',
      riskAssessment: 'Passive thoughts, no plan or intent; safety plan in place.',
      actions: ['risk-assessed', 'safety-plan-reviewed', 'crisis-resources-given'],
      patientGivenCrisisResources: true,
    };
    const noResources = await api(nurse)('POST', url, {
      ...reached,
      patientGivenCrisisResources: false,
    });
    expect(noResources.json<Problem>().errors?.map((e) => e.path)).toEqual([
      'body.patientGivenCrisisResources',
    ]);
    const future = await api(nurse)('POST', url, {
      ...reached,
      reviewedAt: daysFromT0(1).toISOString(),
    });
    expect(future.json<Problem>().errors?.map((e) => e.path)).toEqual(['body.reviewedAt']);
    const open = await t.database.query('select status from safety_alerts where id = $1', [
      alertId,
    ]);
    expect(open[0]?.status).toBe('open');

    expect((await api(patient)('POST', url, reached)).statusCode).toBe(403);
    expect((await api(admin)('POST', url, reached)).statusCode).toBe(403);

    const done = await api(nurse)('POST', url, reached);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<Alert>()).toMatchObject({
      status: 'followed-up',
      followedUpBy: { id: nurse.user.id },
      followUp: { ...reached, reviewedBy: nurse.user.id },
    });
    const again = await api(prescriber)('POST', url, reached);
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('OUTCOME.ALERT_CLOSED');
    const openList = await api(prescriber)('GET', '/api/safety-alerts?status=open');
    expect(openList.json<{ items: Alert[] }>().items.map((a) => a.id)).not.toContain(alertId);
    expect(await auditActions(patientId)).toEqual(
      expect.arrayContaining([
        'patient.safety-alert.follow-up:invalid',
        'patient.safety-alert.follow-up:success',
      ]),
    );
  });

  test('a nurse enters a paper form on the patient’s behalf; a patient may not', async () => {
    const patient = await givenPatientAccount(t);
    const patientId = patient.user.patientId!;
    const answers = Object.fromEntries(
      [2, 1, 2, 1, 0, 1, 3].map((s, i) => [`gad7-${String(i + 1)}`, s]),
    );
    const entered = await paper(patientId, 'gad-7', answers, daysFromT0(-2));
    expect(entered.response).toMatchObject({
      instrument: 'gad-7',
      total: 10,
      band: { id: 'moderate' },
      source: 'paper',
      enteredBy: { id: nurse.user.id },
      completedAt: daysFromT0(-2).toISOString(),
    });
    const future = await api(nurse)('POST', `/api/patients/${patientId}/scales`, {
      instrument: 'gad-7',
      answers,
      completedAt: daysFromT0(1).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json<Problem>().errors?.[0]?.path).toBe('body.completedAt');
    // A year no paper form was filled in: refused by name like every other instant.
    const yearZero = await api(nurse)('POST', `/api/patients/${patientId}/scales`, {
      instrument: 'gad-7',
      answers,
      completedAt: '0000-01-01T00:00:00Z',
    });
    expect(yearZero.statusCode, yearZero.body).toBe(400);
    expect(yearZero.json<Problem>().errors?.[0]?.path).toBe('body.completedAt');
    const byPatient = await api(patient)('POST', `/api/patients/${patientId}/scales`, {
      instrument: 'gad-7',
      answers,
    });
    expect(byPatient.statusCode).toBe(403);
    const byAdmin = await api(admin)('POST', `/api/patients/${patientId}/scales`, {
      instrument: 'gad-7',
      answers,
    });
    expect(byAdmin.statusCode).toBe(403);
  });

  test('progress: scores over time with session markers, response and remission as core computes', async () => {
    const patient = await givenPatientAccount(t);
    const patientId = patient.user.patientId!;
    const sessionDays = [-27, -25, -20, -18, -13];
    const courseId = await givenCourse(patientId, 'depression', [
      ...sessionDays.map((d) => ({ at: daysFromT0(d, 15), status: 'completed' as const })),
      // Booked in the past (not charted yet): a session. Booked in the future: not yet.
      { at: daysFromT0(-11, 15), status: 'booked' },
      { at: daysFromT0(2, 15), status: 'booked' },
    ]);
    const scores: [number, number[]][] = [
      [-28, [3, 3, 2, 2, 2, 2, 2, 2, 0]], // 18: baseline
      [-21, [2, 2, 2, 2, 1, 1, 1, 1, 0]], // 12
      [-14, [1, 1, 1, 1, 1, 1, 1, 2, 0]], // 9: at least 50% below 18 -> response
      [-7, [1, 1, 0, 1, 0, 0, 0, 1, 0]], // 4: below 5 -> remission
    ];
    for (const [day, s] of scores) await paper(patientId, 'phq-9', phq9(s), daysFromT0(day, 13));

    const response = await api(prescriber)('GET', `/api/patients/${patientId}/progress`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      instrument: string;
      sessions: { at: string; status: string }[];
      responses: { courseId: string | null }[];
      progress: Progress;
    }>();
    expect(body.instrument).toBe('phq-9');
    expect(body.sessions.map((s) => s.at)).toEqual(
      [...sessionDays, -11].map((d) => daysFromT0(d, 15).toISOString()),
    );
    expect(body.responses.every((r) => r.courseId === courseId)).toBe(true);
    const expected = progress(
      {
        instrumentId: 'phq-9',
        points: scores.map(([day], i) => ({
          at: daysFromT0(day, 13).toISOString(),
          total: [18, 12, 9, 4][i] ?? -1,
        })),
      },
      body.sessions.map((s) => ({ at: s.at })),
      outcomeCriteria(t.knowledge.kb, 'phq-9'),
    );
    if (!expected.ok) throw new Error('core refused the series');
    expect(body.progress).toEqual(JSON.parse(JSON.stringify(expected.value)));
    expect(body.progress.baseline.total).toBe(18);
    expect(body.progress.firstResponse).toEqual({
      at: daysFromT0(-14, 13).toISOString(),
      daysFromBaseline: 14,
      sessionsBefore: 4,
    });
    expect(body.progress.firstRemission?.sessionsBefore).toBe(6);
    expect(body.progress.latest).toEqual({
      response: { status: 'met' },
      remission: { status: 'met' },
    });

    // The patient may see their own progress; another patient gets the same 404 as a stranger.
    expect((await api(patient)('GET', `/api/patients/${patientId}/progress`)).statusCode).toBe(200);
    const other = await givenPatientAccount(t);
    for (const url of [
      `/api/patients/${patientId}/progress`,
      `/api/patients/${patientId}/scales`,
    ]) {
      const denied = await api(other)('GET', url);
      expect(denied.statusCode, url).toBe(404);
      expect(denied.json<Problem>().code).toBe('RESOURCE.NOT_FOUND');
    }
    expect(await auditActions(patientId)).toContain('patient.progress.read:denied');
  });

  test('clinic outcomes by indication and the CSV export (ids only, RFC 4180)', async () => {
    const painPatients = [await givenPatientAccount(t), await givenPatientAccount(t)];
    // Pain NRS: response is a fall of at least 30% [IMMPACT]; 8 -> 5 is 37.5%, 6 -> 5 is 16.7%.
    const plans: [number, number][] = [
      [8, 5],
      [6, 5],
    ];
    for (const [i, p] of painPatients.entries()) {
      const patientId = p.user.patientId!;
      await givenCourse(patientId, 'chronic-pain', [
        { at: daysFromT0(-9, 15), status: 'completed' },
        { at: daysFromT0(-6, 15), status: 'completed' },
      ]);
      const [before, after] = plans[i]!;
      await paper(patientId, 'pain-nrs', { 'pain-nrs-1': before }, daysFromT0(-10));
      await paper(patientId, 'pain-nrs', { 'pain-nrs-1': after }, daysFromT0(-3));
    }
    expect((await api(nurse)('GET', '/api/outcomes/clinic')).statusCode).toBe(403);
    const report = await api(prescriber)('GET', '/api/outcomes/clinic');
    expect(report.statusCode, report.body).toBe(200);
    const json = report.json<ReturnType<typeof clinicOutcomes> & { courses: number }>();
    expect(json.byIndication.find((r) => r.indication === 'chronic-pain')).toEqual({
      indication: 'chronic-pain',
      instrumentIds: ['pain-nrs'],
      patients: 2,
      responseEligible: 2,
      responders: 1,
      responseRate: 0.5,
      remissionEligible: 0,
      remitters: 0,
      remissionRate: null,
      medianDaysToResponse: 7,
      medianInfusionsToResponse: 2,
    });

    const csv = await api(admin)('GET', '/api/outcomes/clinic.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="clinic-outcomes.csv"');
    expect(csv.body).toBe(clinicOutcomesCsv({ byIndication: json.byIndication }));
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe(
      'indication,instruments,patients,response_eligible,responders,response_rate,remission_eligible,remitters,remission_rate,median_days_to_response,median_infusions_to_response',
    );
    expect(lines).toContain('chronic-pain,pain-nrs,2,2,1,0.5,0,0,,7,2');
    expect(csv.body.endsWith('\r\n')).toBe(true);

    const perPatient = await api(prescriber)('GET', '/api/outcomes/clinic.csv?rows=patient');
    const rows = perPatient.body
      .split('\r\n')
      .filter((l) => l.startsWith(painPatients[0]!.user.patientId!));
    expect(rows).toEqual([
      `${painPatients[0]!.user.patientId!},chronic-pain,pain-nrs,${daysFromT0(-10).toISOString()},8,5,true,7,2,,`,
    ]);
    // Ids only: no names, e-mails or MRNs of any patient.
    expect(perPatient.body).not.toMatch(/Portal|@|KF\d/);
    expect(perPatient.headers['content-disposition']).toBe(
      'attachment; filename="patient-outcomes.csv"',
    );
  });

  test('a response as a FHIR R4 Observation (LOINC 44261-6) and QuestionnaireResponse, staff only', async () => {
    const patient = await givenPatientAccount(t);
    const patientId = patient.user.patientId!;
    const { response } = await paper(
      patientId,
      'phq-9',
      phq9([3, 3, 3, 2, 2, 2, 1, 1, 0]),
      daysFromT0(-1),
    );
    const url = `/api/patients/${patientId}/scales/${response.id}/fhir`;
    const observation = await api(prescriber)('GET', url);
    expect(observation.statusCode, observation.body).toBe(200);
    expect(observation.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(observation.json()).toEqual({
      resourceType: 'Observation',
      id: response.id,
      status: 'final',
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/observation-category',
              code: 'survey',
              display: 'Survey',
            },
          ],
        },
      ],
      code: {
        coding: [{ system: 'http://loinc.org', code: '44261-6', display: PHQ9_TOTAL_DISPLAY }],
        text: 'PHQ-9 total score',
      },
      subject: { reference: `Patient/${patientId}` },
      effectiveDateTime: daysFromT0(-1).toISOString(),
      valueInteger: 17,
      interpretation: [{ text: 'Moderately severe' }],
      derivedFrom: [{ reference: `QuestionnaireResponse/${response.id}` }],
    });
    const qr = await api(nurse)('GET', `${url}?as=questionnaire-response`);
    const qrBody = qr.json<{
      resourceType: string;
      item: { linkId: string; answer: unknown[] }[];
    }>();
    expect(qrBody.resourceType).toBe('QuestionnaireResponse');
    expect(qrBody.item).toHaveLength(9);
    expect(qrBody.item[0]).toMatchObject({
      linkId: 'phq9-1',
      answer: [{ valueCoding: { system: 'http://loinc.org', code: 'LA6571-9' } }],
    });
    expect((await api(patient)('GET', url)).statusCode).toBe(403);
    const unknown = await api(nurse)(
      'GET',
      `/api/patients/${patientId}/scales/00000000-0000-4000-8000-000000000000/fhir`,
    );
    expect(unknown.statusCode).toBe(404);
    expect(await auditActions(patientId)).toContain('patient.scale.fhir.read:success');
  });

  test('due scales: a baseline first, then before a session within 72 hours, then at the interval', async () => {
    const patient = await givenPatientAccount(t);
    const patientId = patient.user.patientId!;
    await givenCourse(patientId, 'anxiety', [{ at: daysFromT0(2, 15), status: 'booked' }]);
    const due = async () =>
      (await api(patient)('GET', '/api/me/scales/due')).json<{
        items: { instrument: string; reason: string; definition: { items: unknown[] } }[];
      }>().items;
    expect(await due()).toMatchObject([{ instrument: 'gad-7', reason: 'baseline' }]);
    expect((await due())[0]!.definition.items).toHaveLength(7);
    const answers = Object.fromEntries(
      [0, 1, 0, 1, 0, 1, 0].map((s, i) => [`gad7-${String(i + 1)}`, s]),
    );
    // Filled in five days ago: the session in two days opens a new window.
    await paper(patientId, 'gad-7', answers, daysFromT0(-5));
    expect(await due()).toMatchObject([{ instrument: 'gad-7', reason: 'before-session' }]);
    await api(patient)('POST', '/api/me/scales', { instrument: 'gad-7', answers });
    expect(await due()).toEqual([]);
    // Between sessions: due again once the last one is scaleIntervalDays (7) old.
    const other = await givenPatientAccount(t);
    const otherId = other.user.patientId!;
    await givenCourse(otherId, 'anxiety', [{ at: daysFromT0(-9, 15), status: 'completed' }]);
    await paper(otherId, 'gad-7', answers, daysFromT0(-6));
    const dueFor = async (s: Session) =>
      (await api(s)('GET', '/api/me/scales/due')).json<{ items: { reason: string }[] }>().items;
    expect(await dueFor(other)).toEqual([]);
    await paper(otherId, 'gad-7', answers, daysFromT0(-8));
    expect(await dueFor(other)).toEqual([]);
    await t.database.query(
      `update scale_responses set completed_at = completed_at - interval '1 day' where patient_id = $1`,
      [otherId],
    );
    expect(await dueFor(other)).toMatchObject([{ reason: 'interval' }]);
    expect((await api(nurse)('GET', '/api/me/scales/due')).statusCode).toBe(403);
  });

  test('due scales: the window before a session follows the clinic setting, not a fixed 72 hours', async () => {
    const applied = applyClinicSettings(knowledgeBase, { outcomes: { preSessionWindowHours: 24 } });
    if (!applied.ok) throw new Error(JSON.stringify(applied.error));
    const patient = await givenPatientAccount(t);
    const patientId = patient.user.patientId!;
    await givenCourse(patientId, 'anxiety', [{ at: daysFromT0(2), status: 'booked' }]);
    const answers = Object.fromEntries(
      [0, 1, 0, 1, 0, 1, 0].map((s, i) => [`gad7-${String(i + 1)}`, s]),
    );
    await paper(patientId, 'gad-7', answers, daysFromT0(-5));
    const reasons = async (kb: typeof knowledgeBase, now: Date) =>
      (await dueScales(t.database.db, kb, patientId, now)).map((i) => i.reason);
    // The session is 48 h away: inside the default 72 h window, outside the clinic's 24 h.
    expect(await reasons(knowledgeBase, T0)).toEqual(['before-session']);
    expect(await reasons(applied.value, T0)).toEqual([]);
    // 20 h before the session the clinic's window has opened too.
    expect(await reasons(applied.value, daysFromT0(1, 18))).toEqual(['before-session']);
  });

  test("due scales: the next session names its location's time zone, null when it has no location", async () => {
    const [clinic] = await t.database.query('select id from clinics limit 1');
    // A location keeping another zone than the clinic's (New York in the demo).
    const westId = await one(
      `insert into locations (clinic_id, code, name, time_zone) values ($1, $2, 'West site', 'America/Los_Angeles') returning id`,
      [clinic?.id, `west-${Math.random().toString(36).slice(2, 8)}`],
    );
    type Due = { nextSessionAt: string | null; nextSessionTimeZone: string | null };
    const dueFor = async (s: Session) =>
      (await api(s)('GET', '/api/me/scales/due')).json<{ items: Due[] }>().items;

    const west = await givenPatientAccount(t);
    const at = daysFromT0(2, 15);
    await givenCourse(west.user.patientId!, 'anxiety', [
      { at, status: 'booked', locationId: westId },
    ]);
    expect(await dueFor(west)).toMatchObject([
      { nextSessionAt: at.toISOString(), nextSessionTimeZone: 'America/Los_Angeles' },
    ]);

    // No location to name a zone: null, and the portal falls back to the clinic's.
    const nowhere = await givenPatientAccount(t);
    await givenCourse(nowhere.user.patientId!, 'anxiety', [
      { at, status: 'booked', locationId: null },
    ]);
    expect(await dueFor(nowhere)).toMatchObject([
      { nextSessionAt: at.toISOString(), nextSessionTimeZone: null },
    ]);

    // No next session at all: null too.
    const none = await givenPatientAccount(t);
    await givenCourse(none.user.patientId!, 'anxiety', []);
    expect(await dueFor(none)).toMatchObject([{ nextSessionAt: null, nextSessionTimeZone: null }]);

    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(JSON.stringify(doc.paths['/api/me/scales/due'])).toContain('"nextSessionTimeZone"');
  });

  test('custom forms: an admin creates one (checked by core), staff list it, patients fill it in', async () => {
    const form = {
      id: 'sleep-check',
      kind: 'custom',
      name: 'Sleep check',
      shortName: 'Sleep',
      instructions: 'Over the last week:',
      items: [
        {
          id: 'sleep-1',
          text: 'How well did you sleep?',
          options: [
            { score: 0, label: 'Well' },
            { score: 1, label: 'Poorly' },
          ],
        },
      ],
    };
    const bad = await api(admin)('POST', '/api/custom-forms', {
      ...form,
      items: [
        {
          ...form.items[0],
          options: [
            { score: 0, label: 'Well' },
            { score: 0, label: 'Poorly' },
          ],
        },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.map((e) => e.path)).toEqual([
      'body.items[0].options[1].score',
    ]);
    expect((await api(nurse)('POST', '/api/custom-forms', form)).statusCode).toBe(403);
    const created = await api(admin)('POST', '/api/custom-forms', form);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<{ ref: string }>().ref).toBe('custom:sleep-check');
    expect((await api(admin)('POST', '/api/custom-forms', form)).statusCode).toBe(409);
    const listed = await api(nurse)('GET', '/api/custom-forms');
    expect(listed.json<{ items: { ref: string }[] }>().items.map((f) => f.ref)).toContain(
      'custom:sleep-check',
    );
    const patient = await givenPatientAccount(t);
    const filled = await api(patient)('POST', '/api/me/scales', {
      instrument: 'custom:sleep-check',
      answers: { 'sleep-1': 1 },
    });
    expect(filled.statusCode, filled.body).toBe(201);
    expect(filled.json<Submitted>().response).toMatchObject({ total: 1, band: null });
  });
  test('the demo clinic has scores, sessions and outcomes to show', async () => {
    const demoPatient = await login(t.app, DEMO.patient);
    const response = await api(prescriber)(
      'GET',
      `/api/patients/${demoPatient.user.patientId!}/progress`,
    );
    const body = response.json<{ sessions: unknown[]; progress: Progress | null }>();
    expect(body.progress?.points.map((p) => p.total)).toEqual([19, 13, 9, 6]);
    expect(body.sessions.length).toBeGreaterThanOrEqual(4);
    expect(body.progress?.firstResponse).not.toBeNull();
    const report = await api(admin)('GET', '/api/outcomes/clinic');
    const depression = report
      .json<ReturnType<typeof clinicOutcomes>>()
      .byIndication.find((r) => r.indication === 'depression');
    expect(depression?.patients).toBeGreaterThanOrEqual(2);
    expect(depression?.responders).toBeGreaterThanOrEqual(1);
  });
});
