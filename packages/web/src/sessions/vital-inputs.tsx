import { NumberInput, SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { VitalKey } from '../api/session-types';
import { vitalFields } from './labels';

export type VitalValues = Record<VitalKey, number | string>;

export const emptyVitals: VitalValues = {
  systolicMmHg: '',
  diastolicMmHg: '',
  heartRate: '',
  spo2: '',
  respiratoryRate: '',
  temperatureC: '',
};

/** Large, touch-friendly number fields for the six vital signs. */
export function VitalInputs<V extends VitalValues>({
  form,
  required,
}: {
  form: UseFormReturnType<V>;
  required: boolean;
}) {
  return (
    <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm">
      {vitalFields.map((field) => (
        <NumberInput
          key={field.key}
          size="lg"
          label={`${field.label} (${field.unit})`}
          min={field.min}
          max={field.max}
          step={field.step}
          decimalScale={field.step < 1 ? 1 : 0}
          inputMode={field.step < 1 ? 'decimal' : 'numeric'}
          hideControls
          required={required}
          {...form.getInputProps(field.key)}
        />
      ))}
    </SimpleGrid>
  );
}

/** The filled vital values as numbers; empty fields are left out (unknown, not normal). */
export function filledVitals(values: VitalValues): Partial<Record<VitalKey, number>> {
  const out: Partial<Record<VitalKey, number>> = {};
  for (const field of vitalFields) {
    const value = values[field.key];
    if (typeof value === 'number' && Number.isFinite(value)) out[field.key] = value;
  }
  return out;
}
