import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Patient, Sex } from '../api/patient-types';
import { createPatient } from '../api/patients-api';
import { queryKeys } from '../api/query-keys';
import { FormErrorAlert } from '../components/form-error-alert';
import { applyProblemToForm } from '../forms/apply-problem';
import { ifFilled } from '../forms/form-values';
import { requireDate, requireText, validateEmail } from '../forms/validators';
import { sexOptions } from '../format/labels';

interface NewPatientValues {
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

const initialValues: NewPatientValues = {
  givenName: '',
  familyName: '',
  birthDate: '',
  sex: 'unknown',
  email: '',
  phone: '',
  addressLine: '',
  city: '',
  postalCode: '',
};

interface NewPatientFormProps {
  onCreated: (patient: Patient) => void;
  onCancel: () => void;
}

export function NewPatientForm({ onCreated, onCancel }: NewPatientFormProps) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<NewPatientValues>({
    initialValues,
    validate: {
      givenName: requireText('Given name'),
      familyName: requireText('Family name'),
      birthDate: requireDate('Date of birth'),
      email: (value) => (value.trim() === '' ? null : validateEmail(value)),
    },
  });
  const create = useMutation({
    mutationFn: createPatient,
    onMutate: () => {
      setFormError(null);
    },
    onSuccess: (patient) => {
      queryClient.setQueryData(queryKeys.patient(patient.id), patient);
      void queryClient.invalidateQueries({ queryKey: queryKeys.patientsAll });
      onCreated(patient);
    },
    onError: (error) => {
      setFormError(applyProblemToForm(form, error));
    },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        create.mutate({
          givenName: values.givenName.trim(),
          familyName: values.familyName.trim(),
          birthDate: values.birthDate,
          sex: values.sex,
          ...ifFilled('email', values.email),
          ...ifFilled('phone', values.phone),
          ...ifFilled('addressLine', values.addressLine),
          ...ifFilled('city', values.city),
          ...ifFilled('postalCode', values.postalCode),
        });
      })}
    >
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Given name"
            required
            data-autofocus
            {...form.getInputProps('givenName')}
          />
          <TextInput label="Family name" required {...form.getInputProps('familyName')} />
          <TextInput
            label="Date of birth"
            type="date"
            required
            {...form.getInputProps('birthDate')}
          />
          <NativeSelect label="Sex" data={sexOptions} {...form.getInputProps('sex')} />
          <TextInput label="Email (optional)" type="email" {...form.getInputProps('email')} />
          <TextInput label="Phone (optional)" type="tel" {...form.getInputProps('phone')} />
          <TextInput label="Address (optional)" {...form.getInputProps('addressLine')} />
          <TextInput label="City (optional)" {...form.getInputProps('city')} />
          <TextInput label="Postal code (optional)" {...form.getInputProps('postalCode')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create patient
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
