import { applyClinicSettings, calculateDose, doseToJson, knowledgeBase } from '@ketaflow/core';
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

/** The clinic in these tests tightens depression's total dose at one location. */
const settings = {
  locations: {
    downtown: { guardrails: { depression: { totalDoseMg: { hard: { max: 45 } } } } },
  },
};
const applied = applyClinicSettings(knowledgeBase, settings);
if (!applied.ok) throw new Error(JSON.stringify(applied.error));
const kb = applied.value;

/** What the core calculator says for the same request: the API must agree exactly. */
function expected(request: Record<string, unknown>) {
  const r = calculateDose(kb, request);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return doseToJson(r.value);
}

interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
  limits?: { level: string; code: string }[];
}

describe.each(DRIVERS)('dosing on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  let prescriber: Session;
  let patient: Session;
  let admin: Session;
  let patientId: string;

  const base = {
    indication: 'depression',
    concentration: { value: 50, unit: 'mg/mL' },
  };

  beforeAll(async () => {
    t = await createTestApp(driver, {
      knowledge: { kb, clinicName: 'Test clinic', version: kb.knowledgeVersion },
    });
    nurse = await login(t.app, DEMO.nurse);
    prescriber = await login(t.app, DEMO.prescriber);
    patient = await login(t.app, DEMO.patient);
    admin = await login(t.app, DEMO.admin);
    const created = await as(t.app, nurse)('POST', '/api/patients', {
      givenName: 'Robin',
      familyName: 'Dosing',
      birthDate: '1975-05-05',
      sex: 'male',
    });
    expect(created.statusCode).toBe(201);
    patientId = created.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await t.close();
  });

  const dosesUrl = () => `/api/patients/${patientId}/dose-calculations`;

  test('preview: any staff role gets the core calculation; others are refused', async () => {
    const body = { ...base, weight: { value: 80, unit: 'kg' } };
    for (const session of [nurse, prescriber, admin]) {
      const response = await as(t.app, session)('POST', '/api/dose/preview', body);
      expect(response.statusCode).toBe(200);
      const json = response.json<{ knowledgeVersion: string; result: unknown }>();
      expect(json.result).toEqual(expected({ ...body, asOf: t.clock.now().toISOString() }));
      expect(json.knowledgeVersion).toBe(kb.knowledgeVersion);
    }
    expect((await as(t.app, patient)('POST', '/api/dose/preview', body)).statusCode).toBe(403);
    expect((await as(t.app, null)('POST', '/api/dose/preview', body)).statusCode).toBe(401);
  });

  test("preview: the weight's age is checked against the server's clock", async () => {
    const old = await as(t.app, nurse)('POST', '/api/dose/preview', {
      ...base,
      weight: { value: 80, unit: 'kg', measuredOn: '2019-01-01' },
    });
    expect(old.statusCode, old.body).toBe(200);
    const result = old.json<{ result: { requiresOverride: boolean; limits: { code: string }[] } }>()
      .result;
    expect(result.limits.map((l) => l.code)).toContain('DOSE.WEIGHT_TOO_OLD');
    expect(result.requiresOverride).toBe(true);
    const future = await as(t.app, nurse)('POST', '/api/dose/preview', {
      ...base,
      weight: { value: 80, unit: 'kg', measuredOn: '2026-03-09' },
    });
    expect(future.statusCode, future.body).toBe(400);
    expect(future.json<Problem>().errors?.map((e) => e.path)).toEqual(['body.weight.measuredOn']);
  });

  test('preview: bad input names each field, at the schema and in the calculator', async () => {
    const cases: [unknown, string[]][] = [
      [{ ...base }, ['body.weight']],
      [{ ...base, weight: { value: -80, unit: 'kg' } }, ['body.weight']],
      [{ ...base, weight: { value: 80, unit: 'stone' } }, ['body.weight.unit']],
      [{ ...base, weight: { value: '80', unit: 'kg' } }, ['body.weight.value']],
      [{ ...base, weight: { value: 80 } }, ['body.weight.unit']],
      [{ ...base, weight: { value: 80, unit: 'kg' }, indication: 'insomnia' }, ['body.indication']],
      [
        { ...base, weight: { value: 80, unit: 'kg' }, concentration: { value: 30, unit: 'mg/mL' } },
        ['body.concentration'],
      ],
      [{ ...base, weight: { value: 80, unit: 'kg' }, colour: 'red' }, ['body']],
      [
        { ...base, weight: { value: 80, unit: 'kg' }, weightBasis: 'ideal' },
        ['body.height', 'body.sex'],
      ],
    ];
    for (const [body, paths] of cases) {
      const response = await as(t.app, nurse)('POST', '/api/dose/preview', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      const problem = response.json<Problem>();
      expect(problem.code).toBe('VALIDATION.FAILED');
      expect(problem.errors?.map((e) => e.path).sort()).toEqual(paths);
    }
  });

  test('record: no recorded weight is refused and audited, nothing stored', async () => {
    const response = await as(t.app, nurse)('POST', dosesUrl(), base);
    expect(response.statusCode).toBe(422);
    expect(response.json<Problem>().code).toBe('DOSE.NO_WEIGHT');
    expect(await countRows(t, 'dose_calculations')).toBe(0);
    const audit = await t.database.query(
      `select outcome, detail from audit_log where action = 'patient.dose-calculation.create'`,
    );
    expect(audit).toEqual([{ outcome: 'invalid', detail: { code: 'DOSE.NO_WEIGHT' } }]);
  });

  test('record: uses the recorded weight, stores the calculation and audits it', async () => {
    const weighed = await as(t.app, nurse)('POST', `/api/patients/${patientId}/weights`, {
      weight: { value: 80, unit: 'kg' },
      measuredOn: '2026-03-01',
    });
    expect(weighed.statusCode).toBe(201);
    const response = await as(t.app, prescriber)('POST', dosesUrl(), { ...base, purpose: 'order' });
    expect(response.statusCode, response.body).toBe(201);
    const saved = response.json<{
      id: string;
      purpose: string;
      result: unknown;
      weightUsed: unknown;
      createdBy: { displayName: string };
      knowledgeVersion: string;
    }>();
    expect(saved.purpose).toBe('order');
    expect(saved.weightUsed).toEqual({ valueKg: 80, measuredOn: '2026-03-01' });
    expect(saved.knowledgeVersion).toBe(kb.knowledgeVersion);
    expect(saved.result).toEqual(
      expected({
        ...base,
        weight: { value: 80, unit: 'kg', measuredOn: '2026-03-01' },
        sex: 'male',
        asOf: t.clock.now().toISOString(),
      }),
    );
    const audit = await t.database.query(
      `select outcome, resource_id, detail from audit_log
       where action = 'patient.dose-calculation.create' and outcome = 'success'`,
    );
    expect(audit).toEqual([
      { outcome: 'success', resource_id: saved.id, detail: { purpose: 'order', overridden: [] } },
    ]);
  });

  test('record: a soft limit needs a reason, which is stored', async () => {
    // 90 kg after 80 kg is a 12.5% change: a soft limit.
    await as(t.app, nurse)('POST', `/api/patients/${patientId}/weights`, {
      weight: { value: 90, unit: 'kg' },
      measuredOn: '2026-03-02',
    });
    const before = await countRows(t, 'dose_calculations');
    const refused = await as(t.app, nurse)('POST', dosesUrl(), base);
    expect(refused.statusCode).toBe(422);
    const problem = refused.json<Problem>();
    expect(problem.code).toBe('DOSE.OVERRIDE_REASON_REQUIRED');
    expect(problem.errors?.[0]?.path).toBe('body.overrides');
    expect(problem.limits).toEqual([
      expect.objectContaining({ level: 'soft', code: 'DOSE.WEIGHT_CHANGE' }),
    ]);
    expect(await countRows(t, 'dose_calculations')).toBe(before);

    const blank = await as(t.app, nurse)('POST', dosesUrl(), {
      ...base,
      overrides: [{ code: 'DOSE.WEIGHT_CHANGE', reason: '   ' }],
    });
    expect(blank.statusCode).toBe(400);

    const accepted = await as(t.app, nurse)('POST', dosesUrl(), {
      ...base,
      overrides: [
        { code: 'DOSE.WEIGHT_CHANGE', reason: 'Re-weighed twice; weight gain confirmed' },
      ],
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const limits = accepted.json<{ result: { limits: { code: string; reason?: string }[] } }>()
      .result.limits;
    expect(limits).toEqual([
      expect.objectContaining({
        code: 'DOSE.WEIGHT_CHANGE',
        overridden: true,
        reason: 'Re-weighed twice; weight gain confirmed',
      }),
    ]);
    const [row] = await t.database.query(`select overrides from dose_calculations where id = $1`, [
      accepted.json<{ id: string }>().id,
    ]);
    expect(row?.overrides).toEqual([
      { code: 'DOSE.WEIGHT_CHANGE', reason: 'Re-weighed twice; weight gain confirmed' },
    ]);
  });

  test('record: a hard limit blocks, even with reasons, and nothing is stored', async () => {
    const before = await countRows(t, 'dose_calculations');
    const response = await as(t.app, prescriber)('POST', dosesUrl(), {
      ...base,
      dose: { value: 3, unit: 'mg/kg' },
      overrides: [{ code: 'DOSE.WEIGHT_CHANGE', reason: 'confirmed' }],
    });
    expect(response.statusCode).toBe(422);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('DOSE.BLOCKED');
    expect(problem.limits?.some((l) => l.level === 'hard')).toBe(true);
    expect(await countRows(t, 'dose_calculations')).toBe(before);
  });

  test('record: location guardrails apply; an unknown location is a field error', async () => {
    const override = [{ code: 'DOSE.WEIGHT_CHANGE', reason: 'confirmed' }];
    // 0.5 mg/kg × 90 kg = 45 mg: at the downtown hard maximum of 45 mg, so allowed.
    const atLimit = await as(t.app, nurse)('POST', dosesUrl(), {
      ...base,
      location: 'downtown',
      overrides: override,
    });
    expect(atLimit.statusCode, atLimit.body).toBe(201);
    expect(atLimit.json<{ location: string }>().location).toBe('downtown');
    const above = await as(t.app, nurse)('POST', dosesUrl(), {
      ...base,
      dose: { value: 0.6, unit: 'mg/kg' },
      location: 'downtown',
      overrides: override,
    });
    expect(above.statusCode).toBe(422);
    expect(above.json<Problem>().code).toBe('DOSE.BLOCKED');
    const unknown = await as(t.app, nurse)('POST', dosesUrl(), {
      ...base,
      location: 'moon-base',
      overrides: override,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<Problem>().errors?.[0]?.path).toBe('body.location');
  });

  test("a limit the location set says so and names the knowledge base's; the base's own says nothing", async () => {
    const body = {
      ...base,
      weight: { value: 80, unit: 'kg' },
      dose: { value: 0.6, unit: 'mg/kg' },
      overrides: [{ code: 'DOSE.DOSE_PER_KG_ABOVE_SOFT_LIMIT', reason: 'prescribed' }],
    };
    interface Limit {
      code: string;
      message: string;
      basis: string;
      clinicSetting?: unknown;
    }
    const limitsAt = async (location?: string) => {
      const r = await as(t.app, nurse)('POST', '/api/dose/preview', {
        ...body,
        ...(location === undefined ? {} : { location }),
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ result: { limits: Limit[] } }>().result.limits;
    };
    // 0.6 mg/kg x 80 kg = 48 mg: above downtown's own hard total of 45 mg (the base's is 250).
    const downtown = await limitsAt('downtown');
    const total = downtown.find((l) => l.code === 'DOSE.TOTAL_DOSE_ABOVE_HARD_LIMIT');
    expect(total).toMatchObject({
      basis: 'clinic-setting',
      clinicSetting: { scope: 'location', knowledgeBaseLimit: { value: 250, unit: 'mg' } },
    });
    expect(total?.message).toContain(
      "45 mg (a setting for this location; the knowledge base's is 250 mg)",
    );
    // The soft dose limit (0.5 mg/kg) is the knowledge base's, at the location and clinic-wide.
    for (const limits of [downtown, await limitsAt()]) {
      const dose = limits.find((l) => l.code === 'DOSE.DOSE_PER_KG_ABOVE_SOFT_LIMIT');
      expect(dose?.basis).toBe('knowledge-base');
      expect(dose?.clinicSetting).toBeUndefined();
      expect(dose?.message).not.toContain('setting');
    }
    // Recording it is refused, and the refusal's message says whose limit blocked it.
    const refused = await as(t.app, nurse)('POST', dosesUrl(), {
      ...base,
      dose: { value: 0.6, unit: 'mg/kg' },
      location: 'downtown',
      overrides: [
        { code: 'DOSE.WEIGHT_CHANGE', reason: 'confirmed' },
        { code: 'DOSE.DOSE_PER_KG_ABOVE_SOFT_LIMIT', reason: 'prescribed' },
      ],
    });
    expect(refused.statusCode).toBe(422);
    expect(
      refused
        .json<{ limits: { code: string; message: string }[] }>()
        .limits.find((l) => l.code === 'DOSE.TOTAL_DOSE_ABOVE_HARD_LIMIT')?.message,
    ).toContain('a setting for this location');
  });

  test('record: the esketamine nasal spray needs no weight and counts devices', async () => {
    const response = await as(t.app, prescriber)('POST', dosesUrl(), {
      product: 'esketamine-nasal',
      dose: { value: 84, unit: 'mg' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<{ result: { devices: number } }>().result.devices).toBe(3);
  });

  test('roles: only nurses and prescribers record; admins and patients may not', async () => {
    for (const session of [admin, patient]) {
      const response = await as(t.app, session)('POST', dosesUrl(), base);
      expect(response.statusCode).toBe(403);
    }
    expect((await as(t.app, patient)('GET', dosesUrl())).statusCode).toBe(403);
  });

  test('list: newest first, audited; stored rows cannot be changed', async () => {
    const response = await as(t.app, nurse)('GET', dosesUrl());
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: { createdAt: string; id: string }[] }>().items;
    expect(items.length).toBe(await countRows(t, 'dose_calculations'));
    const times = items.map((i) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const audit = await t.database.query(
      `select detail from audit_log where action = 'patient.dose-calculation.list'`,
    );
    expect(audit).toEqual([{ detail: { count: items.length } }]);
    await expect(
      t.database.query(`update dose_calculations set purpose = 'order'`),
    ).rejects.toThrow(/immutable/);
    await expect(t.database.query(`delete from dose_calculations`)).rejects.toThrow(/immutable/);
  });
});
