import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { CostsOverview } from '../api/costs-api';

/** The seed's 30-day esketamine range, labelled as a published range and never as a price. */
export function NasalSprayCost({ spray }: { spray: CostsOverview['nasalSpray'] }) {
  const source = spray.sources.map((s) => s.title).join('; ');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="spray-heading">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="spray-heading">
            Esketamine nasal spray (Spravato)
          </Title>
          <Badge variant="outline" color="gray.8">
            Range from a source
          </Badge>
        </Group>
        <Text>
          A 30-day supply usually costs{' '}
          <Text span fw={700} data-testid="spray-range">
            {spray.text}
          </Text>{' '}
          when paid without insurance using a GoodRx discount coupon. This is a published range, not
          this clinic&apos;s price.
        </Text>
        <Text size="sm" c="dimmed">
          Source: {source}
        </Text>
        <Text size="sm">
          Ketamine infusions given in a clinic are priced differently from the spray. For an exact
          figure, ask your pharmacy or the clinic that will treat you.
        </Text>
      </Stack>
    </Paper>
  );
}
