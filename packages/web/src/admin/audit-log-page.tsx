import { Stack } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { fetchAuditLog } from '../api/admin-api';
import type { AuditFilters } from '../api/admin-types';
import { queryKeys } from '../api/query-keys';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { PaginationBar } from '../components/pagination-bar';
import { QueryErrorAlert } from '../components/query-error-alert';
import { AuditFiltersForm, type AuditFilterValues } from './audit-filters-form';
import { AuditTable } from './audit-table';

const filterNames = ['patientId', 'actorUserId', 'action', 'from', 'to'] as const;

function readFilters(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = { page: Math.max(1, Number(params.get('page') ?? '1') || 1) };
  for (const name of filterNames) {
    const value = params.get(name);
    if (value !== null && value !== '') filters[name] = value;
  }
  return filters;
}

function toParams(filters: AuditFilters): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of filterNames) {
    const value = filters[name];
    if (value !== undefined) params[name] = value;
  }
  if (filters.page > 1) params.page = String(filters.page);
  return params;
}

/** Admin view of the append-only audit log, filtered and paged; filters live in the address. */
export function AuditLogPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readFilters(searchParams);
  const audit = useQuery({
    queryKey: queryKeys.audit(filters),
    queryFn: () => fetchAuditLog(filters),
    placeholderData: keepPreviousData,
  });

  const applyFilters = (values: AuditFilterValues) => {
    const next: AuditFilters = { page: 1 };
    for (const name of filterNames) {
      const value = values[name].trim();
      if (value !== '') next[name] = value;
    }
    setSearchParams(toParams(next));
  };

  return (
    <Stack gap="md">
      <PageHeading>Audit log</PageHeading>
      <AuditFiltersForm
        // Back and forward change the address; start the form again from it.
        key={searchParams.toString()}
        initialValues={{
          patientId: filters.patientId ?? '',
          actorUserId: filters.actorUserId ?? '',
          action: filters.action ?? '',
          from: filters.from ?? '',
          to: filters.to ?? '',
        }}
        onApply={applyFilters}
      />
      {audit.isPending ? (
        <PageLoader label="Loading the audit log" />
      ) : audit.isError ? (
        <QueryErrorAlert error={audit.error} />
      ) : (
        <div>
          <AuditTable entries={audit.data.items} />
          <PaginationBar
            page={audit.data}
            label="Audit log pages"
            onChange={(page) => {
              setSearchParams(toParams({ ...filters, page }));
            }}
          />
        </div>
      )}
    </Stack>
  );
}
