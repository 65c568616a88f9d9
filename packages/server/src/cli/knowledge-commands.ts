import type { Command } from 'commander';
import { loadConfig } from '../config';
import { loadClinicKnowledge } from '../knowledge';

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

function range(r: { min: number; max: number }, unit: string): string {
  return r.min === r.max ? `${r.min} ${unit}` : `${r.min}–${r.max} ${unit}`;
}

/** `ketaflow indications|products|knowledge [--json]`: the knowledge base as the clinic runs it. */
export function addKnowledgeCommands(program: Command): void {
  const knowledge = () => loadClinicKnowledge(loadConfig().settingsFile);

  program
    .command('indications')
    .description('List the indications and their infusion protocols')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => {
      const { kb } = knowledge();
      const items = kb.indications.map((indication) => ({
        ...indication,
        protocol: kb.protocols[indication.id],
      }));
      if (options.json) {
        print(JSON.stringify({ knowledgeVersion: kb.knowledgeVersion, items }, null, 2));
        return;
      }
      for (const { id, displayName, protocol } of items) {
        const perWeek = protocol.sessionsPerWeek
          ? range(protocol.sessionsPerWeek, '×/week')
          : 'as needed';
        print(
          `${id.padEnd(24)} ${displayName.padEnd(34)} ${range(protocol.doseMgPerKg, 'mg/kg').padEnd(14)} over ${range(protocol.durationMin, 'min').padEnd(12)} ${perWeek}`,
        );
      }
      print(`knowledge ${kb.knowledgeVersion}`);
    });

  program
    .command('products')
    .description('List the products (ketamine injection strengths, esketamine nasal spray)')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => {
      const { kb } = knowledge();
      if (options.json) {
        print(
          JSON.stringify({ knowledgeVersion: kb.knowledgeVersion, items: kb.products }, null, 2),
        );
        return;
      }
      for (const p of kb.products)
        print(`${p.id.padEnd(28)} ${p.displayName} (${p.strength.value} ${p.strength.unit})`);
      print(`knowledge ${kb.knowledgeVersion}`);
    });

  program
    .command('knowledge')
    .description('Print the whole knowledge base with its version')
    .option('--json', 'print JSON (the default; the base is too large for a table)')
    .action(() => {
      print(JSON.stringify(knowledge().kb, null, 2));
    });
}
