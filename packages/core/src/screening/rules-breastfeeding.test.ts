import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { parsePatientJson, type PatientJson } from './patient-json';
import { MISSING_BREASTFEEDING_STATUS } from './rules-breastfeeding';
import { screen } from './screen';

const AS_OF = '2025-03-01';

// The ages the knowledge base asks about pregnancy (askAgeYears, clinic default 10-55).
const ask = knowledgeBase.pregnancyAndLactation.find((g) => g.statusRules !== undefined)
  ?.statusRules?.askAgeYears;

/** A woman of 30, not pregnant two days ago, breastfeeding not recorded. */
const woman: PatientJson = {
  ageYears: 30,
  sex: 'female',
  pregnancy: { status: 'not-pregnant', recordedOn: '2025-02-27' },
};

function findingsFor(patient: PatientJson, product: 'ketamine-iv' | 'esketamine-nasal') {
  const facts = parsePatientJson(patient);
  if (!facts.ok) throw new Error(JSON.stringify(facts.error));
  return screen(facts.value, knowledgeBase, { indication: 'depression', product, asOf: AS_OF })
    .findings;
}

/** The woman with no pregnancy status, or with no age on record. */
const { pregnancy: _pregnancy, ...womanNoPregnancy } = woman;
const { ageYears: _age, ...womanNoAge } = woman;

const codesFor = (patient: PatientJson) =>
  findingsFor(patient, 'ketamine-iv')
    .map((f) => f.code)
    .filter((c) => c === MISSING_BREASTFEEDING_STATUS || c === 'PL.BREASTFEEDING');

describe('breastfeeding status that is not known', () => {
  test.each([
    [
      'not recorded',
      {},
      { reference: 'patient', display: 'female, 30 years: no breastfeeding status' },
    ],
    [
      'recorded as unknown',
      { breastfeeding: 'unknown' as const },
      { reference: 'breastfeeding', display: 'breastfeeding: unknown' },
    ],
  ])('%s for a woman of 30 is a missing-data warning, like pregnancy', (_label, bf, evidence) => {
    const findings = findingsFor({ ...woman, ...bf }, 'esketamine-nasal');
    const missingPregnancy = findingsFor(womanNoPregnancy, 'esketamine-nasal').find(
      (f) => f.code === 'SCREEN.MISSING_PREGNANCY_STATUS',
    );
    const f = findings.find((x) => x.code === MISSING_BREASTFEEDING_STATUS);
    expect(f).toEqual(
      expect.objectContaining({
        kind: missingPregnancy?.kind,
        severity: missingPregnancy?.severity,
        evidence: [evidence],
      }),
    );
    // The knowledge base's breastfeeding sources (LactMed, S44a) and the ask ages' (S02, S37).
    expect(f?.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['S44a', 'S02', 'S37']));
    expect(f?.summary.length).toBeLessThanOrEqual(140);
  });

  test.each([
    ['recorded "no"', { breastfeeding: false }, []],
    ['recorded "yes" (PL.BREASTFEEDING screens it)', { breastfeeding: true }, ['PL.BREASTFEEDING']],
    ['not asked of a man', { sex: 'male' as const }, []],
    [`not asked above ${String(ask?.max)}`, { ageYears: (ask?.max ?? 0) + 1 }, []],
    [`not asked below ${String(ask?.min)}`, { ageYears: (ask?.min ?? 0) - 1 }, []],
  ])('breastfeeding %s: no missing-data finding', (_label, patient, expected) => {
    expect(codesFor({ ...woman, ...patient })).toEqual(expected);
  });

  test.each([
    ['at the lower edge of the pregnancy ages', { ageYears: ask?.min ?? 0 }],
    ['at the upper edge of the pregnancy ages', { ageYears: ask?.max ?? 0 }],
    ['of sex "other"', { sex: 'other' as const }],
    [
      'when pregnancy is recorded as not possible',
      { pregnancy: { status: 'not-possible' as const } },
    ],
  ])('breastfeeding is asked %s', (_label, patient) => {
    expect(codesFor({ ...woman, ...patient })).toEqual([MISSING_BREASTFEEDING_STATUS]);
  });

  test('breastfeeding is asked when no age is on record', () => {
    expect(codesFor(womanNoAge)).toEqual([MISSING_BREASTFEEDING_STATUS]);
  });
});
