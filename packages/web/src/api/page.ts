/** One page of a paged list, as every list endpoint of the API returns it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Number of pages needed for `total` items (at least 1, so pagination always has a page). */
export function countPages(page: Pick<Page<unknown>, 'total' | 'pageSize'>): number {
  return Math.max(1, Math.ceil(page.total / Math.max(1, page.pageSize)));
}
