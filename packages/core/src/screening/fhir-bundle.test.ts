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

/** A blood-pressure panel with its date, values and units as given (for bad-data cases). */
function bpPanel(
  id: string,
  date: string | undefined,
  systolic: unknown,
  diastolic: unknown,
  units: { unit?: string; code?: string } = { unit: 'mm[Hg]', code: 'mm[Hg]' },
): unknown {
  const component = (code: string, value: unknown) => ({
    code: { coding: [{ system: 'http://loinc.org', code }] },
    valueQuantity: { value, ...units },
  });
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
    ...(date === undefined ? {} : { effectiveDateTime: date }),
    component: [component('8480-6', systolic), component('8462-4', diastolic)],
  };
}

function weight(id: string, date: string | undefined, valueQuantity: unknown): unknown {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
    ...(date === undefined ? {} : { effectiveDateTime: date }),
    valueQuantity,
  };
}

function pregnancyStatus(id: string, date: string | undefined, answer: string): unknown {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '82810-3' }] },
    ...(date === undefined ? {} : { effectiveDateTime: date }),
    valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: answer }] },
  };
}

/** LOINC 63895-7 Breastfeeding status, answered LA29253-4 "Not currently breastfeeding". */
const NOT_BREASTFEEDING = {
  resourceType: 'Observation',
  id: 'bf',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '63895-7' }] },
  effectiveDateTime: '2025-02-27',
  valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA29253-4' }] },
};

const NOT_PREGNANT = 'LA26683-5';
const PREGNANT = 'LA15173-0';
const WOMAN = { ...PATIENT, gender: 'female' };

function codes(result: ScreeningResult): string[] {
  return result.findings.map((f) => f.code);
}

describe('blood pressure: only readings dated on or before the screening day count', () => {
  test('a future-dated normal reading does not hide a current high one', () => {
    const result = run(
      bundle(
        PATIENT,
        bpPanel('future', '2026-06-01', 120, 80),
        bpPanel('high', '2025-02-25', 200, 120),
        WEIGHT,
      ),
    );
    expect(result.decision).toBe('contraindicated');
    const f = finding(result, 'CI.UNCONTROLLED_HYPERTENSION');
    expect(f.severity).toBe('critical');
    expect(f.evidence[0]?.reference).toBe('Observation/high');
  });

  test('a future-dated reading alone is no reading, and the finding says it was set aside', () => {
    const result = run(bundle(PATIENT, bpPanel('future', '2026-06-01', 120, 80), WEIGHT));
    expect(result.decision).toBe('needs-review');
    const f = finding(result, 'SCREEN.MISSING_BLOOD_PRESSURE');
    expect(f.summary).toContain('dated after 2025-03-01');
    expect(f.evidence.map((e) => e.reference)).toEqual(['Observation/future']);
  });

  test.each([
    ['later reading first', true],
    ['later reading last', false],
  ])('two readings on one day: the later time decides (%s)', (_name, laterFirst) => {
    const evening = bpPanel('evening', '2025-02-20T18:00:00Z', 200, 120);
    const morning = bpPanel('morning', '2025-02-20T09:00:00Z', 120, 80);
    const result = run(
      bundle(PATIENT, ...(laterFirst ? [evening, morning] : [morning, evening]), WEIGHT),
    );
    expect(result.decision).toBe('contraindicated');
    expect(finding(result, 'CI.UNCONTROLLED_HYPERTENSION').evidence[0]?.reference).toBe(
      'Observation/evening',
    );
  });

  test('date-times are compared as instants: 09:00 at UTC-10 is after 18:00 UTC', () => {
    const result = run(
      bundle(
        PATIENT,
        bpPanel('utc', '2025-02-20T18:00:00Z', 200, 120),
        bpPanel('utc-10', '2025-02-20T09:00:00-10:00', 120, 80),
        WEIGHT,
      ),
    );
    expect(result.decision).toBe('eligible');
  });
});

