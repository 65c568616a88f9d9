import { Alert, Anchor, Badge, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { Screening } from '../api/screening-types';
import { formatDateTime } from '../format/dates';
import { FindingsBySeverity } from './findings-by-severity';
import { InputFacts } from './input-facts';
import { decisionLabels, productLabels, statusLabels } from './labels';
import { SignPanel } from './sign-panel';
import { SignedSummary } from './signed-summary';

interface ScreeningDetailProps {
  screening: Screening;
  indicationName: string;
  canSign: boolean;
  /** Shows the screening that replaced this one, when it is stale. */
  onShowNewer: (id: string) => void;
}

/** One screening: decision, findings by severity, signature or sign form, and the facts used. */
export function ScreeningDetail({
  screening,
  indicationName,
  canSign,
  onShowNewer,
}: ScreeningDetailProps) {
  const decision = decisionLabels[screening.result.decision];
  const status = statusLabels[screening.status];
  const { supersededBy } = screening;
  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap">
        <Badge size="lg" color={decision.color}>
          <VisuallyHidden>Decision: </VisuallyHidden>
          {decision.label}
        </Badge>
        <Badge size="lg" variant="outline" color={status.color}>
          <VisuallyHidden>Status: </VisuallyHidden>
          {status.label}
        </Badge>
        <Text fw={600}>
          {indicationName} · {productLabels[screening.product]}
        </Text>
      </Group>
      <Text size="sm" c="dimmed">
        Screened {formatDateTime(screening.createdAt)}
        {screening.createdBy === null ? '' : ` by ${screening.createdBy.displayName}`} · as of{' '}
        {screening.asOf} · knowledge base {screening.result.knowledgeVersion}
      </Text>
      {screening.staleAt !== null && (
        <Alert color="gray" title="Out of date">
          The record changed on {formatDateTime(screening.staleAt)} and the patient was screened
          again.{' '}
          {supersededBy !== null && (
            <Anchor
              component="button"
              type="button"
              onClick={() => {
                onShowNewer(supersededBy);
              }}
            >
              Show the newer screening
            </Anchor>
          )}
        </Alert>
      )}
      <SignedSummary screening={screening} />
      <Stack gap="xs" component="section" aria-labelledby="findings-heading">
        <Title order={3} size="h4" id="findings-heading">
          Findings
        </Title>
        <FindingsBySeverity findings={screening.result.findings} />
      </Stack>
      {screening.status === 'current' &&
        (canSign ? (
          <SignPanel key={screening.id} screening={screening} />
        ) : (
          <Text size="sm" c="dimmed">
            A prescriber reviews and signs this screening.
          </Text>
        ))}
      <Stack gap="xs" component="section" aria-labelledby="facts-heading">
        <Title order={3} size="h4" id="facts-heading">
          Facts screened
        </Title>
        <InputFacts input={screening.input} />
      </Stack>
    </Stack>
  );
}
