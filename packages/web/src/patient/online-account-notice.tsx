import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Patient } from '../api/patient-types';
import { sendConfirmationLink } from '../api/patients-api';
import { ApiProblemError, describeError } from '../api/problem';
import { queryKeys } from '../api/query-keys';
import { formatDateTime } from '../format/dates';
import { AccountAddressForm } from './account-address-form';

/**
 * For staff, beside the demographics: the patient's online account. One whose address was never
 * confirmed is flagged (the person may have mistyped it, or used someone else's), with a way to
 * mail a new link to that address or to correct the address. Nothing for a patient without an
 * online account.
 */
export function OnlineAccountNotice({ patient }: { patient: Patient }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => sendConfirmationLink(patient.id),
    onError: (error) => {
      // Confirmed meanwhile: the record shows it once read again.
      if (error instanceof ApiProblemError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: queryKeys.patient(patient.id) });
    },
  });
  const account = patient.account;
  if (account === null) return null;
  if (account.confirmed)
    return (
      <Text size="sm" c="dimmed">
        Online account: {account.email} (e-mail confirmed)
      </Text>
    );
  return (
    <Alert color="orange" title="E-mail not confirmed">
      <Stack gap="xs" align="flex-start">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          This patient registered online on {formatDateTime(account.registeredAt)} with the address{' '}
          <strong>{account.email}</strong> and has not opened the confirmation link yet. Until they
          do, they cannot log in, and nobody has shown that the address is theirs: it may be
          mistyped or belong to someone else.
        </Text>
        <Button
          size="compact-sm"
          variant="outline"
          color="orange"
          loading={mutation.isPending}
          onClick={() => {
            mutation.mutate();
          }}
        >
          Send a new confirmation link
        </Button>
        {mutation.isSuccess && (
          <Text size="sm" role="status">
            A new link was sent to {mutation.data.sentTo}. It works until{' '}
            {formatDateTime(mutation.data.expiresAt)}; earlier links no longer work.
          </Text>
        )}
        {mutation.isError && (
          <Alert color="red" role="alert" title="No link was sent">
            {describeError(mutation.error)}
          </Alert>
        )}
        <AccountAddressForm patientId={patient.id} />
      </Stack>
    </Alert>
  );
}
