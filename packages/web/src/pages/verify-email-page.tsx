import { Alert, Anchor, Button, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { resendVerification, verifyEmail } from '../api/auth-api';
import { describeError } from '../api/problem';
import { homePathFor } from '../auth/home-path';
import { readReturnPath } from '../auth/return-path';
import { useApplySession } from '../auth/use-session';
import { PageHeading } from '../components/page-heading';

/** A new link for someone whose link did not work (the answer is the same for every address). */
function AskForNewLink({ next }: { next: string | undefined }) {
  const [email, setEmail] = useState('');
  const resend = useMutation({ mutationFn: () => resendVerification(email.trim(), next) });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (email.trim() !== '') resend.mutate();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
          }}
        />
        <Button type="submit" variant="default" w="fit-content" loading={resend.isPending}>
          Send a new link
        </Button>
        {resend.isSuccess && (
          <Text size="sm" role="status">
            If this address still needs a link, a new one is on its way.
          </Text>
        )}
        {resend.isError && (
          <Text size="sm" c="red" role="alert">
            {describeError(resend.error)}
          </Text>
        )}
      </Stack>
    </form>
  );
}

/** `/verify-email/:token`: the link from the registration mail confirms the address and logs in. */
export function VerifyEmailPage() {
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  // Someone who chose a consult time before registering goes back to confirm it.
  const next = readReturnPath({ from: params.get('next') }) ?? undefined;
  const applySession = useApplySession();
  const verify = useMutation({ mutationFn: verifyEmail, onSuccess: applySession });
  // A link works once: the request must not go twice when the effect runs twice.
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    verify.mutate(token);
  }, [token, verify]);

  if (verify.isSuccess) {
    return <Navigate to={next ?? homePathFor(verify.data.user)} replace />;
  }
  return (
    <Stack maw={420} gap="lg">
      <PageHeading>Confirm your e-mail</PageHeading>
      {verify.isError ? (
        <>
          <Alert color="red" title="Not confirmed" role="alert">
            {describeError(verify.error)}
          </Alert>
          <Text>
            If you confirmed it already,{' '}
            <Anchor component={Link} to="/login">
              log in
            </Anchor>
            . Otherwise ask for a new link below.
          </Text>
          <AskForNewLink next={next} />
        </>
      ) : (
        <Text role="status">
          <Loader size="xs" mr="xs" />
          Confirming your address…
        </Text>
      )}
    </Stack>
  );
}
