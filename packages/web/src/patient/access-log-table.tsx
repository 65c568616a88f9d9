import type { AccessLogEntry } from '../api/patient-types';
import { formatDateTime } from '../format/dates';
import { RecordTable } from './record-table';

export function AccessLogTable({ entries }: { entries: readonly AccessLogEntry[] }) {
  return (
    <RecordTable
      caption="Who opened the record"
      headers={['When', 'Who', 'Role', 'What', 'Outcome']}
      emptyText="Nobody has opened this record yet."
      rows={entries.map((entry, index) => ({
        // Access-log rows carry no id; the instant and position identify them on a page.
        key: `${entry.at}-${index}`,
        cells: [
          formatDateTime(entry.at),
          entry.actorName,
          entry.actorRole,
          entry.action,
          entry.outcome,
        ],
      }))}
    />
  );
}