describe('blood pressure units: only mmHg is read', () => {
  test.each([
    ['kPa', { unit: 'kPa', code: 'kPa' }, 26.7, 16],
    ['cm[H2O]', { unit: 'cm[H2O]', code: 'cm[H2O]' }, 120, 80],
    ['kPa', { unit: 'kPa' }, 26.7, 16],
    ['kPa', { unit: 'kPa', code: 'mm[Hg]' }, 26.7, 16],
  ])(
    'a reading in %s is unreadable: missing blood pressure naming the unit',
    (unit, units, s, d) => {
      const result = run(bundle(PATIENT, bpPanel('bp9', '2025-02-25', s, d, units), WEIGHT));
      expect(result.decision).toBe('needs-review');
      const f = finding(result, 'SCREEN.MISSING_BLOOD_PRESSURE');
      expect(f.summary).toContain(`unit "${unit}" is not mmHg`);
      expect(f.evidence.map((e) => e.reference)).toEqual(['Observation/bp9']);
    },
  );

  test('a reading with no unit at all is unreadable', () => {
    const f = finding(
      run(bundle(PATIENT, bpPanel('bp9', '2025-02-25', 120, 80, {}), WEIGHT)),
      'SCREEN.MISSING_BLOOD_PRESSURE',
    );
    expect(f.summary).toContain('no unit');
  });

  test.each([{ unit: 'mmHg' }, { code: 'mm[Hg]' }, { unit: 'mm Hg', code: 'mm[Hg]' }])(
    '%j is read as mmHg',
    (units) => {
      const result = run(bundle(PATIENT, bpPanel('bp9', '2025-02-25', 200, 120, units), WEIGHT));
      expect(result.decision).toBe('contraindicated');
      expect(codes(result)).toContain('CI.UNCONTROLLED_HYPERTENSION');
    },
  );

  test('an unreadable reading newer than a normal one leaves the blood pressure unknown', () => {
    const result = run(
      bundle(
        PATIENT,
        bp(122, 78),
        bpPanel('kpa', '2025-02-28', 26.7, 16, { unit: 'kPa', code: 'kPa' }),
        WEIGHT,
      ),
    );
    expect(result.decision).toBe('needs-review');
    const f = finding(result, 'SCREEN.MISSING_BLOOD_PRESSURE');
    expect(f.evidence.map((e) => e.reference)).toContain('Observation/kpa');
  });

  test.each([
    [0, 0, 'systolic 0 mmHg'],
    [400, 80, 'systolic 400 mmHg'],
    [120, 5, 'diastolic 5 mmHg'],
  ])('an impossible reading %i/%i is unreadable, never a normal one', (s, d, named) => {
    const result = run(bundle(PATIENT, bpPanel('bp0', '2025-02-25', s, d), WEIGHT));
    expect(result.decision).toBe('needs-review');
    expect(finding(result, 'SCREEN.MISSING_BLOOD_PRESSURE').summary).toContain(
      `${named} is not a possible reading`,
    );
  });

  test('a value given as a string is unreadable, and the rest of the bundle is screened', () => {
    const result = run(bundle(PATIENT, bpPanel('bp9', '2025-02-25', '120', 80), WEIGHT));
    expect(result.decision).toBe('needs-review');
    expect(finding(result, 'SCREEN.MISSING_BLOOD_PRESSURE').summary).toContain(
      'systolic value "120" is not a number',
    );
  });
});

describe('weight: only a possible, dated, current weight counts', () => {
  test.each([
    ['zero', weight('w9', '2025-02-20', { value: 0, code: 'kg' }), 'not a possible weight'],
    ['negative', weight('w9', '2025-02-20', { value: -70, code: 'kg' }), 'not a possible weight'],
    ['undated', weight('w9', undefined, { value: 80, code: 'kg' }), 'undated'],
    ['future-dated', weight('w9', '2026-01-01', { value: 80, code: 'kg' }), 'after 2025-03-01'],
    ['in "lbs"', weight('w9', '2025-02-20', { value: 176, unit: 'lbs' }), 'unit "lbs"'],
    [
      'in "kilograms"',
      weight('w9', '2025-02-20', { value: 80, unit: 'kilograms' }),
      'unit "kilograms"',
    ],
    [
      'with a text value',
      weight('w9', '2025-02-20', { value: '80', code: 'kg' }),
      '"80" is not a number',
    ],
  ])('weight %s: no usable weight, and the finding says why', (_name, w, why) => {
    const result = run(bundle(PATIENT, bp(122, 78), w));
    const f = finding(result, 'SCREEN.MISSING_WEIGHT');
    expect(f.evidence.map((e) => e.reference)).toEqual(['Observation/w9']);
    expect(f.evidence[0]?.display).toContain(why);
    expect(f.summary).toContain(why);
  });

  test('a usable weight beside an unusable one is enough', () => {
    const result = run(bundle(PATIENT, bp(122, 78), WEIGHT, weight('w9', undefined, { value: 0 })));
    expect(result.decision).toBe('eligible');
  });
});

