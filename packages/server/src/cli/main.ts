import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { count, eq } from 'drizzle-orm';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { users } from '../db/schema/index';
import { hashPassword } from '../lib/passwords';
import { newToken } from '../lib/tokens';
import { describeStart, startServer } from '../server';
import { addDoseCommand } from './dose-command';
import { addKnowledgeCommands } from './knowledge-commands';
import { addScreenCommand } from './screen-command';

/** Writes to stdout; the CLI's output is its interface (design.md: contracts). */
function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function buildCli(): Command {
  const program = new Command('ketaflow')
    .description('KetaFlow: clinic software for ketamine and esketamine')
    .showHelpAfterError()
    // Commander's own usage errors (unknown option or command, a missing value) are bad input
    // too: runCli turns them into exit 2, as the README promises, instead of commander's exit 1.
    // Set before the commands are added, so that each inherits it.
    .exitOverride();

  program
    .command('serve')
    .description('Start the HTTP server (migrates the database first)')
    .action(async () => {
      const config = loadConfig();
      const server = await startServer(config);
      print(describeStart(server, config));
      const stop = () => {
        void server.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('migrate')
    .description('Apply database migrations and exit')
    .action(async () => {
      const config = loadConfig();
      const database = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      await database.migrate();
      await database.close();
      print('Migrations applied.');
    });

  const admin = program.command('admin').description('Administration');
  admin
    .command('create')
    .description('Create an admin account (the first one of a new clinic)')
    .requiredOption('--email <email>', 'log-in e-mail')
    .option('--name <name>', 'display name', 'Clinic administrator')
    .option(
      '--password <password>',
      'at least 12 characters; a random one is made and printed when omitted',
    )
    .action(async (options: { email: string; name: string; password?: string }) => {
      const email = options.email.trim().toLowerCase();
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
        throw new InvalidArgumentError(`--email: "${email}" is not an e-mail address`);
      const password = options.password ?? newToken().slice(0, 20);
      if (password.length < 12)
        throw new InvalidArgumentError('--password: must be at least 12 characters');
      const config = loadConfig();
      const database = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        await database.migrate();
        const [taken] = await database.db
          .select({ n: count() })
          .from(users)
          .where(eq(users.email, email));
        if ((taken?.n ?? 0) > 0)
          throw new InvalidArgumentError(`--email: an account with ${email} already exists`);
        await database.db.insert(users).values({
          email,
          displayName: options.name,
          role: 'admin',
          passwordHash: await hashPassword(password),
          // Made by whoever runs the server: there is no link to open first.
          emailVerifiedAt: new Date(),
        });
        print(`Admin ${email} created.${options.password ? '' : ` Password: ${password}`}`);
      } finally {
        await database.close();
      }
    });

  addKnowledgeCommands(program);
  addDoseCommand(program);
  addScreenCommand(program);
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already written its message (and the help); --help and --version exit 0.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    process.stderr.write(`ketaflow: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
