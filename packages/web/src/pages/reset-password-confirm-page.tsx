import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { confirmPasswordReset } from '../api/auth-api';
import { FormErrorAlert } from '../components/form-error-alert';
import { PageHeading } from '../components/page-heading';
import { applyProblemToForm } from '../forms/apply-problem';
import { minimumPasswordLength, validatePassword } from '../forms/validators';

interface NewPasswordValues {
  password: string;
  confirmation: string;
}

export function ResetPasswordConfirmPage() {
  const { token = '' } = useParams();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<NewPasswordValues>({
    initialValues: { password: '', confirmation: '' },
    validate: {
      password: validatePassword,
      confirmation: (value, values) => (value === values.password ? null : 'The passwords differ'),
    },
  });
  const confirm = useMutation({
    mutationFn: (password: string) => confirmPasswordReset(token, password),
    onMutate: () => {
      setFormError(null);
    },
    onError: (error) => {
      setFormError(applyProblemToForm(form, error));
    },
  });

  return (
    <Stack maw={420} gap="lg">
      <PageHeading>Choose a new password</PageHeading>
      {confirm.isSuccess ? (
        <Alert color="teal" title="Password changed" role="status">
          Your password was changed.{' '}
          <Anchor component={Link} to="/login">
            Log in
          </Anchor>{' '}
          with the new one.
        </Alert>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            confirm.mutate(values.password);
          })}
        >
          <Stack gap="md">
            <FormErrorAlert message={formError} title="Password not changed" />
            <PasswordInput
              label="New password"
              description={`At least ${minimumPasswordLength} characters`}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <PasswordInput
              label="Repeat new password"
              autoComplete="new-password"
              required
              {...form.getInputProps('confirmation')}
            />
            <Button type="submit" loading={confirm.isPending}>
              Change password
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
