import { Alert } from '@mantine/core';
import type { DoseJson } from '@ketaflow/core';

/** The one-line verdict: blocked, needs reasons, or within limits. */
export function DoseStatus({ result }: { result: DoseJson }) {
  if (result.blocked)
    return (
      <Alert color="red" variant="filled" role="alert" title="Blocked — do not give">
        A hard limit is hit. The numbers are shown for review only.
      </Alert>
    );
  if (result.requiresOverride)
    return (
      <Alert color="yellow" variant="light" role="status" title="Soft limit: a reason is needed">
        Give a reason for each soft limit below to go on.
      </Alert>
    );
  const overridden = result.limits.some((limit) => limit.overridden);
  return (
    <Alert
      color="teal"
      variant="light"
      role="status"
      title={overridden ? 'Soft limits overridden with reasons' : 'Within limits'}
    >
      {overridden ? 'Each soft limit has a recorded reason.' : 'No limit is hit.'}
    </Alert>
  );
}
