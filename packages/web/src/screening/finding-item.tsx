import { Badge, Button, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { Finding } from '@ketaflow/core';
import { useState } from 'react';
import { kindLabels, severityLabels } from './labels';

/** One finding with what to do about it, the record items it rests on and its sources. */
/** Sources shown before "Show all": a finding about a whole list can rest on dozens. */
const SOURCES_SHOWN = 4;

export function FindingItem({ finding, id }: { finding: Finding; id: string }) {
  const headingId = `${id}-summary`;
  const [allSources, setAllSources] = useState(false);
  const hidden = finding.sources.length - SOURCES_SHOWN;
  const sources =
    allSources || hidden <= 0 ? finding.sources : finding.sources.slice(0, SOURCES_SHOWN);
  const { color } = severityLabels[finding.severity];
  return (
    <Paper
      component="article"
      aria-labelledby={headingId}
      withBorder
      p="sm"
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
    >
      <Stack gap={6}>
        <Group gap="xs">
          <Badge color={color} variant="light" size="sm">
            {severityLabels[finding.severity].label}
          </Badge>
          <Badge color="gray" variant="outline" size="sm">
            {kindLabels[finding.kind]}
          </Badge>
          <Code>{finding.code}</Code>
        </Group>
        <Title order={5} size="h5" id={headingId}>
          {finding.summary}
        </Title>
        <Text size="sm">{finding.detail}</Text>
        <Text size="sm">
          <Text span fw={600}>
            What to do:{' '}
          </Text>
          {finding.management}
        </Text>
        {finding.evidence.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              Evidence
            </Text>
            <List size="sm" aria-label={`Evidence for ${finding.code}`}>
              {finding.evidence.map((item) => (
                <List.Item key={`${item.reference}:${item.display}`}>
                  {item.display}{' '}
                  <Text span size="xs" c="dimmed">
                    ({item.reference})
                  </Text>
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {finding.sources.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              Sources
            </Text>
            <List size="sm" aria-label={`Sources for ${finding.code}`}>
              {sources.map((source) => (
                <List.Item key={source.id}>
                  {source.title}
                  {source.year !== null && ` (${String(source.year)})`}{' '}
                  <Text span size="xs" c="dimmed">
                    [{source.id}]
                  </Text>
                </List.Item>
              ))}
            </List>
            {hidden > 0 && (
              <Button
                variant="subtle"
                size="compact-sm"
                aria-expanded={allSources}
                onClick={() => {
                  setAllSources((shown) => !shown);
                }}
              >
                {allSources
                  ? 'Show fewer sources'
                  : `Show all ${String(finding.sources.length)} sources`}
              </Button>
            )}
          </div>
        )}
      </Stack>
    </Paper>
  );
}
