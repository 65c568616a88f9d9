import { DataList } from '@mantine/core';
import type { Patient } from '../api/patient-types';
import { labelOf, sexOptions } from '../format/labels';

function describeAddress(patient: Patient): string {
  const parts = [patient.addressLine, patient.postalCode, patient.city].filter(
    (part): part is string => part !== null && part !== '',
  );
  return parts.length === 0 ? '—' : parts.join(', ');
}

/** Read-only demographics, as the patient sees them. */
export function DemographicsView({ patient }: { patient: Patient }) {
  const rows: [string, string][] = [
    ['Name', `${patient.givenName} ${patient.familyName}`],
    ['Record number (MRN)', patient.mrn],
    ['Date of birth', patient.birthDate],
    ['Sex', labelOf(sexOptions, patient.sex)],
    ['Email', patient.email ?? '—'],
    ['Phone', patient.phone ?? '—'],
    ['Address', describeAddress(patient)],
  ];
  return (
    <DataList labelWidth="11rem" withDivider>
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {value}
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
