import { Button, Fieldset, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { recordBloodPressure } from '../api/screening-api';
import type { NewBloodPressure } from '../api/screening-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { applyProblemToForm } from '../forms/apply-problem';
import { todayIsoDate } from '../forms/form-values';
import { requireDate } from '../forms/validators';
import { useScreeningMutation } from './use-screenings';

interface BloodPressureValues {
  systolicMmHg: number | string;
  diastolicMmHg: number | string;
  measuredOn: string;
}

function requireWholeIn(label: string, min: number, max: number) {
  return (value: number | string): string | null => {
    if (value === '') return `${label} is required`;
    return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? null
      : `${label} must be a whole number from ${String(min)} to ${String(max)}`;
  };
}

/** Records a blood-pressure reading; the server then screens the patient again. */
export function BloodPressureForm({ patientId }: { patientId: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<BloodPressureValues>({
    initialValues: { systolicMmHg: '', diastolicMmHg: '', measuredOn: todayIsoDate() },
    validate: {
      systolicMmHg: requireWholeIn('Systolic', 30, 320),
      diastolicMmHg: requireWholeIn('Diastolic', 10, 250),
      measuredOn: requireDate('Measured on'),
    },
  });
  const save = useScreeningMutation(
    patientId,
    (reading: NewBloodPressure) => {
      setFormError(null);
      return recordBloodPressure(patientId, reading);
    },
    {
      onSuccess: () => {
        form.reset();
        notifications.show({ color: 'teal', message: 'Blood pressure recorded; screened again' });
      },
      onError: (error) => {
        setFormError(applyProblemToForm(form, error));
      },
    },
  );
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        save.mutate({
          systolicMmHg: Number(values.systolicMmHg),
          diastolicMmHg: Number(values.diastolicMmHg),
          measuredOn: values.measuredOn,
        });
      })}
    >
      <Fieldset legend="Record a blood pressure">
        <Stack gap="sm">
          <FormErrorAlert message={formError} />
          {/* Laid out for a narrow column: beside the screening on a wide screen, alone on a phone. */}
          <SimpleGrid cols={2} spacing="sm">
            <NumberInput
              label="Systolic (mmHg)"
              required
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('systolicMmHg')}
            />
            <NumberInput
              label="Diastolic (mmHg)"
              required
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('diastolicMmHg')}
            />
          </SimpleGrid>
          <TextInput
            label="Measured on"
            type="date"
            required
            maw={220}
            {...form.getInputProps('measuredOn')}
          />
          <Button type="submit" loading={save.isPending} w="fit-content">
            Record blood pressure
          </Button>
        </Stack>
      </Fieldset>
    </form>
  );
}
