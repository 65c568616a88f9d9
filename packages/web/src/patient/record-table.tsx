import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { TableScrollRegion } from '../components/table-scroll-region';
import classes from './record-table.module.css';

interface RecordTableProps {
  caption: string;
  headers: readonly string[];
  /** One array of cells per row, keyed by the entry id. */
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
  emptyText: string;
  /**
   * On a phone, show each row as a card of "column: value" lines instead of scrolling sideways
   * (the default; false keeps the sideways-scrolling table).
   */
  stackOnPhone?: boolean;
}

/** The table roles spelt out: a browser may drop them once the parts are laid out as blocks. */
function roles(stacked: boolean) {
  const role = (name: string) => (stacked ? { role: name } : {});
  return {
    table: role('table'),
    rowgroup: role('rowgroup'),
    row: role('row'),
    columnheader: role('columnheader'),
    cell: role('cell'),
  };
}

/**
 * A small table of record entries named for screen readers. It scrolls sideways when it is wider
 * than the screen, unless it stacks on a phone.
 */
export function RecordTable({
  caption,
  headers,
  rows,
  emptyText,
  stackOnPhone = true,
}: RecordTableProps) {
  const role = roles(stackOnPhone);
  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {emptyText}
      </Text>
    );
  }
  return (
    <TableScrollRegion
      label={caption}
      minWidth={480}
      className={stackOnPhone ? classes.stackedRegion : undefined}
    >
      <Table
        striped
        highlightOnHover
        aria-label={caption}
        className={stackOnPhone ? classes.stacked : undefined}
        {...role.table}
      >
        <Table.Thead {...role.rowgroup}>
          <Table.Tr {...role.row}>
            {headers.map((header) => (
              <Table.Th key={header} scope="col" {...role.columnheader}>
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody {...role.rowgroup}>
          {rows.map((row) => (
            <Table.Tr key={row.key} {...role.row}>
              {row.cells.map((cell, index) => (
                <Table.Td
                  key={headers[index] ?? index}
                  data-label={stackOnPhone ? headers[index] : undefined}
                  {...role.cell}
                >
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScrollRegion>
  );
}
