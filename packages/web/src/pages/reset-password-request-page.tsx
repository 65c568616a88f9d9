import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { requestPasswordReset } from '../api/auth-api';
import { PageHeading } from '../components/page-heading';
import { FormErrorAlert } from '../components/form-error-alert';
import { applyProblemToForm } from '../forms/apply-problem';
import { validateEmail } from '../forms/validators';

export function ResetPasswordRequestPage() {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '' }, validate: { email: validateEmail } });
  const request = useMutation({
    mutationFn: requestPasswordReset,
    onMutate: () => {
      setFormError(null);
    },
    onError: (error) => {
      setFormError(applyProblemToForm(form, error));
    },
  });

  return (
    <Stack maw={420} gap="lg">
      <PageHeading>Reset your password</PageHeading>
      {request.isSuccess ? (
        <Alert color="teal" title="Check your email" role="status">
          If an account exists, a link was sent to {form.values.email.trim()}. The link works for a
          limited time, and only the newest link you were sent works.
        </Alert>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            request.mutate(values.email.trim());
          })}
        >
          <Stack gap="md">
            <Text>Enter the email address of your account and we will send you a link.</Text>
            <FormErrorAlert message={formError} title="Not sent" />
            <TextInput
              label="Email"
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending}>
              Send reset link
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login">
        Back to log in
      </Anchor>
    </Stack>
  );
}
