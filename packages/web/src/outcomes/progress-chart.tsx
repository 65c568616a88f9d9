import { Group, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { PatientProgress, SeverityBand } from '../api/outcomes-types';
import { formatZonedDateTimeWithZone } from '../format/zoned-time';
import { useClinicTimeZone } from '../schedule/use-clinic-time-zone';
import {
  bandArea,
  bandTint,
  dayTicks,
  formatShortDate,
  responseThreshold,
  timeDomain,
} from './chart-geometry';

const SESSION_COLOR = '#7048e8';
const SCORE_COLOR = '#1c7ed6';
const RESPONSE_COLOR = '#2b8a3e';
const REMISSION_COLOR = '#087f5b';
const BASELINE_COLOR = '#495057';

interface ProgressChartProps {
  data: PatientProgress;
  bands: readonly SeverityBand[];
}

function LegendSwatch({
  color,
  dashed,
  label,
}: {
  color: string;
  dashed?: boolean;
  label: string;
}) {
  return (
    <Group gap={6} wrap="nowrap">
      <svg width="22" height="10" aria-hidden="true">
        <line
          x1="0"
          y1="5"
          x2="22"
          y2="5"
          stroke={color}
          strokeWidth="2"
          strokeDasharray={dashed === true ? '4 3' : undefined}
        />
      </svg>
      <Text size="xs">{label}</Text>
    </Group>
  );
}

/**
 * Scores over time on the instrument's full range: severity bands shaded, infusions as dashed
 * vertical lines, and the baseline, response and remission lines of the criteria core applied.
 * The values are in the table beside it; the chart itself is hidden from screen readers.
 */
export function ProgressChart({ data, bands }: ProgressChartProps) {
  const { ref, width } = useElementSize();
  // Days on the clinic's calendar: an evening score in New York is not the next day's for a
  // reader whose browser is set far east.
  const { zone } = useClinicTimeZone();
  const { progress, responses, sessions } = data;
  const first = responses[0];
  const range = { min: first?.minTotal ?? 0, max: first?.maxTotal ?? 27 };
  const points = responses.map((r) => ({ time: Date.parse(r.completedAt), total: r.total }));
  const sessionTimes = sessions.map((s) => Date.parse(s.at));
  const domain = timeDomain([...points.map((p) => p.time), ...sessionTimes]);
  const threshold = progress === null ? null : responseThreshold(progress);
  const remissionBelow = progress?.criteria.remission.belowScore ?? null;
  const narrow = width > 0 && width < 520;
  const chartWidth = Math.max(280, Math.floor(width));
  // Wide: the reference lines are named in the right margin. Narrow: there is no room for a
  // margin, and inside the plot a name sat on the latest score when it was near its line, so the
  // legend below (same colours and dashes) names them.
  const lineLabel = (value: string) =>
    narrow ? {} : { label: { value, position: 'right' as const, fontSize: 11 } };

  return (
    <Stack gap="xs">
      <div ref={ref} aria-hidden="true" style={{ width: '100%', minHeight: 300 }}>
        {width > 0 && (
          <ComposedChart
            width={chartWidth}
            height={300}
            data={points}
            // Wide: the reference lines are named in the right margin, clear of the scores.
            margin={{ top: 10, right: narrow ? 8 : 72, bottom: 0, left: -16 }}
            accessibilityLayer={false}
          >
            {bands.map((band, index) => (
              <ReferenceArea
                key={band.id}
                {...bandArea(band, range)}
                fill={bandTint(index, bands.length)}
                fillOpacity={0.9}
                strokeOpacity={0}
                ifOverflow="hidden"
                {...(narrow
                  ? {}
                  : {
                      label: {
                        value: band.label,
                        position: 'insideTopLeft',
                        fontSize: 11,
                        fill: '#555',
                      },
                    })}
              />
            ))}
            <CartesianGrid strokeDasharray="2 4" vertical={false} />
            <XAxis
              dataKey="time"
              type="number"
              scale="time"
              domain={domain}
              ticks={dayTicks(domain, narrow ? 4 : 8, zone)}
              tickFormatter={(ms: number) => formatShortDate(ms, zone)}
              fontSize={12}
            />
            <YAxis
              type="number"
              domain={[range.min, range.max]}
              allowDecimals={false}
              fontSize={12}
            />
            {sessionTimes.map((time, index) => (
              <ReferenceLine
                key={`${String(time)}-${String(index)}`}
                x={time}
                stroke={SESSION_COLOR}
                strokeDasharray="4 3"
                strokeOpacity={0.7}
              />
            ))}
            {progress !== null && (
              <ReferenceLine
                y={progress.baseline.total}
                stroke={BASELINE_COLOR}
                strokeDasharray="6 3"
                {...lineLabel('Baseline')}
              />
            )}
            {threshold !== null && (
              <ReferenceLine
                y={threshold}
                stroke={RESPONSE_COLOR}
                strokeWidth={2}
                {...lineLabel('Response')}
              />
            )}
            {remissionBelow !== null && (
              <ReferenceLine
                y={remissionBelow}
                stroke={REMISSION_COLOR}
                strokeDasharray="2 2"
                strokeWidth={2}
                {...lineLabel('Remission')}
              />
            )}
            <Tooltip
              labelFormatter={(label) =>
                typeof label === 'number'
                  ? formatZonedDateTimeWithZone(new Date(label).toISOString(), zone)
                  : ''
              }
              formatter={(value) => [String(value), data.instrumentName]}
            />
            <Line
              dataKey="total"
              name={data.instrumentName}
              stroke={SCORE_COLOR}
              strokeWidth={3}
              dot={{ r: 5, fill: SCORE_COLOR }}
              isAnimationActive={false}
            />
          </ComposedChart>
        )}
      </div>
      <Group gap="md" wrap="wrap" aria-hidden="true">
        <LegendSwatch color={SCORE_COLOR} label={`${data.instrumentName} score`} />
        <LegendSwatch color={SESSION_COLOR} dashed label="Infusion session" />
        <LegendSwatch color={BASELINE_COLOR} dashed label="Baseline" />
        {threshold !== null && (
          <LegendSwatch
            color={RESPONSE_COLOR}
            label={`Response: at or below ${String(Math.round(threshold * 10) / 10)}`}
          />
        )}
        {remissionBelow !== null && (
          <LegendSwatch
            color={REMISSION_COLOR}
            dashed
            label={`Remission: below ${String(remissionBelow)}`}
          />
        )}
      </Group>
      {bands.length > 0 && (
        <Group gap="xs" wrap="wrap" aria-hidden="true">
          {bands.map((band, index) => (
            <Text
              key={band.id}
              size="xs"
              px={6}
              style={{ background: bandTint(index, bands.length), borderRadius: 4 }}
            >
              {band.label} {band.min}–{band.max}
            </Text>
          ))}
        </Group>
      )}
    </Stack>
  );
}
