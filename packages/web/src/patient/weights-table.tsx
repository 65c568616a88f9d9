import type { WeightEntry } from '../api/patient-types';
import { formatDate } from '../format/dates';
import { formatKilograms } from '../format/units';
import { RecordTable } from './record-table';

function describeEntered(entry: WeightEntry): string {
  return entry.enteredUnit === 'kg' ? '' : `${entry.enteredValue} ${entry.enteredUnit}`;
}

export function WeightsTable({ weights }: { weights: readonly WeightEntry[] }) {
  return (
    <RecordTable
      caption="Weights"
      headers={['Measured on', 'Weight', 'As entered']}
      emptyText="No weight recorded."
      rows={weights.map((entry) => ({
        key: entry.id,
        cells: [
          formatDate(entry.measuredOn),
          formatKilograms(entry.weightKg),
          describeEntered(entry),
        ],
      }))}
    />
  );
}
