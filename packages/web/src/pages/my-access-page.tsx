import { Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchAccessLog } from '../api/patients-api';
import { queryKeys } from '../api/query-keys';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { PaginationBar } from '../components/pagination-bar';
import { QueryErrorAlert } from '../components/query-error-alert';
import { AccessLogTable } from '../patient/access-log-table';
import { NoRecordNotice } from './no-record-notice';
import { useOwnPatientId } from './use-own-patient-id';

function AccessLog({ patientId }: { patientId: string }) {
  const [page, setPage] = useState(1);
  const log = useQuery({
    queryKey: queryKeys.accessLog(patientId, page),
    queryFn: () => fetchAccessLog(patientId, page),
    placeholderData: keepPreviousData,
  });
  if (log.isPending) return <PageLoader label="Loading the access log" />;
  if (log.isError) return <QueryErrorAlert error={log.error} />;
  return (
    <>
      <AccessLogTable entries={log.data.items} />
      <PaginationBar page={log.data} onChange={setPage} label="Access log pages" />
    </>
  );
}

export function MyAccessPage() {
  const patientId = useOwnPatientId();
  return (
    <>
      <PageHeading>Who opened my record</PageHeading>
      <Text mb="md" c="dimmed">
        Every time someone at the clinic (or you) opens or changes your record, it is listed here.
      </Text>
      {patientId === null ? <NoRecordNotice /> : <AccessLog patientId={patientId} />}
    </>
  );
}
