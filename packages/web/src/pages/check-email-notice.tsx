import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { resendVerification, verificationLinkHours } from '../api/auth-api';
import { describeError } from '../api/problem';

interface ResendProps {
  email: string;
  /** Where the app continues once the new link is opened. */
  next?: string | undefined;
}

/** Asks for a new confirmation link; the answer is the same for every address. */
export function ResendLinkButton({ email, next }: ResendProps) {
  const resend = useMutation({ mutationFn: () => resendVerification(email, next) });
  return (
    <Stack gap="xs">
      <Button
        variant="default"
        w="fit-content"
        loading={resend.isPending}
        onClick={() => {
          resend.mutate();
        }}
      >
        Send a new link
      </Button>
      {resend.isSuccess && (
        <Text size="sm" role="status">
          If {email} still needs a link, a new one is on its way. Earlier links no longer work.
        </Text>
      )}
      {resend.isError && (
        <Text size="sm" c="red" role="alert">
          {describeError(resend.error)}
        </Text>
      )}
    </Stack>
  );
}

/** Shown after registering: where the link went, how long it works, and a way to get another. */
export function CheckEmailNotice({ email, next }: ResendProps) {
  return (
    <Stack gap="md">
      <Alert color="teal" title="Check your e-mail" role="status">
        We sent a message to <strong>{email}</strong>. Open the link in it within{' '}
        {verificationLinkHours} hours to confirm your address; it logs you in. Until then the
        account cannot be used. If this address already had an account, the message says so instead.
      </Alert>
      <Text size="sm">
        Nothing after a few minutes? Look in your spam folder, or ask for a new link. Only the
        newest link works.
      </Text>
      <ResendLinkButton email={email} next={next} />
    </Stack>
  );
}
