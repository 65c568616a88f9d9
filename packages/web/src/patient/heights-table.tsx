import type { HeightEntry } from '../api/patient-types';
import { formatDate } from '../format/dates';
import { formatCentimetres } from '../format/units';
import { RecordTable } from './record-table';

export function HeightsTable({ heights }: { heights: readonly HeightEntry[] }) {
  return (
    <RecordTable
      caption="Heights"
      headers={['Measured on', 'Height']}
      emptyText="No height recorded."
      rows={heights.map((entry) => ({
        key: entry.id,
        cells: [formatDate(entry.measuredOn), formatCentimetres(entry.heightCm)],
      }))}
    />
  );
}
