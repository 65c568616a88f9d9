import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { queryKeys } from '../api/query-keys';

/** A clinic set-up change: locations and staff are refetched, and success is announced. */
export function useSetupMutation<Input, Output>(
  mutationFn: (input: Input) => Promise<Output>,
  message: string,
  callbacks: { onSuccess?: (output: Output) => void; onError?: (error: unknown) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (output) => {
      notifications.show({ color: 'teal', message });
      callbacks.onSuccess?.(output);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.locations }),
        queryClient.invalidateQueries({ queryKey: queryKeys.staff }),
      ]);
    },
    onError: (error) => {
      callbacks.onError?.(error);
    },
  });
}
