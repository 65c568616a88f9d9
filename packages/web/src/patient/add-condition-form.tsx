import { Button, Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type {
  ConditionClinicalStatus,
  ConditionCodeSystem,
  ConditionVerificationStatus,
} from '../api/patient-types';
import { addEntry, type NewCondition } from '../api/patients-api';
import { FormErrorAlert } from '../components/form-error-alert';
import { ifChosen, ifFilled } from '../forms/form-values';
import { optionalDate, requireText } from '../forms/validators';
import {
  clinicalStatusOptions,
  codeSystemOptions,
  verificationStatusOptions,
  withNotRecorded,
} from '../format/labels';
import { useRecordFormMutation } from './use-record-form-mutation';

interface ConditionValues {
  text: string;
  codeSystem: ConditionCodeSystem | '';
  code: string;
  clinicalStatus: ConditionClinicalStatus;
  verificationStatus: ConditionVerificationStatus;
  onsetDate: string;
  abatementDate: string;
}

export function AddConditionForm({ patientId }: { patientId: string }) {
  const form = useForm<ConditionValues>({
    initialValues: {
      text: '',
      codeSystem: '',
      code: '',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      onsetDate: '',
      abatementDate: '',
    },
    validate: {
      text: requireText('Condition'),
      code: (code, values) =>
        code.trim() !== '' && values.codeSystem === ''
          ? 'Choose the code system of this code'
          : null,
      onsetDate: optionalDate('Onset'),
      abatementDate: optionalDate('Abatement'),
    },
  });
  const { mutation, formError } = useRecordFormMutation({
    form,
    mutationFn: (entry: NewCondition) => addEntry(patientId, 'conditions', entry),
    successMessage: 'Condition added',
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        mutation.mutate({
          text: values.text.trim(),
          ...ifChosen('codeSystem', values.codeSystem),
          ...ifFilled('code', values.code),
          clinicalStatus: values.clinicalStatus,
          verificationStatus: values.verificationStatus,
          ...ifFilled('onsetDate', values.onsetDate),
          ...ifFilled('abatementDate', values.abatementDate),
        });
      })}
    >
      <Fieldset legend="Add condition">
        <Stack gap="sm">
          <FormErrorAlert message={formError} />
          <TextInput label="Condition" required {...form.getInputProps('text')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label="Code system (optional)"
              data={withNotRecorded(codeSystemOptions)}
              {...form.getInputProps('codeSystem')}
            />
            <TextInput label="Code (optional)" {...form.getInputProps('code')} />
            <NativeSelect
              label="Clinical status"
              data={clinicalStatusOptions}
              {...form.getInputProps('clinicalStatus')}
            />
            <NativeSelect
              label="Verification status"
              data={verificationStatusOptions}
              {...form.getInputProps('verificationStatus')}
            />
            <TextInput label="Onset" type="date" {...form.getInputProps('onsetDate')} />
            <TextInput label="Abated on" type="date" {...form.getInputProps('abatementDate')} />
          </SimpleGrid>
          <Button type="submit" loading={mutation.isPending} w="fit-content">
            Add condition
          </Button>
        </Stack>
      </Fieldset>
    </form>
  );
}
