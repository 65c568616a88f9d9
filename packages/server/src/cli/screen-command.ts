import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  INDICATION_IDS,
  SCREENING_PRODUCTS,
  err,
  isIndicationId,
  ok,
  screenInput,
  type Finding,
  type KnowledgeBase,
  type Problem,
  type Result,
  type ScreeningOptions,
  type ScreeningProduct,
  type ScreeningResult,
} from '@ketaflow/core';
import type { Command } from 'commander';
import { loadConfig } from '../config';
import { loadClinicKnowledge } from '../knowledge';

/** Options as commander hands them over (all text). */
interface ScreenOptions {
  readonly indication?: string;
  readonly product?: string;
  readonly asOf?: string;
  readonly json?: boolean;
}

/** One input file's outcome; `file` is the name as the user will look for it. */
export type ScreenedFile =
  | { readonly file: string; readonly result: ScreeningResult }
  | { readonly file: string; readonly problems: readonly Problem[] };

const SEVERITIES = ['critical', 'warning', 'info'] as const;

/** Today in the machine's time zone, as YYYY-MM-DD: core has no clock, the CLI does. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function isProduct(text: string): text is ScreeningProduct {
  return (SCREENING_PRODUCTS as readonly string[]).includes(text);
}

/** Checks the options; every message starts with the option it is about. */
export function screeningOptionsFrom(
  options: ScreenOptions,
  now: () => string = today,
): Result<ScreeningOptions, string[]> {
  const errors: string[] = [];
  const { indication, product = 'ketamine-iv', asOf = now() } = options;
  const known = indication !== undefined && isIndicationId(indication) ? indication : undefined;
  if (known === undefined)
    errors.push(
      `--indication: ${indication === undefined ? 'required' : `"${indication}" is not an indication`}; one of ${INDICATION_IDS.join(', ')}`,
    );
  if (!isProduct(product))
    errors.push(
      `--product: "${product}" is not a product; one of ${SCREENING_PRODUCTS.join(', ')}`,
    );
  if (!isCalendarDate(asOf)) errors.push(`--as-of: "${asOf}" must be a date as YYYY-MM-DD`);
  if (known === undefined || !isProduct(product) || errors.length > 0) return err(errors);
  return ok({ indication: known, product, asOf });
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Reads and screens one file; a file that cannot be read or parsed is a problem, not a throw. */
export function screenFile(
  path: string,
  file: string,
  kb: KnowledgeBase,
  options: ScreeningOptions,
): ScreenedFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { file, problems: [{ code: 'SCREEN.UNREADABLE_FILE', message: message(error) }] };
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { file, problems: [{ code: 'SCREEN.INVALID_JSON', message: message(error) }] };
  }
  const outcome = screenInput(input, kb, options);
  return outcome.ok ? { file, result: outcome.value } : { file, problems: outcome.error };
}

/** `<file>: <path>: <message>`, one line per problem (no path part when there is none). */
export function problemLines(file: string, problems: readonly Problem[]): string[] {
  return problems.map((p) => [file, ...(p.path ? [p.path] : []), p.message].join(': '));
}

function formatFinding(f: Finding): string[] {
  const lines = [`  ${f.code}  ${f.summary}`];
  for (const e of f.evidence) lines.push(`    evidence: ${e.reference}: ${e.display}`);
  // A source can be cited more than once in a finding; a reader needs each id once.
  const ids = [...new Set(f.sources.map((s) => s.id))];
  if (ids.length > 0) lines.push(`    sources: ${ids.join(', ')}`);
  return lines;
}

/**
 * A screening result for a terminal: the decision in capitals, the findings grouped by severity
 * (critical, warning, info) with their evidence and source ids, the alternatives when
 * contraindicated, and the knowledge version.
 */
