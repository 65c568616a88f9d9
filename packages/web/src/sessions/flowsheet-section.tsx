import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Reading, Session } from '../api/session-types';
import { formatZonedTimeInList } from '../format/zoned-time';
import { AmendReadingModal } from './amend-reading-modal';
import { FlowsheetTable } from './flowsheet-table';
import { ReadingForm } from './reading-form';
import { formatCountdown } from './use-tick';

/** Readings so far, when the next is due, and quick entry of the next one. */
export function FlowsheetSection({
  session,
  zone,
  now,
  canChart,
}: {
  session: Session;
  zone: string;
  now: number;
  canChart: boolean;
}) {
  const [correcting, setCorrecting] = useState<Reading | null>(null);
  const due = session.nextReadingDueAt === null ? null : Date.parse(session.nextReadingDueAt);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="flowsheet-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="flowsheet-title">
            Vitals flowsheet
          </Title>
          {canChart && due !== null && (
            <Badge size="xl" color={due < now ? 'red' : 'blue'} data-testid="next-reading-due">
              {due < now
                ? `Reading overdue by ${formatCountdown(now - due)}`
                : `Next reading in ${formatCountdown(due - now)}`}{' '}
              ({formatZonedTimeInList(new Date(due).toISOString(), zone)})
            </Badge>
          )}
        </Group>
        <FlowsheetTable
          session={session}
          zone={zone}
          {...(canChart ? { onCorrect: setCorrecting } : {})}
        />
        <Text size="xs" c="dimmed">
          Times in {zone}. Out-of-range values are bold on red; corrected values show the original
          struck through.
        </Text>
        {canChart && <ReadingForm session={session} zone={zone} />}
      </Stack>
      <AmendReadingModal
        session={session}
        reading={correcting}
        onClose={() => {
          setCorrecting(null);
        }}
      />
    </Paper>
  );
}
