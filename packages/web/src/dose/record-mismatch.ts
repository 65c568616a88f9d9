/**
 * The server saves with the weight, height and sex on the record, never with typed ones. These
 * say where the calculator's inputs differ from the record, so Save is not mistaken for saving
 * what is on the screen.
 */
import type { Patient } from '../api/patient-types';
import { isRecordedWeight, parseDecimal, type DoseInputs } from './dose-inputs';
import { latestHeight } from './record-facts';

export interface RecordMismatch {
  weight: boolean;
  height: boolean;
  sex: boolean;
}

export function findRecordMismatch(inputs: DoseInputs, patient: Patient): RecordMismatch {
  if (inputs.product === 'esketamine-nasal') return { weight: false, height: false, sex: false };
  const height = latestHeight(patient);
  const typedHeight = parseDecimal(inputs.height);
  const recordSex = patient.sex === 'female' || patient.sex === 'male' ? patient.sex : '';
  return {
    weight: !isRecordedWeight(inputs, patient),
    height:
      height === undefined
        ? typedHeight !== undefined
        : inputs.heightUnit !== 'cm' || typedHeight !== height.heightCm,
    sex: inputs.sex !== recordSex,
  };
}

export function hasMismatch(m: RecordMismatch): boolean {
  return m.weight || m.height || m.sex;
}
