import {
  Button,
  Fieldset,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { HeightUnit, Patient, WeightUnit } from '../api/patient-types';
import { addEntry } from '../api/patients-api';
import { FormErrorAlert } from '../components/form-error-alert';
import { todayIsoDate } from '../forms/form-values';
import { requireDate, requirePositive } from '../forms/validators';
import { formatCentimetres, formatKilograms, toCentimetres, toKilograms } from '../format/units';
import { useRecordFormMutation } from './use-record-form-mutation';

type Kind = 'weight' | 'height';

interface MeasurementValues {
  value: number | string;
  unit: WeightUnit | HeightUnit;
  measuredOn: string;
}

const kinds = {
  weight: { label: 'Weight', units: ['kg', 'lb'], defaultUnit: 'kg' },
  height: { label: 'Height', units: ['cm', 'in'], defaultUnit: 'cm' },
} as const;

/** The entered value in the unit the record shows, when it differs from the unit typed. */
function describeConversion(kind: Kind, value: number | string, unit: string): string | undefined {
  if (typeof value !== 'number' || value <= 0) return undefined;
  if (kind === 'weight' && unit === 'lb') return `≈ ${formatKilograms(toKilograms(value, unit))}`;
  if (kind === 'height' && unit === 'in')
    return `≈ ${formatCentimetres(toCentimetres(value, unit))}`;
  return undefined;
}

function save(patientId: string, kind: Kind, value: number, unit: string, measuredOn: string) {
  // The API gets the value and unit as typed, and is the one that converts (`{ value, unit }`).
  if (kind === 'weight') {
    const weightUnit: WeightUnit = unit === 'lb' ? 'lb' : 'kg';
    return addEntry(patientId, 'weights', { weight: { value, unit: weightUnit }, measuredOn });
  }
  const heightUnit: HeightUnit = unit === 'in' ? 'in' : 'cm';
  return addEntry(patientId, 'heights', { height: { value, unit: heightUnit }, measuredOn });
}

/** Adds a weight (kg or lb) or a height (cm or in) with the date it was measured. */
export function AddMeasurementForm({ patientId, kind }: { patientId: string; kind: Kind }) {
  const { label, units, defaultUnit } = kinds[kind];
  const form = useForm<MeasurementValues>({
    initialValues: { value: '', unit: defaultUnit, measuredOn: todayIsoDate() },
    validate: { value: requirePositive(label), measuredOn: requireDate('Measured on') },
  });
  const { mutation, formError } = useRecordFormMutation({
    form,
    mutationFn: (values: { value: number; unit: string; measuredOn: string }): Promise<Patient> =>
      save(patientId, kind, values.value, values.unit, values.measuredOn),
    successMessage: `${label} added`,
    fieldMap: { [kind]: 'value', [`${kind}.value`]: 'value', [`${kind}.unit`]: 'unit' },
  });
  const conversion = describeConversion(kind, form.values.value, form.values.unit);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        if (typeof values.value === 'number') mutation.mutate({ ...values, value: values.value });
      })}
    >
      <Fieldset legend={`Add ${label.toLowerCase()}`}>
        <Stack gap="sm">
          <FormErrorAlert message={formError} />
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <NumberInput
              label={label}
              min={0}
              decimalScale={2}
              required
              description={conversion}
              {...form.getInputProps('value')}
            />
            <NativeSelect label="Unit" data={[...units]} {...form.getInputProps('unit')} />
            <TextInput
              label="Measured on"
              type="date"
              required
              {...form.getInputProps('measuredOn')}
            />
          </SimpleGrid>
          <Button type="submit" loading={mutation.isPending} w="fit-content">
            Add {label.toLowerCase()}
          </Button>
        </Stack>
      </Fieldset>
    </form>
  );
}
