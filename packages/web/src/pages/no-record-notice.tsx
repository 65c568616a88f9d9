import { Alert } from '@mantine/core';

export function NoRecordNotice() {
  return (
    <Alert color="blue" title="No record yet">
      Your account is not linked to a patient record yet. Your clinic links it at your first visit.
    </Alert>
  );
}
