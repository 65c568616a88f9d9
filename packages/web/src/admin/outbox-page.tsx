import { Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchOutbox } from '../api/admin-api';
import type { OutboxMessage } from '../api/admin-types';
import { queryKeys } from '../api/query-keys';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { PaginationBar } from '../components/pagination-bar';
import { QueryErrorAlert } from '../components/query-error-alert';
import { TableScrollRegion } from '../components/table-scroll-region';
import { formatDateTime } from '../format/dates';

function OutboxTable({ messages }: { messages: readonly OutboxMessage[] }) {
  if (messages.length === 0) return <Text c="dimmed">The outbox is empty.</Text>;
  return (
    <TableScrollRegion label="Outbox" minWidth={720}>
      <Table striped aria-label="Outbox" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Created</Table.Th>
            <Table.Th scope="col">To</Table.Th>
            <Table.Th scope="col">Subject</Table.Th>
            <Table.Th scope="col">Body</Table.Th>
            <Table.Th scope="col">Sent</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((message) => (
            <Table.Tr key={message.id}>
              <Table.Td>{formatDateTime(message.createdAt)}</Table.Td>
              <Table.Td>{message.to}</Table.Td>
              <Table.Td>{message.subject}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {message.body}
              </Table.Td>
              <Table.Td>
                {message.sentAt === null ? 'Not sent' : formatDateTime(message.sentAt)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScrollRegion>
  );
}

/** E-mails the server queued (password-reset links, when no SMTP server is configured). */
export function OutboxPage() {
  const [page, setPage] = useState(1);
  const outbox = useQuery({
    queryKey: queryKeys.outbox(page),
    queryFn: () => fetchOutbox(page),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="md">
      <PageHeading>Outbox</PageHeading>
      <Text c="dimmed">
        Every e-mail the server writes: appointment confirmations, reminders and cancellations, the
        session list of a new or changed treatment course, and password-reset links. Without an SMTP
        server they wait here, marked “Not sent”.
      </Text>
      {outbox.isPending ? (
        <PageLoader label="Loading the outbox" />
      ) : outbox.isError ? (
        <QueryErrorAlert error={outbox.error} />
      ) : (
        <div>
          <OutboxTable messages={outbox.data.items} />
          <PaginationBar page={outbox.data} onChange={setPage} label="Outbox pages" />
        </div>
      )}
    </Stack>
  );
}
