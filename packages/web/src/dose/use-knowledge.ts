import { useQuery } from '@tanstack/react-query';
import { fetchKnowledge } from '../api/dose-api';
import { queryKeys } from '../api/query-keys';

/** The clinic's knowledge base; it changes only when the server restarts with new settings. */
export function useKnowledge() {
  return useQuery({ queryKey: queryKeys.knowledge, queryFn: fetchKnowledge, staleTime: Infinity });
}
