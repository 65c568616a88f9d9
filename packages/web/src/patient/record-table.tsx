import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { TableScrollRegion } from '../components/table-scroll-region';

interface RecordTableProps {
  caption: string;
  headers: readonly string[];
  /** One array of cells per row, keyed by the entry id. */
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
  emptyText: string;
}

/** A small, horizontally scrollable table of record entries named for screen readers. */
export function RecordTable({ caption, headers, rows, emptyText }: RecordTableProps) {
  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {emptyText}
      </Text>
    );
  }
  return (
    <TableScrollRegion label={caption} minWidth={480}>
      <Table striped highlightOnHover aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header) => (
              <Table.Th key={header} scope="col">
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              {row.cells.map((cell, index) => (
                <Table.Td key={headers[index] ?? index}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScrollRegion>
  );
}
