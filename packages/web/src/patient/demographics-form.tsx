import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Patient, Sex } from '../api/patient-types';
import { updateDemographics, type DemographicsPatch } from '../api/patients-api';
import { FormErrorAlert } from '../components/form-error-alert';
import { requireDate, requireText } from '../forms/validators';
import { sexOptions } from '../format/labels';
import { useRecordFormMutation } from './use-record-form-mutation';

interface DemographicsValues {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: Sex;
  email: string;
  phone: string;
  addressLine: string;
  city: string;
  postalCode: string;
}

const optionalFields = ['email', 'phone', 'addressLine', 'city', 'postalCode'] as const;

function toValues(patient: Patient): DemographicsValues {
  return {
    givenName: patient.givenName,
    familyName: patient.familyName,
    birthDate: patient.birthDate,
    sex: patient.sex,
    email: patient.email ?? '',
    phone: patient.phone ?? '',
    addressLine: patient.addressLine ?? '',
    city: patient.city ?? '',
    postalCode: patient.postalCode ?? '',
  };
}

/** Only what changed is sent; an emptied optional field is sent as `null` to clear it. */
function toPatch(values: DemographicsValues, initial: DemographicsValues): DemographicsPatch {
  const patch: DemographicsPatch = {};
  if (values.givenName.trim() !== initial.givenName) patch.givenName = values.givenName.trim();
  if (values.familyName.trim() !== initial.familyName) patch.familyName = values.familyName.trim();
  if (values.birthDate !== initial.birthDate) patch.birthDate = values.birthDate;
  if (values.sex !== initial.sex) patch.sex = values.sex;
  for (const field of optionalFields) {
    const value = values[field].trim();
    if (value !== initial[field]) patch[field] = value === '' ? null : value;
  }
  return patch;
}

/**
 * Editable demographics for staff. Mount it with `key={patient.updatedAt}` so a saved change
 * (or anyone else's) starts the form afresh from the record.
 */
export function DemographicsForm({ patient }: { patient: Patient }) {
  const initial = toValues(patient);
  const form = useForm<DemographicsValues>({
    initialValues: initial,
    validate: {
      givenName: requireText('Given name'),
      familyName: requireText('Family name'),
      birthDate: requireDate('Date of birth'),
    },
  });
  const { mutation, formError } = useRecordFormMutation({
    form,
    mutationFn: (patch: DemographicsPatch) => updateDemographics(patient.id, patch),
    successMessage: 'Demographics saved',
    resetOnSuccess: false,
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        const patch = toPatch(values, initial);
        if (Object.keys(patch).length > 0) mutation.mutate(patch);
      })}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Record number (MRN) {patient.mrn}
        </Text>
        <FormErrorAlert message={formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Given name" required {...form.getInputProps('givenName')} />
          <TextInput label="Family name" required {...form.getInputProps('familyName')} />
          <TextInput
            label="Date of birth"
            type="date"
            required
            {...form.getInputProps('birthDate')}
          />
          <NativeSelect label="Sex" data={sexOptions} {...form.getInputProps('sex')} />
          <TextInput label="Email" type="email" {...form.getInputProps('email')} />
          <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
          <TextInput label="Address" {...form.getInputProps('addressLine')} />
          <TextInput label="City" {...form.getInputProps('city')} />
          <TextInput label="Postal code" {...form.getInputProps('postalCode')} />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty()}>
            Save demographics
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
