/**
 * A scratch database on a PostgreSQL server, for the database suites and the benchmark: created
 * from an admin URL (`TEST_DATABASE_URL`), used through its own URL, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface ScratchDatabase {
  readonly url: string;
  readonly drop: () => Promise<void>;
}

export async function createScratchDatabase(
  adminUrl: string,
  prefix = 'kf_test',
): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      // A closed pool's connections may still be saying goodbye; forcing them off mid-way makes
      // the driver raise an unhandled error. Give them a moment (at most ~2 s), then force.
      for (let i = 0; i < 40; i++) {
        const { rows } = await c.query<{ n: number }>(
          'select count(*)::int as n from pg_stat_activity where datname = $1',
          [name],
        );
        if ((rows[0]?.n ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