describe('pregnancy status: a "not pregnant" result counts only when dated and current', () => {
  test.each([
    ['undated', undefined, 'undated'],
    ['future-dated', '2025-03-20', 'after 2025-03-01'],
  ])('"not pregnant" result %s: the status is missing', (_name, date, why) => {
    const result = run(
      bundle(WOMAN, bp(122, 78), WEIGHT, pregnancyStatus('ps', date, NOT_PREGNANT)),
    );
    expect(result.decision).toBe('needs-review');
    const f = finding(result, 'SCREEN.MISSING_PREGNANCY_STATUS');
    expect(f.evidence.map((e) => e.reference)).toEqual(['Observation/ps']);
    expect(f.evidence[0]?.display).toContain(why);
  });

  test('a recent dated "not pregnant" result counts', () => {
    const result = run(
      bundle(
        WOMAN,
        bp(122, 78),
        WEIGHT,
        NOT_BREASTFEEDING,
        pregnancyStatus('ps', '2025-02-27', NOT_PREGNANT),
      ),
    );
    expect(result.decision).toBe('eligible');
  });

  test.each([
    ['undated', undefined],
    ['future-dated', '2025-03-20'],
  ])('"pregnant" result %s: still a contraindication', (_name, date) => {
    const result = run(
      bundle(
        WOMAN,
        bp(122, 78),
        WEIGHT,
        pregnancyStatus('neg', '2025-02-27', NOT_PREGNANT),
        pregnancyStatus('pos', date, PREGNANT),
      ),
    );
    expect(result.decision).toBe('contraindicated');
    expect(finding(result, 'CI.PREGNANCY').evidence.map((e) => e.reference)).toContain(
      'Observation/pos',
    );
  });
});

