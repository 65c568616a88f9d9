import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { parseFhirBundle } from './fhir-bundle';
import { parsePatientJson, type PatientJson } from './patient-json';
import { MISSING_LIST_CODES } from './rules-history';
import { BASE_PATIENT } from './scenarios';
import { screen } from './screen';
import type { HistoryList, PatientFacts } from './types';

const AS_OF = '2025-03-01';
const OPTIONS = { indication: 'depression', product: 'ketamine-iv', asOf: AS_OF } as const;

function facts(patient: PatientJson): PatientFacts {
  const read = parsePatientJson(patient);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.value;
}

/** BASE_PATIENT (eligible, every list held and empty) without `list`. */
function without(list: HistoryList): PatientJson {
  return Object.fromEntries(
    Object.entries(BASE_PATIENT).filter(([key]) => key !== list),
  ) as PatientJson;
}

const missingCodes = new Set(Object.values(MISSING_LIST_CODES));

describe('a history list that is not recorded is unknown, never "none"', () => {
  test.each(['conditions', 'medications', 'allergies'] as const)(
    '%s left out: a missing-data warning, so the patient needs review',
    (list) => {
      const result = screen(facts(without(list)), knowledgeBase, OPTIONS);
      expect(result.decision).toBe('needs-review');
      const found = result.findings.filter((f) => missingCodes.has(f.code));
      expect(found.map((f) => f.code)).toEqual([MISSING_LIST_CODES[list]]);
      const [finding] = found;
      expect(finding?.kind).toBe('missing-data');
      expect(finding?.severity).toBe('warning');
      expect(finding?.evidence).toEqual([
        { reference: 'patient', display: `${list}: not recorded` },
      ]);
      expect(finding?.summary.length).toBeLessThanOrEqual(140);
      expect(finding?.sources.length).toBeGreaterThan(0);
      expect(new Set(finding?.sources.map((s) => s.id)).size).toBe(finding?.sources.length);
    },
  );

  test('every list held and empty ("none known") gives no finding: the base patient is eligible', () => {
    const result = screen(facts(BASE_PATIENT), knowledgeBase, OPTIONS);
    expect(result.decision).toBe('eligible');
    expect(result.findings).toEqual([]);
  });

  test('all three left out: one finding per list', () => {
    const { conditions: _c, medications: _m, allergies: _a, ...bare } = BASE_PATIENT;
    const codes = screen(facts(bare), knowledgeBase, OPTIONS)
      .findings.map((f) => f.code)
      .filter((c) => missingCodes.has(c));
    expect(codes.sort()).toEqual([...missingCodes].sort());
  });

  test('a list with an entry is held: no missing-list finding beside what the entry gives', () => {
    const patient = { ...without('medications'), medications: [{ text: 'Xanax 0.5 mg' }] };
    const codes = screen(facts(patient), knowledgeBase, OPTIONS).findings.map((f) => f.code);
    expect(codes).toEqual(['IX.BENZODIAZEPINES']);
  });

  test('the allergy finding cites the hypersensitivity rule, the medicines one the interactions', () => {
    const hypersensitivity = knowledgeBase.contraindications.find(
      (c) => c.code === 'CI.HYPERSENSITIVITY',
    );
    const allergy = screen(facts(without('allergies')), knowledgeBase, OPTIONS).findings[0];
    expect(allergy?.sources.map((s) => s.id).sort()).toEqual(
      [...new Set(hypersensitivity?.sources)].sort(),
    );
    const ixSources = new Set(
      knowledgeBase.interactions
        .filter((ix) => ix.appliesTo.includes('ketamine'))
        .flatMap((ix) => ix.sources),
    );
    const meds = screen(facts(without('medications')), knowledgeBase, OPTIONS).findings[0];
    expect(new Set(meds?.sources.map((s) => s.id))).toEqual(ixSources);
  });

  test("a FHIR bundle's lists are the EHR's own: none of them is unrecorded", () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          resource: { resourceType: 'Patient', id: 'p1', gender: 'male', birthDate: '1985-01-15' },
        },
      ],
    };
    const read = parseFhirBundle(bundle);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.value.unrecordedLists).toBeUndefined();
    const codes = screen(read.value, knowledgeBase, OPTIONS).findings.map((f) => f.code);
    expect(codes.filter((c) => missingCodes.has(c))).toEqual([]);
  });
});
