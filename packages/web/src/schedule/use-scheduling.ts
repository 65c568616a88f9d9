import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchAppointments, type AppointmentListQuery } from '../api/appointments-api';
import { fetchLocations, fetchStaff } from '../api/clinic-api';
import { queryKeys } from '../api/query-keys';

export function useLocations(enabled = true) {
  return useQuery({ queryKey: queryKeys.locations, queryFn: fetchLocations, enabled });
}

export function useStaff() {
  return useQuery({ queryKey: queryKeys.staff, queryFn: () => fetchStaff() });
}

export function useAppointments(query: AppointmentListQuery, enabled = true) {
  return useQuery({
    queryKey: queryKeys.appointments(query),
    queryFn: () => fetchAppointments(query),
    enabled,
  });
}

/**
 * A change to an appointment (book, cancel, reschedule, no-show). Every appointment list and
 * course is refetched afterwards, after a refusal too: a 409 means someone else changed the day.
 */
export function useAppointmentMutation<Input, Output>(
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
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.appointmentsAll }),
        queryClient.invalidateQueries({ queryKey: queryKeys.coursesAll }),
      ]);
    },
  });
}
