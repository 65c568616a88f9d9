import { Alert, List } from '@mantine/core';
import { ApiProblemError, describeError } from '../api/problem';

/** What the server's refusal means to the person who asked for the time. */
function titleFor(error: unknown, fallback: string): string {
  if (!(error instanceof ApiProblemError)) return fallback;
  if (error.status === 409 && error.code.endsWith('SLOT_TAKEN'))
    return 'That time was just taken: choose another';
  if (error.status === 409 && error.code.endsWith('HOLD_EXPIRED')) return 'The hold ran out';
  if (error.status === 422 && error.code.endsWith('CONFLICT')) return 'That time does not work';
  if (error.code.endsWith('CUTOFF_PASSED')) return 'Too late to change online';
  return fallback;
}

/**
 * A scheduling refusal: the server's sentence, and for a conflict (422) or an unschedulable
 * course (409) every reason it gave in `errors[]`.
 */
export function ScheduleProblem({
  error,
  fallbackTitle = 'Not booked',
}: {
  error: unknown;
  fallbackTitle?: string;
}) {
  if (error === null || error === undefined) return null;
  const reasons = error instanceof ApiProblemError ? (error.problem.errors ?? []) : [];
  const detail = describeError(error);
  const extra = reasons.map((r) => r.message).filter((m) => m !== detail);
  return (
    <Alert color="red" role="alert" title={titleFor(error, fallbackTitle)}>
      {detail}
      {extra.length > 0 && (
        <List size="sm" mt="xs" aria-label="Reasons">
          {extra.map((message, index) => (
            <List.Item key={`${String(index)}-${message}`}>{message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
