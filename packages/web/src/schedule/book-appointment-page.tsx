import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { bookAppointment, holdAppointment, newIdempotencyKey } from '../api/appointments-api';
import type { Appointment } from '../api/scheduling-types';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import {
  formatZonedDateTime,
  formatZonedDateTimeInList,
  formatZonedRange,
  zonedDate,
} from '../format/zoned-time';
import { usePatient } from '../patient/use-patient';
import { appointmentTypeLabels } from './labels';
import { ScheduleProblem } from './schedule-problem';
import { SlotPicker, type SlotChoice } from './slot-picker';
import { useClinicTimeZone } from './use-clinic-time-zone';
import { useAppointmentMutation, useLocations } from './use-scheduling';

function Booked({ appointment: a, zone }: { appointment: Appointment; zone: string }) {
  const date = zonedDate(a.startsAt, zone);
  const held = a.status === 'held';
  // The buttons are below a long list of times: bring the answer into view and give it focus,
  // so that neither a sighted user nor a screen reader misses it.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
    ref.current?.focus();
  }, [a.id]);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      // Clear of the fixed header when scrolled to.
      style={{ scrollMarginTop: 'calc(var(--app-shell-header-offset, 0px) + 8px)' }}
      color={held ? 'yellow' : 'teal'}
      title={held ? 'Held, not yet booked' : 'Booked'}
      role="status"
    >
      <Stack gap={4}>
        <Text>
          {appointmentTypeLabels[a.type]} for {a.patient.name}:{' '}
          {formatZonedRange(a.startsAt, a.endsAt, zone)}
          {a.chair === null ? '' : `, ${a.chair.name}`}
          {a.location === null ? '' : ` at ${a.location.name}`}.
        </Text>
        {held && a.holdExpiresAt !== null && (
          <Text size="sm">
            Nobody else can take this time until the hold lapses at{' '}
            <strong>{formatZonedDateTime(a.holdExpiresAt, zone)}</strong>. Confirm it on the day
            board before then to book it; a lapsed hold frees the time.
          </Text>
        )}
        {a.location !== null && (
          <Anchor
            component={Link}
            to={`/schedule/day?location=${encodeURIComponent(a.location.id)}&date=${date}`}
          >
            Open the day board
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}

function Booking({ patientId }: { patientId: string }) {
  const patient = usePatient(patientId);
  const locations = useLocations();
  const clinic = useClinicTimeZone();
  const [choice, setChoice] = useState<SlotChoice | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const [booked, setBooked] = useState<Appointment | null>(null);
  const book = useAppointmentMutation(
    ({ picked, hold }: { picked: SlotChoice; hold: boolean }) =>
      (hold ? holdAppointment : bookAppointment)(
        {
          patientId,
          type: picked.type,
          startsAt: picked.slot.startsAt,
          ...(picked.protocolId === undefined ? {} : { protocolId: picked.protocolId }),
          ...(picked.slot.locationId === null ? {} : { locationId: picked.slot.locationId }),
          ...(picked.slot.chairId === null ? {} : { chairId: picked.slot.chairId }),
          ...(picked.slot.nurseId === null ? {} : { nurseId: picked.slot.nurseId }),
          prescriberId: picked.slot.prescriberId,
        },
        key,
      ),
    {
      onSuccess: (appointment) => {
        setBooked(appointment);
        setChoice(null);
        setKey(newIdempotencyKey());
      },
      onError: () => {
        setKey(newIdempotencyKey());
      },
    },
  );
  if (patient.isPending || locations.isPending) return <PageLoader label="Loading" />;
  if (patient.isError) return <QueryErrorAlert error={patient.error} />;
  if (locations.isError) return <QueryErrorAlert error={locations.error} />;
  const name = `${patient.data.givenName} ${patient.data.familyName}`;
  return (
    <>
      <PageHeading>{`Book: ${name}`}</PageHeading>
      <Stack gap="md">
        {booked !== null && (
          <Booked appointment={booked} zone={booked.location?.timeZone ?? clinic.zone} />
        )}
        <Paper withBorder p="md">
          <SlotPicker
            locations={locations.data}
            patientId={patientId}
            clinicTimeZone={clinic.zone}
            picked={choice?.slot ?? null}
            onPick={(next) => {
              setChoice(next);
              book.reset();
            }}
          />
        </Paper>
        {choice !== null && (
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Text>
                {appointmentTypeLabels[choice.type]} for {name} on{' '}
                <strong>{formatZonedDateTimeInList(choice.slot.startsAt, choice.timeZone)}</strong>{' '}
                ({choice.slot.durationMinutes} min)
              </Text>
              <ScheduleProblem error={book.error} />
              <Group gap="sm">
                <Button
                  loading={book.isPending && !book.variables.hold}
                  disabled={book.isPending}
                  onClick={() => {
                    book.mutate({ picked: choice, hold: false });
                  }}
                >
                  Book this time
                </Button>
                <Button
                  variant="default"
                  loading={book.isPending && book.variables.hold}
                  disabled={book.isPending}
                  onClick={() => {
                    book.mutate({ picked: choice, hold: true });
                  }}
                >
                  Hold this time
                </Button>
              </Group>
              <Text size="sm" c="dimmed">
                A hold keeps the time for this patient for a while (a clinic setting) without
                booking it, for example until the patient agrees; it is confirmed or lapses.
              </Text>
            </Stack>
          </Paper>
        )}
      </Stack>
    </>
  );
}

/** `/patients/:id/book`: find a free time and book an infusion, session or follow-up. */
export function BookAppointmentPage() {
  const { id = '' } = useParams();
  return (
    <>
      <Anchor component={Link} to={`/patients/${encodeURIComponent(id)}`} size="sm">
        ← Patient record
      </Anchor>
      <Booking key={id} patientId={id} />
    </>
  );
}
