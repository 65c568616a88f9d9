import { Button, Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { MedicationStatus } from '../api/patient-types';
import { addEntry, type NewMedication } from '../api/patients-api';
import { FormErrorAlert } from '../components/form-error-alert';
import { ifFilled } from '../forms/form-values';
import { optionalDate, requireText } from '../forms/validators';
import { medicationStatusOptions } from '../format/labels';
import { useRecordFormMutation } from './use-record-form-mutation';

interface MedicationValues {
  text: string;
  rxnormCode: string;
  doseText: string;
  status: MedicationStatus;
  startedOn: string;
  stoppedOn: string;
}

export function AddMedicationForm({ patientId }: { patientId: string }) {
  const form = useForm<MedicationValues>({
    initialValues: {
      text: '',
      rxnormCode: '',
      doseText: '',
      status: 'active',
      startedOn: '',
      stoppedOn: '',
    },
    validate: {
      text: requireText('Medication'),
      rxnormCode: (code) =>
        code.trim() === '' || /^\d+$/.test(code.trim())
          ? null
          : 'An RxNorm code is a number (RxCUI)',
      startedOn: optionalDate('Started on'),
      stoppedOn: optionalDate('Stopped on'),
    },
  });
  const { mutation, formError } = useRecordFormMutation({
    form,
    mutationFn: (entry: NewMedication) => addEntry(patientId, 'medications', entry),
    successMessage: 'Medication added',
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        mutation.mutate({
          text: values.text.trim(),
          ...ifFilled('rxnormCode', values.rxnormCode),
          ...ifFilled('doseText', values.doseText),
          status: values.status,
          ...ifFilled('startedOn', values.startedOn),
          ...ifFilled('stoppedOn', values.stoppedOn),
        });
      })}
    >
      <Fieldset legend="Add medication">
        <Stack gap="sm">
          <FormErrorAlert message={formError} />
          <TextInput
            label="Medication"
            description="As the patient or the label names it, e.g. sertraline 50 mg tablet"
            required
            {...form.getInputProps('text')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="RxNorm code (optional)"
              inputMode="numeric"
              {...form.getInputProps('rxnormCode')}
            />
            <TextInput
              label="Dose"
              placeholder="e.g. 50 mg once daily"
              {...form.getInputProps('doseText')}
            />
            <NativeSelect
              label="Status"
              data={medicationStatusOptions}
              {...form.getInputProps('status')}
            />
            <TextInput label="Started on" type="date" {...form.getInputProps('startedOn')} />
            <TextInput label="Stopped on" type="date" {...form.getInputProps('stoppedOn')} />
          </SimpleGrid>
          <Button type="submit" loading={mutation.isPending} w="fit-content">
            Add medication
          </Button>
        </Stack>
      </Fieldset>
    </form>
  );
}
