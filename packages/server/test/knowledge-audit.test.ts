import { applyClinicSettings, knowledgeBase } from '@ketaflow/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KNOWLEDGE_IN_USE, recordKnowledgeInUse } from '../src/knowledge-audit';
import type { ClinicKnowledge } from '../src/knowledge';
import { as, createTestApp, DEMO, DRIVERS, login, T0, type TestApp } from './harness';

const asShipped: ClinicKnowledge = {
  kb: knowledgeBase,
  clinicName: 'Test clinic',
  version: knowledgeBase.knowledgeVersion,
};

function withSettings(settings: unknown): ClinicKnowledge {
  const applied = applyClinicSettings(knowledgeBase, settings);
  if (!applied.ok) throw new Error(JSON.stringify(applied.error));
  return { kb: applied.value, clinicName: 'Test clinic', version: applied.value.knowledgeVersion };
}

describe.each(DRIVERS)('the knowledge in use is in the audit trail, on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => {
    await t.close();
  });

  const rows = async () =>
    (await t.database.query(
      'select resource_id, actor_user_id, detail from audit_log where action = $1 order by id',
      [KNOWLEDGE_IN_USE],
    )) as { resource_id: string; actor_user_id: string | null; detail: Record<string, unknown> }[];

  test('a start records the version once; new settings are recorded with what they change', async () => {
    expect(await recordKnowledgeInUse(t.database.db, asShipped, T0)).toBe(true);
    // A restart with the same settings adds nothing.
    expect(await recordKnowledgeInUse(t.database.db, asShipped, T0)).toBe(false);
    const tighter = withSettings({ scheduling: { reminderLeadHours: 48 } });
    expect(tighter.version).not.toBe(asShipped.version);
    expect(
      await recordKnowledgeInUse(t.database.db, tighter, new Date(T0.getTime() + 60_000)),
    ).toBe(true);
    expect(await rows()).toEqual([
      {
        resource_id: asShipped.version,
        actor_user_id: null,
        detail: { previousVersion: null, overrides: [] },
      },
      {
        resource_id: tighter.version,
        actor_user_id: null,
        detail: {
          previousVersion: asShipped.version,
          overrides: [{ path: 'scheduling.reminderLeadHours', from: 24, to: 48 }],
        },
      },
    ]);
    // Going back to the defaults is a change too.
    expect(
      await recordKnowledgeInUse(t.database.db, asShipped, new Date(T0.getTime() + 120_000)),
    ).toBe(true);
    expect((await rows()).map((r) => r.resource_id)).toEqual([
      asShipped.version,
      tighter.version,
      asShipped.version,
    ]);
  });

  test('an admin reads the rows in the audit log', async () => {
    const admin = await login(t.app, DEMO.admin);
    const response = await as(t.app, admin)('GET', `/api/audit?action=${KNOWLEDGE_IN_USE}`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<{ items: { action: string; resourceId: string }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.action === KNOWLEDGE_IN_USE)).toBe(true);
  });
});
