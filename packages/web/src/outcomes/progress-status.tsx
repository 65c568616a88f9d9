import { Badge, Group, List, Text } from '@mantine/core';
import type { Progress } from '../api/outcomes-types';
import { formatZonedDateTimeWithZone } from '../format/zoned-time';
import { useClinicTimeZone } from '../schedule/use-clinic-time-zone';
import { responseThreshold } from './chart-geometry';
import { formatPercentChange } from './labels';

function infusions(count: number): string {
  return count === 1 ? '1 infusion' : `${String(count)} infusions`;
}

function days(count: number): string {
  return count === 1 ? '1 day' : `${String(count)} days`;
}

function ruleText(progress: Progress): string {
  const rule = progress.criteria.response.rule;
  if (rule?.kind === 'percent-decrease')
    return `a score at least ${String(rule.percent ?? 50)}% below baseline`;
  if (rule?.kind === 'points-decrease')
    return `a score at least ${String(rule.points ?? 0)} points below baseline`;
  return 'not defined';
}

/** Response and remission in words, from core's progress as the server computed it. */
export function ProgressStatus({ progress }: { progress: Progress }) {
  // On the clinic's clock, as the chart and the scores table show them.
  const { zone } = useClinicTimeZone();
  const when = (iso: string) => formatZonedDateTimeWithZone(iso, zone);
  const latest = progress.points.at(-1);
  const threshold = responseThreshold(progress);
  const responder = progress.latest.response.status === 'met';
  const remitted = progress.latest.remission.status === 'met' && !progress.baselineInRemission;
  const lines: string[] = [
    `Baseline ${String(progress.baseline.total)} on ${when(progress.baseline.at)}.`,
  ];
  if (latest !== undefined && !latest.isBaseline)
    lines.push(
      `Latest ${String(latest.total)} on ${when(latest.at)} (${formatPercentChange(latest.percentChange)} from baseline, after ${infusions(latest.sessionsBefore)}).`,
    );
  if (!progress.responseDefined)
    lines.push(
      `Response cannot be judged: ${progress.latest.response.reason ?? progress.criteria.response.note}.`,
    );
  else if (progress.firstResponse !== null)
    lines.push(
      `First response on ${when(progress.firstResponse.at)}: after ${infusions(progress.firstResponse.sessionsBefore)}, ${days(progress.firstResponse.daysFromBaseline)} from baseline.`,
    );
  else if (threshold !== null)
    lines.push(
      `No response yet: a response is ${ruleText(progress)} (at or below ${String(Math.round(threshold * 10) / 10)}).`,
    );
  if (progress.baselineInRemission)
    lines.push(
      'The baseline was already in the remission range: remission is not an outcome here.',
    );
  else if (progress.firstRemission !== null)
    lines.push(
      `First remission on ${when(progress.firstRemission.at)}: after ${infusions(progress.firstRemission.sessionsBefore)}, ${days(progress.firstRemission.daysFromBaseline)} from baseline.`,
    );
  else if (progress.criteria.remission.belowScore !== null)
    lines.push(
      `No remission yet: remission is a score below ${String(progress.criteria.remission.belowScore)}.`,
    );

  return (
    <div role="status" aria-label="Progress status">
      <Group gap="xs" mb="xs">
        {responder ? (
          <Badge color="green" size="lg">
            Responder
          </Badge>
        ) : (
          <Badge color="gray" size="lg">
            Not responding yet
          </Badge>
        )}
        {remitted && (
          <Badge color="teal" size="lg">
            In remission
          </Badge>
        )}
        {progress.firstResponse !== null && (
          <Badge variant="light" size="lg">
            {`Response after ${infusions(progress.firstResponse.sessionsBefore)}`}
          </Badge>
        )}
      </Group>
      <List size="sm" spacing={2}>
        {lines.map((line) => (
          <List.Item key={line}>
            <Text size="sm">{line}</Text>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
