import { Box, Code, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CdsFeedbackFilters, CdsServiceId } from '../api/admin-types';
import { fetchCdsFeedback } from '../api/admin-api';
import { queryKeys } from '../api/query-keys';
import { FeedbackReport } from './cds-feedback-report';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';

/** The CDS Hooks services, as the report's `serviceId` filter names them. */
const services: { value: CdsServiceId; label: string }[] = [
  { value: 'ketaflow-order-select', label: 'Order select' },
  { value: 'ketaflow-order-sign', label: 'Order sign' },
  { value: 'ketaflow-patient-view', label: 'Patient view' },
];

interface FilterValues {
  serviceId: CdsServiceId | null;
  from: string;
  to: string;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The "To" date's problem, if any: the report is not re-queried until it is fixed. */
function toDateError(values: FilterValues): string | null {
  return values.from !== '' && values.to !== '' && values.to < values.from
    ? 'To must not be before From'
    : null;
}

function FeedbackFilters({
  values,
  onChange,
}: {
  values: FilterValues;
  onChange: (values: FilterValues) => void;
}) {
  return (
    <SimpleGrid
      cols={{ base: 1, xs: 3 }}
      spacing="sm"
      role="group"
      aria-label="Override rate filters"
      maw={720}
    >
      <Select
        label="Service"
        placeholder="All services"
        data={services}
        value={values.serviceId}
        clearable
        allowDeselect
        onChange={(value) => {
          onChange({ ...values, serviceId: value });
        }}
      />
      <TextInput
        label="From"
        type="date"
        value={values.from}
        onChange={(event) => {
          onChange({ ...values, from: event.currentTarget.value });
        }}
      />
      <TextInput
        label="To"
        type="date"
        value={values.to}
        error={toDateError(values)}
        onChange={(event) => {
          onChange({ ...values, to: event.currentTarget.value });
        }}
      />
    </SimpleGrid>
  );
}

/** The filters the API is asked for: only complete dates, and none while "To" is before "From". */
function appliedFilters(values: FilterValues, previous: CdsFeedbackFilters): CdsFeedbackFilters {
  if (toDateError(values) !== null) return previous;
  const filters: CdsFeedbackFilters = {};
  if (values.serviceId !== null) filters.serviceId = values.serviceId;
  if (isoDate.test(values.from)) filters.from = values.from;
  if (isoDate.test(values.to)) filters.to = values.to;
  return filters;
}

/** Admin view of CDS Hooks cards and how prescribers answered them, per rule (issue #9). */
/** CDS Hooks cards issued and their feedback, per rule, narrowed by the filters (admins only). */
export function CdsFeedbackPage() {
  const [values, setValues] = useState<FilterValues>({ serviceId: null, from: '', to: '' });
  const [filters, setFilters] = useState<CdsFeedbackFilters>({});
  const report = useQuery({
    queryKey: [...queryKeys.cdsFeedback, filters],
    queryFn: () => fetchCdsFeedback(filters),
    // A new selection keeps the current figures on screen (dimmed) until its own arrive.
    placeholderData: keepPreviousData,
  });
  const filtered = Object.keys(filters).length > 0;
  return (
    <Stack gap="md">
      <PageHeading>Decision support</PageHeading>
      <Text>
        The cards KetaFlow&apos;s CDS Hooks services show in the EHR when a ketamine or esketamine
        order is selected or signed, and what prescribers did with them. The EHR reports each
        outcome by posting to{' '}
        <Code>
          /cds-services/{'{'}id{'}'}/feedback
        </Code>
        : accepted, or overridden with a reason.
      </Text>
      <Text>
        The override rate is overridden ÷ (accepted + overridden). A high rate suggests the rule
        fires where prescribers disagree with it: a reason to review the rule or the data behind it.
        A rule whose cards have had no feedback shows “—” (no feedback yet), not 0%: nothing is
        known about it yet. The rules are listed with the highest override rate first.
      </Text>
      <FeedbackFilters
        values={values}
        onChange={(next) => {
          setValues(next);
          setFilters((previous) => appliedFilters(next, previous));
        }}
      />
      <Text size="xs" c="dimmed" mt={-8}>
        Dates are whole days (UTC), both included: cards count by the day they were issued, answers
        by the day the prescriber gave them.
      </Text>
      {report.isPending ? (
        <PageLoader label="Loading the override rates" />
      ) : report.isError ? (
        <QueryErrorAlert error={report.error} />
      ) : (
        <Box
          aria-busy={report.isPlaceholderData}
          style={{ opacity: report.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}
        >
          <FeedbackReport rules={report.data.rules} filtered={filtered} />
        </Box>
      )}
    </Stack>
  );
}
