import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Screening } from '../api/screening-types';
import { TableScrollRegion } from '../components/table-scroll-region';
import { formatDateTime } from '../format/dates';
import { decisionLabels, productLabels, statusLabels } from './labels';

interface ScreeningHistoryProps {
  screenings: readonly Screening[];
  indicationName: (id: string) => string;
  shownId: string | undefined;
  onShow: (id: string) => void;
}

/** Every screening of the patient, newest first; any of them can be opened above. */
export function ScreeningHistory({
  screenings,
  indicationName,
  shownId,
  onShow,
}: ScreeningHistoryProps) {
  if (screenings.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No screenings yet.
      </Text>
    );
  return (
    <TableScrollRegion label="Screening history" minWidth={720}>
      <Table aria-label="Screening history" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Screened</Table.Th>
            <Table.Th scope="col">For</Table.Th>
            <Table.Th scope="col">Decision</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">By</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Show</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {screenings.map((s) => {
            const decision = decisionLabels[s.result.decision];
            const status = statusLabels[s.status];
            const shown = s.id === shownId;
            return (
              <Table.Tr key={s.id} aria-current={shown ? 'true' : undefined}>
                <Table.Td>{formatDateTime(s.createdAt)}</Table.Td>
                <Table.Td>
                  {indicationName(s.indication)} · {productLabels[s.product]}
                </Table.Td>
                {/* Plain coloured text: badges would cut the longer labels short in a table. */}
                <Table.Td>
                  <Text size="sm" fw={600} c={decision.color}>
                    {decision.label}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} c={status.color}>
                    {status.label}
                  </Text>
                </Table.Td>
                <Table.Td>{s.createdBy?.displayName ?? 'Automatic'}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant={shown ? 'filled' : 'default'}
                    disabled={shown}
                    onClick={() => {
                      onShow(s.id);
                    }}
                  >
                    {shown ? 'Shown' : 'Show'}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScrollRegion>
  );
}
