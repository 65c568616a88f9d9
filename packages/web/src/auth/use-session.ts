import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { fetchSession } from '../api/auth-api';
import type { Session } from '../api/auth-types';
import { setCsrfToken } from '../api/csrf-token';
import { queryKeys } from '../api/query-keys';

async function loadSession(): Promise<Session | null> {
  const session = await fetchSession();
  setCsrfToken(session?.csrfToken ?? null);
  return session;
}

/** The logged-in session (`null` when logged out); loaded once from `GET /api/auth/me`. */
export function useSession() {
  return useQuery({ queryKey: queryKeys.session, queryFn: loadSession, staleTime: Infinity });
}

/**
 * Returns a function that replaces the current session, after log-in, registration or log-out.
 * Everything cached for the previous person is dropped so no one sees another's data.
 */
export function useApplySession(): (session: Session | null) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (session: Session | null) => {
      setCsrfToken(session?.csrfToken ?? null);
      queryClient.removeQueries({
        predicate: (query) => query.queryKey[0] !== queryKeys.session[0],
      });
      queryClient.setQueryData(queryKeys.session, session);
    },
    [queryClient],
  );
}
