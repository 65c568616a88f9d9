import { Stack, Text, Title } from '@mantine/core';
import type { Finding } from '@ketaflow/core';
import { FindingItem } from './finding-item';
import { severityLabels, severityOrder } from './labels';

/** Findings under one heading per severity, critical first; severities without any are left out. */
export function FindingsBySeverity({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0)
    return <Text size="sm">No findings: nothing in the record stands against treatment.</Text>;
  return (
    <Stack gap="md">
      {severityOrder.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        const headingId = `findings-${severity}`;
        return (
          <Stack key={severity} gap="xs" component="section" aria-labelledby={headingId}>
            <Title order={4} size="h4" id={headingId}>
              {`${severityLabels[severity].label} (${String(group.length)})`}
            </Title>
            {group.map((finding, index) => (
              <FindingItem
                key={`${finding.code}-${String(index)}`}
                finding={finding}
                id={`${headingId}-${String(index)}`}
              />
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
