import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Session } from '../api/session-types';
import { DoseResultTable } from '../dose/dose-result-table';

/** The dose the server recomputed when the session started, with the vial or device lot. */
export function DosePanel({ session }: { session: Session }) {
  const dose = session.dose;
  if (dose === null) return null;
  const nasal = dose.product === 'esketamine-nasal';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="dose-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="dose-title">
          {nasal ? 'Dose given' : 'Dose and pump programming'}
        </Title>
        {dose.blocked && (
          <Alert color="red" title="BLOCKED">
            A hard limit is hit.
          </Alert>
        )}
        <Group gap="xl">
          <Text>
            <strong>{nasal ? 'Device lot' : 'Vial lot'}:</strong>{' '}
            <span data-testid="vial-lot">{session.start?.vialLot ?? '—'}</span>
          </Text>
          <Text>
            <strong>Expiry:</strong>{' '}
            <span data-testid="vial-expiry">{session.start?.vialExpiry ?? '—'}</span>
          </Text>
        </Group>
        <DoseResultTable result={dose} caption="Pump programming sheet" />
        {dose.limits.length > 0 && (
          <Stack gap={2}>
            {dose.limits.map((l) => (
              <Text key={l.code} size="sm" c={l.level === 'hard' ? 'red' : 'orange'}>
                {l.level === 'hard' ? 'Hard limit' : 'Soft limit'}: {l.message}
                {l.reason !== undefined && ` — override reason: ${l.reason}`}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
