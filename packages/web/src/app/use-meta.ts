import { useQuery } from '@tanstack/react-query';
import { fetchMeta } from '../api/auth-api';
import { queryKeys } from '../api/query-keys';

/** Clinic name and demo mode, from `GET /api/meta`; fixed while the page is open. */
export function useMeta() {
  return useQuery({ queryKey: queryKeys.meta, queryFn: fetchMeta, staleTime: Infinity });
}
