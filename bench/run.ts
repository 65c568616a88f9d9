/**
 * `npm run bench`: core calculations per second of CPU time on one core, each also as a ratio to
 * a baseline measured in the same run, interleaved with it (JSON.stringify of a dose input: same
 * machine, same moment, same JIT), so a busy or slow machine shows in both.
 *
 * Add a case by appending to `BENCHMARKS` (screening, normaliser, ...). Each case runs its
 * function over a small ring of inputs for a fixed time after a warm-up; a `target` in ops/s
 * prints PASS or FAIL. Nothing here asserts: tests never depend on timing.
 */
import {
  calculateInfusion,
  calculateNasalDose,
  dosingProtocolFor,
  infusionSettingsFor,
  parseQuantity,
  type InfusionInput,
} from '../packages/core/src/dosing/index';
import { knowledgeBase } from '../packages/core/src/knowledge/default-knowledge-base';
import { getNasalSprayDevice } from '../packages/core/src/knowledge/queries';
import { PROTOCOL_IDS } from '../packages/core/src/knowledge/ids';

import { runCdsHooksBench } from './cds-hooks-cases';
import { OUTCOME_BENCHMARKS } from './outcomes-cases';
import { SCHEDULING_BENCHMARKS } from './scheduling-cases';
import { SCREENING_BENCHMARKS } from './screening-cases';

export interface Benchmark {
  readonly name: string;
  /** Inputs cycled through, so one constant input cannot be folded away. */
  readonly inputs: readonly unknown[];
  readonly run: (input: never) => unknown;
  /** Operations per second to reach on one core, if any. */
  readonly target?: number;
}

const WARMUP_MS = 300;
/** Each case runs ROUNDS slices of SLICE_MS, alternating with the baseline, and keeps its best
 * slice: on a shared machine the fastest slice is the one least disturbed by other work. */
const ROUNDS = 12;
const SLICE_MS = 120;
const BATCH = 1000;

/** The real knowledge base's protocols and default infusion preparation. */
const settings = infusionSettingsFor(knowledgeBase);

const typical: InfusionInput = {
  protocol: dosingProtocolFor(knowledgeBase, 'depression'),
  weight: { value: 80, unit: 'kg' },
  vialConcentration: { value: 50, unit: 'mg/mL' },
  settings,
};

const mixed: InfusionInput[] = [];
for (const id of PROTOCOL_IDS) {
  for (const concentration of [10, 50, 100] as const) {
    for (const weightKg of [50, 80, 120]) {
      mixed.push({
        protocol: dosingProtocolFor(knowledgeBase, id),
        weight: { value: weightKg, unit: 'kg' },
        vialConcentration: { value: concentration, unit: 'mg/mL' },
        settings,
      });
    }
  }
}

const everyCheck: InfusionInput = {
  protocol: dosingProtocolFor(knowledgeBase, 'chronic-pain'),
  weight: { value: 176, unit: 'lb', measuredOn: '2025-02-20' },
  height: { value: 170, unit: 'cm' },
  sex: 'male',
  weightBasis: 'adjusted',
  dose: { value: 0.3, unit: 'mg/kg' },
  duration: { value: 4.5, unit: 'h' },
  vialConcentration: { value: 10, unit: 'mg/mL' },
  settings,
  lastRecordedWeight: { valueKg: 78.5, measuredOn: '2025-01-10' },
  asOf: '2025-03-01',
  overrides: [{ code: 'DOSE.TOTAL_DOSE_ABOVE_SOFT_LIMIT', reason: 'prescriber confirmed' }],
};

const nasalDevice = getNasalSprayDevice(knowledgeBase);

/** The baseline every case is divided by. */
const BASELINE: Benchmark = {
  name: 'baseline: JSON.stringify(dose input)',
  inputs: [typical],
  run: (input: InfusionInput) => JSON.stringify(input),
};

