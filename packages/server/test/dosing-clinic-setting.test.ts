import { knowledgeBase } from '@ketaflow/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { as, createTestApp, DEMO, DRIVERS, login, type Session, type TestApp } from './harness';

interface Limit {
  code: string;
  basis?: string;
  clinicSetting?: unknown;
}

/**
 * The weight range (30–250 kg) and the weight-change check have no clinical source: they are
 * clinic settings at the knowledge base's default, and the dose API's JSON says so, not only the
 * message. A sourced limit of the knowledge base's says nothing of the kind.
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
    const response = await as(t.app, nurse)('POST', '/api/dose/preview', {
      ...base,
      weight: { value: 80, unit: 'kg' },
      dose: { value: 1.2, unit: 'mg/kg' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const limits = response.json<{ result: { limits: Limit[] } }>().result.limits;
    const dose = limits.find((l) => l.code === 'DOSE.DOSE_PER_KG_ABOVE_HARD_LIMIT');
    expect(dose?.basis).toBe('knowledge-base');
    expect(dose).not.toHaveProperty('clinicSetting');
  });

  test('record and list: a weight-change finding keeps its marker once stored', async () => {
    const created = await as(t.app, nurse)('POST', '/api/patients', {
      givenName: 'Sam',
      familyName: 'Setting',
      birthDate: '1980-04-04',
      sex: 'female',
    });
    expect(created.statusCode).toBe(201);
    const url = `/api/patients/${created.json<{ id: string }>().id}`;
    // 70 kg then 80 kg: more than the 10% change allowed by default (70 × 1.1 = 77 kg).
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
