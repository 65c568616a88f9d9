/// <reference types="node" />
// Reads the shared Synthea bundles with node:fs: tests may do I/O, core source may not.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { externalData } from '../../../../test-support/external-data';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import {
  IPS_ABSENT_UNKNOWN_CODES,
  IPS_ABSENT_UNKNOWN_SYSTEM,
  IPS_NONE_KNOWN_CODES,
} from './fhir-absent-unknown';
import { parseFhirBundle } from './fhir-bundle';
import { MISSING_LIST_CODES } from './rules-history';
import { screen } from './screen';
import type { HistoryList, PatientFacts, ScreeningResult } from './types';

const OPTIONS = { indication: 'depression', product: 'ketamine-iv', asOf: '2025-03-01' } as const;

/** A living 40-year-old man with a recent normal blood pressure and a weight: eligible. */
const PATIENT = { resourceType: 'Patient', id: 'p1', gender: 'male', birthDate: '1985-01-15' };
const BP = {
  resourceType: 'Observation',
  id: 'bp1',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
  effectiveDateTime: '2025-02-20T10:00:00Z',
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
};
const WEIGHT = {
  resourceType: 'Observation',
  id: 'w1',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
  effectiveDateTime: '2025-02-20',
  valueQuantity: { value: 80, code: 'kg' },
};

function ips(code: string, withDisplay = false): unknown {
  const display = IPS_ABSENT_UNKNOWN_CODES[code]?.display;
  return {
    coding: [{ system: IPS_ABSENT_UNKNOWN_SYSTEM, code, ...(withDisplay ? { display } : {}) }],
  };
}

/** A record of `type` coded with IPS `code`, shaped as the IPS examples are. */
function statement(
  type: string,
  code: string,
  extra: Record<string, unknown> = {},
  withDisplay = false,
): unknown {
  const id = `${type.toLowerCase()}-${code}`;
  const concept = ips(code, withDisplay);
  if (type === 'MedicationStatement' || type === 'MedicationRequest')
    return {
      resourceType: type,
      id,
      status: 'active',
      medicationCodeableConcept: concept,
      ...extra,
    };
  return { resourceType: type, id, code: concept, ...extra };
}

function bundle(...resources: unknown[]): unknown {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource) => ({ resource })),
  };
}

function facts(input: unknown): PatientFacts {
  const read = parseFhirBundle(input);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.value;
}

function run(...resources: unknown[]): ScreeningResult {
  return screen(facts(bundle(PATIENT, BP, WEIGHT, ...resources)), knowledgeBase, OPTIONS);
}

const codes = (result: ScreeningResult) => result.findings.map((f) => f.code);

const PENICILLIN_ALLERGY = {
  resourceType: 'AllergyIntolerance',
  id: 'a-pen',
  code: { text: 'Penicillin' },
};
const ASTHMA = { resourceType: 'Condition', id: 'c-asthma', code: { text: 'Asthma' } };
const SERTRALINE = {
  resourceType: 'MedicationStatement',
  id: 'm-sert',
  status: 'active',
  medicationCodeableConcept: { text: 'Sertraline 50 mg' },
};
const ENTRY: Readonly<Record<HistoryList, unknown>> = {
  allergies: PENICILLIN_ALLERGY,
  conditions: ASTHMA,
  medications: SERTRALINE,
};
const TYPE: Readonly<Record<HistoryList, string>> = {
  allergies: 'AllergyIntolerance',
  conditions: 'Condition',
  medications: 'MedicationStatement',
};
const NO_INFO: Readonly<Record<HistoryList, string>> = {
  allergies: 'no-allergy-info',
  conditions: 'no-problem-info',
  medications: 'no-medication-info',
};

describe('the IPS code table', () => {
  test('each list has one "none known" and one "no information" code of its own', () => {
    for (const [list, code] of Object.entries(IPS_NONE_KNOWN_CODES))
      expect(IPS_ABSENT_UNKNOWN_CODES[code]).toMatchObject({ list, meaning: 'none-known' });
    for (const [list, code] of Object.entries(NO_INFO))
      expect(IPS_ABSENT_UNKNOWN_CODES[code]).toMatchObject({ list, meaning: 'no-info' });
  });
});

