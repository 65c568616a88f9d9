import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { addReading } from '../api/sessions-api';
import type { ReadingInput, Session } from '../api/session-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { applyProblemToForm } from '../forms/apply-problem';
import { localToMs, todayIn } from '../format/zoned-time';
import { emptyVitals, filledVitals, VitalInputs, type VitalValues } from './vital-inputs';
import { useSessionMutation } from './use-session';

interface ReadingValues extends VitalValues {
  /** `HH:MM` today on the session's clock (`zone`), as the flowsheet shows it; empty means now. */
  time: string;
}

function takenAtFrom(time: string, zone: string): string {
  const now = Date.now();
  if (time === '') return new Date(now).toISOString();
  // Not a time (an old browser's free text): sent as is, for the server to refuse by field.
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return time;
  // The flowsheet lists times in the session's zone, so a typed time is read in it too, not in
  // the browser's (a laptop left on another zone would chart the reading hours away).
  return new Date(localToMs(todayIn(zone, now), time, zone)).toISOString();
}

/** Quick entry of one reading: any vitals measured now (the rest stay unknown). */
export function ReadingForm({ session, zone }: { session: Session; zone: string }) {
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
      { takenAt: takenAtFrom(values.time, zone), ...vitals },
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
            description={`Empty means now. Time in ${zone}`}
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
