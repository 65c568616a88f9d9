/**
 * Migration 0015's data step: an alert closed by a follow-up that did not reach the patient is
 * opened again, with that follow-up as its first attempt; an alert closed by a real contact is
 * left as it was. The statement is read from the migration file and run on rows written the way
 * the old code wrote them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, DEMO, DRIVERS, T0, type TestApp } from './harness';

const MIGRATION = join(import.meta.dirname, '../drizzle/0015_safety_alert_contact_attempts.sql');

/** The migration's UPDATE statement (its data step). */
function dataStep(): string {
  const statement = readFileSync(MIGRATION, 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.replace(/^--.*$/gm, '').trim())
    .find((s) => s.startsWith('UPDATE'));
  if (statement === undefined) throw new Error('no UPDATE in migration 0015');
  return statement;
}

describe.each(DRIVERS)('migration 0015 reopens alerts nobody followed up, on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => {
    await t.close();
  });

  test('a not-reached follow-up becomes the first attempt of an open alert; a reached one stays closed', async () => {
    const [who] = (await t.database.query('select id, patient_id from users where email = $1', [
      DEMO.patient,
    ])) as { patient_id: string }[];
    const [nurse] = (await t.database.query('select id from users where email = $1', [
      DEMO.nurse,
    ])) as { id: string }[];
    const followUp = (contact: string) => ({
      contact,
      reviewedBy: nurse!.id,
      reviewedAt: T0.toISOString(),
      ...(contact === 'not-reached' ? { nextContactAt: T0.toISOString() } : {}),
    });
    const insert = async (contact: string) => {
      const rows = (await t.database.query(
        `insert into safety_alerts
           (patient_id, instrument, item_id, answer, raised_at, status, follow_up, followed_up_by, followed_up_at)
         values ($1, 'phq9', 'q9', 1, $2, 'followed-up', $3::jsonb, $4, $2)
         returning id`,
        [who!.patient_id, T0.toISOString(), JSON.stringify(followUp(contact)), nurse!.id],
      )) as { id: string }[];
      return rows[0]!.id;
    };
    const missed = await insert('not-reached');
    const reached = await insert('phone');

    await t.database.query(dataStep());

    const rows = (await t.database.query(
      'select id, status, follow_up, followed_up_by, followed_up_at, contact_attempts from safety_alerts where id = any($1::uuid[])',
      [[missed, reached]],
    )) as {
      id: string;
      status: string;
      follow_up: unknown;
      followed_up_by: string | null;
      followed_up_at: unknown;
      contact_attempts: unknown[];
    }[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(missed)).toMatchObject({
      status: 'open',
      follow_up: null,
      followed_up_by: null,
      followed_up_at: null,
      contact_attempts: [followUp('not-reached')],
    });
    expect(byId.get(reached)).toMatchObject({
      status: 'followed-up',
      follow_up: followUp('phone'),
      followed_up_by: nurse!.id,
      contact_attempts: [],
    });
  });
});
