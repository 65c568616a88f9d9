import { Button, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { bookConsult, newIdempotencyKey } from '../api/appointments-api';
import { queryKeys } from '../api/query-keys';
import type { ConsultConfirmation as Confirmation, ConsultSlot } from '../api/scheduling-types';
import { useSession } from '../auth/use-session';
import { PageHeading } from '../components/page-heading';
import { formatZonedDateTimeInList } from '../format/zoned-time';
import { ScheduleProblem } from '../schedule/schedule-problem';
import { useClinicTimeZone } from '../schedule/use-clinic-time-zone';
import { ConsultConfirmation } from './consult-confirmation';
import { ConsultTimes } from './consult-times';

/** The time chosen on the public page survives the log-in in the address. */
function chosenFromParams(params: URLSearchParams): ConsultSlot | null {
  const startsAt = params.get('startsAt');
  const prescriberId = params.get('prescriberId');
  if (startsAt === null || prescriberId === null) return null;
  return {
    startsAt,
    endsAt: startsAt,
    prescriber: { id: prescriberId, displayName: params.get('with') ?? 'your clinician' },
  };
}

export const bookingPath = (s: ConsultSlot) =>
  `/me/book-consult?${new URLSearchParams({ startsAt: s.startsAt, prescriberId: s.prescriber.id, with: s.prescriber.displayName }).toString()}`;

/** Choose, confirm and see the booking (a logged-in patient). */
function PatientBooking({ zone }: { zone: string }) {
  const [params] = useSearchParams();
  const [picked, setPicked] = useState<ConsultSlot | null>(() => chosenFromParams(params));
  const [key, setKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState<Confirmation | null>(null);
  const queryClient = useQueryClient();
  const book = useMutation({
    mutationFn: (s: ConsultSlot) =>
      bookConsult({ startsAt: s.startsAt, prescriberId: s.prescriber.id }, key),
    onSuccess: (confirmation) => {
      setDone(confirmation);
      setKey(newIdempotencyKey());
    },
    onError: () => {
      setKey(newIdempotencyKey());
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.appointmentsAll }),
  });
  if (done !== null)
    return (
      <ConsultConfirmation appointment={done.appointment} videoUrl={done.videoUrl} zone={zone} />
    );
  return (
    <Stack gap="md">
      {picked !== null && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Text>
              Video consult on <strong>{formatZonedDateTimeInList(picked.startsAt, zone)}</strong>{' '}
              (clinic time) with {picked.prescriber.displayName}
            </Text>
            <ScheduleProblem error={book.error} />
            <Button
              w="fit-content"
              loading={book.isPending}
              onClick={() => {
                book.mutate(picked);
              }}
            >
              Confirm booking
            </Button>
          </Stack>
        </Paper>
      )}
      <ConsultTimes
        zone={zone}
        picked={picked}
        onPick={(s) => {
          setPicked(s);
          book.reset();
        }}
      />
    </Stack>
  );
}

/** Anyone may look at the offered times; confirming needs a patient account. */
function PublicBooking({ zone }: { zone: string }) {
  const [picked, setPicked] = useState<ConsultSlot | null>(null);
  return (
    <Stack gap="md">
      {picked !== null && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Text>
              Video consult on <strong>{formatZonedDateTimeInList(picked.startsAt, zone)}</strong>{' '}
              (clinic time) with {picked.prescriber.displayName}. Log in or create an account to
              confirm it.
            </Text>
            <Button.Group>
              <Button component={Link} to="/login" state={{ from: bookingPath(picked) }}>
                Log in to confirm
              </Button>
              <Button
                component={Link}
                to="/register"
                state={{ from: bookingPath(picked) }}
                variant="default"
              >
                Create an account
              </Button>
            </Button.Group>
          </Stack>
        </Paper>
      )}
      <ConsultTimes zone={zone} picked={picked} onPick={setPicked} />
    </Stack>
  );
}

/** `/consult` (public) and `/me/book-consult` (portal): book a telemedicine consult. */
export function BookConsultPage() {
  const session = useSession();
  const { zone } = useClinicTimeZone();
  const isPatient = session.data?.user.role === 'patient';
  return (
    <>
      <PageHeading>Book a video consult</PageHeading>
      <Text mb="md" c="dimmed">
        A prescriber talks with you by video about your answers, your health and whether treatment
        may suit you. Choose a time that works for you.
      </Text>
      {isPatient ? <PatientBooking zone={zone} /> : <PublicBooking zone={zone} />}
    </>
  );
}
