import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { FormErrors } from '@mantine/form';
import type { Patient } from '../api/patient-types';
import { applyProblemToForm } from '../forms/apply-problem';
import { usePatientMutation } from './use-patient';

interface FormHandle {
  setErrors: (errors: FormErrors) => void;
  getValues: () => object;
  reset: () => void;
}

interface RecordFormMutationOptions<Input> {
  form: FormHandle;
  mutationFn: (input: Input) => Promise<Patient>;
  /** Shown as a notification once saved. */
  successMessage: string;
  /** API paths to form fields, where they differ. */
  fieldMap?: Readonly<Record<string, string>>;
  /** Clear the form after saving (add forms) or keep it (edit forms). */
  resetOnSuccess?: boolean;
}

/** Saves a record form: clears it and confirms on success, puts server errors by their fields. */
export function useRecordFormMutation<Input>(options: RecordFormMutationOptions<Input>) {
  const { form, fieldMap, successMessage, resetOnSuccess = true } = options;
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = usePatientMutation<Input>({
    mutationFn: (input) => {
      setFormError(null);
      return options.mutationFn(input);
    },
    onSuccess: () => {
      if (resetOnSuccess) form.reset();
      notifications.show({ color: 'teal', message: successMessage });
    },
    onError: (error) => {
      setFormError(applyProblemToForm(form, error, fieldMap));
    },
  });
  return { mutation, formError };
}
