import { Alert } from '@mantine/core';
import { describeError } from '../api/problem';

/** Shows why a query failed, in the words the server used when it gave any. */
export function QueryErrorAlert({
  error,
  title = 'Could not load',
}: {
  error: unknown;
  title?: string;
}) {
  return (
    <Alert color="red" title={title} role="alert">
      {describeError(error)}
    </Alert>
  );
}