describe('a record that cannot be read is set aside, the rest is screened', () => {
  test('a MedicationStatement with status "inactive" is counted as current and named', () => {
    const result = run(
      bundle(PATIENT, bp(122, 78), WEIGHT, {
        resourceType: 'MedicationStatement',
        id: 'm1',
        status: 'inactive',
        medicationCodeableConcept: { text: 'Xanax 0.5 mg' },
      }),
    );
    expect(codes(result)).toContain('IX.BENZODIAZEPINES');
    const f = finding(result, 'SCREEN.UNREADABLE_STATUS');
    expect(f.kind).toBe('unrecognized-input');
    expect(f.severity).toBe('warning');
    expect(f.evidence.map((e) => e.reference)).toEqual(['MedicationStatement/m1']);
    expect(f.evidence[0]?.display).toContain('status "inactive"');
  });

  test("a Condition with a clinical status outside FHIR's list counts and is named", () => {
    const result = run(
      bundle(PATIENT, bp(122, 78), WEIGHT, {
        resourceType: 'Condition',
        id: 'c1',
        clinicalStatus: { coding: [{ code: 'gone' }] },
        code: { text: 'schizophrenia' },
      }),
    );
    expect(result.decision).toBe('contraindicated');
    expect(finding(result, 'SCREEN.UNREADABLE_STATUS').evidence[0]?.display).toContain(
      'clinical status "gone"',
    );
  });

  test.each(['1990', '1990-05'])('a partial birth date %s gives an age', (birthDate) => {
    const result = run(bundle({ ...PATIENT, birthDate }, bp(122, 78), WEIGHT));
    expect(result.decision).toBe('eligible');
  });

  test('a partial birth date is read as the youngest age it allows', () => {
    // Born in 2007: on 2025-03-01 the patient is 17 (born after 1 March) or 18, so may be under 18.
    const result = run(bundle({ ...PATIENT, birthDate: '2007' }, bp(122, 78), WEIGHT));
    const f = finding(result, 'SCREEN.UNDER_18');
    expect(f.summary).toContain('may be 17');
    expect(f.evidence[0]?.display).toBe('born 2007 (partial date: 17 years at the youngest)');
  });

  test('a birth date after the screening date leaves the age unknown, and the finding says why', () => {
    const result = run(bundle({ ...PATIENT, birthDate: '2031-06-01' }, bp(122, 78), WEIGHT));
    const f = finding(result, 'SCREEN.MISSING_AGE');
    expect(f.evidence[0]?.display).toMatch(/^date of birth 2031-06-01 \(after \d{4}-\d{2}-\d{2}/);
    expect(result.findings.map((x) => x.code)).not.toContain('SCREEN.UNDER_18');
  });

  test('a birth date that is no date at all leaves the age unknown, and the finding says why', () => {
    const result = run(bundle({ ...PATIENT, birthDate: '15/01/1985' }, bp(122, 78), WEIGHT));
    const f = finding(result, 'SCREEN.MISSING_AGE');
    expect(f.evidence).toEqual([
      {
        reference: 'Patient/p1',
        display: 'birth date "15/01/1985" (not a date: FHIR allows YYYY, YYYY-MM or YYYY-MM-DD)',
      },
    ]);
  });
});

describe('a medicine named by a reference to a Medication is screened by its code', () => {
  const LORAZEPAM = {
    coding: [
      {
        system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
        code: '197901',
        display: 'lorazepam 1 MG Oral Tablet',
      },
    ],
  };
  const statement = (medicationReference: unknown, extra: object = {}) => ({
    resourceType: 'MedicationStatement',
    id: 'ms1',
    status: 'active',
    subject: { reference: 'Patient/p1' },
    medicationReference,
    ...extra,
  });
  const withEntries = (...entries: unknown[]) => ({
    resourceType: 'Bundle',
    type: 'collection',
    entry: entries,
  });
  const medication = { resourceType: 'Medication', id: 'med-1', code: LORAZEPAM };

  test.each([
    ['Medication/<id>', 'Medication/med-1', undefined],
    ['the entry fullUrl', 'urn:uuid:0b3f', 'urn:uuid:0b3f'],
    ['an absolute URL', 'https://ehr.example.org/fhir/Medication/med-1', undefined],
  ])('an entry of the bundle, by %s', (_, reference, fullUrl) => {
    const result = run(
      withEntries(
        { resource: PATIENT },
        { resource: bp(122, 78) },
        { resource: WEIGHT },
        { ...(fullUrl === undefined ? {} : { fullUrl }), resource: medication },
        { resource: statement({ reference, display: 'a tablet' }) },
      ),
    );
    expect(finding(result, 'IX.BENZODIAZEPINES').evidence[0]?.display).toContain('lorazepam');
  });

  test('a Medication contained in the statement (#id)', () => {
    const result = run(
      bundle(
        PATIENT,
        bp(122, 78),
        WEIGHT,
        statement({ reference: '#m' }, { contained: [{ ...medication, id: 'm' }] }),
      ),
    );
    expect(finding(result, 'IX.BENZODIAZEPINES').evidence[0]?.display).toContain('lorazepam');
  });

  test('a reference nothing answers falls back on its display as the name', () => {
    const result = run(
      bundle(PATIENT, bp(122, 78), WEIGHT, statement({ reference: '#gone', display: 'Ativan' })),
    );
    // Read by name (a brand of lorazepam), not lost.
    expect(finding(result, 'IX.BENZODIAZEPINES').evidence[0]?.display).toBe('Ativan');
  });

  test('an IPS "no known medications" Medication is a statement about the list, not an entry', () => {
    const none = {
      resourceType: 'Medication',
      id: 'none',
      code: {
        coding: [
          {
            system: 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips',
            code: 'no-known-medications',
          },
        ],
      },
    };
    const result = run(
      withEntries(
        { resource: PATIENT },
        { resource: bp(122, 78) },
        { resource: WEIGHT },
        { resource: none },
        { resource: statement({ reference: 'Medication/none' }) },
      ),
    );
    expect(result.findings).toEqual([]);
  });
});
