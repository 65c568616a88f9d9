import type { ConditionEntry } from '../api/patient-types';
import { formatDate } from '../format/dates';
import {
  clinicalStatusOptions,
  codeSystemOptions,
  labelOf,
  verificationStatusOptions,
} from '../format/labels';
import { describeCode } from './coded-text';
import { RecordTable } from './record-table';

export function ConditionsTable({ conditions }: { conditions: readonly ConditionEntry[] }) {
  return (
    <RecordTable
      caption="Conditions"
      headers={['Condition', 'Clinical status', 'Verification', 'Onset', 'Abated', 'Code']}
      emptyText="No condition recorded."
      rows={conditions.map((entry) => ({
        key: entry.id,
        cells: [
          entry.text,
          labelOf(clinicalStatusOptions, entry.clinicalStatus),
          labelOf(verificationStatusOptions, entry.verificationStatus),
          formatDate(entry.onsetDate),
          formatDate(entry.abatementDate),
          describeCode(
            entry.codeSystem === null ? null : labelOf(codeSystemOptions, entry.codeSystem),
            entry.code,
          ),
        ],
      }))}
    />
  );
}
