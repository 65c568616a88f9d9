import { Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  calendarFilePath,
  cancelAppointment,
  fetchMyAppointments,
  newIdempotencyKey,
  rescheduleAppointment,
} from '../api/appointments-api';
import { queryKeys } from '../api/query-keys';
import type { Appointment, ConsultSlot } from '../api/scheduling-types';
import { useNow } from '../format/use-now';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import {
  formatZonedDateTime,
  formatZonedDateTimeInList,
  formatZonedRange,
  zoneAbbreviation,
} from '../format/zoned-time';
import {
  appointmentStatusColors,
  appointmentStatusLabels,
  appointmentTypeLabels,
} from '../schedule/labels';
import { ScheduleProblem } from '../schedule/schedule-problem';
import { useClinicTimeZone } from '../schedule/use-clinic-time-zone';
import { useAppointmentMutation } from '../schedule/use-scheduling';
import { ConsultTimes } from './consult-times';

type Mode = 'idle' | 'cancel' | 'reschedule';

function OwnAppointment({
  appointment: a,
  clinicZone,
  now,
}: {
  appointment: Appointment;
  clinicZone: string;
  now: number;
}) {
  const zone = a.location?.timeZone ?? clinicZone;
  const [mode, setMode] = useState<Mode>('idle');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [picked, setPicked] = useState<ConsultSlot | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const fresh = () => {
    setKey(newIdempotencyKey());
  };
  const cancel = useAppointmentMutation(() => cancelAppointment(a.id, reason.trim(), key), {
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'Appointment cancelled' });
      fresh();
      setMode('idle');
    },
    onError: fresh,
  });
  const move = useAppointmentMutation(
    (slot: ConsultSlot) =>
      rescheduleAppointment(
        a.id,
        { startsAt: slot.startsAt, prescriberId: slot.prescriber.id, reason: reason.trim() },
        key,
      ),
    {
      onSuccess: (moved) => {
        notifications.show({
          color: 'teal',
          message: `Moved to ${formatZonedDateTime(moved.startsAt, zone)}`,
        });
        fresh();
        setMode('idle');
      },
      onError: fresh,
    },
  );
  const needReason = () => {
    const ok = reason.trim().length > 0;
    setReasonError(ok ? null : 'Give a reason');
    return ok;
  };
  const upcoming = a.status === 'booked' && Date.parse(a.startsAt) > now;
  const title = `${appointmentTypeLabels[a.type]}, ${formatZonedRange(a.startsAt, a.endsAt, zone)}`;
  return (
    <Paper withBorder p="md" component="article" aria-label={title}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {appointmentTypeLabels[a.type]}
          </Title>
          <Badge color={appointmentStatusColors[a.status]}>
            {appointmentStatusLabels[a.status]}
          </Badge>
        </Group>
        <Text fw={600} data-testid="appointment-when">
          {formatZonedRange(a.startsAt, a.endsAt, zone)} {zoneAbbreviation(a.startsAt, zone)}
        </Text>
        <Text size="sm" c="dimmed">
          {a.location?.name ?? 'Video visit'}
          {a.prescriber === null ? '' : ` · ${a.prescriber.name}`}
        </Text>
        {a.videoUrl !== null && upcoming && (
          <Text size="sm">
            Video link:{' '}
            <Anchor
              href={a.videoUrl}
              target="_blank"
              rel="noreferrer"
              style={{ wordBreak: 'break-all' }}
            >
              {a.videoUrl}
            </Anchor>
          </Text>
        )}
        {a.cancelReason !== null && <Text size="sm">Cancelled: {a.cancelReason}</Text>}
        {upcoming && (
          <Group gap="sm">
            <Button component="a" href={calendarFilePath(a.id)} download variant="light" size="xs">
              Add to calendar (.ics)
            </Button>
            {a.type === 'consult-telemedicine' && (
              <Button
                size="xs"
                variant={mode === 'reschedule' ? 'filled' : 'default'}
                onClick={() => {
                  setMode('reschedule');
                }}
              >
                Reschedule
              </Button>
            )}
            <Button
              size="xs"
              color="red"
              variant={mode === 'cancel' ? 'filled' : 'default'}
              onClick={() => {
                setMode('cancel');
              }}
            >
              Cancel
            </Button>
          </Group>
        )}
        {mode !== 'idle' && (
          <Textarea
            label={mode === 'cancel' ? 'Why are you cancelling?' : 'Why are you moving it?'}
            required
            autosize
            minRows={2}
            value={reason}
            error={reasonError}
            onChange={(event) => {
              setReason(event.currentTarget.value);
            }}
          />
        )}
        {mode === 'cancel' && (
          <>
            <ScheduleProblem error={cancel.error} fallbackTitle="Not cancelled" />
            <Button
              color="red"
              w="fit-content"
              loading={cancel.isPending}
              onClick={() => {
                if (needReason()) cancel.mutate(undefined);
              }}
            >
              Confirm cancellation
            </Button>
          </>
        )}
        {mode === 'reschedule' && (
          <>
            <ConsultTimes zone={zone} picked={picked} onPick={setPicked} />
            <ScheduleProblem error={move.error} fallbackTitle="Not moved" />
            <Button
              w="fit-content"
              disabled={picked === null}
              loading={move.isPending}
              onClick={() => {
                if (picked !== null && needReason()) move.mutate(picked);
              }}
            >
              {picked === null
                ? 'Choose a new time'
                : `Move to ${formatZonedDateTimeInList(picked.startsAt, zone)}`}
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** `/me/appointments`: own appointments; cancel or move them before the clinic's cut-off. */
export function MyAppointmentsPage() {
  const { zone } = useClinicTimeZone();
  const mine = useQuery({ queryKey: queryKeys.myAppointments, queryFn: fetchMyAppointments });
  const now = useNow();
  return (
    <>
      <PageHeading>My appointments</PageHeading>
      <Group mb="md">
        <Button component={Link} to="/me/book-consult">
          Book a video consult
        </Button>
      </Group>
      {mine.isPending && <PageLoader label="Loading your appointments" />}
      {mine.isError && <QueryErrorAlert error={mine.error} />}
      {mine.isSuccess && (
        <Stack gap="md">
          {mine.data.length === 0 && <Text>You have no appointments yet.</Text>}
          {[...mine.data]
            .sort((x, y) => {
              // Upcoming first (soonest first), then the past (latest first).
              const xPast = Date.parse(x.startsAt) < now;
              const yPast = Date.parse(y.startsAt) < now;
              if (xPast !== yPast) return xPast ? 1 : -1;
              return xPast
                ? y.startsAt.localeCompare(x.startsAt)
                : x.startsAt.localeCompare(y.startsAt);
            })
            .map((a) => (
              <OwnAppointment key={a.id} appointment={a} clinicZone={zone} now={now} />
            ))}
        </Stack>
      )}
    </>
  );
}
