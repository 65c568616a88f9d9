import { Paper, Table, Text, Title } from '@mantine/core';
import type { Screening } from '../api/screening-types';
import { formatDateTime } from '../format/dates';
import { warningsToAccept } from './warning-codes';

/** Who signed, when, and the reason given for each warning accepted. */
export function SignedSummary({ screening }: { screening: Screening }) {
  if (screening.signedAt === null) return null;
  const summaries = new Map(warningsToAccept(screening.result).map((w) => [w.code, w.summary]));
  const acceptances = screening.acceptances ?? [];
  return (
    <Paper
      component="section"
      aria-labelledby="signature-heading"
      withBorder
      p="sm"
      bg="var(--mantine-color-green-light)"
    >
      <Title order={3} size="h4" id="signature-heading" mb={4}>
        Signed
      </Title>
      <Text size="sm" mb={acceptances.length > 0 ? 'sm' : 0}>
        Signed by {screening.signedBy?.displayName ?? 'unknown'} on{' '}
        {formatDateTime(screening.signedAt)}.
      </Text>
      {acceptances.length > 0 && (
        <Table aria-label="Warnings accepted" withTableBorder bg="var(--mantine-color-body)">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Warning</Table.Th>
              <Table.Th scope="col">Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {acceptances.map((acceptance) => (
              <Table.Tr key={acceptance.code}>
                <Table.Td>
                  {/* A code has no spaces: it breaks anywhere rather than push the reason off a phone. */}
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {acceptance.code}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {summaries.get(acceptance.code)}
                  </Text>
                </Table.Td>
                <Table.Td>{acceptance.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
