import { Button, Fieldset, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { recordReproductiveStatus } from '../api/screening-api';
import type {
  BreastfeedingStatus,
  NewReproductiveStatus,
  PregnancyStatus,
} from '../api/screening-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { applyProblemToForm } from '../forms/apply-problem';
import { todayIsoDate } from '../forms/form-values';
import { requireDate } from '../forms/validators';
import type { Option } from '../format/labels';
import { breastfeedingOptions, pregnancyOptions } from './labels';
import { useScreeningMutation } from './use-screenings';

interface ReproductiveValues {
  pregnancy: PregnancyStatus | '';
  breastfeeding: BreastfeedingStatus | '';
  recordedOn: string;
}

function withChoose<V extends string>(options: readonly Option<V>[]): Option<V | ''>[] {
  return [{ value: '', label: 'Choose…' }, ...options];
}

const chooseOne = (label: string) => (value: string) =>
  value === '' ? `${label} is required` : null;

/** Records pregnancy status and breastfeeding as asked or tested today; the server re-screens. */
export function ReproductiveStatusForm({ patientId }: { patientId: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ReproductiveValues>({
    initialValues: { pregnancy: '', breastfeeding: '', recordedOn: todayIsoDate() },
    validate: {
      pregnancy: chooseOne('Pregnancy status'),
      breastfeeding: chooseOne('Breastfeeding'),
      recordedOn: requireDate('Recorded on'),
    },
  });
  const save = useScreeningMutation(
    patientId,
    (status: NewReproductiveStatus) => {
      setFormError(null);
      return recordReproductiveStatus(patientId, status);
    },
    {
      onSuccess: () => {
        form.reset();
        notifications.show({ color: 'teal', message: 'Pregnancy status recorded; screened again' });
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
        if (values.pregnancy === '' || values.breastfeeding === '') return;
        save.mutate({
          pregnancy: values.pregnancy,
          breastfeeding: values.breastfeeding,
          recordedOn: values.recordedOn,
        });
      })}
    >
      <Fieldset legend="Record pregnancy and breastfeeding">
        <Stack gap="sm">
          <FormErrorAlert message={formError} />
          <NativeSelect
            label="Pregnancy status"
            required
            data={withChoose(pregnancyOptions)}
            {...form.getInputProps('pregnancy')}
          />
          <NativeSelect
            label="Breastfeeding"
            required
            data={withChoose(breastfeedingOptions)}
            {...form.getInputProps('breastfeeding')}
          />
          <TextInput
            label="Recorded on"
            type="date"
            required
            maw={220}
            {...form.getInputProps('recordedOn')}
          />
          <Button type="submit" loading={save.isPending} w="fit-content">
            Record pregnancy status
          </Button>
        </Stack>
      </Fieldset>
    </form>
  );
}
