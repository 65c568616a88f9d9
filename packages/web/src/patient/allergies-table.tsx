import type { AllergyEntry } from '../api/patient-types';
import {
  allergyCodeSystemOptions,
  allergyStatusOptions,
  criticalityOptions,
  labelOf,
} from '../format/labels';
import { describeCode } from './coded-text';
import { RecordTable } from './record-table';

export function AllergiesTable({ allergies }: { allergies: readonly AllergyEntry[] }) {
  return (
    <RecordTable
      caption="Allergies"
      headers={['Substance', 'Reaction', 'Criticality', 'Status', 'Code']}
      emptyText="No allergy recorded."
      rows={allergies.map((entry) => ({
        key: entry.id,
        cells: [
          entry.substance,
          entry.reaction ?? '—',
          labelOf(criticalityOptions, entry.criticality),
          labelOf(allergyStatusOptions, entry.status),
          describeCode(
            entry.codeSystem === null ? null : labelOf(allergyCodeSystemOptions, entry.codeSystem),
            entry.code,
          ),
        ],
      }))}
    />
  );
}
