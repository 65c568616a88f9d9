import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Link, Navigate, useLocation } from 'react-router';
import { logIn, type Credentials } from '../api/auth-api';
import { ApiProblemError, describeError } from '../api/problem';
import { homePathFor } from '../auth/home-path';
import { readReturnPath } from '../auth/return-path';
import { useApplySession, useSession } from '../auth/use-session';
import { useMeta } from '../app/use-meta';
import { PageHeading } from '../components/page-heading';
import { requireText, validateEmail } from '../forms/validators';
import { ResendLinkButton } from './check-email-notice';
import { DemoLogins, demoPassword } from './demo-logins';

/** The refusal of a right password for an account whose e-mail is not confirmed yet. */
function isNotVerified(error: unknown): boolean {
  return error instanceof ApiProblemError && error.code === 'AUTH.EMAIL_NOT_VERIFIED';
}

export function LoginPage() {
  const session = useSession();
  const meta = useMeta();
  const applySession = useApplySession();
  const location = useLocation();
  const returnPath = readReturnPath(location.state);

  const form = useForm<Credentials>({
    initialValues: { email: '', password: '' },
    validate: { email: validateEmail, password: requireText('Password') },
  });

  const login = useMutation({
    mutationFn: logIn,
    // Storing the session re-renders this page, which then redirects below.
    onSuccess: applySession,
  });

  if (session.data != null) {
    return <Navigate to={returnPath ?? homePathFor(session.data.user)} replace />;
  }

  return (
    <Stack maw={420} gap="lg">
      <PageHeading>Log in</PageHeading>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          login.mutate({ email: values.email.trim(), password: values.password });
        })}
      >
        <Stack gap="md">
          {login.isError && !isNotVerified(login.error) && (
            <Alert color="red" title="Log-in failed" role="alert">
              {describeError(login.error)}
            </Alert>
          )}
          {login.isError && isNotVerified(login.error) && (
            <Alert color="yellow" title="Confirm your e-mail first" role="alert">
              <Stack gap="sm">
                <Text size="sm">{describeError(login.error)}</Text>
                <ResendLinkButton email={login.variables.email} next={returnPath ?? undefined} />
              </Stack>
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Group justify="space-between" wrap="wrap">
            <Anchor component={Link} to="/reset-password" size="sm">
              Forgot password?
            </Anchor>
            <Button type="submit" loading={login.isPending}>
              Log in
            </Button>
          </Group>
        </Stack>
      </form>
      <Text size="sm">
        New patient?{' '}
        <Anchor component={Link} to="/register">
          Create an account
        </Anchor>
        .
      </Text>
      {meta.data?.demo === true && (
        <DemoLogins
          onChoose={(email) => {
            form.setValues({ email, password: demoPassword });
          }}
        />
      )}
    </Stack>
  );
}
