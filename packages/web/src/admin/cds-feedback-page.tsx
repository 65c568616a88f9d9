import {
  Alert,
  Badge,
  Box,
  Code,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import type { CdsFeedbackFilters, CdsRuleFeedback, CdsServiceId } from '../api/admin-types';
import { fetchCdsFeedback } from '../api/admin-api';
import { queryKeys } from '../api/query-keys';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { formatDateTime } from '../format/dates';

/** The CDS Hooks services, as the report's `serviceId` filter names them. */
const services: { value: CdsServiceId; label: string }[] = [
  { value: 'ketaflow-order-select', label: 'Order select' },
  { value: 'ketaflow-order-sign', label: 'Order sign' },
  { value: 'ketaflow-patient-view', label: 'Patient view' },
];

const indicatorColors: Record<NonNullable<CdsRuleFeedback['indicator']>, string> = {
  critical: 'red',
  warning: 'orange',
  info: 'blue',
};

/** CDS Hooks cards issued and their feedback, per rule, narrowed by the filters (admins only). */

/** The override rate as a whole percentage ("67%"); the browser test reads it in this form. */
export function formatOverrideRate(rate: number): string {
  return `${String(Math.round(rate * 100))}%`;
}

/** Highest override rate first; rules without feedback last; then the most overrides, the most cards. */
function byOverrideRate(a: CdsRuleFeedback, b: CdsRuleFeedback): number {
  const rateA = a.overrideRate ?? -1;
  const rateB = b.overrideRate ?? -1;
  return (
    rateB - rateA ||
    b.overridden - a.overridden ||
    b.cardsIssued - a.cardsIssued ||
    a.rule.localeCompare(b.rule)
  );
}

/** The code with break opportunities after its dots and underscores, so it wraps between words. */
function BreakableCode({ code }: { code: string }) {
  const parts = code.split(/(?<=[._])/);
  return (
    <Code style={{ alignSelf: 'flex-start', overflowWrap: 'anywhere' }}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </Code>
  );
}

function IndicatorBadge({ indicator }: { indicator: CdsRuleFeedback['indicator'] }) {
  if (indicator === null) return null;
  return (
    <Badge
      size="xs"
      variant="light"
      color={indicatorColors[indicator]}
      title="Indicator of the rule's most recent card"
      style={{ flexShrink: 0 }}
    >
      {indicator}
    </Badge>
  );
}

/** The rule's title (from the server), its latest card's indicator and its code. */
function RuleName({ row, weight }: { row: CdsRuleFeedback; weight: number }) {
  return (
    <Stack gap={2}>
      {row.title !== null && <Text fw={weight}>{row.title}</Text>}
      <Group gap={6} wrap="wrap" align="center">
        <BreakableCode code={row.rule} />
        <IndicatorBadge indicator={row.indicator} />
      </Group>
    </Stack>
  );
}

function RateCell({ row }: { row: CdsRuleFeedback }) {
  if (row.overrideRate === null)
    return (
      <>
        <Text span aria-hidden="true">
          —
        </Text>
        <Text size="xs" c="dimmed">
          No feedback yet
        </Text>
      </>
    );
  const answers = row.accepted + row.overridden;
  return (
    <>
      <Text span fw={600}>
        {formatOverrideRate(row.overrideRate)}
      </Text>
      <Text size="xs" c="dimmed">
        {row.overridden} of {answers} {answers === 1 ? 'answer' : 'answers'}
      </Text>
    </>
  );
}

function ReasonsCell({ row }: { row: CdsRuleFeedback }) {
  if (row.reasons.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {row.overridden === 0 ? 'No overrides' : 'None recorded'}
      </Text>
    );
  // The server sends them most used first.
  return (
    <List size="sm" listStyleType="none" aria-label={`Override reasons for ${row.rule}`}>
      {row.reasons.map((reason) => (
        <List.Item key={`${reason.system ?? ''} ${reason.code}`}>
          {reason.display === reason.code ? <Code>{reason.code}</Code> : reason.display}
          {reason.display !== reason.code && reason.system !== null && (
            <Text span size="xs" c="dimmed">
              {' '}
              ({reason.code})
            </Text>
          )}
          :{' '}
          <Text span fw={600}>
            {reason.count}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** What prescribers typed when they answered the rule's cards, newest first. */
function Comments({ row }: { row: CdsRuleFeedback }) {
  if (row.comments.length === 0) return null;
  return (
    <Box mt="xs">
      <Text size="xs" c="dimmed">
        Latest comments
      </Text>
      <List size="sm" spacing={2} listStyleType="none" aria-label={`Comments on ${row.rule}`}>
        {row.comments.map((c, i) => (
          <List.Item key={i}>
            <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
              “{c.comment}”
            </Text>{' '}
            <Text span size="xs" c="dimmed">
              {formatDateTime(c.outcomeTimestamp)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Box>
  );
}

function FeedbackTable({ rules }: { rules: readonly CdsRuleFeedback[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped aria-label="Override rates per rule" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Rule</Table.Th>
            <Table.Th scope="col" ta="right">
              Cards issued
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Accepted
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Overridden
            </Table.Th>
            <Table.Th scope="col">Override rate</Table.Th>
            <Table.Th scope="col">Override reasons</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((row) => (
            <Table.Tr key={row.rule} data-rule={row.rule}>
              <Table.Th scope="row" fw="normal">
                <RuleName row={row} weight={500} />
              </Table.Th>
              <Table.Td ta="right">{row.cardsIssued}</Table.Td>
              <Table.Td ta="right">{row.accepted}</Table.Td>
              <Table.Td ta="right">{row.overridden}</Table.Td>
              <Table.Td>
                <RateCell row={row} />
              </Table.Td>
              <Table.Td>
                <ReasonsCell row={row} />
                <Comments row={row} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The same figures for a phone: one block per rule instead of a table six columns wide. */
function FeedbackList({ rules }: { rules: readonly CdsRuleFeedback[] }) {
  return (
    <Stack gap="sm" hiddenFrom="sm" component="ul" aria-label="Override rates per rule" p={0} m={0}>
      {rules.map((row) => {
        const figures: [string, number][] = [
          ['Cards issued', row.cardsIssued],
          ['Accepted', row.accepted],
          ['Overridden', row.overridden],
        ];
        return (
          <Paper
            key={row.rule}
            component="li"
            withBorder
            p="sm"
            style={{ listStyle: 'none' }}
            data-rule={row.rule}
          >
            <Stack gap="xs">
              <RuleName row={row} weight={600} />
              <SimpleGrid cols={2} spacing="xs" verticalSpacing={4} component="dl" m={0}>
                {figures.map(([label, value]) => (
                  <Fragment key={label}>
                    <Text component="dt" size="sm" c="dimmed">
                      {label}
                    </Text>
                    <Text component="dd" m={0}>
                      {value}
                    </Text>
                  </Fragment>
                ))}
                <Text component="dt" size="sm" c="dimmed">
                  Override rate
                </Text>
                <Text component="dd" m={0}>
                  <RateCell row={row} />
                </Text>
              </SimpleGrid>
              <div>
                <Text size="sm" c="dimmed">
                  Override reasons
                </Text>
                <ReasonsCell row={row} />
                <Comments row={row} />
              </div>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

function FeedbackReport({
  rules,
  filtered,
}: {
  rules: readonly CdsRuleFeedback[];
  filtered: boolean;
}) {
  if (rules.length === 0)
    return filtered ? (
      <Alert color="gray" title="Nothing in this selection">
        No cards were issued and no feedback was reported for this service and these dates. Widen
        the dates or choose all services.
      </Alert>
    ) : (
      <Alert color="gray" title="No cards issued yet">
        No EHR has called the order-select or order-sign service yet. Each rule that fires a card
        will appear here, with the feedback on it.
      </Alert>
    );
  const sorted = [...rules].sort(byOverrideRate);
  const cards = rules.reduce((sum, r) => sum + r.cardsIssued, 0);
  const answers = rules.reduce((sum, r) => sum + r.accepted + r.overridden, 0);
  return (
    <Stack gap="sm">
      <Text>
        {cards} {cards === 1 ? 'card' : 'cards'} issued across {rules.length}{' '}
        {rules.length === 1 ? 'rule' : 'rules'}; {answers} {answers === 1 ? 'answer' : 'answers'}{' '}
        reported{filtered ? ' in this selection' : ''}.
      </Text>
      {answers === 0 && (
        <Alert color="gray" title="No feedback yet">
          Cards have been issued, but no EHR has posted feedback on them
          {filtered ? ' in this selection' : ''}, so there are no override rates to show.
        </Alert>
      )}
      <Box visibleFrom="sm">
        <FeedbackTable rules={sorted} />
      </Box>
      <FeedbackList rules={sorted} />
    </Stack>
  );
}

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
