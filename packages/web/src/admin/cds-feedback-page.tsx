import { Alert, Box, Code, List, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { KnowledgeBase } from '@ketaflow/core';
import { Fragment } from 'react';
import { fetchCdsFeedback } from '../api/admin-api';
import type { CdsRuleFeedback } from '../api/admin-types';
import { queryKeys } from '../api/query-keys';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { useKnowledge } from '../dose/use-knowledge';
import { cdsRuleName, overrideReasonName } from './cds-rule-names';

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

function RuleCell({ rule, kb }: { rule: string; kb: KnowledgeBase | undefined }) {
  const name = cdsRuleName(rule, kb);
  return (
    <Stack gap={2}>
      {name !== undefined && <Text fw={500}>{name}</Text>}
      <BreakableCode code={rule} />
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
  const reasons = [...row.reasons].sort(
    (a, b) => b.count - a.count || a.code.localeCompare(b.code),
  );
  return (
    <List size="sm" listStyleType="none" aria-label={`Override reasons for ${row.rule}`}>
      {reasons.map((reason) => {
        const name = overrideReasonName(reason.code);
        return (
          <List.Item key={reason.code}>
            {name ?? <Code>{reason.code}</Code>}
            {name !== undefined && reason.code !== '(no reason)' && (
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
        );
      })}
    </List>
  );
}

function FeedbackTable({
  rules,
  kb,
}: {
  rules: readonly CdsRuleFeedback[];
  kb: KnowledgeBase | undefined;
}) {
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
                <RuleCell rule={row.rule} kb={kb} />
              </Table.Th>
              <Table.Td ta="right">{row.cardsIssued}</Table.Td>
              <Table.Td ta="right">{row.accepted}</Table.Td>
              <Table.Td ta="right">{row.overridden}</Table.Td>
              <Table.Td>
                <RateCell row={row} />
              </Table.Td>
              <Table.Td>
                <ReasonsCell row={row} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The same figures for a phone: one block per rule instead of a table six columns wide. */
function FeedbackList({
  rules,
  kb,
}: {
  rules: readonly CdsRuleFeedback[];
  kb: KnowledgeBase | undefined;
}) {
  return (
    <Stack gap="sm" hiddenFrom="sm" component="ul" aria-label="Override rates per rule" p={0} m={0}>
      {rules.map((row) => {
        const name = cdsRuleName(row.rule, kb);
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
              <Stack gap={2}>
                {name !== undefined && <Text fw={600}>{name}</Text>}
                <BreakableCode code={row.rule} />
              </Stack>
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
  kb,
}: {
  rules: readonly CdsRuleFeedback[];
  kb: KnowledgeBase | undefined;
}) {
  if (rules.length === 0)
    return (
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
        reported.
      </Text>
      {answers === 0 && (
        <Alert color="gray" title="No feedback yet">
          Cards have been issued, but no EHR has posted feedback on them, so there are no override
          rates to show.
        </Alert>
      )}
      <Box visibleFrom="sm">
        <FeedbackTable rules={sorted} kb={kb} />
      </Box>
      <FeedbackList rules={sorted} kb={kb} />
    </Stack>
  );
}

/** Admin view of CDS Hooks cards and how prescribers answered them, per rule (issue #9). */
export function CdsFeedbackPage() {
  const report = useQuery({ queryKey: queryKeys.cdsFeedback, queryFn: fetchCdsFeedback });
  // Rule names come from the knowledge base; without it the codes alone are shown.
  const knowledge = useKnowledge();
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
      {report.isPending || knowledge.isPending ? (
        <PageLoader label="Loading the override rates" />
      ) : report.isError ? (
        <QueryErrorAlert error={report.error} />
      ) : (
        <FeedbackReport rules={report.data.rules} kb={knowledge.data} />
      )}
    </Stack>
  );
}
