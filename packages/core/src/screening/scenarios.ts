import type { PatientJson } from './patient-json';
import type { Scenario } from './scenario';
import { CONDITION_SCENARIOS } from './scenarios-conditions';
import { MEDICINE_SCENARIOS } from './scenarios-medicines';
import { PATIENT_SCENARIOS } from './scenarios-patient';
import { UNCLEAR_INPUT_SCENARIOS } from './scenarios-unclear-input';

/** A day every scenario is screened on: no test depends on today's date. */
export const SCENARIO_AS_OF = '2025-03-01';

/**
 * A 40-year-old man with a normal, recent blood pressure and a weight, whose history was taken
 * and holds no conditions, medicines or allergies (empty lists): eligible by himself.
 */
export const BASE_PATIENT: PatientJson = {
  birthDate: '1985-01-15',
  sex: 'male',
  conditions: [],
  medications: [],
  allergies: [],
  bloodPressure: [{ date: '2025-02-20', systolicMmHg: 122, diastolicMmHg: 78 }],
  weight: [{ date: '2025-02-20', valueKg: 80 }],
};

export type { Scenario } from './scenario';

/** Every screening scenario, by theme; `scenarios.test.ts` screens each against its expectation. */
export const SCENARIOS: readonly Scenario[] = [
  ...MEDICINE_SCENARIOS,
  ...CONDITION_SCENARIOS,
  ...PATIENT_SCENARIOS,
  ...UNCLEAR_INPUT_SCENARIOS,
];
