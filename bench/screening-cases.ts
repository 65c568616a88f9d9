/** Benchmark cases for screening and the medication normaliser (appended to `BENCHMARKS`). */
import { knowledgeBase } from '../packages/core/src/knowledge/default-knowledge-base';
import { parsePatientJson } from '../packages/core/src/screening/patient-json';
import { screen } from '../packages/core/src/screening/screen';
import type { PatientFacts, ScreeningProduct } from '../packages/core/src/screening/types';
import { normalizeMedicationText } from '../packages/core/src/vocabulary/normalize';

interface Case {
  readonly name: string;
  readonly inputs: readonly unknown[];
  readonly run: (input: never) => unknown;
  readonly target?: number;
}

/** A patient with 10 free-text medicines and 5 conditions, parsed once (screening is the cost). */
function benchPatient(): PatientFacts {
  const parsed = parsePatientJson({
    birthDate: '1980-05-01',
    sex: 'female',
    pregnancy: { status: 'not-pregnant', recordedOn: '2025-02-25' },
    // Recorded with the pregnancy status, as the record screen does: a complete record, so the
    // case measures the same findings it always has (an unknown status adds a missing-data one).
    breastfeeding: false,
    // No known allergies, recorded: left out, the list would be unknown (a missing-data finding).
    allergies: [],
    bloodPressure: [{ date: '2025-02-20', systolicMmHg: 132, diastolicMmHg: 84 }],
    weight: [{ date: '2025-02-20', valueKg: 72 }],
    medications: [
      { text: 'Xanax XR 1 mg tab bid' },
      { text: 'Zoloft 100 mg daily' },
      { text: 'lisinopril 10 mg' },
      { text: 'Norco 10/325 q6h prn' },
      { text: 'metformin 500 mg bid' },
      { text: 'Synthroid 75 mcg' },
      { text: 'Adderall XR 20 mg qam' },
      { text: 'simvastatin 20 mg' },
      { text: 'Ambien 5 mg at bedtime' },
      { text: 'omeprazole 20 mg' },
    ],
    conditions: [
      { code: { system: 'snomed', code: '38341003' } },
      { text: 'Major depressive disorder' },
      { code: { system: 'icd10', code: 'E11.9' } },
      { text: 'Generalized anxiety disorder' },
      { code: { system: 'icd10', code: 'I63.9' }, clinicalStatus: 'resolved' },
    ],
  });
  if (!parsed.ok) throw new Error('bench patient is invalid');
  return parsed.value;
}

const patient = benchPatient();

export const SCREENING_BENCHMARKS: readonly Case[] = [
  {
    name: 'screen (10 free-text meds, 5 conditions)',
    inputs: ['ketamine-iv', 'esketamine-nasal'],
    run: (product: ScreeningProduct) =>
      screen(patient, knowledgeBase, { indication: 'depression', product, asOf: '2025-03-01' }),
    target: 100_000,
  },
  {
    name: 'normalizeMedicationText exact (brand, generic, strength)',
    inputs: ['Xanax XR 1 mg tab bid', 'sertraline 50 mg', 'Norco 10/325', 'Lasix 40mg'],
    run: (text: string) => normalizeMedicationText(text),
  },
  {
    name: 'normalizeMedicationText fuzzy (misspelt)',
    inputs: ['setraline 50mg', 'alprazolan', 'klonopine', 'hydrocodoen'],
    run: (text: string) => normalizeMedicationText(text),
  },
];
