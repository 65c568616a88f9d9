import { knowledgeBase, screenInput } from '@ketaflow/core';
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

interface Finding {
  kind: string;
  severity: string;
  code: string;
  evidence: { reference: string; display: string }[];
}
interface Screening {
  id: string;
  status: string;
  asOf: string;
  input: unknown;
  supersededBy: string | null;
  acceptances: { code: string; reason: string }[] | null;
  result: {
    decision: string;
    findings: Finding[];
    alternatives: unknown[];
    knowledgeVersion: string;
  };
}
interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}

const warningCodes = (s: Screening) => [
  ...new Set(s.result.findings.filter((f) => f.severity === 'warning').map((f) => f.code)),
];

describe.each(DRIVERS)('screening on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  let prescriber: Session;
  let patientId: string;
  const api = (s: Session | null) => as(t.app, s);

  beforeAll(async () => {
    t = await createTestApp(driver);
    nurse = await login(t.app, DEMO.nurse);
    prescriber = await login(t.app, DEMO.prescriber);
    const created = await api(nurse)('POST', '/api/patients', {
      givenName: 'Sam',
      familyName: 'Screened',
      birthDate: '1990-04-04',
      sex: 'female',
    });
    patientId = created.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await t.close();
  });

  async function screenNow(): Promise<Screening> {
    const response = await api(nurse)('POST', `/api/patients/${patientId}/screenings`, {
      indication: 'depression',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Screening>();
  }

  async function current(): Promise<Screening> {
    const list = await api(nurse)('GET', `/api/patients/${patientId}/screenings`);
    const items = list.json<{ items: Screening[] }>().items;
    const open = items.filter((s) => s.status === 'current' || s.status === 'signed');
    expect(open).toHaveLength(1);
    return open[0]!;
  }

  test('screens the record as core would, and names what is missing', async () => {
    const screening = await screenNow();
    const core = screenInput(screening.input, knowledgeBase, {
      indication: 'depression',
      product: 'ketamine-iv',
      asOf: screening.asOf,
    });
    expect(core.ok && core.value).toEqual(screening.result);
    expect(screening.asOf).toBe(t.clock.now().toISOString().slice(0, 10));
    expect(screening.result.decision).toBe('needs-review');
    const missing = screening.result.findings.filter((f) => f.kind === 'missing-data');
    expect(missing.length).toBeGreaterThanOrEqual(2); // no blood pressure, no pregnancy status
    expect(screening.status).toBe('current');
  });

  test('a change to the record marks the screening stale and screens again', async () => {
    const before = await current();
    const bp = await api(nurse)('POST', `/api/patients/${patientId}/blood-pressures`, {
      systolicMmHg: 122,
      diastolicMmHg: 78,
      measuredOn: '2026-03-02',
    });
    expect(bp.statusCode, bp.body).toBe(201);
    const after = await current();
    expect(after.id).not.toBe(before.id);
    const old = await api(nurse)('GET', `/api/screenings/${before.id}`);
    expect(old.json<Screening>()).toMatchObject({ status: 'stale', supersededBy: after.id });
    const repro = await api(nurse)('POST', `/api/patients/${patientId}/reproductive-status`, {
      pregnancy: 'not-pregnant',
      breastfeeding: 'no',
      recordedOn: '2026-03-02',
    });
    expect(repro.statusCode).toBe(201);
    const weighed = await api(nurse)('POST', `/api/patients/${patientId}/weights`, {
      weight: { value: 70, unit: 'kg' },
      measuredOn: '2026-03-02',
    });
    expect(weighed.statusCode).toBe(201);
    // A new patient's history lists are not recorded (unknown) until someone takes them.
    const withLists = await current();
    expect(
      withLists.result.findings.filter((f) => f.kind === 'missing-data').map((f) => f.code),
    ).toEqual([
      'SCREEN.MISSING_ALLERGY_LIST',
      'SCREEN.MISSING_CONDITION_LIST',
      'SCREEN.MISSING_MEDICATION_LIST',
    ]);
    for (const list of ['conditions', 'medications', 'allergies']) {
      const none = await api(nurse)('PUT', `/api/patients/${patientId}/history/${list}/none-known`);
      expect(none.statusCode, none.body).toBe(200);
    }
    const latest = await current();
    expect(
      latest.result.findings.filter((f) => f.kind === 'missing-data').map((f) => f.code),
    ).toEqual([]);
    const audit = await t.database.query(
      `select count(*)::int as n from audit_log where action = 'patient.screening.rescreen'`,
    );
    expect(audit[0]?.n).toBe(6);
  });

  test('bad facts are refused by field, and write nothing', async () => {
    const before = await countRows(t, 'blood_pressures');
    const bad = await api(nurse)('POST', `/api/patients/${patientId}/blood-pressures`, {
      systolicMmHg: 'high',
      diastolicMmHg: 500,
      measuredOn: '2099-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<Problem>()
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['body.diastolicMmHg', 'body.systolicMmHg']);
    // The test clock is 2026-03-02T14:00Z: 2026-03-03 is already today at UTC+14, the 4th is not.
    const future = await api(nurse)('POST', `/api/patients/${patientId}/blood-pressures`, {
      systolicMmHg: 120,
      diastolicMmHg: 80,
      measuredOn: '2026-03-04',
    });
    expect(future.json<Problem>().errors?.[0]?.path).toBe('body.measuredOn');
    expect(await countRows(t, 'blood_pressures')).toBe(before);
  });

  test('a medication by brand name becomes an interaction with its row as evidence', async () => {
    const added = await api(nurse)('POST', `/api/patients/${patientId}/medications`, {
      text: 'Xanax XR 1 mg tab bid',
      status: 'active',
    });
    expect(added.statusCode).toBe(201);
    const medId = added.json<{ medications: { id: string }[] }>().medications[0]!.id;
    const screening = await current();
    const ix = screening.result.findings.find((f) => f.code === 'IX.BENZODIAZEPINES');
    expect(ix?.severity).toBe('warning');
    expect(ix?.evidence[0]?.reference).toBe(`medications/${medId}`);
  });

  test('signing needs a prescriber and a reason for each warning, once', async () => {
    const screening = await current();
    const url = `/api/screenings/${screening.id}/sign`;
    const needed = warningCodes(screening);
    expect(needed.length).toBeGreaterThan(0);
    expect((await api(nurse)('POST', url, { acceptances: [] })).statusCode).toBe(403);
    const noReason = await api(prescriber)('POST', url, { acceptances: [] });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json<Problem>().code).toBe('SCREEN.REASON_REQUIRED');
    expect(noReason.json<Problem>().errors?.map((e) => e.message.split(':')[0])).toEqual(needed);
    const stray = await api(prescriber)('POST', url, {
      acceptances: [
        ...needed.map((code) => ({ code, reason: 'Reviewed with the patient' })),
        { code: 'IX.MAOIS', reason: 'not present' },
      ],
    });
    expect(stray.statusCode).toBe(422);
    const signed = await api(prescriber)('POST', url, {
      acceptances: needed.map((code) => ({ code, reason: 'Reviewed with the patient' })),
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json<Screening>()).toMatchObject({ status: 'signed' });
    expect(signed.json<Screening>().acceptances?.map((a) => a.code)).toEqual(needed);
    const again = await api(prescriber)('POST', url, {
      acceptances: needed.map((code) => ({ code, reason: 'again' })),
    });
    expect(again.statusCode).toBe(409);
    await expect(
      t.database.query(`update screenings set acceptances = '[]'::jsonb where id = $1`, [
        screening.id,
      ]),
    ).rejects.toThrow(/immutable/);
  });

  test('a stale screening cannot be signed; a contraindicated one never', async () => {
    const before = await current();
    const added = await api(nurse)('POST', `/api/patients/${patientId}/conditions`, {
      text: 'Schizophrenia',
      codeSystem: 'snomed',
      code: '58214004',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
    });
    expect(added.statusCode).toBe(201);
    const stale = await api(prescriber)('POST', `/api/screenings/${before.id}/sign`, {
      acceptances: [],
    });
    expect(stale.statusCode).toBe(409);
    const now = await current();
    expect(now.result.decision).toBe('contraindicated');
    expect(now.result.alternatives.length).toBe(1);
    const refused = await api(prescriber)('POST', `/api/screenings/${now.id}/sign`, {
      acceptances: warningCodes(now).map((code) => ({ code, reason: 'reviewed' })),
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<Problem>().code).toBe('SCREEN.CONTRAINDICATED');
  });

  test('public self-screening answers in plain words and stores nothing', async () => {
    const questions = await api(null)('GET', '/api/public/self-screening/questions');
    expect(questions.statusCode).toBe(200);
    const codes = questions
      .json<{ conditions: { code: string }[] }>()
      .conditions.map((c) => c.code);
    expect(codes).toContain('CI.SCHIZOPHRENIA_OR_PSYCHOSIS');
    expect(codes).not.toContain('CI.PREGNANCY');

    const base = {
      indication: 'depression',
      ageYears: 40,
      sex: 'male',
      conditionsAnswer: 'none',
      bloodPressure: { systolicMmHg: 118, diastolicMmHg: 76 },
    };
    const rows = await countRows(t, 'screenings');
    const post = (body: unknown) => api(null)('POST', '/api/public/self-screening', body);
    const fine = await post(base);
    expect(fine.statusCode, fine.body).toBe(200);
    expect(fine.json<{ outcome: string }>().outcome).toBe('may-suit');
    const psychosis = await post({
      ...base,
      conditionsAnswer: undefined,
      conditions: ['CI.SCHIZOPHRENIA_OR_PSYCHOSIS'],
    });
    expect(psychosis.json<{ outcome: string; alternatives: unknown[] }>()).toMatchObject({
      outcome: 'not-suitable',
    });
    expect(psychosis.json<{ alternatives: unknown[] }>().alternatives).toHaveLength(1);
    // Plain words for the person, taken from the knowledge base's own name for the condition.
    expect(psychosis.json<{ reasons: { summary: string }[] }>().reasons).toEqual([
      expect.objectContaining({
        summary: `You told us about: ${knowledgeBase.contraindications
          .find((c) => c.code === 'CI.SCHIZOPHRENIA_OR_PSYCHOSIS')!
          .name.toLowerCase()}. This usually rules ketamine out.`,
      }),
    ]);
    // A high reading is for a clinician to judge: never worded as ruling treatment out.
    const high = await post({ ...base, bloodPressure: { systolicMmHg: 150, diastolicMmHg: 95 } });
    const highAnswer = high.json<{
      outcome: string;
      reasons: { severity: string; summary: string }[];
    }>();
    expect(highAnswer.outcome).toBe('clinician-review');
    expect(highAnswer.reasons).toEqual([
      {
        severity: 'warning',
        summary:
          'Your blood pressure needs a clinician’s look before treatment, because ketamine raises it for a while.',
      },
    ]);
    const benzo = await post({ ...base, medications: ['klonopin 0.5mg'] });
    expect(benzo.json<{ outcome: string }>().outcome).toBe('clinician-review');
    expect(benzo.json<{ reasons: { summary: string }[] }>().reasons[0]?.summary).toContain(
      'klonopin 0.5mg',
    );
    const noBp = await post({ ...base, bloodPressure: undefined });
    const noBpAnswer = noBp.json<{ outcome: string; checkAtConsult: string[] }>();
    expect(noBpAnswer.outcome).toBe('may-suit');
    expect(noBpAnswer.checkAtConsult).toContain(
      'Your blood pressure will be measured (ketamine raises it for a while).',
    );
    const bad = await post({ ...base, ageYears: -3, sex: 'robot' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<Problem>()
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['body.ageYears', 'body.sex']);
    expect(await countRows(t, 'screenings')).toBe(rows);
  });

  test('medication autocomplete finds brands and says what a name is', async () => {
    const response = await api(null)('GET', '/api/vocabulary/medications?q=xana');
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      suggestions: { name: string }[];
      recognized: { status: string; ingredients: string[] };
    }>();
    expect(body.suggestions.map((s) => s.name.toLowerCase())).toContain('xanax');
    const exact = await api(null)('GET', '/api/vocabulary/medications?q=Xanax%201mg');
    expect(exact.json<{ recognized: unknown }>().recognized).toEqual({
      status: 'recognized',
      ingredients: ['alprazolam'],
    });
  });

  test('registration with self-screening answers makes them the intake', async () => {
    const session = await registerAndVerify(t, {
      email: 'intake@example.org',
      password: 'a-long-password-1',
      givenName: 'Ira',
      familyName: 'Intake',
      birthDate: '1985-02-02',
      intake: {
        indication: 'anxiety',
        ageYears: 41,
        sex: 'female',
        pregnancy: 'not-pregnant',
        breastfeeding: 'no',
        conditions: ['CI.SEVERE_LIVER_DISEASE'],
        otherConditions: ['migraine with aura'],
        medications: ['sertraline 50 mg daily'],
        bloodPressure: { systolicMmHg: 130, diastolicMmHg: 85 },
      },
    });
    const id = session.user.patientId;
    const record = await api(session)('GET', `/api/patients/${id}`);
    const patient = record.json<{
      intakes: { outcome: string }[];
      bloodPressures: { source: string }[];
      reproductiveStatuses: { pregnancy: string; source: string }[];
      sex: string;
      conditions: { text: string; verificationStatus: string }[];
      medications: { text: string; status: string }[];
    }>();
    expect(patient.sex).toBe('female');
    expect(patient.intakes.map((i) => i.outcome)).toEqual(['not-suitable']);
    expect(patient.bloodPressures.map((b) => b.source)).toEqual(['self-reported']);
    expect(patient.reproductiveStatuses).toEqual([
      expect.objectContaining({ pregnancy: 'not-pregnant', source: 'self-reported' }),
    ]);
    expect(patient.conditions.map((c) => c.verificationStatus)).toEqual([
      'unconfirmed',
      'unconfirmed',
    ]);
    expect(patient.medications).toEqual([
      expect.objectContaining({ text: 'sertraline 50 mg daily', status: 'active' }),
    ]);
    const [intake] = await t.database.query(`select outcome from intakes where patient_id = $1`, [
      id,
    ]);
    expect(intake?.outcome).toBe('not-suitable');
    const [bp] = await t.database.query(
      `select source, systolic_mm_hg from blood_pressures where patient_id = $1`,
      [id],
    );
    expect(bp).toEqual({ source: 'self-reported', systolic_mm_hg: 130 });
  });
});
