import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EHR_ISSUER, seedDemoDecisionSupport } from '../src/demo/seed-cds';
import { as, createTestApp, DEMO, DRIVERS, login, type TestApp } from './harness';

interface Rule {
  rule: string;
  title: string | null;
  cardsIssued: number;
  accepted: number;
  overridden: number;
  overrideRate: number | null;
  reasons: { code: string; display: string; count: number }[];
  comments: { comment: string }[];
}

describe.each(DRIVERS)('demo decision-support history (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers each demo patient order with the real card builder, once, and the admin report shows it', async () => {
    const issued = await seedDemoDecisionSupport(t.database.db, t.knowledge.kb, t.clock.now());
    expect(issued).toBeGreaterThan(0);
    expect(await seedDemoDecisionSupport(t.database.db, t.knowledge.kb, t.clock.now())).toBe(0);

    const rows = await t.database.query(
      'select count(*)::int as n, count(distinct hook_instance)::int as calls from cds_cards where issuer = $1',
      [DEMO_EHR_ISSUER],
    );
    expect(rows[0]?.n).toBe(issued);
    expect(Number(rows[0]?.calls)).toBeGreaterThan(1);

    const admin = await login(t.app, DEMO.admin);
    const report = await as(t.app, admin)('GET', '/api/admin/cds-feedback');
    expect(report.statusCode).toBe(200);
    const rules = report.json<{ rules: Rule[] }>().rules;
    expect(rules.reduce((sum, r) => sum + r.cardsIssued, 0)).toBe(issued);
    // Some cards accepted, some overridden with a reason and a comment, some not answered.
    const answered = rules.reduce((sum, r) => sum + r.accepted + r.overridden, 0);
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(issued);
    const overridden = rules.filter((r) => r.overridden > 0);
    expect(overridden.length).toBeGreaterThan(0);
    for (const r of overridden) {
      expect(r.overrideRate).toBeCloseTo(r.overridden / (r.accepted + r.overridden));
      expect(r.reasons.reduce((sum, x) => sum + x.count, 0)).toBe(r.overridden);
    }
    expect(rules.some((r) => r.comments.length > 0)).toBe(true);
    expect(rules.every((r) => r.title !== null)).toBe(true);
  });
});
