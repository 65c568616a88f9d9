import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { screenInput } from './screen';
import type { ScreeningResult } from './types';

const AS_OF = '2025-03-01';

/** A living 40-year-old man with a recent, normal blood pressure and a weight. */
const PATIENT = { resourceType: 'Patient', id: 'p1', gender: 'male', birthDate: '1985-01-15' };

function bp(systolic: number, diastolic: number, id = 'bp1'): unknown {
  const component = (code: string, value: number) => ({
    code: { coding: [{ system: 'http://loinc.org', code }] },
    valueQuantity: { value, unit: 'mm[Hg]', code: 'mm[Hg]' },
  });
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
    effectiveDateTime: '2025-02-20T10:00:00Z',
    component: [component('8480-6', systolic), component('8462-4', diastolic)],
  };
}

const WEIGHT = {
  resourceType: 'Observation',
  id: 'w1',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
  effectiveDateTime: '2025-02-20',
  valueQuantity: { value: 80, code: 'kg' },
};

function bundle(...resources: unknown[]): unknown {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((r) => ({ resource: r })),
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

function finding(result: ScreeningResult, code: string) {
  const f = result.findings.find((x) => x.code === code);
  if (f === undefined)
    throw new Error(`no ${code} in ${result.findings.map((x) => x.code).join()}`);
  return f;
}

describe('a healthy FHIR patient is the control', () => {
  test('eligible, no findings', () => {
    const result = run(bundle(PATIENT, bp(122, 78), WEIGHT));
    expect(result.findings).toEqual([]);
    expect(result.decision).toBe('eligible');
  });
});

describe('blood pressure readings: compared exactly, shown in whole mmHg', () => {
  test('a Synthea-style fractional reading is shown rounded in evidence and summary', () => {
    const f = finding(
      run(bundle(PATIENT, bp(167.67633900195196, 89.37883739505875), WEIGHT)),
      'CI.UNCONTROLLED_HYPERTENSION',
    );
    expect(f.severity).toBe('warning');
    expect(f.evidence).toEqual([
      { reference: 'Observation/bp1', display: '168/89 mmHg on 2025-02-20' },
    ]);
    expect(f.summary).toContain('168/89 mmHg');
  });

  test('a reading just above the hard limit stays above it when shown', () => {
    const result = run(bundle(PATIENT, bp(180.4, 95), WEIGHT));
    expect(result.decision).toBe('contraindicated');
    const f = finding(result, 'CI.UNCONTROLLED_HYPERTENSION');
    expect(f.severity).toBe('critical');
    expect(f.summary).toContain('180.4/95 mmHg');
    expect(f.evidence[0]?.display).toBe('180.4/95 mmHg on 2025-02-20');
  });

  test('a reading just above the limit by less than a tenth still shows that it is above', () => {
    const f = finding(run(bundle(PATIENT, bp(130, 90.04), WEIGHT)), 'CI.UNCONTROLLED_HYPERTENSION');
    expect(f.summary).toContain('130/90.04 mmHg');
  });

  test('a reading just below a limit that rounds up to it is not above it', () => {
    const result = run(bundle(PATIENT, bp(139.6, 89.5), WEIGHT));
    expect(result.decision).toBe('eligible');
  });
});

describe('deceased patients are never screened as eligible', () => {
  test.each([
    [{ deceasedDateTime: '2013-03-27T18:38:58+00:00' }, 'deceased 2013-03-27'],
    [{ deceasedDateTime: '2013' }, 'deceased 2013'],
    [{ deceasedBoolean: true }, 'deceased'],
  ])('%j → SCREEN.PATIENT_DECEASED', (deceased, display) => {
    const result = run(bundle({ ...PATIENT, ...deceased }, bp(122, 78), WEIGHT));
    expect(result.decision).toBe('contraindicated');
    const f = finding(result, 'SCREEN.PATIENT_DECEASED');
    expect(f.severity).toBe('critical');
    expect(f.kind).toBe('missing-data');
    expect(f.evidence).toEqual([{ reference: 'Patient/p1', display }]);
  });

  test('deceasedBoolean false is a living patient', () => {
    expect(run(bundle({ ...PATIENT, deceasedBoolean: false }, bp(122, 78), WEIGHT)).decision).toBe(
      'eligible',
    );
  });

  test('a death date that is not a string is refused with its path', () => {
    const result = screenInput(
      bundle({ ...PATIENT, deceasedDateTime: 2013 }, bp(122, 78), WEIGHT),
      knowledgeBase,
      { indication: 'depression', product: 'ketamine-iv', asOf: AS_OF },
    );
    expect(result.ok ? [] : result.error.map((p) => p.path)).toContain('Patient.deceasedDateTime');
  });
});

describe('evidence names the patient as Patient/<id>', () => {
  test('under 18 cites the Patient resource, with the birth date in the display', () => {
    const f = finding(
      run(bundle({ ...PATIENT, birthDate: '2010-05-01' }, bp(122, 78), WEIGHT)),
      'SCREEN.UNDER_18',
    );
    expect(f.evidence).toEqual([
      { reference: 'Patient/p1', display: 'born 2010-05-01 (14 years)' },
    ]);
  });

  test('missing-data findings cite the patient that was checked', () => {
    const { birthDate: _birthDate, ...noBirthDate } = PATIENT;
    const result = run(bundle({ ...noBirthDate, gender: 'female' }));
    for (const code of [
      'SCREEN.MISSING_AGE',
      'SCREEN.MISSING_BLOOD_PRESSURE',
      'SCREEN.MISSING_PREGNANCY_STATUS',
      'SCREEN.MISSING_WEIGHT',
    ]) {
      const f = finding(result, code);
      expect(
        f.evidence.map((e) => e.reference),
        code,
      ).toEqual(['Patient/p1']);
      expect(f.evidence[0]?.display, code).not.toBe('');
    }
  });
});

describe('records nobody can read become unrecognized-input findings', () => {
  test('a Condition with neither code nor text', () => {
    const result = run(
      bundle(PATIENT, bp(122, 78), WEIGHT, {
        resourceType: 'Condition',
        id: 'c1',
        clinicalStatus: { coding: [{ code: 'active' }] },
      }),
    );
    expect(result.decision).toBe('needs-review');
    const f = finding(result, 'SCREEN.UNREADABLE_CONDITION');
    expect(f.kind).toBe('unrecognized-input');
    expect(f.severity).toBe('warning');
    expect(f.evidence).toEqual([{ reference: 'Condition/c1', display: 'no code or text' }]);
  });

  test('an entered-in-error Condition with neither code nor text is ignored', () => {
    const result = run(
      bundle(PATIENT, bp(122, 78), WEIGHT, {
        resourceType: 'Condition',
        id: 'c1',
        verificationStatus: { coding: [{ code: 'entered-in-error' }] },
      }),
    );
    expect(result.decision).toBe('eligible');
  });

  test.each(['MedicationStatement', 'MedicationRequest'])(
    'a %s with neither code nor text',
    (resourceType) => {
      const result = run(
        bundle(PATIENT, bp(122, 78), WEIGHT, { resourceType, id: 'm1', status: 'active' }),
      );
      expect(result.decision).toBe('needs-review');
      const f = finding(result, 'VOCAB.UNRECOGNIZED_MEDICATION');
      expect(f.kind).toBe('unrecognized-input');
      expect(f.evidence).toEqual([{ reference: `${resourceType}/m1`, display: 'no code or text' }]);
      expect(f.summary).not.toContain('""');
    },
  );

  test('an AllergyIntolerance with neither code nor text', () => {
    const result = run(
      bundle(PATIENT, bp(122, 78), WEIGHT, { resourceType: 'AllergyIntolerance', id: 'a1' }),
    );
    const f = finding(result, 'SCREEN.UNREADABLE_ALLERGY');
    expect(f.kind).toBe('unrecognized-input');
    expect(f.evidence).toEqual([
      { reference: 'AllergyIntolerance/a1', display: 'no code or text' },
    ]);
  });
});
