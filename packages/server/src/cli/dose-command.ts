import {
  calculateDose,
  doseToJson,
  parseQuantity,
  type DoseJson,
  type DoseRequest,
  type InputUnit,
  type KnowledgeBase,
  type Problem,
  type Quantity,
} from '@ketaflow/core';
import type { Command } from 'commander';
import { loadConfig } from '../config';
import { loadClinicKnowledge } from '../knowledge';

/** Options as commander hands them over (all text). */
interface DoseOptions {
  readonly indication?: string;
  readonly product?: string;
  readonly weight?: string;
  readonly weighedOn?: string;
  readonly height?: string;
  readonly sex?: string;
  readonly weightBasis?: string;
  readonly dose?: string;
  readonly duration?: string;
  readonly concentration?: string;
  readonly bag?: string;
  readonly bagMode?: string;
  readonly location?: string;
  readonly override?: readonly string[];
  readonly json?: boolean;
}

/** Request fields and the flags that set them, so every message names what the user typed. */
const FLAG: Record<string, string> = {
  product: '--product',
  indication: '--indication',
  location: '--location',
  weight: '--weight',
  height: '--height',
  sex: '--sex',
  weightBasis: '--weight-basis',
  dose: '--dose',
  duration: '--duration',
  concentration: '--concentration',
  bagVolume: '--bag',
  bagMode: '--bag-mode',
  overrides: '--override',
  asOf: '--weighed-on',
};

function flagOf(path: string | undefined): string {
  const head = (path ?? '').split('.')[0] ?? '';
  return FLAG[head] ?? (head || 'input');
}

/** `--weight 80kg` style text to a request quantity; problems carry the request field as path. */
function quantityOption(
  text: string | undefined,
  field: string,
  units: readonly InputUnit[],
  problems: Problem[],
): { value: number; unit: InputUnit } | undefined {
  if (text === undefined) return undefined;
  const parsed = parseQuantity(text, { field, units });
  if (parsed.ok) return parsed.value;
  problems.push(...parsed.error);
  return undefined;
}

/** Builds the request; text that cannot be parsed is reported, never guessed. */
export function doseRequestFromOptions(options: DoseOptions): {
  readonly request: Record<string, unknown>;
  readonly problems: readonly Problem[];
} {
  const problems: Problem[] = [];
  const request: Record<string, unknown> = {};
  const set = (key: keyof DoseRequest, value: unknown) => {
    if (value !== undefined) request[key] = value;
  };
  set('product', options.product);
  set('indication', options.indication);
  set('location', options.location);
  set('sex', options.sex);
  set('weightBasis', options.weightBasis);
  set('bagMode', options.bagMode);
  const weight = quantityOption(options.weight, 'weight', ['kg', 'lb'], problems);
  set(
    'weight',
    weight && options.weighedOn ? { ...weight, measuredOn: options.weighedOn } : weight,
  );
  if (options.weighedOn !== undefined) set('asOf', new Date().toISOString());
  set('height', quantityOption(options.height, 'height', ['cm', 'in'], problems));
  set('dose', quantityOption(options.dose, 'dose', ['mg/kg', 'mg'], problems));
  set('duration', quantityOption(options.duration, 'duration', ['min', 'h'], problems));
  set('concentration', quantityOption(options.concentration, 'concentration', ['mg/mL'], problems));
  set('bagVolume', quantityOption(options.bag, 'bagVolume', ['mL'], problems));
  if (options.override && options.override.length > 0) {
    request['overrides'] = options.override.map((text) => {
      const at = text.indexOf('=');
      if (at <= 0 || text.slice(at + 1).trim() === '') {
        problems.push({
          code: 'DOSE.INVALID_INPUT',
          path: 'overrides',
          message: `override "${text}" must be CODE=reason, e.g. DOSE.WEIGHT_CHANGE="re-weighed"`,
        });
      }
      return { code: text.slice(0, at), reason: text.slice(at + 1).trim() };
    });
  }
  return { request, problems };
}

const q = (x: Quantity | null): string => (x === null ? '—' : `${x.value} ${x.unit}`);

