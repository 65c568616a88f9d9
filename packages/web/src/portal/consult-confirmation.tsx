import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { calendarFilePath } from '../api/appointments-api';
import type { Appointment } from '../api/scheduling-types';
import { formatZonedRange, zoneAbbreviation } from '../format/zoned-time';

/** The booked consult: when (clinic time), the video link and the calendar file. */
export function ConsultConfirmation({
  appointment: a,
  videoUrl,
  zone,
}: {
  appointment: Appointment;
  videoUrl: string | null;
  zone: string;
}) {
  return (
    <Alert color="teal" title="Your video consult is booked" role="status">
      <Stack gap="xs">
        <Text size="lg" fw={600} data-testid="consult-when">
          {formatZonedRange(a.startsAt, a.endsAt, zone)} {zoneAbbreviation(a.startsAt, zone)}
        </Text>
        <Text size="sm">Clinic time ({zone})</Text>
        {a.prescriber !== null && <Text>With {a.prescriber.name}</Text>}
        {videoUrl === null ? (
          <Text>The clinic will send the video link before the consult.</Text>
        ) : (
          <Text>
            Video visit:{' '}
            <Anchor
              href={videoUrl}
              target="_blank"
              rel="noreferrer"
              style={{ wordBreak: 'break-all' }}
            >
              {videoUrl}
            </Anchor>
          </Text>
        )}
        <Group gap="sm">
          <Button component="a" href={calendarFilePath(a.id)} download variant="light">
            Add to calendar (.ics)
          </Button>
          <Button component={Link} to="/me/appointments" variant="default">
            My appointments
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
