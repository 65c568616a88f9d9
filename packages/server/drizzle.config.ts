import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate --config packages/server/drizzle.config.ts` writes a new SQL migration.
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/server/src/db/schema/index.ts',
  out: './packages/server/drizzle',
});
