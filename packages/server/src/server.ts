import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config';
import { openDatabase, type DatabaseHandle } from './db/client';
import { seedDemoDecisionSupport } from './demo/seed-cds';
import { seedDemoData, type DemoLogin } from './demo/seed-demo';
import { DEMO_PASSWORD } from './demo/demo-people';
import { loadClinicKnowledge, type ClinicKnowledge } from './knowledge';
import { recordKnowledgeInUse } from './knowledge-audit';
import { systemClock } from './lib/clock';
import { startJobWorker, type JobWorker } from './lib/jobs';
import { createMailer } from './lib/mailer';
import {
  appointmentNoticeHandlers,
  syncAppointmentReminders,
} from './notifications/appointment-notices';
import { sweepScheduling } from './routes/appointments/holds';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly database: DatabaseHandle;
  readonly url: string;
  readonly demoLogins: DemoLogin[] | null;
  stop(): Promise<void>;
}

/** Opens the database, applies migrations, seeds demo data when asked, and listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const knowledge = loadClinicKnowledge(config.settingsFile);
  const database = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  await recordKnowledgeInUse(database.db, knowledge, systemClock.now());
  const demoLogins = config.demoData ? await seedDemoData(database.db, systemClock) : null;
  // A newly seeded demo clinic also gets some decision-support history (admin: Decision support).
  if (demoLogins && config.demoCdsHistory)
    await seedDemoDecisionSupport(database.db, knowledge.kb, systemClock.now());
  const app = await buildApp({ config, database, knowledge });
  const worker = startWorker(config, database, knowledge, app);
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  return {
    app,
    database,
    url,
    demoLogins,
    stop: async () => {
      await worker.stop();
      await app.close();
      await database.close();
    },
  };
}

/**
 * The job worker of this instance: confirmations, reminders and the hold sweep. Every instance
 * runs one; they share the queue in the database. Tests drive `runDueJobs` themselves instead.
 */
function startWorker(
  config: Config,
  database: DatabaseHandle,
  knowledge: ClinicKnowledge,
  app: FastifyInstance,
): JobWorker {
  return startJobWorker({
    db: database.db,
    clock: systemClock,
    handlers: appointmentNoticeHandlers({
      db: database.db,
      mailer: createMailer(database.db, config.smtpUrl, config.mailFrom),
      clinicName: knowledge.clinicName,
      publicUrl: config.publicUrl,
    }),
    beforePass: async (now) => {
      await sweepScheduling(database.db, now);
      await syncAppointmentReminders(database.db, now, knowledge.kb.scheduling.reminderLeadHours);
    },
    onError: (error) => {
      app.log.error({ err: error }, 'job worker pass failed');
    },
  });
}

export function describeStart(server: RunningServer, config: Config): string {
  const where = config.databaseUrl
    ? 'PostgreSQL (DATABASE_URL)'
    : `embedded PGlite in ${config.dataDir}`;
  const lines = [
    `KetaFlow is running at ${server.url}  (database: ${where})`,
    `API docs: ${server.url}/api/docs`,
  ];
  if (config.demoData) {
    lines.push(`Demo log-ins (password "${DEMO_PASSWORD}"):`);
    for (const login of server.demoLogins ?? [])
      lines.push(`  ${login.role.padEnd(10)} ${login.email}`);
    if (!server.demoLogins)
      lines.push(
        '  (the database already had data: the demo accounts from its first start still work)',
      );
  }
  return lines.join('\n');
}
