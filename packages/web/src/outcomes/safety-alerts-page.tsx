import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { SafetyAlert } from '../api/outcomes-types';
import { PageHeading } from '../components/page-heading';
import { QueryErrorAlert } from '../components/query-error-alert';
import { formatDateTime } from '../format/dates';
import { RecordSection } from '../patient/record-section';
import { RecordTable } from '../patient/record-table';
import { useSafetyAlerts } from './use-outcomes';

export function alertPath(id: string): string {
  return `/safety-alerts/${encodeURIComponent(id)}`;
}

function AlertsTable({
  caption,
  alerts,
  emptyText,
}: {
  caption: string;
  alerts: readonly SafetyAlert[];
  emptyText: string;
}) {
  const closed = alerts.some((a) => a.status === 'followed-up');
  return (
    <RecordTable
      caption={caption}
      headers={['Raised', 'Patient', 'Alert', ...(closed ? ['Followed up'] : [])]}
      emptyText={emptyText}
      rows={alerts.map((a) => ({
        key: a.id,
        cells: [
          <Anchor key="link" component={Link} to={alertPath(a.id)}>
            {formatDateTime(a.raisedAt)}
          </Anchor>,
          `${a.patient.displayName} (MRN ${a.patient.mrn})`,
          a.summary,
          ...(closed
            ? [
                a.followedUpAt === null
                  ? '—'
                  : `${formatDateTime(a.followedUpAt)}, ${a.followedUpBy?.displayName ?? ''}`,
              ]
            : []),
        ],
      }))}
    />
  );
}

/** `/safety-alerts`: open alerts first (the longest-waiting at the top), then those followed up. */
export function SafetyAlertsPage() {
  const open = useSafetyAlerts('open');
  const closed = useSafetyAlerts('followed-up');
  return (
    <>
      <PageHeading>Safety alerts</PageHeading>
      <Text c="dimmed" mb="md">
        Raised when a patient answers above zero on the PHQ-9 question on thoughts of death or
        self-harm. Contact the patient, assess risk with the clinic&apos;s protocol and document the
        follow-up.
      </Text>
      <Stack gap="lg">
        <RecordSection id="open-alerts" title="Open">
          {open.isError && <QueryErrorAlert error={open.error} />}
          {open.isPending ? (
            <Text size="sm">Loading…</Text>
          ) : (
            <AlertsTable
              caption="Open alerts"
              alerts={open.data ?? []}
              emptyText="No open alerts."
            />
          )}
        </RecordSection>
        <RecordSection id="closed-alerts" title="Followed up">
          {closed.isError && <QueryErrorAlert error={closed.error} />}
          {closed.isPending ? (
            <Text size="sm">Loading…</Text>
          ) : (
            <AlertsTable
              caption="Followed-up alerts"
              alerts={closed.data ?? []}
              emptyText="None yet."
            />
          )}
        </RecordSection>
      </Stack>
    </>
  );
}
