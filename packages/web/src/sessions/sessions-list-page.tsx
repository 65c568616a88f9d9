import { Anchor, Badge, Group, Select, Stack, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { TableScrollRegion } from '../components/table-scroll-region';
import { formatLocalDate, formatZonedTimeInList, todayIn } from '../format/zoned-time';
import { useLocations } from '../schedule/use-scheduling';
import { sessionStatusColor, sessionStatusLabel } from './labels';
import { useSessionList } from './use-session';

/** The nurse's home: today's sessions at one location, each opening its session screen. */
export function SessionsListPage() {
  const [params, setParams] = useSearchParams();
  const locations = useLocations();
  const location =
    locations.data?.find((l) => l.id === params.get('location')) ?? locations.data?.[0];
  const date = location === undefined ? '' : todayIn(location.timeZone);
  const sessions = useSessionList(
    { date, ...(location === undefined ? {} : { locationId: location.id }) },
    location !== undefined,
  );
  if (locations.isPending) return <PageLoader label="Loading locations" />;
  if (locations.isError) return <QueryErrorAlert error={locations.error} />;
  return (
    <Stack gap="md">
      <PageHeading>Today&apos;s sessions</PageHeading>
      <Group align="flex-end">
        <Select
          label="Location"
          size="md"
          data={locations.data.map((l) => ({ value: l.id, label: l.name }))}
          value={location?.id ?? null}
          allowDeselect={false}
          onChange={(value) => {
            if (value !== null) setParams({ location: value });
          }}
        />
        {location !== undefined && (
          <Text size="sm" c="dimmed">
            {formatLocalDate(date)} · times in {location.timeZone} ·{' '}
            <Anchor
              component={Link}
              underline="always"
              to={`/schedule/day?location=${encodeURIComponent(location.id)}&date=${date}`}
            >
              Day board (check in from a booking)
            </Anchor>
          </Text>
        )}
      </Group>
      {sessions.isError && <QueryErrorAlert error={sessions.error} />}
      {sessions.isPending ? (
        <Text size="sm">Loading…</Text>
      ) : (
        // Patient, status and open alerts come first: on a phone the later columns scroll
        // sideways inside the table, never the page.
        <TableScrollRegion label="Today's sessions" minWidth={640}>
          <Table aria-label="Today's sessions" withTableBorder striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Patient</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Open alerts</Table.Th>
                <Table.Th scope="col">Booked for</Table.Th>
                <Table.Th scope="col">Checked in</Table.Th>
                <Table.Th scope="col">Treatment</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data?.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>No sessions yet today.</Table.Td>
                </Table.Tr>
              )}
              {(sessions.data ?? []).map((s) => {
                const openAlerts = s.openAlertCount;
                return (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/sessions/${encodeURIComponent(s.id)}`}
                        size="lg"
                      >
                        {s.patient.displayName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {/* Plain coloured text: a badge cut "Pre-check done" to "PRE-CH…" on a phone. */}
                      <Text
                        size="sm"
                        fw={700}
                        c={sessionStatusColor(s)}
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {sessionStatusLabel(s)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {openAlerts > 0 ? <Badge color="red">{openAlerts}</Badge> : '—'}
                    </Table.Td>
                    <Table.Td>
                      {formatZonedTimeInList(s.scheduledStart, location?.timeZone ?? 'UTC')}
                    </Table.Td>
                    <Table.Td>
                      {formatZonedTimeInList(s.checkedInAt, location?.timeZone ?? 'UTC')}
                    </Table.Td>
                    <Table.Td>
                      {s.product === 'esketamine-nasal'
                        ? 'Esketamine nasal spray'
                        : 'Ketamine infusion'}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScrollRegion>
      )}
    </Stack>
  );
}
