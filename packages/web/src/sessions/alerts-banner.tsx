import { Alert, Button, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../api/problem';
import { acknowledgeAlert } from '../api/sessions-api';
import type { AlertAction, Session, SessionAlert } from '../api/session-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { formatZonedTimeInList } from '../format/zoned-time';
import { alertActionLabels } from './labels';
import { alertMessage } from './readings';
import { useSessionMutation } from './use-session';

const actionOptions = (Object.keys(alertActionLabels) as AlertAction[]).map((value) => ({
  value,
  label: alertActionLabels[value],
}));

function OpenAlert({
  session,
  alert,
  zone,
}: {
  session: Session;
  alert: SessionAlert;
  zone: string;
}) {
  const [action, setAction] = useState<AlertAction | null>(null);
  const [note, setNote] = useState('');
  const [medication, setMedication] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ack = useSessionMutation(
    (body: { action: AlertAction; note: string; medication?: string }) =>
      acknowledgeAlert(session.id, alert.id, body),
  );
  const ready =
    action !== null &&
    note.trim() !== '' &&
    (action !== 'medication-given' || medication.trim() !== '');
  return (
    <Alert
      color="red"
      variant="filled"
      role="alert"
      title={`${formatZonedTimeInList(alert.raisedAt, zone)} · ${alertMessage(alert)}`}
      data-alert-id={alert.id}
    >
      <Stack gap="xs">
        <Text size="sm">Acknowledge with the action taken.</Text>
        <Group grow align="flex-start">
          <Select
            size="lg"
            label="Action taken"
            data={actionOptions}
            value={action}
            onChange={(value) => {
              setAction(value);
            }}
            comboboxProps={{ withinPortal: true }}
            styles={{ label: { color: 'white' } }}
          />
          {action === 'medication-given' && (
            <TextInput
              size="lg"
              label="Medication, dose and route"
              value={medication}
              onChange={(e) => {
                setMedication(e.currentTarget.value);
              }}
              styles={{ label: { color: 'white' } }}
            />
          )}
        </Group>
        <Textarea
          size="md"
          label="Note"
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
          }}
          styles={{ label: { color: 'white' } }}
        />
        <FormErrorAlert message={error} title="Not acknowledged" />
        <Group>
          <Button
            size="lg"
            color="dark"
            disabled={!ready}
            loading={ack.isPending}
            onClick={() => {
              if (action === null) return;
              setError(null);
              ack.mutate(
                {
                  action,
                  note: note.trim(),
                  ...(action === 'medication-given' ? { medication: medication.trim() } : {}),
                },
                {
                  onError: (e) => {
                    setError(describeError(e));
                  },
                },
              );
            }}
          >
            Acknowledge
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Every alert not yet acknowledged, at the top of the screen until the nurse records the action. */
export function AlertsBanner({ session, zone }: { session: Session; zone: string }) {
  const open = session.alerts.filter((a) => a.acknowledgement === null);
  if (open.length === 0) return null;
  return (
    <Stack gap="sm" aria-label="Open alerts" component="section">
      {open.map((alert) => (
        <OpenAlert key={alert.id} session={session} alert={alert} zone={zone} />
      ))}
    </Stack>
  );
}

/** The acknowledged alerts with who acknowledged them, when and what was done. */
export function AlertHistory({ session, zone }: { session: Session; zone: string }) {
  const done = session.alerts.filter((a) => a.acknowledgement !== null);
  if (done.length === 0) return null;
  return (
    <Stack gap={4} data-testid="alert-history">
      {done.map((a) =>
        a.acknowledgement === null ? null : (
          <Text key={a.id} size="sm">
            {formatZonedTimeInList(a.raisedAt, zone)} {alertMessage(a)} —{' '}
            <strong>{alertActionLabels[a.acknowledgement.action]}</strong>
            {a.acknowledgement.medication !== null && ` (${a.acknowledgement.medication})`}:{' '}
            {a.acknowledgement.note} · {a.acknowledgement.by.displayName},{' '}
            {formatZonedTimeInList(a.acknowledgement.at, zone)}
          </Text>
        ),
      )}
    </Stack>
  );
}
