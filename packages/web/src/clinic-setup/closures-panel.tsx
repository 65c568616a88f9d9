import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { addClosure, removeClosure } from '../api/clinic-api';
import type { AffectedAppointment, Location } from '../api/scheduling-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { applyProblemToForm } from '../forms/apply-problem';
import { RecordTable } from '../patient/record-table';
import { AffectedBookingsAlert } from './affected-bookings-alert';
import { useSetupMutation } from './use-setup-mutation';

/** Whole-day closures of a location: list, add, remove. */
export function ClosuresPanel({ location }: { location: Location }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [affected, setAffected] = useState<AffectedAppointment[] | null>(null);
  const form = useForm({ initialValues: { startsOn: '', endsOn: '', reason: '' } });
  const add = useSetupMutation(
    (v: { startsOn: string; endsOn: string; reason: string }) => addClosure(location.id, v),
    'Closure added',
    {
      onSuccess: (recorded) => {
        form.reset();
        setFormError(null);
        setAffected(recorded.affectedAppointments);
      },
      onError: (error) => {
        setFormError(applyProblemToForm(form, error));
      },
    },
  );
  const remove = useSetupMutation((id: string) => removeClosure(id), 'Closure removed');
  return (
    <Stack gap="sm">
      <AffectedBookingsAlert what="closure" appointments={affected} />
      <RecordTable
        caption={`Closures ${location.name}`}
        headers={['From', 'To', 'Reason', '']}
        emptyText="No closures."
        rows={location.closures.map((c) => ({
          key: c.id,
          cells: [
            c.startsOn,
            c.endsOn,
            c.reason,
            <Button
              key="remove"
              size="xs"
              variant="subtle"
              color="red"
              aria-label={`Remove closure ${c.startsOn}`}
              onClick={() => {
                remove.mutate(c.id);
              }}
            >
              Remove
            </Button>,
          ],
        }))}
      />
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          add.mutate({ ...v, reason: v.reason.trim() });
        })}
      >
        <Stack gap="sm">
          <FormErrorAlert message={formError} />
          <Group gap="sm" align="start" wrap="wrap">
            <TextInput
              label="Closed from"
              type="date"
              required
              {...form.getInputProps('startsOn')}
            />
            <TextInput label="Closed to" type="date" required {...form.getInputProps('endsOn')} />
            <TextInput label="Reason" required {...form.getInputProps('reason')} />
          </Group>
          <Button type="submit" loading={add.isPending} w="fit-content">
            Add closure
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
