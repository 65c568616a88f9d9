import { formatMoneyRange, type CourseEstimate, type EstimateLine } from '@ketaflow/core';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';

function PriceBadge({ line }: { line: EstimateLine }) {
  return line.unitPrice.basis === 'clinic' ? (
    <Badge variant="outline" color="teal.9">
      Clinic price
    </Badge>
  ) : (
    <Badge variant="outline" color="red.9">
      Ask the clinic
    </Badge>
  );
}

const LINE_TITLES = { consult: 'Consultation', infusions: 'Infusion course' } as const;

/** One priced item with its arithmetic written out. */
function LineItem({ line }: { line: EstimateLine }) {
  return (
    <Stack gap={4} data-testid={`line-${line.kind}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={600}>{LINE_TITLES[line.kind]}</Text>
        <PriceBadge line={line} />
      </Group>
      <Text size="sm" c="dimmed">
        {line.description}
      </Text>
      <Text ff="monospace" data-testid={`arithmetic-${line.kind}`}>
        {line.arithmetic}
      </Text>
      {line.note !== null && <Text size="sm">{line.note}</Text>}
    </Stack>
  );
}

/** The consult and course lines, then the total or why there is none. */
export function EstimateLines({ estimate }: { estimate: CourseEstimate }) {
  const isRange = estimate.total !== null && estimate.total.minCents !== estimate.total.maxCents;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        {estimate.lines.map((line) => (
          <LineItem key={line.kind} line={line} />
        ))}
        <Stack gap={4} pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Group justify="space-between" wrap="wrap">
            <Text fw={700} size="lg">
              Estimated total
            </Text>
            {estimate.total === null ? (
              <Text fw={700} size="lg" data-testid="estimate-total">
                Ask the clinic
              </Text>
            ) : (
              <Text fw={700} size="lg" data-testid="estimate-total">
                {formatMoneyRange(estimate.total, estimate.currency)}
                {isRange && (
                  <Badge ml="xs" variant="outline" color="gray.8">
                    Range
                  </Badge>
                )}
              </Text>
            )}
          </Group>
          {estimate.total !== null && estimate.lines.length > 1 && (
            <Text ff="monospace" size="sm">
              {estimate.totalArithmetic}
            </Text>
          )}
          {estimate.totalNote !== null && <Text size="sm">{estimate.totalNote}</Text>}
        </Stack>
      </Stack>
    </Paper>
  );
}
