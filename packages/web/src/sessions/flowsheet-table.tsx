import { Button, Table, Text } from '@mantine/core';
import type { Reading, Session, VitalKey } from '../api/session-types';
import { TableScrollRegion } from '../components/table-scroll-region';
import { formatZonedTimeInList } from '../format/zoned-time';
import { vitalFields } from './labels';
import { amendmentsOf, originalValue, outOfRangeKeys, sortedReadings } from './readings';

interface FlowsheetTableProps {
  session: Session;
  zone: string;
  /** Offers "Correct" on each reading; left out on the printed record. */
  onCorrect?: (reading: Reading) => void;
}

function Cell({
  session,
  reading,
  fieldKey,
}: {
  session: Session;
  reading: Reading;
  fieldKey: VitalKey;
}) {
  const value = reading[fieldKey];
  const original = originalValue(amendmentsOf(session, reading), fieldKey);
  const out = outOfRangeKeys(reading).has(fieldKey);
  const shown = value === null ? '—' : String(value);
  return (
    <Table.Td
      className={out ? 'kf-out-of-range' : undefined}
      data-out-of-range={out ? 'true' : undefined}
      fw={out ? 700 : undefined}
    >
      {original !== undefined && original !== value ? (
        <>
          <s>{original}</s> <strong>{shown}</strong>
          <span className="kf-visually-hidden"> (corrected from {original})</span>
        </>
      ) : (
        shown
      )}
      {out && <span className="kf-visually-hidden"> (out of range)</span>}
    </Table.Td>
  );
}

/** The vitals flowsheet: one row per reading, out-of-range values highlighted, corrections shown. */
export function FlowsheetTable({ session, zone, onCorrect }: FlowsheetTableProps) {
  const readings = sortedReadings(session);
  return (
    <TableScrollRegion label="Vitals flowsheet" minWidth={480}>
      <Table
        aria-label="Vitals flowsheet"
        withTableBorder
        striped
        verticalSpacing="xs"
        horizontalSpacing={6}
        className="kf-flowsheet"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Time</Table.Th>
            {vitalFields.map((f) => (
              <Table.Th key={f.key} scope="col">
                {f.short}
                <Text component="span" size="xs" c="dimmed">
                  {' '}
                  {f.unit}
                </Text>
              </Table.Th>
            ))}
            <Table.Th scope="col">By</Table.Th>
            {onCorrect !== undefined && <Table.Th scope="col">Correct</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {readings.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={vitalFields.length + 3}>No readings yet.</Table.Td>
            </Table.Tr>
          )}
          {readings.map((r) => {
            const time = formatZonedTimeInList(r.takenAt, zone);
            return (
              <Table.Tr key={r.id} data-reading-id={r.id}>
                <Table.Th scope="row">{time}</Table.Th>
                {vitalFields.map((f) => (
                  <Cell key={f.key} session={session} reading={r} fieldKey={f.key} />
                ))}
                <Table.Td>
                  <Text size="xs">
                    {r.recordedBy?.displayName ?? r.source}
                    {r.source === 'pre-check' && ' (pre-check)'}
                  </Text>
                </Table.Td>
                {onCorrect !== undefined && (
                  <Table.Td>
                    {r.source !== 'pre-check' && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-label={`Correct the ${time} reading`}
                        onClick={() => {
                          onCorrect(r);
                        }}
                      >
                        Correct
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScrollRegion>
  );
}
