import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { HistoryList, HistoryListStatus } from '../api/patient-types';
import { setHistoryNoneKnown } from '../api/patients-api';
import { describeError } from '../api/problem';
import { formatDateTime } from '../format/dates';
import { historyListNames } from '../format/labels';
import { usePatientMutation } from './use-patient';

/** How each list's "none known" reads to staff. */
const NONE_KNOWN: Readonly<Record<HistoryList, string>> = {
  conditions: 'No known medical conditions',
  medications: 'Takes no medicines',
  allergies: 'No known allergies',
};

interface HistoryListStatusProps {
  patientId: string;
  list: HistoryList;
  status: HistoryListStatus;
  /** Staff record or withdraw "none known"; a patient only reads it. */
  editable: boolean;
}

/**
 * Above a history list's table: whether the list was taken. An empty list that nobody said was
 * complete is unknown to screening, so it says "not recorded" (orange) and offers "none known";
 * a list stated as none known says so, with when. A list with entries needs no line.
 */
export function HistoryListStatusLine({
  patientId,
  list,
  status,
  editable,
}: HistoryListStatusProps) {
  const mutation = usePatientMutation<boolean>({
    mutationFn: (noneKnown) => setHistoryNoneKnown(patientId, list, noneKnown),
    onSuccess: (patient) => {
      const state = patient.historyLists[list].state;
      notifications.show({
        color: 'teal',
        message:
          state === 'none-known'
            ? `Recorded: ${NONE_KNOWN[list].toLowerCase()}`
            : `The ${historyListNames[list]} list is no longer marked as none known`,
      });
    },
  });
  const error =
    mutation.error === null ? null : (
      <Alert color="red" role="alert" title="Not saved">
        {describeError(mutation.error)}
      </Alert>
    );
  if (status.state === 'entries') return null;
  if (status.state === 'none-known')
    return (
      <>
        <Group gap="sm" justify="space-between">
          <Text size="sm">
            <strong>{NONE_KNOWN[list]}</strong>
            {status.noneKnownAt === null ? '' : ` (recorded ${formatDateTime(status.noneKnownAt)})`}
          </Text>
          {editable && (
            <Button
              size="compact-sm"
              variant="subtle"
              aria-label={`Withdraw "${NONE_KNOWN[list].toLowerCase()}"`}
              loading={mutation.isPending}
              onClick={() => {
                mutation.mutate(false);
              }}
            >
              Withdraw
            </Button>
          )}
        </Group>
        {error}
      </>
    );
  return (
    <>
      <Alert color="orange" title={`${capitalise(historyListNames[list])}: not recorded`}>
        <Text size="sm">
          {editable
            ? `Nobody has recorded ${historyListNames[list]} for this patient, nor that there are none. Screening treats the list as unknown until it is taken.`
            : `The clinic has not recorded your ${historyListNames[list]} yet: you will be asked at your consult.`}
        </Text>
        {editable && (
          <Button
            mt="sm"
            size="compact-sm"
            variant="outline"
            color="orange"
            // The label is long for a narrow column: it wraps rather than widening the alert.
            h="auto"
            py={4}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.35 } }}
            loading={mutation.isPending}
            onClick={() => {
              mutation.mutate(true);
            }}
          >
            {`Record: ${NONE_KNOWN[list].toLowerCase()}`}
          </Button>
        )}
      </Alert>
      {error}
    </>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
