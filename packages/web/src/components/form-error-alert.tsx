import { Alert } from '@mantine/core';

/** The form-level message of a failed submission (field messages sit beside their fields). */
interface FormErrorAlertProps {
  message: string | null;
  title?: string;
}

export function FormErrorAlert({ message, title = 'Not saved' }: FormErrorAlertProps) {
  if (message === null) return null;
  return (
    <Alert color="red" role="alert" title={title}>
      {message}
    </Alert>
  );
}
