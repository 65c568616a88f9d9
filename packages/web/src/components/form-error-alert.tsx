import { Alert } from '@mantine/core';

/** The form-level message of a failed submission (field messages sit beside their fields). */
export function FormErrorAlert({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <Alert color="red" role="alert" title="Not saved">
      {message}
    </Alert>
  );
}
