import { Anchor, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { searchPatients } from '../api/patients-api';
import { queryKeys } from '../api/query-keys';
import { QueryErrorAlert } from '../components/query-error-alert';
import { TableScrollRegion } from '../components/table-scroll-region';
import { formatKilograms } from '../format/units';

/** Finds a patient by name or MRN and opens the calculator with their record. */
export function PatientPicker() {
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 250);
  const search = { query, page: 1, pageSize: 8 };
  const patients = useQuery({
    queryKey: queryKeys.patients(search),
    queryFn: () => searchPatients(search),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="xs">
      <TextInput
        label="Find patient"
        description="Name or MRN; the calculator then uses their recorded weight, height and sex"
        type="search"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
        }}
        maw={420}
      />
      {patients.isError && <QueryErrorAlert error={patients.error} />}
      {patients.data !== undefined &&
        (patients.data.items.length === 0 ? (
          <Text c="dimmed" size="sm">
            No patient matches.
          </Text>
        ) : (
          <TableScrollRegion label="Matching patients" minWidth={420}>
            <Table aria-label="Matching patients" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Patient</Table.Th>
                  <Table.Th scope="col">MRN</Table.Th>
                  <Table.Th scope="col">Latest weight</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {patients.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/patients/${encodeURIComponent(p.id)}/dose`}>
                        {p.familyName}, {p.givenName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ff="monospace">{p.mrn}</Table.Td>
                    <Table.Td>
                      {p.latestWeight === null
                        ? 'none recorded'
                        : `${formatKilograms(p.latestWeight.weightKg)} (${p.latestWeight.measuredOn})`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScrollRegion>
        ))}
    </Stack>
  );
}