/** The pump programming sheet, as plain text for a terminal or a printer. */
export function formatPumpSheet(out: DoseJson, kb: KnowledgeBase): string {
  const lines: string[] = [];
  const rule = '─'.repeat(64);
  if (out.product === 'esketamine-nasal') {
    lines.push('ESKETAMINE NASAL SPRAY', rule);
    lines.push(`Dose                 ${q(out.dose)}`);
    // The device strength is the knowledge base's: the dose over the number of devices.
    const each = out.devices === null ? '' : ` (${String(out.dose.value / out.devices)} mg each)`;
    lines.push(`${`Devices${each}`.padEnd(20)} ${out.devices ?? '—'}`);
  } else {
    lines.push(`KETAMINE INFUSION: PUMP PROGRAMMING SHEET (${out.indication ?? ''})`, rule);
    if (out.blocked) lines.push('BLOCKED BY A HARD LIMIT: NOT TO BE PREPARED OR GIVEN', rule);
    const basis = out.dosingWeight ? ` (${out.dosingWeight.basis} weight)` : '';
    lines.push(`Dosing weight        ${q(out.dosingWeight)}${basis}`);
    lines.push(`Dose                 ${q(out.dose)}`);
    lines.push(`Vial                 ketamine ${q(out.vialConcentration)}`);
    lines.push(`Drug volume to draw  ${q(out.drugVolume)}`);
    lines.push(`Dose drawn up        ${q(out.drawnDose)}`);
    lines.push(
      `Bag                  ${kb.infusionPreparation.diluent}, ${out.bagMode === 'withdraw-equal-volume' ? 'withdraw the drug volume first' : 'drug added to the bag'}`,
    );
    lines.push(`Total volume         ${q(out.totalVolume)}`);
    lines.push(`Final concentration  ${q(out.concentration)}`);
    lines.push(`PUMP RATE            ${q(out.rate)}`);
    lines.push(`Duration             ${q(out.duration)}`);
    lines.push(`Dose rate            ${q(out.doseRate)} = ${q(out.doseRatePerMin)}`);
  }
  lines.push(rule);
  if (out.blocked) lines.push('BLOCKED: a hard limit is hit. Do not prepare or give this dose.');
  for (const l of out.limits) {
    const state = l.level === 'hard' ? 'HARD' : l.overridden ? 'soft, overridden' : 'SOFT';
    lines.push(`[${state}] ${l.code}: ${l.message}${l.reason ? ` (reason: ${l.reason})` : ''}`);
  }
  if (!out.blocked && out.requiresOverride)
    lines.push('A soft limit needs a reason before going on (--override CODE=reason).');
  if (out.limits.length === 0) lines.push('Within every limit.');
  lines.push(rule, 'Steps (re-check each):');
  out.steps.forEach((s, i) => lines.push(`  ${i + 1}. ${s}`));
  if (out.notes.length > 0) {
    lines.push('Notes:');
    for (const n of out.notes) lines.push(`  - ${n}`);
  }
  lines.push(rule);
  lines.push('Prepared by ____________________  time ______');
  lines.push('Independent double check by ____________________  time ______');
  lines.push(`knowledge ${kb.knowledgeVersion}`);
  return lines.join('\n');
}

/**
 * `ketaflow dose`: the calculator from a terminal. Prints the pump sheet, or the calculation as
 * JSON with `--json`. Bad input exits 2 naming the option; a blocked dose exits 3 (the numbers
 * are still printed, marked blocked).
 */
export function addDoseCommand(program: Command): void {
  program
    .command('dose')
    .description('Calculate a ketamine infusion (dose, volumes, pump rate) or esketamine devices')
    .option('--indication <id>', 'protocol, e.g. depression (see `ketaflow indications`)')
    .option('--product <product>', 'ketamine-iv (default) or esketamine-nasal')
    .option('--weight <weight>', 'measured weight with unit: 80kg or 176lb')
    .option('--weighed-on <date>', 'date of the weight (YYYY-MM-DD), checked against its age limit')
    .option('--height <height>', 'height with unit: 170cm or 67in (ideal and adjusted weight)')
    .option('--sex <sex>', 'female or male (ideal and adjusted weight)')
    .option('--weight-basis <basis>', 'actual, ideal or adjusted (default: the protocol’s)')
    .option('--dose <dose>', 'explicit dose: 0.5mg/kg or 40mg (default: the protocol’s)')
    .option('--duration <duration>', 'infusion time: 40min or 1h (default: the protocol’s)')
    .option('--concentration <conc>', 'vial strength: 10mg/mL, 50mg/mL or 100mg/mL')
    .option('--bag <volume>', 'diluent bag volume, e.g. 100mL (default: clinic setting)')
    .option('--bag-mode <mode>', 'add-to-bag or withdraw-equal-volume (default: clinic setting)')
    .option('--location <code>', 'location code whose guardrails apply')
    .option(
      '--override <code=reason>',
      'reason to pass a soft limit (repeatable)',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('--json', 'print the calculation as JSON')
    .action((options: DoseOptions) => {
      const { kb } = loadClinicKnowledge(loadConfig().settingsFile);
      const { request, problems } = doseRequestFromOptions(options);
      const outcome = calculateDose(kb, request);
      // Options that did not parse are absent from the request: report them once, as parsed.
      const reported = new Set(problems.map((p) => flagOf(p.path)));
      const all = [
        ...problems,
        ...(outcome.ok ? [] : outcome.error.filter((p) => !reported.has(flagOf(p.path)))),
      ];
      if (!outcome.ok || all.length > 0) {
        for (const p of all) process.stderr.write(`${flagOf(p.path)}: ${p.message}\n`);
        process.exitCode = 2;
        return;
      }
      const out = doseToJson(outcome.value);
      process.stdout.write(
        options.json
          ? `${JSON.stringify({ knowledgeVersion: kb.knowledgeVersion, ...out }, null, 2)}\n`
          : `${formatPumpSheet(out, kb)}\n`,
      );
      if (out.blocked) process.exitCode = 3;
    });
}
