import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PatientSummary } from '../api/patient-types';
import { TableScrollRegion } from '../components/table-scroll-region';
import { formatKilograms } from '../format/units';

function describeLatestWeight(patient: PatientSummary): string {
  const weight = patient.latestWeight;
  return weight === null ? '—' : `${formatKilograms(weight.weightKg)} (${weight.measuredOn})`;
}

export function PatientsTable({ patients }: { patients: readonly PatientSummary[] }) {
  if (patients.length === 0) return <Text c="dimmed">No patient matches.</Text>;
  return (
    <TableScrollRegion label="Patients" minWidth={520}>
      <Table striped highlightOnHover aria-label="Patients">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">MRN</Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Date of birth</Table.Th>
            <Table.Th scope="col">Latest weight</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {patients.map((patient) => (
            <Table.Tr key={patient.id}>
              <Table.Td ff="monospace">{patient.mrn}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/patients/${encodeURIComponent(patient.id)}`}>
                  {patient.familyName}, {patient.givenName}
                </Anchor>
              </Table.Td>
              <Table.Td>{patient.birthDate}</Table.Td>
              <Table.Td>{describeLatestWeight(patient)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScrollRegion>
  );
}
