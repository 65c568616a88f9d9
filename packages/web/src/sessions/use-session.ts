import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchSession, fetchSessions } from '../api/sessions-api';
import type { Session } from '../api/session-types';
import { useClinicTimeZone } from '../schedule/use-clinic-time-zone';
import { useLocations } from '../schedule/use-scheduling';

/** Query keys of the session screens (every list starts with `sessions`, so one prefix refetches all). */
export const sessionKeys = {
  all: ['sessions'] as const,
  list: (query: { date: string; locationId?: string }) => ['sessions', 'list', query] as const,
  one: (id: string) => ['sessions', 'one', id] as const,
  record: (id: string) => ['sessions', 'record', id] as const,
};

export function useSession(id: string) {
  return useQuery({
    queryKey: sessionKeys.one(id),
    queryFn: () => fetchSession(id),
    // A monitor may post readings from its own device endpoint: keep the chart fresh.
    refetchInterval: 30_000,
  });
}

export function useSessionList(query: { date: string; locationId?: string }, enabled = true) {
  return useQuery({
    queryKey: sessionKeys.list(query),
    queryFn: () => fetchSessions(query),
    enabled,
  });
}

/**
 * A signed step on one session. The server answers with the whole session, which replaces the
 * cached one; the lists and appointments are refetched after a refusal too.
 */
export function useSessionMutation<Input>(
  mutationFn: (input: Input) => Promise<Session>,
  onSuccess?: (session: Session) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionKeys.one(session.id), session);
      onSuccess?.(session);
    },
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['appointments'] }),
      ]);
    },
  });
}

/** The zone a session's times are shown in: its location's, else the clinic's. */
export function useSessionZone(locationId: string | undefined): string {
  const clinic = useClinicTimeZone();
  const locations = useLocations();
  return locations.data?.find((l) => l.id === locationId)?.timeZone ?? clinic.zone;
}
