import { Button } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../api/problem';
import { checkIn } from '../api/sessions-api';
import type { Appointment } from '../api/scheduling-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { zonedDate } from '../format/zoned-time';
import { useSessionMutation, useSessionList } from './use-session';

const sessionTypes = new Set(['infusion', 'esketamine-session']);

/**
 * "Open session" when the appointment already has one, "Start session" (check-in) when it is a
 * booked infusion or esketamine visit without one; nothing for other appointments.
 */
export function SessionLink({
  appointment: a,
  size = 'sm',
}: {
  appointment: Appointment;
  size?: string;
}) {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const relevant = sessionTypes.has(a.type) && a.location !== null;
  const zone = a.location?.timeZone ?? 'UTC';
  const sessions = useSessionList(
    {
      date: zonedDate(a.startsAt, zone),
      ...(a.location === null ? {} : { locationId: a.location.id }),
    },
    relevant,
  );
  const start = useSessionMutation(() => checkIn(a.id));
  if (!relevant) return null;
  const existing = sessions.data?.find((s) => s.appointmentId === a.id);
  if (existing !== undefined)
    return (
      <Button
        component={Link}
        to={`/sessions/${encodeURIComponent(existing.id)}`}
        size={size}
        variant="light"
      >
        Open session
      </Button>
    );
  if (a.status !== 'booked' || sessions.isPending) return null;
  return (
    <>
      <Button
        size={size}
        loading={start.isPending}
        onClick={() => {
          setError(null);
          start.mutate(undefined, {
            onSuccess: (session) => {
              void navigate(`/sessions/${encodeURIComponent(session.id)}`);
            },
            onError: (e) => {
              setError(describeError(e));
            },
          });
        }}
      >
        Start session
      </Button>
      <FormErrorAlert message={error} title="Not checked in" />
    </>
  );
}
