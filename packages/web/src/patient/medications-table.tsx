import type { ReactNode } from 'react';
import type { MedicationEntry } from '../api/patient-types';
import { formatDate } from '../format/dates';
import { labelOf, medicationStatusOptions } from '../format/labels';
import { describeCode } from './coded-text';
import { RecordTable } from './record-table';

interface MedicationsTableProps {
  medications: readonly MedicationEntry[];
  /** Staff get an action per row (change status); patients see the list read-only. */
  renderAction?: (medication: MedicationEntry) => ReactNode;
}

export function MedicationsTable({ medications, renderAction }: MedicationsTableProps) {
  const headers = ['Medication', 'Dose', 'Status', 'Started', 'Stopped', 'Code'];
  return (
    <RecordTable
      caption="Medications"
      headers={renderAction === undefined ? headers : [...headers, 'Action']}
      emptyText="No medication recorded."
      rows={medications.map((entry) => {
        const cells: ReactNode[] = [
          entry.text,
          entry.doseText ?? '—',
          labelOf(medicationStatusOptions, entry.status),
          formatDate(entry.startedOn),
          formatDate(entry.stoppedOn),
          describeCode(entry.rxnormCode === null ? null : 'RxNorm', entry.rxnormCode),
        ];
        if (renderAction !== undefined) cells.push(renderAction(entry));
        return { key: entry.id, cells };
      })}
    />
  );
}