describe('"none known" (IPS no-known-*) is a statement, never an entry', () => {
  test('an AllergyIntolerance coded only no-known-allergies, with no text, is no unreadable allergy', () => {
    const result = run(statement('AllergyIntolerance', 'no-known-allergies'));
    expect(result.findings).toEqual([]);
    expect(result.decision).toBe('eligible');
  });

  test.each([
    ['AllergyIntolerance', 'no-known-allergies'],
    ['AllergyIntolerance', 'no-known-medication-allergies'],
    ['AllergyIntolerance', 'no-known-food-allergies'],
    ['Condition', 'no-known-problems'],
    ['MedicationStatement', 'no-known-medications'],
    ['MedicationRequest', 'no-known-medications'],
  ])('a %s coded %s, with or without its display, is no entry at all', (type, code) => {
    for (const withDisplay of [false, true]) {
      const read = facts(bundle(PATIENT, statement(type, code, {}, withDisplay)));
      expect(read.allergies).toEqual([]);
      expect(read.conditions).toEqual([]);
      expect(read.medications).toEqual([]);
      expect(read.unreadable).toBeUndefined();
      expect(read.unrecordedLists).toBeUndefined();
      expect(codes(run(statement(type, code, {}, withDisplay)))).toEqual([]);
    }
  });

  test('SNOMED CT 716186003 "No known allergy" (as IPS STU2 and AU Core code it) reads as no-known-allergies', () => {
    const snomedNka = {
      resourceType: 'AllergyIntolerance',
      id: 'a-nka',
      clinicalStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
            code: 'active',
          },
        ],
      },
      code: {
        coding: [
          { system: 'http://snomed.info/sct', code: '716186003', display: 'No known allergy' },
        ],
      },
    };
    const read = facts(bundle(PATIENT, snomedNka));
    expect(read.allergies).toEqual([]);
    expect(read.unreadable).toBeUndefined();
    expect(run(snomedNka).findings).toEqual([]);
    // The same code in another system is no statement: read as the allergy it names.
    const otherSystem = {
      ...snomedNka,
      code: { coding: [{ system: 'urn:local', code: '716186003' }], text: 'No known allergy' },
    };
    expect(facts(bundle(PATIENT, otherSystem)).allergies).toHaveLength(1);
  });

  test('beside a real allergy to ketamine, "no known allergies" hides nothing', () => {
    const result = run(statement('AllergyIntolerance', 'no-known-allergies'), {
      resourceType: 'AllergyIntolerance',
      id: 'a-ket',
      code: { text: 'Ketamine' },
    });
    expect(codes(result)).toContain('CI.HYPERSENSITIVITY');
  });

  test.each(['refuted', 'entered-in-error'])(
    'a no-known-allergies record %s is ignored (no allergy, no finding)',
    (status) => {
      const verificationStatus = {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
            code: status,
          },
        ],
      };
      const read = facts(
        bundle(
          PATIENT,
          statement('AllergyIntolerance', 'no-known-allergies', { verificationStatus }),
        ),
      );
      expect(read.allergies).toEqual([]);
      expect(read.unrecordedLists).toBeUndefined();
    },
  );

  test('a Condition coded with an allergy statement is neither a condition nor a statement about allergies', () => {
    const read = facts(bundle(PATIENT, statement('Condition', 'no-allergy-info')));
    expect(read.conditions).toEqual([]);
    expect(read.unrecordedLists).toBeUndefined();
  });
});

describe('"no information" (IPS no-*-info) leaves the list not recorded', () => {
  test.each(['allergies', 'conditions', 'medications'] as const)(
    '%s: the missing-list warning, and nothing read as an entry',
    (list) => {
      const result = run(statement(TYPE[list], NO_INFO[list]));
      expect(codes(result)).toEqual([MISSING_LIST_CODES[list]]);
      expect(result.decision).toBe('needs-review');
      expect(result.findings[0]?.evidence).toEqual([
        { reference: 'Patient/p1', display: `${list}: not recorded` },
      ]);
    },
  );

  test.each(['allergies', 'conditions', 'medications'] as const)(
    '%s: a real entry in the same bundle wins (the list is held)',
    (list) => {
      const read = facts(bundle(PATIENT, statement(TYPE[list], NO_INFO[list]), ENTRY[list]));
      expect(read.unrecordedLists).toBeUndefined();
      expect(read[list]).toHaveLength(1);
    },
  );

  test('an entry entered in error does not hold the list', () => {
    const read = facts(
      bundle(PATIENT, statement('MedicationStatement', 'no-medication-info'), {
        ...SERTRALINE,
        status: 'entered-in-error',
      }),
    );
    expect(read.unrecordedLists).toEqual(['medications']);
  });

  test('a "no information" record entered in error is ignored', () => {
    const read = facts(
      bundle(
        PATIENT,
        statement('MedicationStatement', 'no-medication-info', { status: 'entered-in-error' }),
      ),
    );
    expect(read.unrecordedLists).toBeUndefined();
  });

  test('a CDS Hooks prefetch (searchset resources put in one collection) gets the same reading', () => {
    // What the order services build from prefetch: every resource of every key, in one bundle.
    const prefetch = {
      patient: PATIENT,
      allergies: {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [{ resource: statement('AllergyIntolerance', 'no-known-allergies') }],
      },
      conditions: {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [{ resource: statement('Condition', 'no-problem-info') }],
      },
      medications: { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: SERTRALINE }] },
      vitals: {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [{ resource: BP }, { resource: WEIGHT }],
      },
    };
    const resources = Object.values(prefetch).flatMap((v) =>
      v.resourceType === 'Bundle'
        ? (v as { entry: { resource: unknown }[] }).entry.map((e) => e.resource)
        : [v],
    );
    const read = facts(bundle(...resources));
    expect(read.allergies).toEqual([]);
    expect(read.unreadable).toBeUndefined();
    expect(read.unrecordedLists).toEqual(['conditions']);
    const result = screen(read, knowledgeBase, OPTIONS);
    expect(codes(result)).toContain(MISSING_LIST_CODES.conditions);
    expect(codes(result)).not.toContain(MISSING_LIST_CODES.allergies);
    expect(codes(result)).not.toContain('SCREEN.UNREADABLE_ALLERGY');
  });
});

describe('Synthea bundles (no IPS codes) read as before', () => {
  const dir = join(externalData('synthea-smart-on-fhir-r4'), 'bundles');
  // Patient bundles are named after the patient (hospital and practitioner files hold none).
  const files = readdirSync(dir).filter((f) => /_[0-9a-f-]{36}\.json$/.test(f));

  test('there are bundles to read', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  test.each(files)('%s: every record is an entry and every list is held', (file) => {
    const input = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      entry: { resource: { resourceType: string } }[];
    };
    const count = (...types: string[]) =>
      input.entry.filter((e) => types.includes(e.resource.resourceType)).length;
    const read = facts(input);
    expect(read.unrecordedLists).toBeUndefined();
    expect(read.conditions).toHaveLength(count('Condition'));
    expect(read.medications).toHaveLength(count('MedicationStatement', 'MedicationRequest'));
    expect(read.allergies).toHaveLength(count('AllergyIntolerance'));
  });
});
