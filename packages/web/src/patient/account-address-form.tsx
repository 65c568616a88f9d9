import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { correctAccountEmail } from '../api/patients-api';
import { queryKeys } from '../api/query-keys';
import { FormErrorAlert } from '../components/form-error-alert';
import { applyProblemToForm } from '../forms/apply-problem';
import { validateEmail } from '../forms/validators';
import { formatDateTime } from '../format/dates';

/**
 * For an unconfirmed online account whose address the patient mistyped: staff put in the address
 * the patient gives them, and the confirmation link goes there instead. Closed until asked for,
 * so the usual step (sending a new link to the same address) stays the obvious one.
 */
export function AccountAddressForm({ patientId }: { patientId: string }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '' }, validate: { email: validateEmail } });
  const mutation = useMutation({
    mutationFn: (email: string) => {
      setFormError(null);
      return correctAccountEmail(patientId, email);
    },
    onSuccess: () => {
      setOpen(false);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: queryKeys.patient(patientId) });
    },
    onError: (error) => {
      setFormError(applyProblemToForm(form, error));
    },
  });

  const done = mutation.isSuccess && !open && (
    <Text size="sm" role="status">
      The account’s address is now {mutation.data.sentTo}
      {mutation.data.recordEmailUpdated ? ' (the record’s e-mail too)' : ''}. A confirmation link
      was sent there; it works until {formatDateTime(mutation.data.expiresAt)}, and earlier links no
      longer work.
    </Text>
  );
  if (!open)
    return (
      <>
        <Button
          size="compact-sm"
          variant="subtle"
          color="orange"
          onClick={() => {
            mutation.reset();
            setOpen(true);
          }}
        >
          Correct the address
        </Button>
        {done}
      </>
    );
  return (
    <form
      noValidate
      style={{ width: '100%' }}
      onSubmit={form.onSubmit((values) => {
        mutation.mutate(values.email.trim());
      })}
    >
      <Stack gap="xs">
        <FormErrorAlert message={formError} />
        <TextInput
          type="email"
          label="The patient's correct address"
          description="Ask the patient for it; the new link goes there and only there."
          autoComplete="off"
          required
          {...form.getInputProps('email')}
        />
        <Group gap="xs">
          <Button type="submit" size="compact-sm" color="orange" loading={mutation.isPending}>
            Save and send link
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => {
              setOpen(false);
              form.reset();
              setFormError(null);
            }}
          >
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
