import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { parseFhirBundle } from './fhir-bundle';
import { screenInput } from './screen';
import type { ScreeningResult } from './types';

const AS_OF = '2025-03-01';

/** A 40-year-old woman, not pregnant three days ago, with a normal blood pressure and a weight. */
const WOMAN = { resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1985-01-15' };
const RECORDS = [
  {
    resourceType: 'Observation',
    id: 'bp1',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
    effectiveDateTime: '2025-02-20',
    component: [
      {
        code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
        valueQuantity: { value: 122, code: 'mm[Hg]' },
      },
      {
        code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
        valueQuantity: { value: 78, code: 'mm[Hg]' },
      },
    ],
  },
  {
    resourceType: 'Observation',
    id: 'w1',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
    effectiveDateTime: '2025-02-20',
    valueQuantity: { value: 70, code: 'kg' },
  },
  {
    resourceType: 'Observation',
    id: 'ps',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '82810-3' }] },
    effectiveDateTime: '2025-02-26',
    valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA26683-5' }] },
  },
];

const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';

/** A Breastfeeding status Observation (LOINC 63895-7). */
function breastfeeding(id: string, date: string | undefined, system: string, code: string) {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: LOINC, code: '63895-7', display: 'Breastfeeding status' }] },
    ...(date === undefined ? {} : { effectiveDateTime: date }),
    valueCodeableConcept: { coding: [{ system, code }] },
  };
}

function bundle(...resources: unknown[]): unknown {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [WOMAN, ...RECORDS, ...resources].map((r) => ({ resource: r })),
  };
}

function run(input: unknown): ScreeningResult {
  const result = screenInput(input, knowledgeBase, {
    indication: 'depression',
    product: 'ketamine-iv',
    asOf: AS_OF,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const codes = (result: ScreeningResult) => result.findings.map((f) => f.code);

describe('breastfeeding status from a FHIR bundle (LOINC 63895-7)', () => {
  test('no breastfeeding Observation for a woman of 40 is a missing-data warning', () => {
    const result = run(bundle());
    expect(result.decision).toBe('needs-review');
    expect(result.findings).toEqual([
      expect.objectContaining({
        kind: 'missing-data',
        severity: 'warning',
        code: 'SCREEN.MISSING_BREASTFEEDING_STATUS',
        evidence: [
          { reference: 'Patient/p1', display: 'female, 40 years: no breastfeeding status' },
        ],
      }),
    ]);
  });

  test.each([
    ['LOINC LA29252-6 "Currently breastfeeding"', 'yes', LOINC, 'LA29252-6'],
    ['SNOMED CT 169750002 "Mother currently breast-feeding"', 'yes', SNOMED, '169750002'],
    ['LOINC LA29253-4 "Not currently breastfeeding"', 'no', LOINC, 'LA29253-4'],
    ['LOINC LA4489-6 "Unknown"', 'unknown', LOINC, 'LA4489-6'],
    ['an answer code KetaFlow does not know', 'unknown', SNOMED, '1234567'],
  ])('%s is read as %s', (_name, expected, system, code) => {
    const facts = parseFhirBundle(bundle(breastfeeding('bf', '2025-02-26', system, code)));
    if (!facts.ok) throw new Error(JSON.stringify(facts.error));
    expect(facts.value.breastfeeding).toBe(expected);
    expect(facts.value.breastfeedingRef?.reference).toBe('Observation/bf');
  });

  test.each([
    ['"currently breastfeeding" is the precaution', 'LA29252-6', ['PL.BREASTFEEDING']],
    ['"not currently breastfeeding" is nothing to report', 'LA29253-4', []],
    ['"unknown" is missing data', 'LA4489-6', ['SCREEN.MISSING_BREASTFEEDING_STATUS']],
  ])('%s', (_name, answer, expected) => {
    expect(codes(run(bundle(breastfeeding('bf', '2025-02-26', LOINC, answer))))).toEqual(expected);
  });

  test.each([
    ['newer last', false],
    ['newer first', true],
  ])('the newest Observation wins (%s)', (_name, newerFirst) => {
    const older = breastfeeding('old', '2024-06-01', LOINC, 'LA29252-6');
    const newer = breastfeeding('new', '2025-02-26', LOINC, 'LA29253-4');
    const result = run(bundle(...(newerFirst ? [newer, older] : [older, newer])));
    expect(codes(result)).toEqual([]);
  });

  test('a newer "currently breastfeeding" overrides an older "not", and is cited', () => {
    const result = run(
      bundle(
        breastfeeding('old', '2024-06-01', LOINC, 'LA29253-4'),
        breastfeeding('new', '2025-02-26', LOINC, 'LA29252-6'),
      ),
    );
    expect(result.findings.find((f) => f.code === 'PL.BREASTFEEDING')?.evidence).toEqual([
      { reference: 'Observation/new', display: 'breastfeeding status: yes' },
    ]);
  });

  test('an undated "not currently breastfeeding" proves nothing now and is cited', () => {
    const result = run(bundle(breastfeeding('bf', undefined, LOINC, 'LA29253-4')));
    expect(result.findings).toEqual([
      expect.objectContaining({
        code: 'SCREEN.MISSING_BREASTFEEDING_STATUS',
        evidence: [
          {
            reference: 'Observation/bf',
            display: 'breastfeeding status: no (undated, so not a current status)',
          },
        ],
      }),
    ]);
  });

  test('an undated "currently breastfeeding" still counts', () => {
    expect(codes(run(bundle(breastfeeding('bf', undefined, LOINC, 'LA29252-6'))))).toEqual([
      'PL.BREASTFEEDING',
    ]);
  });

  test('a man is not asked, so no Observation is nothing to report', () => {
    const man = { ...WOMAN, gender: 'male' };
    const result = run({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [man, ...RECORDS].map((r) => ({ resource: r })),
    });
    expect(codes(result)).toEqual([]);
  });
});
