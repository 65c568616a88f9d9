/// <reference types="node" />
// Reads the shared Synthea bundles with node:fs: tests may do I/O, core source may not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { externalData } from '../../../../test-support/external-data';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { screenInput } from './screen';

const DIR = externalData('synthea-smart-on-fhir-r4');

/**
 * The index's medication classes (README "How notable was decided") and the finding each one
 * must raise when the medicine is active. Classes without a KB rule only need recognising.
 */
const MED_CLASS_WORDS: readonly (readonly [RegExp, string | null])[] = [
  [/diazepam|clonazepam|midazolam|alprazolam|lorazepam/i, 'IX.BENZODIAZEPINES'],
  [
    /oxycodone|hydrocodone|meperidine|morphine|fentanyl|remifentanil|tramadol|codeine/i,
    'IX.OPIOIDS',
  ],
  [/sertraline|fluoxetine|citalopram|paroxetine|fluvoxamine/i, 'IX.ANTIDEPRESSANTS'],
  [
    /hydrochlorothiazide|metoprolol|amlodipine|captopril|verapamil|furosemide|lasix|nitroglycerin/i,
    'IX.ANTIHYPERTENSIVES',
  ],
  [/methylphenidate|amphetamine|atomoxetine|modafinil/i, 'IX.PSYCHOSTIMULANTS'],
  [/levothyroxine|liothyronine/i, 'IX.THYROID_HORMONES'],
];

/** Condition classes with a KB contraindication (SNOMED codes from the README). */
const CONDITION_FLAGS: readonly (readonly [string, string])[] = [
  ['230690007', 'CI.STROKE_OR_ANEURYSM_HISTORY'],
  ['88805009', 'CI.SEVERE_HEART_DISEASE'],
  ['38341003', 'SCREEN.KNOWN_HYPERTENSION'],
];

interface Row {
  readonly file: string;
  readonly patientId: string;
  readonly deceased: boolean;
  readonly activeMeds: readonly (readonly [string, string])[];
  readonly activeConditions: readonly string[];
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

function pairs(cell: string): [string, string][] {
  return cell
    .split('; ')
    .filter((p) => p !== '')
    .map((p) => {
      const [code = '', ...rest] = p.split('|');
      return [code, rest.join('|')];
    });
}

const rows: Row[] = readFileSync(join(DIR, 'index.csv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((line) => {
    const c = splitCsvLine(line);
    return {
      file: c[0] ?? '',
      patientId: c[1] ?? '',
      deceased: (c[4] ?? '') !== '',
      activeMeds: pairs(c[10] ?? ''),
      activeConditions: pairs(c[13] ?? '').map(([code]) => code),
    };
  });

describe('Synthea bundles (shared/data/external/synthea-smart-on-fhir-r4)', () => {
  test('the index lists 42 patient bundles', () => {
    expect(rows).toHaveLength(42);
  });

  test.each(rows)('$file screens without error and raises its flags', (row) => {
    const bundle: unknown = JSON.parse(readFileSync(join(DIR, row.file), 'utf8'));
    const result = screenInput(bundle, knowledgeBase, {
      indication: 'depression',
      product: 'ketamine-iv',
      asOf: '2021-06-01',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const findings = result.value.findings;
    for (const [code, display] of row.activeMeds) {
      const flag = MED_CLASS_WORDS.find(([words]) => words.test(display))?.[1];
      if (flag === undefined || flag === null) continue;
      const finding = findings.find((f) => f.code === flag);
      expect(
        finding?.evidence.map((e) => e.display),
        `${code} ${display}`,
      ).toContain(display);
    }
    for (const [snomed, flag] of CONDITION_FLAGS) {
      if (row.activeConditions.includes(snomed))
        expect(
          findings.map((f) => f.code),
          snomed,
        ).toContain(flag);
    }
    for (const f of findings) {
      // design.md: evidence names the triggering input as the FHIR `Type/id`.
      expect(f.evidence.length, f.code).toBeGreaterThan(0);
      for (const e of f.evidence) expect(e.reference, f.code).toMatch(/^[A-Z][A-Za-z]+\/[^/\s]+$/);
      const ids = f.sources.map((src) => src.id);
      expect(ids, f.code).toEqual([...new Set(ids)]);
      // Blood pressures in whole mmHg (a tenth only when needed to stay above a limit).
      for (const e of f.evidence)
        if (e.display.includes('mmHg'))
          expect(e.display, f.code).toMatch(/^\d+(\.\d)?\/\d+(\.\d)? mmHg on \d{4}-\d\d-\d\d$/);
    }
    const deceased = findings.find((f) => f.code === 'SCREEN.PATIENT_DECEASED');
    if (row.deceased) {
      expect(result.value.decision).toBe('contraindicated');
      expect(deceased?.evidence.map((e) => e.reference)).toEqual([`Patient/${row.patientId}`]);
    } else expect(deceased).toBeUndefined();
  });

  test('the index has deceased patients (so the check above is exercised)', () => {
    expect(rows.filter((r) => r.deceased).length).toBeGreaterThan(0);
  });

  test('every active medication in the bundles is recognised', () => {
    const unrecognized = rows.flatMap((row) => {
      const bundle: unknown = JSON.parse(readFileSync(join(DIR, row.file), 'utf8'));
      const result = screenInput(bundle, knowledgeBase, {
        indication: 'depression',
        product: 'ketamine-iv',
        asOf: '2021-06-01',
      });
      return result.ok
        ? result.value.findings
            .filter((f) => f.code.startsWith('VOCAB.'))
            .flatMap((f) => f.evidence.map((e) => e.display))
        : [row.file];
    });
    expect(unrecognized).toEqual([]);
  });

  test('an active Normal pregnancy recorded recently is a contraindication', () => {
    const row = rows.find((r) => r.file.includes('Nereida_Rogahn'));
    const bundle: unknown = JSON.parse(readFileSync(join(DIR, row?.file ?? ''), 'utf8'));
    const result = screenInput(bundle, knowledgeBase, {
      indication: 'depression',
      product: 'ketamine-iv',
      asOf: '2021-06-01',
    });
    expect(result.ok && result.value.findings.map((f) => f.code)).toContain('CI.PREGNANCY');
  });
});
