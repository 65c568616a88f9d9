/**
 * The CDS feedback report's body: per rule, cards issued, accepted and overridden, the override
 * rate, reasons and latest comments, as a table on wide screens and a list on phones.
 */
import {
  Alert,
  Badge,
  Box,
  Code,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { Fragment } from 'react';
import type { CdsRuleFeedback } from '../api/admin-types';
import { TableScrollRegion } from '../components/table-scroll-region';
import { formatDateTime } from '../format/dates';

const indicatorColors: Record<NonNullable<CdsRuleFeedback['indicator']>, string> = {
  critical: 'red',
  warning: 'orange',
  info: 'blue',
};

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
    <TableScrollRegion label="Override rates per rule" minWidth={760}>
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
    </TableScrollRegion>
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

export function FeedbackReport({
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
