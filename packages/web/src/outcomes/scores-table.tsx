import type { PatientProgress } from '../api/outcomes-types';
import { formatZonedDateTimeWithZone } from '../format/zoned-time';
import { useClinicTimeZone } from '../schedule/use-clinic-time-zone';
import { RecordTable } from '../patient/record-table';
import { criterionLabels, formatPercentChange, sourceLabels } from './labels';

/** The chart's values as a table (oldest first), for screen readers and for checking. */
export function ScoresTable({ data }: { data: PatientProgress }) {
  // When each form was filled in, on the clinic's clock (paper forms are typed in it).
  const { zone } = useClinicTimeZone();
  const when = (iso: string) => formatZonedDateTimeWithZone(iso, zone);
  const points = new Map((data.progress?.points ?? []).map((p) => [p.at, p]));
  return (
    <RecordTable
      caption={`${data.instrumentName} scores`}
      headers={[
        'Date',
        'Score',
        'Severity',
        'Change',
        'Response',
        'Remission',
        'Infusions before',
        'Entered',
      ]}
      emptyText="No scores yet."
      rows={data.responses.map((r) => {
        const point = points.get(r.completedAt);
        return {
          key: r.id,
          cells: [
            when(r.completedAt),
            String(r.total),
            r.band?.label ?? '—',
            point === undefined || point.isBaseline
              ? 'Baseline'
              : formatPercentChange(point.percentChange),
            point === undefined ? '—' : criterionLabels[point.response.status],
            point === undefined ? '—' : criterionLabels[point.remission.status],
            point === undefined ? '—' : String(point.sessionsBefore),
            sourceLabels[r.source],
          ],
        };
      })}
    />
  );
}
