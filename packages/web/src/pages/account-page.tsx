import { Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { changePassword } from '../api/auth-api';
import { roleLabels } from '../api/auth-types';
import { useSession } from '../auth/use-session';
import { FormErrorAlert } from '../components/form-error-alert';
import { PageHeading } from '../components/page-heading';
import { applyProblemToForm } from '../forms/apply-problem';
import { minimumPasswordLength, requireText, validatePassword } from '../forms/validators';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}

function ChangePasswordForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ChangePasswordValues>({
    initialValues: { currentPassword: '', newPassword: '', confirmation: '' },
    validate: {
      currentPassword: requireText('Current password'),
      newPassword: validatePassword,
      confirmation: (value, values) =>
        value === values.newPassword ? null : 'Does not match the new password',
    },
  });
  // Mantine's PasswordInput links its error by aria-describedby but does not mark the field
  // invalid; screen readers need both.
  const passwordField = (field: keyof ChangePasswordValues) => ({
    ...form.getInputProps(field),
    'aria-invalid': form.errors[field] != null,
  });
  const change = useMutation({
    mutationFn: (values: ChangePasswordValues) =>
      changePassword(values.currentPassword, values.newPassword),
    onMutate: () => {
      setFormError(null);
    },
    onSuccess: () => {
      form.reset();
      notifications.show({
        color: 'teal',
        title: 'Password changed',
        message: 'Use the new password from now on. Your other sessions were logged out.',
      });
    },
    onError: (error) => {
      setFormError(applyProblemToForm(form, error));
    },
  });

  return (
    <Card withBorder component="section" aria-labelledby="change-password-heading" maw={480}>
      <Stack gap="md">
        <Title order={2} size="h3" id="change-password-heading">
          Change password
        </Title>
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            change.mutate(values);
          })}
        >
          <Stack gap="md">
            <FormErrorAlert message={formError} title="Password not changed" />
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              required
              {...passwordField('currentPassword')}
            />
            <PasswordInput
              label="New password"
              description={`At least ${minimumPasswordLength} characters, not your current one`}
              autoComplete="new-password"
              required
              {...passwordField('newPassword')}
            />
            <PasswordInput
              label="Repeat new password"
              autoComplete="new-password"
              required
              {...passwordField('confirmation')}
            />
            <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
              Change password
            </Button>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}

/** The logged-in person's own account, for every role: who they are and their password. */
export function AccountPage() {
  const session = useSession();
  // Inside RequireSession: there is a session.
  if (session.data == null) return null;
  const { user } = session.data;
  return (
    <Stack gap="lg">
      <PageHeading>Account</PageHeading>
      <Text>
        Logged in as <strong>{user.displayName}</strong> ({user.email}), {roleLabels[user.role]}.
      </Text>
      <ChangePasswordForm />
    </Stack>
  );
}
