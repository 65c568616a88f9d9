import { Button, Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { AllergyCodeSystem, AllergyCriticality, AllergyStatus } from '../api/patient-types';
import { addEntry, type NewAllergy } from '../api/patients-api';
import { FormErrorAlert } from '../components/form-error-alert';
import { ifChosen, ifFilled } from '../forms/form-values';
import { requireText } from '../forms/validators';
import {
  allergyCodeSystemOptions,
  allergyStatusOptions,
  criticalityOptions,
  withNotRecorded,
} from '../format/labels';
import { useRecordFormMutation } from './use-record-form-mutation';

interface AllergyValues {
  substance: string;
  reaction: string;
  criticality: AllergyCriticality | '';
  status: AllergyStatus | '';
  codeSystem: AllergyCodeSystem | '';
  code: string;
}

export function AddAllergyForm({ patientId }: { patientId: string }) {
  const form = useForm<AllergyValues>({
    initialValues: {
      substance: '',
      reaction: '',
      criticality: '',
      status: 'active',
      codeSystem: '',
      code: '',
    },
    validate: {
      substance: requireText('Substance'),
      code: (code, values) =>
        code.trim() !== '' && values.codeSystem === ''
          ? 'Choose the code system of this code'
          : null,
    },
  });
  const { mutation, formError } = useRecordFormMutation({
    form,
    mutationFn: (entry: NewAllergy) => addEntry(patientId, 'allergies', entry),
    successMessage: 'Allergy added',
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        mutation.mutate({
          substance: values.substance.trim(),
          ...ifFilled('reaction', values.reaction),
          ...ifChosen('criticality', values.criticality),
          ...ifChosen('status', values.status),
          ...ifChosen('codeSystem', values.codeSystem),
          ...ifFilled('code', values.code),
        });
      })}
    >
      <Fieldset legend="Add allergy">
        <Stack gap="sm">
          <FormErrorAlert message={formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Substance" required {...form.getInputProps('substance')} />
            <TextInput label="Reaction" {...form.getInputProps('reaction')} />
            <NativeSelect
              label="Criticality"
              data={withNotRecorded(criticalityOptions)}
              {...form.getInputProps('criticality')}
            />
            <NativeSelect
              label="Status"
              data={withNotRecorded(allergyStatusOptions)}
              {...form.getInputProps('status')}
            />
            <NativeSelect
              label="Code system (optional)"
              data={withNotRecorded(allergyCodeSystemOptions)}
              {...form.getInputProps('codeSystem')}
            />
            <TextInput label="Code (optional)" {...form.getInputProps('code')} />
          </SimpleGrid>
          <Button type="submit" loading={mutation.isPending} w="fit-content">
            Add allergy
          </Button>
        </Stack>
      </Fieldset>
    </form>
  );
}
