import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { calculateDose, doseToJson, knowledgeBase } from '@ketaflow/core';
import { describe, expect, test } from 'vitest';
import { doseRequestFromOptions } from '../src/cli/dose-command';

const execFileAsync = promisify(execFile);
const repoRoot = new URL('../../../', import.meta.url).pathname;
const cli = join(repoRoot, 'packages/server/bin/ketaflow.js');

// The machine's own clinic settings must not leak into these runs.
const { KETAFLOW_SETTINGS: _ignored, ...withoutSettings } = process.env;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function ketaflow(args: string[], env: Record<string, string> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await execFileAsync('node', [cli, ...args], {
      cwd: repoRoot,
      env: { ...withoutSettings, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function core(request: Record<string, unknown>) {
  const r = calculateDose(knowledgeBase, request);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return doseToJson(r.value);
}

describe('option parsing', () => {
  test('turns typed quantities into request fields, keeping the unit', () => {
    const { request, problems } = doseRequestFromOptions({
      indication: 'chronic-pain',
      weight: '176 lb',
      height: '67in',
      sex: 'female',
      weightBasis: 'adjusted',
      dose: '0.3mg/kg',
      duration: '4.5h',
      concentration: '10mg/mL',
      bag: '250mL',
      override: ['DOSE.WEIGHT_CHANGE=re-weighed'],
    });
    expect(problems).toEqual([]);
    expect(request).toEqual({
      indication: 'chronic-pain',
      sex: 'female',
      weightBasis: 'adjusted',
      weight: { value: 176, unit: 'lb' },
      height: { value: 67, unit: 'in' },
      dose: { value: 0.3, unit: 'mg/kg' },
      duration: { value: 4.5, unit: 'h' },
      concentration: { value: 10, unit: 'mg/mL' },
      bagVolume: { value: 250, unit: 'mL' },
      overrides: [{ code: 'DOSE.WEIGHT_CHANGE', reason: 're-weighed' }],
    });
  });

  test('reports text it cannot read, by field', () => {
    const { problems } = doseRequestFromOptions({
      weight: '80',
      dose: 'half',
      duration: '40 fortnights',
      override: ['DOSE.WEIGHT_CHANGE'],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'weight.unit',
      'dose',
      'duration.unit',
      'overrides',
    ]);
  });
});

describe('ketaflow dose', { timeout: 30_000 }, () => {
  test('--json prints the core calculation with UCUM quantities', async () => {
    const run = await ketaflow([
      'dose',
      '--indication',
      'depression',
      '--weight',
      '80kg',
      '--concentration',
      '50mg/mL',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    const expected = core({
      indication: 'depression',
      weight: { value: 80, unit: 'kg' },
      concentration: { value: 50, unit: 'mg/mL' },
    });
    expect(json).toEqual({ knowledgeVersion: knowledgeBase.knowledgeVersion, ...expected });
    for (const key of [
      'dose',
      'drugVolume',
      'totalVolume',
      'concentration',
      'rate',
      'doseRate',
      'duration',
    ])
      expect(json[key]).toEqual({
        value: expect.any(Number) as number,
        unit: expect.any(String) as string,
      });
    expect(json['blocked']).toBe(false);
  });

  test('lb and kg give the same dose for the same weight', async () => {
    const args = ['dose', '--indication', 'ptsd', '--concentration', '10mg/mL', '--json'];
    const kg = JSON.parse((await ketaflow([...args, '--weight', '90.7184kg'])).stdout) as {
      dose: unknown;
      rate: unknown;
    };
    const lb = JSON.parse((await ketaflow([...args, '--weight', '200lb'])).stdout) as {
      dose: unknown;
      rate: unknown;
      notes: string[];
    };
    expect(lb.dose).toEqual(kg.dose);
    expect(lb.rate).toEqual(kg.rate);
    expect(lb.notes.join(' ')).toContain('lb');
  });

  test('prints a pump sheet with the rate, the steps and double-check lines', async () => {
    const run = await ketaflow([
      'dose',
      '--indication',
      'depression',
      '--weight',
      '80kg',
      '--concentration',
      '50mg/mL',
    ]);
    expect(run.code).toBe(0);
    const expected = core({
      indication: 'depression',
      weight: { value: 80, unit: 'kg' },
      concentration: { value: 50, unit: 'mg/mL' },
    });
    expect(run.stdout).toContain(`PUMP RATE            ${expected.rate?.value} mL/h`);
    expect(run.stdout).toContain(`Drug volume to draw  ${expected.drugVolume?.value} mL`);
    expect(run.stdout).toContain(expected.steps[0]);
    expect(run.stdout).toMatch(/Independent double check by _+/);
  });

  test('counts esketamine devices', async () => {
    const run = await ketaflow([
      'dose',
      '--product',
      'esketamine-nasal',
      '--dose',
      '56mg',
      '--json',
    ]);
    expect(JSON.parse(run.stdout)).toMatchObject({ devices: 2, dose: { value: 56, unit: 'mg' } });
  });

  test('bad input exits 2 and names every bad option', async () => {
    const run = await ketaflow([
      'dose',
      '--indication',
      'insomnia',
      '--weight',
      '80',
      '--concentration',
      '30mg/mL',
      '--sex',
      'x',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines.map((l) => l.split(':')[0]).sort()).toEqual([
      '--concentration',
      '--indication',
      '--sex',
      '--weight',
    ]);
  });

  test(
    'usage errors commander finds (unknown option or command, missing value) exit 2 too',
    { timeout: 120_000 },
    async () => {
      const cases = [
        ['dose', '--indication', 'depression', '--weight', '80kg', '--wieght', '80kg'],
        ['dose', '--indication', 'depression', '--weight'],
        ['doze', '--weight', '80kg'],
      ];
      const runs = await Promise.all(cases.map((args) => ketaflow(args)));
      runs.forEach((run, i) => {
        const name = cases[i]!.join(' ');
        expect(run.code, name).toBe(2);
        expect(run.stdout, name).toBe('');
        expect(run.stderr, name).toMatch(/error: (unknown option|unknown command|option)/);
      });
      // Asking for help is not an error.
      expect((await ketaflow(['help', 'dose'])).code).toBe(0);
    },
  );

  test('a blocked dose exits 3 and says so above the numbers', async () => {
    const run = await ketaflow([
      'dose',
      '--indication',
      'depression',
      '--weight',
      '80kg',
      '--dose',
      '3mg/kg',
    ]);
    expect(run.code).toBe(3);
    const blockedAt = run.stdout.indexOf('BLOCKED');
    expect(blockedAt).toBeGreaterThan(-1);
    expect(blockedAt).toBeLessThan(run.stdout.indexOf('PUMP RATE'));
    expect(run.stdout).toContain('[HARD] DOSE.DOSE_PER_KG_ABOVE_HARD_LIMIT');
  });

  test('uses the clinic settings file (bag, location guardrails)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kf-dose-')), 'settings.json');
    writeFileSync(
      file,
      JSON.stringify({
        infusionPreparation: { bagVolumeMl: 250 },
        locations: {
          downtown: { guardrails: { depression: { totalDoseMg: { hard: { max: 30 } } } } },
        },
      }),
    );
    const args = [
      'dose',
      '--indication',
      'depression',
      '--weight',
      '80kg',
      '--concentration',
      '50mg/mL',
      '--json',
    ];
    const plain = await ketaflow(args, { KETAFLOW_SETTINGS: file });
    expect(JSON.parse(plain.stdout)).toMatchObject({
      totalVolume: { value: 250.8, unit: 'mL' },
      blocked: false,
    });
    const downtown = await ketaflow([...args, '--location', 'downtown'], {
      KETAFLOW_SETTINGS: file,
    });
    expect(downtown.code).toBe(3);
    expect(JSON.parse(downtown.stdout)).toMatchObject({ blocked: true });
  });
});
