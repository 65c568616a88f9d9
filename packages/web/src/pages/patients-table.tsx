import { Anchor, Badge, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PatientSummary } from '../api/patient-types';
import { formatDateTime } from '../format/dates';
import { historyListNames } from '../format/labels';
import { formatKilograms } from '../format/units';
import { RecordTable } from '../patient/record-table';

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
  const headers = ['MRN', 'Name', 'Date of birth', 'Latest weight'];
  return (
    <RecordTable
      caption="Patients"
      headers={showRegistered ? [...headers, 'Registered online'] : headers}
      emptyText={emptyMessage}
      rows={patients.map((patient) => {
        const cells = [
          <Text key="mrn" span ff="monospace" size="sm">
            {patient.mrn}
          </Text>,
          <Stack key="name" gap={2} align="flex-start">
            <Anchor component={Link} to={`/patients/${encodeURIComponent(patient.id)}`}>
              {patient.familyName}, {patient.givenName}
            </Anchor>
            <UnconfirmedEmail account={patient.account} />
            <UnrecordedHistory lists={patient.unrecordedLists} />
          </Stack>,
          patient.birthDate,
          describeLatestWeight(patient),
        ];
        if (showRegistered)
          cells.push(patient.account === null ? '—' : formatDateTime(patient.account.registeredAt));
        return { key: patient.id, cells };
      })}
    />
  );
}
