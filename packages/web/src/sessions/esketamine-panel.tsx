import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../api/problem';
import { markRemsSubmitted } from '../api/sessions-api';
import type { Session } from '../api/session-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { formatZonedDateTimeInList, formatZonedTimeInList } from '../format/zoned-time';
import { formatRemsDeadline, formatRemsValue, remsFieldLabel } from './rems-form';
import { formatCountdown } from './use-tick';
import { useSessionMutation } from './use-session';

function bpText(bp: { systolicMmHg: number; diastolicMmHg: number } | null): string {
  return bp === null ? 'not yet' : `${String(bp.systolicMmHg)}/${String(bp.diastolicMmHg)} mmHg`;
}

/** Esketamine: 2-hour observation countdown, the 40-minute blood pressure, and the REMS form. */
export function EsketaminePanel({
  session,
  zone,
  now,
}: {
  session: Session;
  zone: string;
  now: number;
}) {
  const esk = session.esketamine;
  const [error, setError] = useState<string | null>(null);
  const submitted = useSessionMutation(() => markRemsSubmitted(session.id));
  if (esk === null) return null;
  const endsAt = esk.observationEndsAt === null ? null : Date.parse(esk.observationEndsAt);
  // Due from when a reading would count as the label's check (the server's knowledge base).
  const countsFrom = esk.bpCheckCountsFrom === null ? null : Date.parse(esk.bpCheckCountsFrom);
  const bpDue = countsFrom !== null && esk.bp40Min === null && now >= countsFrom;
  // The label's minutes after the dose, as the knowledge base gives them (40).
  const about = `about ${String(esk.bpCheckMinutesAfterDose)} min`;
  const rems = esk.rems;
  const ended = session.state === 'discharged' || session.state === 'stopped';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="esketamine-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="esketamine-title">
          Esketamine observation
        </Title>
        {esk.observationEndsAt !== null && endsAt !== null && (
          <Group gap="md">
            <Text size="xl" fw={700} data-testid="observation-ends">
              Observation ends at {formatZonedTimeInList(esk.observationEndsAt, zone)}
            </Text>
            <Badge
              size="xl"
              color={endsAt > now ? 'orange' : 'green'}
              data-testid="observation-countdown"
            >
              {endsAt > now ? `${formatCountdown(endsAt - now)} left` : 'Observation complete'}
            </Badge>
          </Group>
        )}
        <Text>
          Dosed {esk.dosedAt === null ? 'not yet' : formatZonedTimeInList(esk.dosedAt, zone)} · BP
          before dose: {bpText(esk.bpBeforeDose)} · BP at {about}: {bpText(esk.bp40Min)}
        </Text>
        {bpDue && (
          <Alert color="orange" title="Blood pressure due" role="status" data-testid="bp40-prompt">
            Take the blood pressure {about} after dosing and add it as a reading.
          </Alert>
        )}
        {esk.bpCheckDueAt !== null && esk.bp40Min === null && !bpDue && (
          <Text size="sm" c="dimmed" data-testid="bp40-due">
            Blood pressure at {about} due at {formatZonedTimeInList(esk.bpCheckDueAt, zone)}
          </Text>
        )}
        {esk.dosedAt !== null && (
          <Stack gap="xs">
            <Title order={3} size="h4">
              REMS patient monitoring form
            </Title>
            {Object.keys(rems.form).length > 0 && (
              <Table aria-label="REMS form" variant="vertical" withTableBorder>
                <Table.Tbody>
                  {Object.entries(rems.form).map(([key, value]) => (
                    <Table.Tr key={key}>
                      <Table.Th w={220}>{remsFieldLabel(key)}</Table.Th>
                      <Table.Td>{formatRemsValue(value, zone)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Text data-testid="rems-due">Due by {formatRemsDeadline(rems, zone)}</Text>
            {rems.submittedAt === null && !ended && (
              <Text size="sm" c="dimmed">
                The form can be marked submitted once the session has ended.
              </Text>
            )}
            {rems.submittedAt === null ? (
              ended && (
                <>
                  <FormErrorAlert message={error} />
                  <Group>
                    <Button
                      variant="light"
                      loading={submitted.isPending}
                      onClick={() => {
                        setError(null);
                        submitted.mutate(undefined, {
                          onError: (e) => {
                            setError(describeError(e));
                          },
                        });
                      }}
                    >
                      Mark REMS form submitted
                    </Button>
                  </Group>
                </>
              )
            ) : (
              <Badge color="green" size="lg">
                Submitted {formatZonedDateTimeInList(rems.submittedAt, zone)}
              </Badge>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
