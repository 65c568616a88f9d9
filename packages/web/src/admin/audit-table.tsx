import { Code, Table, Text } from '@mantine/core';
import type { AuditEntry } from '../api/admin-types';
import { TableScrollRegion } from '../components/table-scroll-region';
import { formatDateTime } from '../format/dates';

function describeActor(entry: AuditEntry): string {
  if (entry.actorName === null) return entry.actorUserId ?? 'Anonymous';
  return entry.actorRole === null ? entry.actorName : `${entry.actorName} (${entry.actorRole})`;
}

function describeResource(entry: AuditEntry): string {
  if (entry.resourceType === null) return '—';
  return entry.resourceId === null
    ? entry.resourceType
    : `${entry.resourceType}/${entry.resourceId}`;
}

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  if (entries.length === 0) return <Text c="dimmed">No audit entry matches.</Text>;
  return (
    <TableScrollRegion label="Audit log" minWidth={860}>
      <Table striped aria-label="Audit log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Actor</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Patient</Table.Th>
            <Table.Th scope="col">Resource</Table.Th>
            <Table.Th scope="col">Client IP</Table.Th>
            <Table.Th scope="col">Outcome</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{formatDateTime(entry.at)}</Table.Td>
              <Table.Td>{describeActor(entry)}</Table.Td>
              <Table.Td>
                <Code>{entry.action}</Code>
              </Table.Td>
              <Table.Td ff="monospace">{entry.patientId ?? '—'}</Table.Td>
              <Table.Td ff="monospace">{describeResource(entry)}</Table.Td>
              <Table.Td ff="monospace">{entry.clientIp ?? '—'}</Table.Td>
              <Table.Td>{entry.outcome}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScrollRegion>
  );
}
