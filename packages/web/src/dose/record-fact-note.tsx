import { Text } from '@mantine/core';
import type { Patient } from '../api/patient-types';
import { formatCentimetres, formatKilograms } from '../format/units';
import { isRecordedWeight, parseDecimal, type DoseInputs } from './dose-inputs';
import { daysBetween, describeAge, latestHeight } from './record-facts';

interface RecordFactNoteProps {
  kind: 'weight' | 'height' | 'sex';
  patient: Patient | undefined;
  inputs: DoseInputs;
  asOf: string;
}

function dated(measuredOn: string, asOf: string): string {
  const days = daysBetween(measuredOn, asOf);
  return days === undefined ? measuredOn : `${measuredOn}, ${describeAge(days)}`;
}

function describe({ kind, patient, inputs, asOf }: RecordFactNoteProps): {
  text: string;
  fromRecord: boolean;
} {
  if (patient === undefined) return { text: 'No patient chosen: typed here', fromRecord: false };
  if (kind === 'weight') {
    const latest = patient.latestWeight;
    if (latest === null) return { text: 'No weight on record: typed here', fromRecord: false };
    if (isRecordedWeight(inputs, patient))
      return {
        text: `From the record, measured ${dated(latest.measuredOn, asOf)}`,
        fromRecord: true,
      };
    return {
      text: `Typed here. The record has ${formatKilograms(latest.weightKg)} measured ${dated(latest.measuredOn, asOf)}`,
      fromRecord: false,
    };
  }
  if (kind === 'height') {
    const height = latestHeight(patient);
    if (height === undefined) return { text: 'No height on record', fromRecord: false };
    const same = inputs.heightUnit === 'cm' && parseDecimal(inputs.height) === height.heightCm;
    return same
      ? { text: `From the record, measured ${dated(height.measuredOn, asOf)}`, fromRecord: true }
      : {
          text: `Typed here. The record has ${formatCentimetres(height.heightCm)} (${height.measuredOn})`,
          fromRecord: false,
        };
  }
  if (patient.sex !== 'female' && patient.sex !== 'male')
    return {
      text: `The record says "${patient.sex}": the ideal-weight formula needs female or male`,
      fromRecord: false,
    };
  return inputs.sex === patient.sex
    ? { text: 'From the record', fromRecord: true }
    : { text: `Changed here. The record says ${patient.sex}`, fromRecord: false };
}

/** Says whether a patient fact is the record's (and how old it is) or was typed here. */
export function RecordFactNote(props: RecordFactNoteProps) {
  const { text, fromRecord } = describe(props);
  return (
    <Text
      component="span"
      size="xs"
      c={fromRecord ? 'dimmed' : 'orange.9'}
      fw={fromRecord ? 400 : 500}
    >
      {text}
    </Text>
  );
}
