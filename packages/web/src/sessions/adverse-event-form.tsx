import {
  Button,
  Checkbox,
  Group,
  Select,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../api/problem';
import { addAdverseEvent } from '../api/sessions-api';
import type { AdverseEventInput, AdverseEventType, Session, Severity } from '../api/session-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { formatZonedTimeInList } from '../format/zoned-time';
import { adverseEventActions, adverseEventLabels, severityLabels } from './labels';
import { useSessionMutation } from './use-session';

const typeOptions = (Object.keys(adverseEventLabels) as AdverseEventType[]).map((value) => ({
  value,
  label: adverseEventLabels[value],
}));

/** Records a structured adverse event: type, severity and what was done. */
export function AdverseEventForm({ session }: { session: Session }) {
  const [type, setType] = useState<AdverseEventType | null>(null);
  const [severity, setSeverity] = useState<Severity>('mild');
  const [actions, setActions] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useSessionMutation(
    (body: AdverseEventInput) => addAdverseEvent(session.id, body),
    () => {
      setType(null);
      setSeverity('mild');
      setActions([]);
      setNote('');
    },
  );
  return (
    <Stack
      gap="sm"
      component="form"
      aria-label="New adverse event"
      onSubmit={(e) => {
        e.preventDefault();
        if (type === null) {
          setError('Choose the type of event.');
          return;
        }
        setError(null);
        add.mutate(
          { type, severity, actions, ...(note.trim() === '' ? {} : { note: note.trim() }) },
          {
            onError: (err) => {
              setError(describeError(err));
            },
          },
        );
      }}
    >
      <Group grow align="flex-start">
        <Select
          size="lg"
          label="Adverse event"
          data={typeOptions}
          value={type}
          onChange={(value) => {
            setType(value);
          }}
        />
        <div>
          <Text size="lg" fw={600} id="ae-severity-label">
            Severity
          </Text>
          <SegmentedControl
            size="lg"
            fullWidth
            aria-labelledby="ae-severity-label"
            data={(Object.keys(severityLabels) as Severity[]).map((value) => ({
              value,
              label: severityLabels[value],
            }))}
            value={severity}
            onChange={(value) => {
              setSeverity(value);
            }}
          />
        </div>
      </Group>
      <Checkbox.Group label="Actions taken" size="md" value={actions} onChange={setActions}>
        <Group gap="md" mt={4}>
          {adverseEventActions.map((a) => (
            <Checkbox key={a} value={a} label={a} size="md" />
          ))}
        </Group>
      </Checkbox.Group>
      <Textarea
        size="md"
        label="Adverse event note"
        value={note}
        onChange={(e) => {
          setNote(e.currentTarget.value);
        }}
      />
      <FormErrorAlert message={error} />
      <Group>
        <Button type="submit" size="lg" variant="light" color="orange" loading={add.isPending}>
          Record adverse event
        </Button>
      </Group>
    </Stack>
  );
}

export function AdverseEventList({ session, zone }: { session: Session; zone: string }) {
  if (session.adverseEvents.length === 0)
    return (
      <Text size="sm" data-testid="adverse-events">
        No adverse events recorded.
      </Text>
    );
  return (
    <Stack gap={4} data-testid="adverse-events">
      {session.adverseEvents.map((e) => (
        <Text key={e.id} size="sm">
          {formatZonedTimeInList(e.at, zone)} <strong>{adverseEventLabels[e.type]}</strong> (
          {severityLabels[e.severity]}){e.actions.length > 0 && ` · ${e.actions.join(', ')}`}
          {e.note !== null && ` · ${e.note}`} · {e.by.displayName}
        </Text>
      ))}
    </Stack>
  );
}
