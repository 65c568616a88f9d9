import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { addReading } from '../api/sessions-api';
import type { ReadingInput, Session } from '../api/session-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { applyProblemToForm } from '../forms/apply-problem';
import { emptyVitals, filledVitals, VitalInputs, type VitalValues } from './vital-inputs';
import { useSessionMutation } from './use-session';

interface ReadingValues extends VitalValues {
  /** `HH:MM` local to the browser; empty means now. */
  time: string;
}

function takenAtFrom(time: string): string {
  if (time === '') return new Date().toISOString();
  const [h, m] = time.split(':').map(Number);
  const at = new Date();
  at.setHours(h ?? 0, m ?? 0, 0, 0);
  return at.toISOString();
}

/** Quick entry of one reading: any vitals measured now (the rest stay unknown). */
export function ReadingForm({ session }: { session: Session }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ReadingValues>({ initialValues: { ...emptyVitals, time: '' } });
  const add = useSessionMutation((body: ReadingInput) => addReading(session.id, body));
  const submit = form.onSubmit((values) => {
    setFormError(null);
    const vitals = filledVitals(values);
    if (Object.keys(vitals).length === 0) {
      setFormError('Enter at least one value.');
      return;
    }
    add.mutate(
      { takenAt: takenAtFrom(values.time), ...vitals },
      {
        onSuccess: () => {
          form.reset();
        },
        onError: (error) => {
          setFormError(applyProblemToForm(form, error, { takenAt: 'time' }));
        },
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate aria-label="New reading">
      <Stack gap="sm">
        <VitalInputs form={form} required={false} />
        <Group align="flex-end">
          <TextInput
            size="lg"
            type="time"
            label="Taken at"
            description="Empty means now"
            w={180}
            {...form.getInputProps('time')}
          />
          <Button type="submit" size="lg" loading={add.isPending}>
            Add reading
          </Button>
        </Group>
        <FormErrorAlert message={formError} />
      </Stack>
    </form>
  );
}
