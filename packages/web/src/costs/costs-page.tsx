import type { IndicationId } from '@ketaflow/core';
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  fetchCosts,
  fetchEstimate,
  goodFaithEstimatePdfUrl,
  type EstimateRequest,
} from '../api/costs-api';
import { queryKeys } from '../api/query-keys';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { EstimateLines } from './estimate-lines';
import { NasalSprayCost } from './nasal-spray-cost';

const PROTOCOL = 'protocol';

/** `/costs`: a consult and a course for the chosen condition, with the sums written out. */
export function CostsPage() {
  const costs = useQuery({ queryKey: queryKeys.costs, queryFn: fetchCosts, staleTime: Infinity });
  const [indication, setIndication] = useState<IndicationId>('depression');
  const [perWeek, setPerWeek] = useState<string>(PROTOCOL);
  const [weeks, setWeeks] = useState<number | ''>('');
  const [includeConsult, setIncludeConsult] = useState(true);

  const request: EstimateRequest = {
    indication,
    includeConsult,
    ...(perWeek === PROTOCOL ? {} : { sessionsPerWeek: Number(perWeek) }),
    ...(weeks === '' ? {} : { weeks }),
  };
  const estimate = useQuery({
    queryKey: queryKeys.costEstimate(request),
    queryFn: () => fetchEstimate(request),
    placeholderData: keepPreviousData,
    enabled: costs.isSuccess,
  });

  if (costs.isPending) return <PageLoader label="Loading prices" />;
  if (costs.isError) return <QueryErrorAlert error={costs.error} />;

  const overview = costs.data;
  const defaults = overview.estimates.find((e) => e.indication === indication);
  const weekly = defaults?.schedule === 'weekly';
  const range = defaults?.sessionsPerWeek;
  const perWeekOptions = [
    {
      value: PROTOCOL,
      label:
        range == null
          ? 'As the protocol gives'
          : `As the protocol gives (${String(range.min)}–${String(range.max)})`,
    },
    ...(range == null
      ? []
      : Array.from({ length: range.max - range.min + 1 }, (_, i) => String(range.min + i)).map(
          (n) => ({ value: n, label: n }),
        )),
  ];

  return (
    <Stack gap="lg" maw={680}>
      <PageHeading>What treatment costs</PageHeading>
      <Text>
        Estimates from {overview.clinicName}&apos;s own prices: a first consultation, then a course
        of infusions priced as sessions × the price per session. Where the clinic has not set a
        price, we say so rather than guess.
      </Text>

      <Stack
        gap="sm"
        component="form"
        aria-label="What to estimate"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <NativeSelect
          label="Condition"
          value={indication}
          data={overview.estimates.map((e) => ({ value: e.indication, label: e.indicationName }))}
          onChange={(e) => {
            setIndication(e.currentTarget.value as IndicationId);
            setPerWeek(PROTOCOL);
            setWeeks('');
          }}
        />
        {weekly ? (
          // One above the other on a phone: side by side, the select cut its option's words.
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NativeSelect
              label="Sessions per week"
              value={perWeek}
              data={perWeekOptions}
              onChange={(e) => {
                setPerWeek(e.currentTarget.value);
              }}
            />
            <NumberInput
              label="Weeks"
              description="Leave empty for the protocol's course length"
              min={1}
              max={52}
              allowDecimal={false}
              value={weeks}
              onChange={(value) => {
                setWeeks(typeof value === 'number' ? value : '');
              }}
            />
          </SimpleGrid>
        ) : (
          <Text size="sm">
            This condition is treated as needed, so sessions are priced one at a time.
          </Text>
        )}
        <Checkbox
          label="Include the first consultation"
          checked={includeConsult}
          onChange={(e) => {
            setIncludeConsult(e.currentTarget.checked);
          }}
        />
      </Stack>

      <section aria-labelledby="estimate-heading" aria-live="polite">
        <Title order={2} size="h3" id="estimate-heading" mb="sm">
          Estimate for {defaults?.indicationName ?? indication}
        </Title>
        {estimate.isError ? (
          <QueryErrorAlert error={estimate.error} title="Could not estimate" />
        ) : estimate.data === undefined ? (
          <PageLoader label="Estimating" />
        ) : (
          <EstimateLines estimate={estimate.data} />
        )}
      </section>

      <Group>
        <Button component="a" href={goodFaithEstimatePdfUrl(request)} variant="default">
          Download Good Faith Estimate (PDF)
        </Button>
      </Group>
      <Text size="sm">
        Paying for care yourself in the US? The Good Faith Estimate is the written estimate the No
        Surprises Act entitles you to, with your right to dispute a bill that comes in $400 or more
        above it.
      </Text>

      <NasalSprayCost spray={overview.nasalSpray} />

      <Stack gap="xs">
        <Title order={2} size="h3">
          Next steps
        </Title>
        <Group>
          <Button component={Link} to="/check">
            Check if it may suit you
          </Button>
          <Button component={Link} to="/consult" variant="default">
            Book a consultation
          </Button>
        </Group>
        <Text size="sm">
          Want to read more first? <Anchor href="/learn">Learn about ketamine therapy</Anchor>.
        </Text>
      </Stack>
    </Stack>
  );
}
