/**
 * Screening scenarios for input that cannot be taken at face value: unrecognised medicines,
 * several findings at once, and records dated after the screening day or not dated.
 */
import { med, type Scenario } from './scenario';

export const UNCLEAR_INPUT_SCENARIOS: readonly Scenario[] = [
  // Unrecognised input
  {
    name: 'unknown medicine needs a human',
    reason: 'never passes silently',
    patient: med('Zorbanex 10 mg'),
    decision: 'needs-review',
    present: ['VOCAB.UNRECOGNIZED_MEDICATION'],
  },
  {
    name: 'unknown stopped medicine is ignored',
    reason: 'only current medicines count',
    patient: med('Zorbanex 10 mg', 'stopped'),
    decision: 'eligible',
  },
  {
    name: 'several findings: worst wins',
    reason: 'critical beats warning and info',
    patient: {
      medications: [{ text: 'Xanax' }, { text: 'Zoloft' }],
      conditions: [{ text: 'schizophrenia' }],
    },
    decision: 'contraindicated',
    present: ['IX.BENZODIAZEPINES', 'IX.ANTIDEPRESSANTS', 'CI.SCHIZOPHRENIA_OR_PSYCHOSIS'],
  },
  // Records dated after the screening day, or undated, are not current
  {
    name: 'a future-dated normal blood pressure does not hide a current high one',
    reason: 'a reading dated after asOf is not current; 200/120 is above the 180/100 hard limit',
    patient: {
      bloodPressure: [
        { date: '2025-06-01', systolicMmHg: 120, diastolicMmHg: 80 },
        { date: '2025-02-25', systolicMmHg: 200, diastolicMmHg: 120 },
      ],
    },
    decision: 'contraindicated',
    present: ['CI.UNCONTROLLED_HYPERTENSION'],
  },
  {
    name: 'a future-dated blood pressure alone is no blood pressure',
    reason: 'a reading dated after asOf is not current: missing data',
    patient: { bloodPressure: [{ date: '2025-06-01', systolicMmHg: 120, diastolicMmHg: 80 }] },
    decision: 'needs-review',
    present: ['SCREEN.MISSING_BLOOD_PRESSURE'],
  },
  {
    name: 'an undated negative pregnancy status is not current',
    reason: 'a "not pregnant" result counts only with its date, within 14 days',
    patient: { sex: 'female', pregnancy: { status: 'not-pregnant' } },
    decision: 'needs-review',
    present: ['SCREEN.MISSING_PREGNANCY_STATUS'],
  },
  {
    name: 'a future-dated negative pregnancy status is not current',
    reason: 'a "not pregnant" result dated after asOf proves nothing now',
    patient: { sex: 'female', pregnancy: { status: 'not-pregnant', recordedOn: '2025-03-10' } },
    decision: 'needs-review',
    present: ['SCREEN.MISSING_PREGNANCY_STATUS'],
  },
  {
    name: 'an undated positive pregnancy status still counts',
    reason: 'CI.PREGNANCY: positive evidence of risk is never set aside',
    patient: { sex: 'female', pregnancy: { status: 'pregnant' } },
    decision: 'contraindicated',
    present: ['CI.PREGNANCY'],
  },
  {
    name: 'an undated weight is no usable weight',
    reason: 'SCREEN.MISSING_WEIGHT (info): an undated weight may be years old',
    patient: { weight: [{ valueKg: 80 }] },
    decision: 'eligible-with-precautions',
    present: ['SCREEN.MISSING_WEIGHT'],
  },
  {
    name: 'a future-dated weight is no usable weight',
    reason: 'SCREEN.MISSING_WEIGHT (info): a weight dated after asOf is an error in the record',
    patient: { weight: [{ date: '2025-06-01', valueKg: 80 }] },
    decision: 'eligible-with-precautions',
    present: ['SCREEN.MISSING_WEIGHT'],
  },
];
