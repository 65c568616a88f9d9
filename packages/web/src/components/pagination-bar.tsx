import { Group, Pagination, Text } from '@mantine/core';
import { countPages, type Page } from '../api/page';

interface PaginationBarProps {
  page: Pick<Page<unknown>, 'total' | 'pageSize' | 'page'>;
  onChange: (page: number) => void;
  /** Names the pagination landmark, e.g. "Patient list pages". */
  label: string;
}

const controlLabels = {
  first: 'First page',
  previous: 'Previous page',
  next: 'Next page',
  last: 'Last page',
} as const;

export function PaginationBar({ page, onChange, label }: PaginationBarProps) {
  const total = countPages(page);
  return (
    <Group component="nav" aria-label={label} justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" c="dimmed">
        {page.total === 1 ? '1 result' : `${page.total} results`} · page {page.page} of {total}
      </Text>
      <Pagination
        total={total}
        value={page.page}
        onChange={onChange}
        size="sm"
        getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
        getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
      />
    </Group>
  );
}
