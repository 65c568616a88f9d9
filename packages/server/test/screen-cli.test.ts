import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  knowledgeBase,
  screenInput,
  type ScreeningOptions,
  type ScreeningResult,
} from '@ketaflow/core';
import { describe, expect, test } from 'vitest';
import { externalData } from '../../../test-support/external-data';
import {
  formatScreening,
  problemLines,
  screenFile,
  screeningOptionsFrom,
} from '../src/cli/screen-command';

const execFileAsync = promisify(execFile);
const repoRoot = new URL('../../../', import.meta.url).pathname;
const cli = join(repoRoot, 'packages/server/bin/ketaflow.js');
const SYNTHEA = externalData('synthea-smart-on-fhir-r4');
const BUNDLES = join(SYNTHEA, 'bundles');

// The machine's own clinic settings must not leak into these runs.
const { KETAFLOW_SETTINGS: _ignored, ...withoutSettings } = process.env;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function ketaflow(args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await execFileAsync('node', [cli, ...args], {
      cwd: repoRoot,
      env: withoutSettings,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** What core says for the same input and options: the CLI must print exactly this. */
function core(input: unknown, options: ScreeningOptions): ScreeningResult {
  const r = screenInput(input, knowledgeBase, options);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const PATIENT = {
  id: 'p1',
  birthDate: '1990-04-02',
  sex: 'female',
  pregnancy: { status: 'pregnant', recordedOn: '2025-02-20' },
  breastfeeding: false,
  medications: [
    { id: 'xanax', text: 'Xanax 0.5 mg tab bid', status: 'active' },
    { text: 'sertraline 50 mg' },
    { text: 'Norco 5/325', status: 'stopped' },
  ],
  bloodPressure: [{ id: 'bp1', date: '2025-02-28', systolicMmHg: 128, diastolicMmHg: 82 }],
  weight: [{ date: '2025-02-28', valueKg: 70 }],
};

describe('screeningOptionsFrom', () => {
  test('defaults to IV ketamine and to the day the clock gives', () => {
    expect(screeningOptionsFrom({ indication: 'ptsd' }, () => '2025-03-01')).toEqual({
      ok: true,
      value: { indication: 'ptsd', product: 'ketamine-iv', asOf: '2025-03-01' },
    });
  });

  test('names every bad option', () => {
    const r = screeningOptionsFrom({ product: 'ketamine-im', asOf: '2025-02-30' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((line) => line.split(':')[0])).toEqual([
      '--indication',
      '--product',
      '--as-of',
    ]);
    expect(screeningOptionsFrom({ indication: 'insomnia', asOf: '2025-03-01' })).toEqual({
      ok: false,
      error: [expect.stringMatching(/^--indication: "insomnia" is not an indication; one of /)],
    });
  });
});

describe('screenFile and problemLines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kf-screen-unit-'));
  const options: ScreeningOptions = {
    indication: 'depression',
    product: 'ketamine-iv',
    asOf: '2025-03-01',
  };

  test('JSON that does not parse is a problem carrying the parser message', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{"sex": ');
    const out = screenFile(path, 'broken.json', knowledgeBase, options);
    expect(out).toMatchObject({ file: 'broken.json', problems: [{ code: 'SCREEN.INVALID_JSON' }] });
    let parserMessage = '';
    try {
      JSON.parse('{"sex": ');
    } catch (error) {
      parserMessage = (error as Error).message;
    }
    expect('problems' in out && problemLines(path, out.problems)).toEqual([
      `${path}: ${parserMessage}`,
    ]);
  });

  test('a missing file is a problem, not a throw', () => {
    const out = screenFile(join(dir, 'absent.json'), 'absent.json', knowledgeBase, options);
    expect(out).toMatchObject({ problems: [{ code: 'SCREEN.UNREADABLE_FILE' }] });
  });

  test('a problem line is file, field path and message', () => {
    expect(
      problemLines('a.json', [
        { code: 'SCREEN.INVALID_VALUE', path: 'medications[0]', message: 'needs a text' },
        { code: 'SCREEN.INVALID_VALUE', message: 'must be an object' },
      ]),
    ).toEqual(['a.json: medications[0]: needs a text', 'a.json: must be an object']);
  });
});

describe('formatScreening', () => {
  const source = (id: string) => ({ id, title: `title ${id}`, year: 2020 });
  const result: ScreeningResult = {
    decision: 'contraindicated',
    findings: [
      {
        kind: 'contraindication',
        severity: 'critical',
        code: 'CI.PREGNANCY',
        summary: 'Not recommended in pregnancy.',
        detail: 'd',
        management: 'm',
        evidence: [{ reference: 'Condition/c1', display: 'Normal pregnancy' }],
        sources: [source('S02'), source('S35'), source('S02')],
      },
      {
        kind: 'interaction',
        severity: 'warning',
        code: 'IX.BENZODIAZEPINES',
        summary: 'Benzodiazepines may blunt the response.',
        detail: 'd',
        management: 'm',
        evidence: [
          { reference: 'MedicationStatement/m1', display: 'Xanax 0.5 mg' },
          { reference: 'MedicationStatement/m2', display: 'Klonopin' },
        ],
        sources: [source('S01')],
      },
      {
        kind: 'missing-data',
        severity: 'info',
        code: 'SCREEN.MISSING_WEIGHT',
        summary: 'No weight on record.',
        detail: 'd',
        management: 'm',
        evidence: [],
        sources: [],
      },
    ],
    alternatives: [knowledgeBase.alternatives['suicidal-ideation']],
    knowledgeVersion: 'kb-test',
  };

  test('decision, findings by severity with evidence and sources, alternatives, version', () => {
    const alt = knowledgeBase.alternatives['suicidal-ideation'];
    expect(formatScreening('patient.json', result).split('\n')).toEqual([
      'patient.json',
      'CONTRAINDICATED',
      'CRITICAL (1)',
      '  CI.PREGNANCY  Not recommended in pregnancy.',
      '    evidence: Condition/c1: Normal pregnancy',
      '    sources: S02, S35',
      'WARNING (1)',
      '  IX.BENZODIAZEPINES  Benzodiazepines may blunt the response.',
      '    evidence: MedicationStatement/m1: Xanax 0.5 mg',
      '    evidence: MedicationStatement/m2: Klonopin',
      '    sources: S01',
      'INFO (1)',
      '  SCREEN.MISSING_WEIGHT  No weight on record.',
      'ALTERNATIVES for suicidal-ideation (URGENT)',
      ...(alt.note === undefined ? [] : [`  ${alt.note}`]),
      ...alt.medications.map(
        (m) =>
          `  medicine: ${m.generic}${m.brands.length > 0 ? ` (${m.brands.join(', ')})` : ''}, ${m.drugClass}${m.caution === undefined ? '' : `; caution: ${m.caution}`}`,
      ),
      ...alt.medicationClasses.map((c) => `  class: ${c}`),
      ...alt.nonDrugOptions.map((o) => `  other: ${o}`),
      `  sources: ${alt.sources.join(', ')}`,
      'knowledge kb-test',
    ]);
  });

  test('groups by severity whatever order the findings come in, and says when there are none', () => {
    const [critical, warning, info] = result.findings;
    const shuffled = formatScreening('x.json', {
      ...result,
      decision: 'contraindicated',
      findings: [info!, critical!, warning!],
    }).split('\n');
    expect(shuffled.filter((l) => /^[A-Z]+ \(\d+\)$/.test(l))).toEqual([
      'CRITICAL (1)',
      'WARNING (1)',
      'INFO (1)',
    ]);
    expect(
      formatScreening('x.json', {
        decision: 'eligible-with-precautions',
        findings: [],
        alternatives: [],
        knowledgeVersion: 'kb-test',
      }),
    ).toBe('x.json\nELIGIBLE WITH PRECAUTIONS\nNo findings.\nknowledge kb-test');
  });
});

/** Index classes (README "How notable was decided") and the finding each must raise. */
const MED_FLAGS: readonly (readonly [RegExp, string])[] = [
  [/diazepam|clonazepam|midazolam|alprazolam|lorazepam/i, 'IX.BENZODIAZEPINES'],
  [/oxycodone|hydrocodone|meperidine|morphine|fentanyl|tramadol|codeine/i, 'IX.OPIOIDS'],
  [/sertraline|fluoxetine|citalopram|paroxetine|fluvoxamine/i, 'IX.ANTIDEPRESSANTS'],
  [
    /hydrochlorothiazide|metoprolol|amlodipine|captopril|verapamil|furosemide|lasix|nitroglycerin/i,
    'IX.ANTIHYPERTENSIVES',
  ],
  [/methylphenidate|amphetamine|atomoxetine|modafinil/i, 'IX.PSYCHOSTIMULANTS'],
  [/levothyroxine|liothyronine/i, 'IX.THYROID_HORMONES'],
];
const CONDITION_FLAGS: readonly (readonly [string, string])[] = [
  ['230690007', 'CI.STROKE_OR_ANEURYSM_HISTORY'],
  ['88805009', 'CI.SEVERE_HEART_DISEASE'],
  ['38341003', 'SCREEN.KNOWN_HYPERTENSION'],
  ['72892002', 'CI.PREGNANCY'],
];

interface IndexRow {
  readonly file: string;
  readonly activeMeds: readonly string[];
  readonly activeConditions: readonly string[];
  readonly classes: string;
}

/** index.csv: quoted fields may hold commas; `code|display; …` lists in the active columns. */
function readIndex(): IndexRow[] {
  const lines = readFileSync(join(SYNTHEA, 'index.csv'), 'utf8').trim().split('\n');
  return lines.slice(1).map((line) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (const c of line) {
      if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += c;
    }
    cells.push(cell);
    const list = (i: number) => (cells[i] ?? '').split('; ').filter((x) => x !== '');
    return {
      file: (cells[0] ?? '').replace(/^bundles\//, ''),
      activeMeds: list(10).map((p) => p.slice(p.indexOf('|') + 1)),
      activeConditions: list(13).map((p) => p.slice(0, p.indexOf('|'))),
      classes: `${cells[8] ?? ''};${cells[11] ?? ''}`,
    };
  });
}

describe('ketaflow screen', { timeout: 60_000 }, () => {
  const asOf = '2021-06-01';
  const options: ScreeningOptions = { indication: 'depression', product: 'ketamine-iv', asOf };

  test('a directory of Synthea bundles: one result per file, flags found, non-patients reported', async () => {
    const run = await ketaflow([
      'screen',
      '--indication',
      'depression',
      '--as-of',
      asOf,
      BUNDLES,
      '--json',
    ]);
    // The Organization and Practitioner bundles hold no patient: reported, the rest still print.
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n').sort()).toEqual([
      `${join(BUNDLES, 'hospitalInformation1559319163815.json')}: entry: must contain a Patient resource`,
      `${join(BUNDLES, 'practitionerInformation1559319163815.json')}: entry: must contain a Patient resource`,
    ]);
    const out = JSON.parse(run.stdout) as {
      file: string;
      result?: ScreeningResult;
      problems?: unknown[];
    }[];
    const names = readdirSync(BUNDLES).filter((n) => n.endsWith('.json'));
    expect(out.map((o) => o.file)).toEqual([...names].sort());
    expect(out.filter((o) => o.problems).map((o) => o.file)).toEqual([
      'hospitalInformation1559319163815.json',
      'practitionerInformation1559319163815.json',
    ]);

    const index = readIndex();
    expect(index).toHaveLength(42);
    for (const row of index) {
      const entry = out.find((o) => o.file === row.file);
      expect(entry?.result, row.file).toEqual(core(readJson(join(BUNDLES, row.file)), options));
      const findings = entry?.result?.findings ?? [];
      const codes = findings.map((f) => f.code);
      for (const display of row.activeMeds) {
        const flag = MED_FLAGS.find(([words]) => words.test(display))?.[1];
        if (flag === undefined) continue;
        const evidence = findings.find((f) => f.code === flag)?.evidence.map((e) => e.display);
        expect(evidence, `${row.file}: ${display}`).toContain(display);
      }
      for (const [snomed, flag] of CONDITION_FLAGS)
        if (row.activeConditions.includes(snomed)) expect(codes, row.file).toContain(flag);
      // Miscarriage left "active" by Synthea is not a current pregnancy (README quirks).
      if (!row.activeConditions.includes('72892002'))
        expect(codes, row.file).not.toContain('CI.PREGNANCY');
      // Negative controls: nothing notable in the index, no contraindication or interaction.
      if (row.classes === ';')
        expect(
          findings.filter((f) => f.kind === 'contraindication' || f.kind === 'interaction'),
          row.file,
        ).toEqual([]);
      for (const f of findings)
        for (const e of f.evidence)
          expect(e.reference).toMatch(/^[A-Z][A-Za-z]+\/[\w.-]+$|^Patient\./);
    }
  });

  test('one bundle, human-readable: the formatted core result, exit 0', async () => {
    const path = join(
      BUNDLES,
      readdirSync(BUNDLES).find((n) => n.startsWith('Nereida_Rogahn'))!,
    );
    const run = await ketaflow(['screen', '--indication', 'depression', '--as-of', asOf, path]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const expected = core(readJson(path), options);
    expect(expected.decision).toBe('contraindicated');
    expect(run.stdout).toBe(`${formatScreening(path, expected)}\n`);
    expect(run.stdout).toContain('CONTRAINDICATED\nCRITICAL');
    expect(run.stdout).toContain('ALTERNATIVES for depression');
  });

  test('KetaFlow patient JSON, esketamine, --json: exactly the core result', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kf-screen-')), 'patient.json');
    writeFileSync(path, JSON.stringify(PATIENT));
    const run = await ketaflow([
      'screen',
      '--indication',
      'depression',
      '--product',
      'esketamine-nasal',
      '--as-of',
      '2025-03-01',
      path,
      '--json',
    ]);
    expect(run.code).toBe(0);
    const expected = core(PATIENT, {
      indication: 'depression',
      product: 'esketamine-nasal',
      asOf: '2025-03-01',
    });
    expect(JSON.parse(run.stdout)).toEqual(expected);
    expect(expected.decision).toBe('contraindicated');
    const benzo = expected.findings.find((f) => f.code === 'IX.BENZODIAZEPINES');
    expect(benzo?.evidence).toEqual([
      { reference: 'medications/xanax', display: 'Xanax 0.5 mg tab bid' },
    ]);
  });

  test('invalid patient JSON exits 2, prints nothing and names file and field', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kf-screen-')), 'bad.json');
    writeFileSync(path, JSON.stringify({ sex: 'f', medications: [{ status: 'active' }] }));
    const run = await ketaflow(['screen', '--indication', 'depression', '--as-of', asOf, path]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const problems = screenInput(
      { sex: 'f', medications: [{ status: 'active' }] },
      knowledgeBase,
      options,
    );
    expect(problems.ok).toBe(false);
    if (problems.ok) return;
    expect(run.stderr).toBe(`${problemLines(path, problems.error).join('\n')}\n`);
    expect(run.stderr).toContain(`${path}: sex: `);
    expect(run.stderr).toContain(`${path}: medications[0]: `);
  });
});
