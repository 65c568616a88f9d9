import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { fetchScreenings } from '../api/screening-api';
import type { Screening } from '../api/screening-types';

/** A patient's screenings, newest first. */
export function useScreenings(patientId: string) {
  return useQuery({
    queryKey: queryKeys.screenings(patientId),
    queryFn: () => fetchScreenings(patientId),
  });
}

/** The screening that answers this question now: the newest one not made stale by a change. */
export function openScreeningFor(
  screenings: readonly Screening[],
  indication: string,
  product: string,
): Screening | undefined {
  return screenings.find(
    (s) => s.staleAt === null && s.indication === indication && s.product === product,
  );
}

/**
 * A change that screens the patient again (screen now, sign, a new fact on the record): once it
 * settles, the patient's screenings are fetched again; after a failure too, because a refusal
 * such as SCREEN.STALE means someone else changed them.
 */
export function useScreeningMutation<Input, Output>(
  patientId: string,
  mutationFn: (input: Input) => Promise<Output>,
  callbacks: { onSuccess?: (output: Output) => void; onError?: (error: unknown) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (output) => {
      callbacks.onSuccess?.(output);
    },
    onError: (error) => {
      callbacks.onError?.(error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.screenings(patientId) }),
  });
}
