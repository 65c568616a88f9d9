import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { KnowledgeBase } from '@ketaflow/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fetchDoseCalculations } from '../api/dose-api';
import type { SavedDoseCalculation } from '../api/dose-types';
import { queryKeys } from '../api/query-keys';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { TableScrollRegion } from '../components/table-scroll-region';
import { formatDateTime } from '../format/dates';
import { formatQuantity } from './format-quantity';

export function useDoseCalculations(patientId: string) {
  return useQuery({
    queryKey: queryKeys.doseCalculations(patientId),
    queryFn: () => fetchDoseCalculations(patientId),
  });
}

export function sheetPath(calculation: Pick<SavedDoseCalculation, 'id' | 'patientId'>): string {
  return `/patients/${encodeURIComponent(calculation.patientId)}/dose/${encodeURIComponent(calculation.id)}`;
}

function indicationName(kb: KnowledgeBase, id: string | null): string {
  return kb.indications.find((i) => i.id === id)?.displayName ?? id ?? '—';
}

function describeDose(c: SavedDoseCalculation): string {
  const r = c.result;
  if (r.product === 'esketamine-nasal')
    return `${formatQuantity(r.dose)} (${String(r.devices ?? '')} devices)`;
  return `${formatQuantity(r.dose)} at ${formatQuantity(r.rate)}`;
}

/** The patient's stored calculations, newest first, each with its printable sheet. */
export function SavedCalculations({ patientId, kb }: { patientId: string; kb: KnowledgeBase }) {
  const calculations = useDoseCalculations(patientId);
  if (calculations.isPending) return <PageLoader label="Loading saved calculations" />;
  if (calculations.isError) return <QueryErrorAlert error={calculations.error} />;
  const items = calculations.data.items;
  if (items.length === 0)
    return (
      <Text c="dimmed" size="sm">
        No calculation saved for this patient yet.
      </Text>
    );
  return (
    <TableScrollRegion label="Saved calculations" minWidth={560}>
      <Table aria-label="Saved calculations" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Saved</Table.Th>
            <Table.Th scope="col">By</Table.Th>
            <Table.Th scope="col">Protocol</Table.Th>
            <Table.Th scope="col">Dose and rate</Table.Th>
            <Table.Th scope="col">Limits</Table.Th>
            <Table.Th scope="col">Sheet</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => {
            const overridden = c.result.limits.filter((l) => l.overridden).length;
            return (
              <Table.Tr key={c.id}>
                <Table.Td>{formatDateTime(c.createdAt)}</Table.Td>
                <Table.Td>{c.createdBy.displayName}</Table.Td>
                <Table.Td>{indicationName(kb, c.result.indication)}</Table.Td>
                <Table.Td>{describeDose(c)}</Table.Td>
                <Table.Td>
                  {overridden > 0 ? (
                    <Badge color="yellow" variant="light">
                      {overridden} overridden
                    </Badge>
                  ) : (
                    'none'
                  )}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={sheetPath(c)}>
                    Open sheet
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScrollRegion>
  );
}
