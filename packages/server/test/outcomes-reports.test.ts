/**
 * What staff read from the scores: a patient's progress with response and remission, the clinic's
 * outcomes by indication and their CSV export, a response as FHIR, and the demo clinic's data.
 */
import {
  clinicOutcomes,
  clinicOutcomesCsv,
  getInstrument,
  knowledgeBase,
  outcomeCriteria,
  progress,
  type Progress,
} from '@ketaflow/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { givenPatientAccount } from './appointment-fixtures';
import { DEMO, DRIVERS, login, type Session, type TestApp } from './harness';
import { daysFromT0, phq9, useOutcomes, type Problem } from './outcomes-fixtures';

const PHQ9_TOTAL_DISPLAY = getInstrument(knowledgeBase, 'phq-9').loinc?.totalDisplay;

describe.each(DRIVERS)('outcomes: progress and reports on %s', (driver) => {
  const fixture = useOutcomes(driver);
  const { api, givenCourse, paper, auditActions } = fixture;
  let t: TestApp;
  let nurse: Session;
  let prescriber: Session;
  let admin: Session;
  beforeAll(() => {
    ({ t, nurse, prescriber, admin } = fixture);
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