export function formatScreening(file: string, result: ScreeningResult): string {
  const lines = [file, result.decision.toUpperCase().replaceAll('-', ' ')];
  for (const severity of SEVERITIES) {
    const group = result.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`${severity.toUpperCase()} (${group.length})`);
    for (const f of group) lines.push(...formatFinding(f));
  }
  if (result.findings.length === 0) lines.push('No findings.');
  for (const a of result.alternatives) {
    lines.push(`ALTERNATIVES for ${a.indicationId}${a.urgent ? ' (URGENT)' : ''}`);
    if (a.note !== undefined) lines.push(`  ${a.note}`);
    for (const m of a.medications) {
      const brands = m.brands.length > 0 ? ` (${m.brands.join(', ')})` : '';
      const caution = m.caution === undefined ? '' : `; caution: ${m.caution}`;
      lines.push(`  medicine: ${m.generic}${brands}, ${m.drugClass}${caution}`);
    }
    for (const c of a.medicationClasses) lines.push(`  class: ${c}`);
    for (const o of a.nonDrugOptions) lines.push(`  other: ${o}`);
    if (a.sources.length > 0) lines.push(`  sources: ${a.sources.join(', ')}`);
  }
  lines.push(`knowledge ${result.knowledgeVersion}`);
  return lines.join('\n');
}

/** The `*.json` files directly in a directory, sorted by name (code-unit order, not locale). */
function jsonFilesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.json'))
    .map((d) => d.name)
    .sort();
}

/**
 * `ketaflow screen`: screens a FHIR R4 Bundle or KetaFlow patient JSON, or every `*.json` in a
 * directory. The decision is data (exit 0); input that cannot be screened exits 2 with one line
 * per problem naming the file and the field, while the other files of a directory still print.
 */
export function addScreenCommand(program: Command): void {
  program
    .command('screen')
    .description(
      'Screen a patient (FHIR R4 Bundle or KetaFlow patient JSON) or a directory of them',
    )
    .argument('[file-or-directory]', 'a .json file, or a directory whose *.json files are screened')
    .option(
      '--indication <id>',
      'what ketamine is for, e.g. depression (see `ketaflow indications`)',
    )
    .option('--product <product>', 'ketamine-iv (default) or esketamine-nasal')
    .option('--as-of <date>', 'the day to screen for, YYYY-MM-DD (default: today)')
    .option('--json', 'print the screening result as JSON')
    .action((target: string | undefined, options: ScreenOptions) => {
      const checked = screeningOptionsFrom(options);
      const errors = checked.ok ? [] : [...checked.error];
      if (target === undefined) errors.push('<file-or-directory>: required');
      if (!checked.ok || target === undefined) {
        for (const line of errors) process.stderr.write(`${line}\n`);
        process.exitCode = 2;
        return;
      }
      let isDirectory: boolean;
      try {
        isDirectory = statSync(target).isDirectory();
      } catch (error) {
        process.stderr.write(`${target}: ${message(error)}\n`);
        process.exitCode = 2;
        return;
      }
      const { kb } = loadClinicKnowledge(loadConfig().settingsFile);
      const outcomes = isDirectory
        ? jsonFilesIn(target).map((name) => screenFile(join(target, name), name, kb, checked.value))
        : [screenFile(target, basename(target), kb, checked.value)];
      const shownPath = (file: string) => (isDirectory ? join(target, file) : target);
      for (const o of outcomes)
        if ('problems' in o)
          for (const line of problemLines(shownPath(o.file), o.problems))
            process.stderr.write(`${line}\n`);
      if (outcomes.some((o) => 'problems' in o)) process.exitCode = 2;
      if (isDirectory && outcomes.length === 0)
        process.stderr.write(`${target}: no *.json files to screen\n`);

      if (options.json) {
        const [only] = outcomes;
        if (!isDirectory) {
          if (only && 'result' in only)
            process.stdout.write(`${JSON.stringify(only.result, null, 2)}\n`);
          return;
        }
        process.stdout.write(`${JSON.stringify(outcomes, null, 2)}\n`);
        return;
      }
      const screened = outcomes.flatMap((o) =>
        'result' in o ? [formatScreening(shownPath(o.file), o.result)] : [],
      );
      if (screened.length > 0) process.stdout.write(`${screened.join('\n\n')}\n`);
    });
}
