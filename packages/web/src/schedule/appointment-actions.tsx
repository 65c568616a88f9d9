import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import {
  cancelAppointment,
  confirmHold,
  newIdempotencyKey,
  recordNoShow,
  rescheduleAppointment,
} from '../api/appointments-api';
import type { Role } from '../api/auth-types';
import type { Appointment, Location } from '../api/scheduling-types';
import { useSession } from '../auth/use-session';
import { useNow } from '../format/use-now';
import { formatZonedDateTime, formatZonedDateTimeInList, zonedDate } from '../format/zoned-time';
import { ScheduleProblem } from './schedule-problem';
import { SlotPicker, type SlotChoice } from './slot-picker';
import { useAppointmentMutation } from './use-scheduling';

type Mode = 'idle' | 'cancel' | 'reschedule';

/** Who the server lets confirm a hold (`POST /api/appointments/:id/confirm`); patients their own. */
const CONFIRM_ROLES: ReadonlySet<Role> = new Set(['nurse', 'prescriber', 'admin', 'patient']);

interface AppointmentActionsProps {
  appointment: Appointment;
  locations: readonly Location[];
  clinicTimeZone: string;
  onChanged: (next: Appointment | null) => void;
}

/**
 * Confirm a hold, cancel with a reason, record a no-show, or move to a time from the slot search.
 */
export function AppointmentActions(props: AppointmentActionsProps) {
  const { appointment: a } = props;
  const now = useNow();
  const role = useSession().data?.user.role;
  const [mode, setMode] = useState<Mode>('idle');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [choice, setChoice] = useState<SlotChoice | null>(null);
  // One key per intended change: a double click or a retry after a dropped answer books once.
  const [key, setKey] = useState(newIdempotencyKey);
  const freshKey = () => {
    setKey(newIdempotencyKey());
  };

  const confirm = useAppointmentMutation(() => confirmHold(a.id, key), {
    onSuccess: (done) => {
      notifications.show({ color: 'teal', message: 'Booking confirmed' });
      freshKey();
      props.onChanged(done);
    },
    onError: freshKey,
  });
  const cancel = useAppointmentMutation(() => cancelAppointment(a.id, reason.trim(), key), {
    onSuccess: (done) => {
      notifications.show({ color: 'teal', message: 'Appointment cancelled' });
      freshKey();
      props.onChanged(done);
    },
    onError: freshKey,
  });
  const noShow = useAppointmentMutation(() => recordNoShow(a.id, key), {
    onSuccess: (done) => {
      notifications.show({ color: 'teal', message: 'No-show recorded' });
      freshKey();
      props.onChanged(done);
    },
    onError: freshKey,
  });
  const move = useAppointmentMutation(
    (picked: SlotChoice) =>
      rescheduleAppointment(
        a.id,
        {
          startsAt: picked.slot.startsAt,
          reason: reason.trim(),
          ...(picked.slot.locationId === null ? {} : { locationId: picked.slot.locationId }),
          ...(picked.slot.chairId === null ? {} : { chairId: picked.slot.chairId }),
          ...(picked.slot.nurseId === null ? {} : { nurseId: picked.slot.nurseId }),
          prescriberId: picked.slot.prescriberId,
        },
        key,
      ),
    {
      onSuccess: (moved) => {
        notifications.show({
          color: 'teal',
          message: `${moved.status === 'held' ? 'Hold moved' : 'Moved'} to ${formatZonedDateTime(moved.startsAt, moved.location?.timeZone ?? props.clinicTimeZone)}`,
        });
        freshKey();
        props.onChanged(moved);
      },
      onError: freshKey,
    },
  );

  if (a.status !== 'booked' && a.status !== 'held') return null;
  const started = Date.parse(a.startsAt) <= now;
  const canConfirm = a.status === 'held' && role !== undefined && CONFIRM_ROLES.has(role);
  const needReason = (): boolean => {
    const ok = reason.trim().length > 0;
    setReasonError(ok ? null : 'Give a reason');
    return ok;
  };
  const reasonField = (
    <Textarea
      label={mode === 'cancel' ? 'Reason for cancelling' : 'Reason for moving'}
      required
      autosize
      minRows={2}
      value={reason}
      error={reasonError}
      onChange={(event) => {
        setReason(event.currentTarget.value);
      }}
    />
  );

  return (
    <Stack gap="sm" mt="md">
      {a.status === 'held' && a.holdExpiresAt !== null && (
        <Text size="sm" c="orange.9">
          Held, not yet booked: the hold lapses at{' '}
          {formatZonedDateTime(a.holdExpiresAt, a.location?.timeZone ?? props.clinicTimeZone)}{' '}
          unless it is confirmed.
        </Text>
      )}
      <Group gap="sm">
        {canConfirm && (
          <Button
            color="teal"
            loading={confirm.isPending}
            onClick={() => {
              confirm.mutate(undefined);
            }}
          >
            Confirm booking
          </Button>
        )}
        <Button
          variant={mode === 'reschedule' ? 'filled' : 'light'}
          onClick={() => {
            setMode('reschedule');
          }}
        >
          Reschedule
        </Button>
        <Button
          variant={mode === 'cancel' ? 'filled' : 'light'}
          color="red"
          onClick={() => {
            setMode('cancel');
          }}
        >
          Cancel appointment
        </Button>
        {started && (
          <Button
            variant="default"
            loading={noShow.isPending}
            onClick={() => {
              noShow.mutate(undefined);
            }}
          >
            Record no-show
          </Button>
        )}
      </Group>
      <ScheduleProblem error={confirm.error} fallbackTitle="Not confirmed" />
      <ScheduleProblem error={noShow.error} fallbackTitle="Not recorded" />
      {mode === 'cancel' && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (needReason()) cancel.mutate(undefined);
          }}
        >
          <Stack gap="sm">
            {reasonField}
            <ScheduleProblem error={cancel.error} fallbackTitle="Not cancelled" />
            <Button type="submit" color="red" loading={cancel.isPending} w="fit-content">
              Confirm cancellation
            </Button>
          </Stack>
        </form>
      )}
      {mode === 'reschedule' && (
        <Stack gap="sm">
          <SlotPicker
            locations={props.locations}
            type={a.type}
            initialLocationId={a.location?.id}
            initialDate={zonedDate(a.startsAt, a.location?.timeZone ?? props.clinicTimeZone)}
            // Not the patient: their own spacing rules would count the appointment being moved.
            // The reschedule itself checks them, without it.
            durationMinutes={Math.round((Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 60_000)}
            clinicTimeZone={props.clinicTimeZone}
            picked={choice?.slot ?? null}
            onPick={setChoice}
          />
          {reasonField}
          {choice !== null && (
            <Text size="sm">
              New time:{' '}
              <strong>{formatZonedDateTimeInList(choice.slot.startsAt, choice.timeZone)}</strong>
            </Text>
          )}
          <ScheduleProblem error={move.error} fallbackTitle="Not moved" />
          <Button
            w="fit-content"
            disabled={choice === null}
            loading={move.isPending}
            onClick={() => {
              if (choice !== null && needReason()) move.mutate(choice);
            }}
          >
            Move to this time
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
