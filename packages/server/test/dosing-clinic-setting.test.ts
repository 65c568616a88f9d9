import { knowledgeBase } from '@ketaflow/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { as, createTestApp, DEMO, DRIVERS, login, type Session, type TestApp } from './harness';

interface Limit {
  code: string;
  basis?: string;
  clinicSetting?: unknown;
}

interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
  limits?: Limit[];
}

/**
 * The weight range (30–250 kg) and the weight-change check have no clinical source, and the
 * knowledge base calls each hard dose maximum a clinic setting: they are clinic settings at the
 * knowledge base's default, and the dose API's JSON says so, not only the message, in a
 * calculation and in a refusal alike. A sourced limit of the knowledge base's says nothing of
 * the kind.
 */
describe.each(DRIVERS)('dose limits that are clinic settings at their default, on %s', (driver) => {
  let t: TestApp;
  let nurse: Session;
  const base = { indication: 'depression', concentration: { value: 50, unit: 'mg/mL' } };

  beforeAll(async () => {
    t = await createTestApp(driver, {
      knowledge: {
        kb: knowledgeBase,
        clinicName: 'Test clinic',
        version: knowledgeBase.knowledgeVersion,
      },
    });
    nurse = await login(t.app, DEMO.nurse);
  });
  afterAll(async () => {
    await t.close();
  });

  test('preview: the hard weight maximum is marked a clinic setting at its default', async () => {
    const response = await as(t.app, nurse)('POST', '/api/dose/preview', {
      ...base,
      weight: { value: 260, unit: 'kg' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const limits = response.json<{ result: { limits: Limit[] } }>().result.limits;
    expect(limits.find((l) => l.code === 'DOSE.WEIGHT_ABOVE_HARD_LIMIT')).toMatchObject({
      basis: 'clinic-setting',
      clinicSetting: {
        scope: 'clinic',
        knowledgeBaseLimit: { value: 250, unit: 'kg' },
        setting: 'weightKg.hard.max',
        atDefault: true,
      },
    });
  });

  test('preview: a sourced dose limit is the knowledge base’s, with no clinic setting', async () => {
    // 0.6 mg/kg is above the seed protocol's soft maximum of 0.5 mg/kg, a sourced limit.
    const response = await as(t.app, nurse)('POST', '/api/dose/preview', {
      ...base,
      weight: { value: 80, unit: 'kg' },
      dose: { value: 0.6, unit: 'mg/kg' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const limits = response.json<{ result: { limits: Limit[] } }>().result.limits;
    const dose = limits.find((l) => l.code === 'DOSE.DOSE_PER_KG_ABOVE_SOFT_LIMIT');
    expect(dose?.basis).toBe('knowledge-base');
    expect(dose).not.toHaveProperty('clinicSetting');
  });

  /** A patient weighed 70 kg, then 80 kg: more than the default 10% change (70 × 1.1 = 77 kg). */
  async function weighedPatient(familyName: string): Promise<string> {
    const created = await as(t.app, nurse)('POST', '/api/patients', {
      givenName: 'Sam',
      familyName,
      birthDate: '1980-04-04',
      sex: 'female',
    });
    expect(created.statusCode).toBe(201);
    const url = `/api/patients/${created.json<{ id: string }>().id}`;
    for (const [value, measuredOn] of [
      [70, '2026-02-01'],
      [80, '2026-03-01'],
    ] as const) {
      const weighed = await as(t.app, nurse)('POST', `${url}/weights`, {
        weight: { value, unit: 'kg' },
        measuredOn,
      });
      expect(weighed.statusCode, weighed.body).toBe(201);
    }
    return url;
  }

  test('refused for a reason: the 422 limits are the 201’s, clinic setting included', async () => {
    const url = await weighedPatient('Refused');
    const refused = await as(t.app, nurse)('POST', `${url}/dose-calculations`, base);
    expect(refused.statusCode, refused.body).toBe(422);
    const problem = refused.json<Problem>();
    expect(problem.code).toBe('DOSE.OVERRIDE_REASON_REQUIRED');
    // The fields a client read before stay as they were.
    expect(problem.errors?.map((e) => e.path)).toEqual(['body.overrides']);
    expect(problem.errors?.[0]?.message).toMatch(/^DOSE\.WEIGHT_CHANGE: /);
    const [limit] = problem.limits ?? [];
    const { message, ...rest } = limit as Limit & { message: string };
    expect(message).toContain('(a clinic setting)');
    expect(rest).toEqual({
      level: 'soft',
      code: 'DOSE.WEIGHT_CHANGE',
      field: 'weightKg',
      value: { value: 80, unit: 'kg' },
      limit: { value: 77, unit: 'kg' },
      overridden: false,
      basis: 'clinic-setting',
      clinicSetting: {
        scope: 'clinic',
        knowledgeBaseLimit: { value: 77, unit: 'kg' },
        setting: 'weightChangeSoftFraction',
        atDefault: true,
      },
    });
    expect(problem.limits).toHaveLength(1);
    const recorded = await as(t.app, nurse)('POST', `${url}/dose-calculations`, {
      ...base,
      overrides: [{ code: 'DOSE.WEIGHT_CHANGE', reason: 'Re-weighed; gain confirmed' }],
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    // The stored limit is the refused one, with its override.
    const stored = recorded.json<{ result: { limits: Limit[] } }>().result.limits;
    expect(stored).toEqual([{ ...limit, overridden: true, reason: 'Re-weighed; gain confirmed' }]);
  });

  test('blocked: the 422 limits say which hard limit is a clinic setting', async () => {
    const url = await weighedPatient('Blocked');
    const overrides = [{ code: 'DOSE.WEIGHT_CHANGE', reason: 'Re-weighed; gain confirmed' }];
    // 1.2 mg/kg over 40 min: above the 1.0 mg/kg hard maximum, a clinic setting at its default
    // [S45], and the 1.5 mg/kg/h hard rate (1.8), the knowledge base's own.
    const dose = { value: 1.2, unit: 'mg/kg' };
    const blocked = await as(t.app, nurse)('POST', `${url}/dose-calculations`, {
      ...base,
      dose,
      overrides,
    });
    expect(blocked.statusCode, blocked.body).toBe(422);
    const problem = blocked.json<Problem>();
    expect(problem.code).toBe('DOSE.BLOCKED');
    expect(problem.errors?.every((e) => e.path === 'body')).toBe(true);
    const limits = problem.limits ?? [];
    expect(limits.find((l) => l.code === 'DOSE.DOSE_PER_KG_ABOVE_HARD_LIMIT')).toMatchObject({
      level: 'hard',
      limit: { value: 1, unit: 'mg/kg' },
      basis: 'clinic-setting',
      clinicSetting: {
        scope: 'clinic',
        knowledgeBaseLimit: { value: 1, unit: 'mg/kg' },
        setting: 'doseMgPerKg.hard.max',
        atDefault: true,
      },
    });
    const rate = limits.find((l) => l.code === 'DOSE.DOSE_RATE_ABOVE_HARD_LIMIT');
    expect(rate).toMatchObject({ level: 'hard', basis: 'knowledge-base' });
    expect(rate).not.toHaveProperty('clinicSetting');
    // The same limits the calculation of the same inputs gives, every field.
    const preview = await as(t.app, nurse)('POST', '/api/dose/preview', {
      ...base,
      dose,
      overrides,
      weight: { value: 80, unit: 'kg', measuredOn: '2026-03-01' },
      lastRecordedWeight: { valueKg: 70, measuredOn: '2026-02-01' },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(limits).toEqual(preview.json<{ result: { limits: Limit[] } }>().result.limits);
  });

  test('record and list: a weight-change finding keeps its marker once stored', async () => {
    const url = await weighedPatient('Setting');
    const recorded = await as(t.app, nurse)('POST', `${url}/dose-calculations`, {
      ...base,
      overrides: [{ code: 'DOSE.WEIGHT_CHANGE', reason: 'Re-weighed; gain confirmed' }],
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const marker = {
      basis: 'clinic-setting',
      clinicSetting: {
        scope: 'clinic',
        knowledgeBaseLimit: { value: 77, unit: 'kg' },
        setting: 'weightChangeSoftFraction',
        atDefault: true,
      },
    };
    const stored = recorded.json<{ result: { limits: Limit[] } }>().result.limits;
    expect(stored).toEqual([expect.objectContaining({ code: 'DOSE.WEIGHT_CHANGE', ...marker })]);
    const listed = await as(t.app, nurse)('GET', `${url}/dose-calculations`);
    expect(listed.statusCode).toBe(200);
    const [item] = listed.json<{ items: { result: { limits: Limit[] } }[] }>().items;
    expect(item?.result.limits).toEqual(stored);
  });
});
