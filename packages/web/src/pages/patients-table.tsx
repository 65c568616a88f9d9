import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PatientSummary } from '../api/patient-types';
import { TableScrollRegion } from '../components/table-scroll-region';
import { formatDateTime } from '../format/dates';
import { historyListNames } from '../format/labels';
import { formatKilograms } from '../format/units';

function describeLatestWeight(patient: PatientSummary): string {
  const weight = patient.latestWeight;
  return weight === null ? '—' : `${formatKilograms(weight.weightKg)} (${weight.measuredOn})`;
}

/**
 * The history lists nobody has taken, to be completed: screening reads them as unknown. Nothing
 * when every list was taken (entries, or "none known").
 */
function UnrecordedHistory({ lists }: { lists: PatientSummary['unrecordedLists'] }) {
  if (lists.length === 0) return null;
  return (
    <Text size="sm" c="orange">
      History not recorded: {lists.map((list) => historyListNames[list]).join(', ')}
    </Text>
  );
}

/**
 * A registration whose owner never opened the confirmation link: the address on the account is
 * unproven (mistyped, or someone else's). Nothing for a confirmed account or none.
 */
function UnconfirmedEmail({ account }: { account: PatientSummary['account'] }) {
  if (account === null || account.confirmed) return null;
  return (
    <Badge color="orange" variant="light" tt="none" title={account.email}>
      E-mail not confirmed
    </Badge>
  );
}

interface PatientsTableProps {
  patients: readonly PatientSummary[];
  /** What an empty table says instead. */
  emptyMessage?: string;
  /** Adds when each patient registered online (for the list of unconfirmed registrations). */
  showRegistered?: boolean;
}

export function PatientsTable({
  patients,
  emptyMessage = 'No patient matches.',
  showRegistered = false,
}: PatientsTableProps) {
  if (patients.length === 0) return <Text c="dimmed">{emptyMessage}</Text>;
  return (
    <TableScrollRegion label="Patients" minWidth={520}>
      <Table striped highlightOnHover aria-label="Patients">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">MRN</Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Date of birth</Table.Th>
            <Table.Th scope="col">Latest weight</Table.Th>
            {showRegistered && <Table.Th scope="col">Registered online</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {patients.map((patient) => (
            <Table.Tr key={patient.id}>
              <Table.Td ff="monospace">{patient.mrn}</Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Anchor component={Link} to={`/patients/${encodeURIComponent(patient.id)}`}>
                    {patient.familyName}, {patient.givenName}
                  </Anchor>
                  <UnconfirmedEmail account={patient.account} />
                  <UnrecordedHistory lists={patient.unrecordedLists} />
                </Stack>
              </Table.Td>
              <Table.Td>{patient.birthDate}</Table.Td>
              <Table.Td>{describeLatestWeight(patient)}</Table.Td>
              {showRegistered && (
                <Table.Td>
                  {patient.account === null ? '—' : formatDateTime(patient.account.registeredAt)}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScrollRegion>
  );
}
