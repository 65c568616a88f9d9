/**
 * Migration 0017's data step: every account that existed before e-mail verification counts as
 * verified, from when it was created, so nobody who could log in before is locked out; an account
 * verified already keeps its time. The statement is read from the migration file and run on rows
 * written the way the old code wrote them (no verification time).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/demo-people';
import { createTestApp, DEMO, DRIVERS, login, type TestApp } from './harness';

const MIGRATION = join(import.meta.dirname, '../drizzle/0017_email_verification.sql');

/** The migration's UPDATE statement (its data step). */
function dataStep(): string {
  const statement = readFileSync(MIGRATION, 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.replace(/^--.*$/gm, '').trim())
    .find((s) => s.startsWith('UPDATE'));
  if (statement === undefined) throw new Error('no UPDATE in migration 0017');
  return statement;
}

describe.each(DRIVERS)('migration 0017 marks existing accounts verified, on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => {
    await t.close();
  });

  test('accounts from before the change can log in after it; an already verified one keeps its time', async () => {
    const created = new Date('2025-06-01T09:00:00Z');
    const verified = new Date('2026-01-01T00:00:00Z');
    // As the old code left them: no verification time.
    await t.database.query(
      `update users set email_verified_at = null, created_at = $1 where email <> $2`,
      [created.toISOString(), DEMO.admin],
    );
    await t.database.query(`update users set email_verified_at = $1 where email = $2`, [
      verified.toISOString(),
      DEMO.admin,
    ]);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: DEMO.patient, password: DEMO_PASSWORD },
    });
    expect(refused.statusCode).toBe(403);

    await t.database.query(dataStep());

    const rows = (await t.database.query(
      'select email, email_verified_at from users where email = any($1::text[])',
      [[DEMO.patient, DEMO.nurse, DEMO.admin]],
    )) as { email: string; email_verified_at: Date | string }[];
    const at = new Map(rows.map((r) => [r.email, new Date(r.email_verified_at).toISOString()]));
    expect(at.get(DEMO.patient)).toBe(created.toISOString());
    expect(at.get(DEMO.nurse)).toBe(created.toISOString());
    expect(at.get(DEMO.admin)).toBe(verified.toISOString());
    const [left] = await t.database.query(
      'select count(*)::int as n from users where email_verified_at is null',
    );
    expect(left?.n).toBe(0);
    expect((await login(t.app, DEMO.patient)).user.email).toBe(DEMO.patient);
  });
});
