import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import type { MedicationEntry, MedicationStatus } from '../api/patient-types';
import { changeMedicationStatus, type MedicationStatusChange } from '../api/patients-api';
import { FormErrorAlert } from '../components/form-error-alert';
import { ifFilled, todayIsoDate } from '../forms/form-values';
import { optionalDate } from '../forms/validators';
import { medicationStatusOptions } from '../format/labels';
import { useRecordFormMutation } from './use-record-form-mutation';

interface StatusValues {
  status: MedicationStatus;
  stoppedOn: string;
}

const endingStatuses: readonly MedicationStatus[] = ['stopped', 'completed'];

interface ChangeMedicationStatusProps {
  patientId: string;
  medication: MedicationEntry;
}

/** "Change status" for one medication: a button and the dialog it opens. */
export function ChangeMedicationStatus({ patientId, medication }: ChangeMedicationStatusProps) {
  const [opened, dialog] = useDisclosure(false);
  const form = useForm<StatusValues>({
    initialValues: { status: medication.status, stoppedOn: medication.stoppedOn ?? '' },
    validate: { stoppedOn: optionalDate('Stopped on') },
    onValuesChange: (values, previous) => {
      // Stopping a medicine usually happens today; offer that date, still editable.
      if (
        values.status !== previous.status &&
        endingStatuses.includes(values.status) &&
        values.stoppedOn === ''
      ) {
        form.setFieldValue('stoppedOn', todayIsoDate());
      }
    },
  });
  const { mutation, formError } = useRecordFormMutation({
    form,
    mutationFn: (change: MedicationStatusChange) =>
      changeMedicationStatus(patientId, medication.id, change),
    successMessage: 'Medication status changed',
    resetOnSuccess: false,
  });

  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        onClick={() => {
          form.setValues({ status: medication.status, stoppedOn: medication.stoppedOn ?? '' });
          dialog.open();
        }}
        aria-label={`Change status of ${medication.text}`}
      >
        Change status
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={`Change status: ${medication.text}`}>
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            mutation.mutate(
              { status: values.status, ...ifFilled('stoppedOn', values.stoppedOn) },
              { onSuccess: dialog.close },
            );
          })}
        >
          <Stack gap="sm">
            <FormErrorAlert message={formError} />
            <NativeSelect
              label="Status"
              data={medicationStatusOptions}
              {...form.getInputProps('status')}
            />
            <TextInput label="Stopped on" type="date" {...form.getInputProps('stoppedOn')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={dialog.close}>
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                Save status
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
