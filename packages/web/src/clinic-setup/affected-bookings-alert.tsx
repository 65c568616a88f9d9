import { Alert, Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { AffectedAppointment } from '../api/scheduling-types';
import { formatZonedDateTime, zoneAbbreviation } from '../format/zoned-time';
import { appointmentTypeLabels } from '../schedule/labels';

/**
 * The bookings a just-recorded absence or closure falls on. They are not moved by it: each keeps
 * its nurse, prescriber or day until someone reschedules it and tells the patient.
 */
export function AffectedBookingsAlert({
  what,
  appointments,
}: {
  what: 'absence' | 'closure';
  appointments: readonly AffectedAppointment[] | null;
}) {
  if (appointments === null || appointments.length === 0) return null;
  const n = appointments.length;
  return (
    <Alert
      color="orange"
      title={`${String(n)} ${n === 1 ? 'booking falls' : 'bookings fall'} in this ${what}`}
    >
      <Text size="sm" mb="xs">
        {what === 'absence'
          ? 'They still name this person. Reschedule each one and tell the patient.'
          : 'They are still booked on these days. Reschedule each one and tell the patient.'}
      </Text>
      <List size="sm" spacing={4}>
        {appointments.map((a) => (
          <List.Item key={a.id}>
            {formatZonedDateTime(a.startsAt, a.timeZone)} {zoneAbbreviation(a.startsAt, a.timeZone)}
            , {appointmentTypeLabels[a.type]}
            {a.locationId !== null && (
              <>
                {' '}
                —{' '}
                <Anchor
                  component={Link}
                  to={`/schedule/day?location=${encodeURIComponent(a.locationId)}&date=${a.date}`}
                >
                  open the day board
                </Anchor>
              </>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
