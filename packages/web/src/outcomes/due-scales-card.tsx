import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { DueScale } from '../api/outcomes-types';
import { QueryErrorAlert } from '../components/query-error-alert';
import { formatZonedDateTimeWithZone } from '../format/zoned-time';
import { useClinicTimeZone } from '../schedule/use-clinic-time-zone';
import { dueReasonLabels } from './labels';
import { useDueScales } from './use-outcomes';

export function fillPath(instrument: string): string {
  return `/me/scales/${encodeURIComponent(instrument)}`;
}

function DueItem({ item }: { item: DueScale }) {
  // The session's time on the clock of where it is held (its location, else the clinic),
  // wherever the patient is.
  const clinic = useClinicTimeZone();
  const zone = item.nextSessionTimeZone ?? clinic.zone;
  return (
    <Paper withBorder p="md" component="li">
      <Stack gap={6}>
        <Text fw={700}>{item.definition.shortName}</Text>
        <Text size="sm">{dueReasonLabels[item.reason]}</Text>
        {item.nextSessionAt !== null && (
          <Text size="sm" c="dimmed">
            Next session {formatZonedDateTimeWithZone(item.nextSessionAt, zone)}
          </Text>
        )}
        <Button component={Link} to={fillPath(item.instrument)} size="lg" fullWidth>
          Fill in {item.definition.shortName} now
        </Button>
      </Stack>
    </Paper>
  );
}

/** The patient's scales to fill in now; nothing at all when none are due. */
export function DueScalesCard() {
  const due = useDueScales();
  if (due.isError) return <QueryErrorAlert error={due.error} title="Could not load your forms" />;
  if (due.data === undefined || due.data.length === 0) return null;
  return (
    <section aria-labelledby="due-scales-heading">
      <Title order={2} size="h3" id="due-scales-heading" mb="xs">
        Forms to fill in
      </Title>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {due.data.map((item) => (
          <DueItem key={item.instrument} item={item} />
        ))}
      </Stack>
    </section>
  );
}