/** Cases; append new ones here. */
export const BENCHMARKS: Benchmark[] = [
  {
    name: 'calculateInfusion (0.5 mg/kg, 80 kg, 50 mg/mL)',
    inputs: [typical],
    run: (input: InfusionInput) => calculateInfusion(input),
    target: 1_000_000,
  },
  {
    name: 'calculateInfusion (10 protocols × 3 vials × 3 weights)',
    inputs: mixed,
    run: (input: InfusionInput) => calculateInfusion(input),
    target: 1_000_000,
  },
  {
    name: 'calculateInfusion (lb, adjusted, h, all checks)',
    inputs: [everyCheck],
    run: (input: InfusionInput) => calculateInfusion(input),
  },
  {
    name: 'calculateNasalDose (56 mg)',
    inputs: [{ dose: { value: 56, unit: 'mg' } }, { dose: { value: 84, unit: 'mg' } }],
    run: (input: Parameters<typeof calculateNasalDose>[1]) =>
      calculateNasalDose(nasalDevice, input),
  },
  {
    name: "parseQuantity ('176 lb')",
    inputs: ['176 lb', '80kg', '1.5h', '0.5mg/kg'],
    run: (text: string) => parseQuantity(text),
  },
  ...SCREENING_BENCHMARKS,
  ...SCHEDULING_BENCHMARKS,
  ...OUTCOME_BENCHMARKS,
];

let sink = 0;

/** Operations per second of `b`, measured for `ms` after a warm-up. */
function measure(b: Benchmark, ms: number): number {
  const run = b.run as (input: unknown) => unknown;
  const inputs = b.inputs;
  const n = inputs.length;
  let ops = 0;
  let i = 0;
  const wallStart = performance.now();
  const cpuStart = process.threadCpuUsage();
  while (performance.now() - wallStart < ms) {
    for (let k = 0; k < BATCH; k += 1) {
      const result = run(inputs[i]);
      if (result !== undefined) sink += 1;
      i = i + 1 === n ? 0 : i + 1;
    }
    ops += BATCH;
  }
  // CPU time of this thread (µs), not wall time: other processes, and V8's helper threads on
  // other cores, do not count.
  const cpu = process.threadCpuUsage(cpuStart);
  return (ops * 1e6) / (cpu.user + cpu.system);
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** Best ops/s of `b` and of the baseline, measured in alternating slices. */
function measurePair(b: Benchmark): { readonly ops: number; readonly baseline: number } {
  let ops = 0;
  let baseline = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    baseline = Math.max(baseline, measure(BASELINE, SLICE_MS));
    ops = Math.max(ops, measure(b, SLICE_MS));
  }
  return { ops, baseline };
}

function main(): void {
  for (const b of [BASELINE, ...BENCHMARKS]) measure(b, WARMUP_MS);
  const header = ['name', 'ops/s', 'ratio-to-baseline', 'target', 'result'];
  const rows: string[][] = [];
  let bestBaseline = 0;
  for (const b of BENCHMARKS) {
    const { ops, baseline } = measurePair(b);
    bestBaseline = Math.max(bestBaseline, baseline);
    const verdict = b.target === undefined ? '-' : ops >= b.target ? 'PASS' : 'FAIL';
    rows.push([
      b.name,
      Math.round(ops).toLocaleString('en-US'),
      (ops / baseline).toFixed(2),
      b.target === undefined ? '-' : b.target.toLocaleString('en-US'),
      verdict,
    ]);
  }
  const all = [
    header,
    [BASELINE.name, Math.round(bestBaseline).toLocaleString('en-US'), '1.00', '-', '-'],
    ...rows,
  ];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  for (const row of all) {
    console.log(row.map((cell, c) => pad(cell, widths[c] ?? 0, c > 0 && c < 4)).join('  '));
  }
  console.log(
    `(${sink > 0 ? 'ok' : 'no results'}; ops per second of CPU time on one core; best of ${ROUNDS} × ${SLICE_MS} ms slices per case, alternating with the baseline)`,
  );
}

main();
// HTTP cases are asynchronous and measured in wall time, after the CPU-time table.
await runCdsHooksBench();
