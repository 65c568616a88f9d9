import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../api/problem';
import { stopSession } from '../api/sessions-api';
import type { Session } from '../api/session-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { useSessionMutation } from './use-session';

/** Ends a session early; the reason is signed and stays on the record. */
export function StopSessionForm({ session }: { session: Session }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const stop = useSessionMutation((text: string) => stopSession(session.id, text));
  if (!open)
    return (
      <Group>
        <Button
          variant="outline"
          color="red"
          onClick={() => {
            setOpen(true);
          }}
        >
          Stop session…
        </Button>
      </Group>
    );
  return (
    <Stack gap="xs" maw={560}>
      <Textarea
        size="md"
        label="Reason to stop the session"
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
        }}
      />
      <FormErrorAlert message={error} />
      <Group>
        <Button
          color="red"
          disabled={reason.trim() === ''}
          loading={stop.isPending}
          onClick={() => {
            setError(null);
            stop.mutate(reason.trim(), {
              onError: (e) => {
                setError(describeError(e));
              },
            });
          }}
        >
          Stop session
        </Button>
        <Button
          variant="subtle"
          onClick={() => {
            setOpen(false);
          }}
        >
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
