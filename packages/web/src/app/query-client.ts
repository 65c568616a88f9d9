import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../api/csrf-token';
import { ApiProblemError } from '../api/problem';
import { queryKeys } from '../api/query-keys';

function isClientError(error: unknown): boolean {
  return error instanceof ApiProblemError && error.status >= 400 && error.status < 500;
}

/**
 * One client for the app. A 401 from any query means the session ended (expired or logged out
 * elsewhere): forget it, and the route guard sends the person to the log-in page.
 */
export function createQueryClient(): QueryClient {
  const forgetSessionOn401 = (error: unknown) => {
    if (error instanceof ApiProblemError && error.status === 401) {
      setCsrfToken(null);
      queryClient.setQueryData(queryKeys.session, null);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: forgetSessionOn401 }),
    mutationCache: new MutationCache({ onError: forgetSessionOn401 }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change on retry; network blips and 5xx may.
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
