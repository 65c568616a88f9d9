import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { createLocation, updateLocation } from '../api/clinic-api';
import type { Location } from '../api/scheduling-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { applyProblemToForm } from '../forms/apply-problem';
import { requireText } from '../forms/validators';
import { useSetupMutation } from './use-setup-mutation';

interface Values {
  code: string;
  name: string;
  timeZone: string;
  addressLine: string;
}

/** Adds a location, or edits one (the code stays as created). */
export function LocationForm({
  location,
  onCreated,
}: {
  location?: Location;
  onCreated?: (l: Location) => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      code: location?.code ?? '',
      name: location?.name ?? '',
      timeZone: location?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      addressLine: location?.addressLine ?? '',
    },
    validate: { name: requireText('Name'), timeZone: requireText('Time zone') },
  });
  const save = useSetupMutation(
    (v: Values) =>
      location === undefined
        ? createLocation({
            code: v.code.trim(),
            name: v.name.trim(),
            timeZone: v.timeZone.trim(),
            ...(v.addressLine.trim() === '' ? {} : { addressLine: v.addressLine.trim() }),
          })
        : updateLocation(location.id, {
            name: v.name.trim(),
            timeZone: v.timeZone.trim(),
            addressLine: v.addressLine.trim() === '' ? null : v.addressLine.trim(),
          }),
    location === undefined ? 'Location added' : 'Location saved',
    {
      onSuccess: (saved) => {
        setFormError(null);
        if (location === undefined) form.reset();
        onCreated?.(saved);
      },
      onError: (error) => {
        setFormError(applyProblemToForm(form, error));
      },
    },
  );
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        save.mutate(v);
      })}
    >
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <Group gap="sm" align="start" wrap="wrap">
          {location === undefined && (
            <TextInput
              label="Code"
              description="e.g. main-street"
              required
              {...form.getInputProps('code')}
            />
          )}
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <TextInput
            label="Time zone"
            description="IANA, e.g. America/New_York"
            required
            {...form.getInputProps('timeZone')}
          />
          <TextInput label="Address" {...form.getInputProps('addressLine')} />
        </Group>
        <Button type="submit" loading={save.isPending} w="fit-content">
          {location === undefined ? 'Add location' : 'Save location'}
        </Button>
      </Stack>
    </form>
  );
}
