import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { addChair, renameChair } from '../api/clinic-api';
import type { Location, Named } from '../api/scheduling-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { applyProblemToForm } from '../forms/apply-problem';
import { requireText } from '../forms/validators';
import { useSetupMutation } from './use-setup-mutation';

function ChairName({ chair }: { chair: Named }) {
  const [name, setName] = useState(chair.name);
  const [error, setError] = useState<string | null>(null);
  const rename = useSetupMutation((n: string) => renameChair(chair.id, n), 'Chair renamed', {
    onError: (e) => {
      setError(applyProblemToForm({ setErrors: () => undefined, getValues: () => ({}) }, e));
    },
  });
  return (
    <Group gap="sm" align="end">
      <TextInput
        label={`Name of ${chair.name}`}
        value={name}
        error={error}
        onChange={(event) => {
          setName(event.currentTarget.value);
        }}
      />
      <Button
        variant="default"
        disabled={name.trim() === chair.name || name.trim() === ''}
        loading={rename.isPending}
        onClick={() => {
          rename.mutate(name.trim());
        }}
      >
        Rename
      </Button>
    </Group>
  );
}

/** The chairs of a location: rename, add. */
export function ChairsPanel({ location }: { location: Location }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: requireText('Chair name') },
  });
  const add = useSetupMutation((name: string) => addChair(location.id, name), 'Chair added', {
    onSuccess: () => {
      form.reset();
      setFormError(null);
    },
    onError: (error) => {
      setFormError(applyProblemToForm(form, error));
    },
  });
  return (
    <Stack gap="sm">
      {location.chairs.map((c) => (
        <ChairName key={`${c.id}-${c.name}`} chair={c} />
      ))}
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          add.mutate(v.name.trim());
        })}
      >
        <Stack gap="sm">
          <FormErrorAlert message={formError} />
          <Group gap="sm" align="start">
            <TextInput label="New chair name" required {...form.getInputProps('name')} />
          </Group>
          <Button type="submit" loading={add.isPending} w="fit-content">
            Add chair
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
