import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { amendSession } from '../api/sessions-api';
import type { AmendmentInput, Reading, Session } from '../api/session-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { applyProblemToForm } from '../forms/apply-problem';
import { requireText } from '../forms/validators';
import { vitalFields } from './labels';
import { useSessionMutation } from './use-session';
import { filledVitals, VitalInputs, type VitalValues } from './vital-inputs';

interface AmendValues extends VitalValues {
  reason: string;
}

function CorrectionForm({
  session,
  reading,
  onDone,
}: {
  session: Session;
  reading: Reading;
  onDone: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const initial = Object.fromEntries(
    vitalFields.map((f) => [f.key, reading[f.key] ?? '']),
  ) as VitalValues;
  const form = useForm<AmendValues>({
    initialValues: { ...initial, reason: '' },
    validate: { reason: requireText('Reason for the correction') },
  });
  const amend = useSessionMutation(async (inputs: AmendmentInput[]) => {
    // One amendment per corrected value; each is signed and keeps its original.
    let latest: Session | undefined;
    for (const input of inputs) latest = await amendSession(session.id, input);
    if (latest === undefined) throw new Error('no change');
    return latest;
  }, onDone);
  const submit = form.onSubmit((values) => {
    setFormError(null);
    const filled = filledVitals(values);
    const changed = Object.fromEntries(
      Object.entries(filled).filter(
        ([key, value]) => reading[key as keyof typeof filled] !== value,
      ),
    );
    if (Object.keys(changed).length === 0) {
      setFormError('Change at least one value.');
      return;
    }
    amend.mutate(
      Object.entries(changed).map(([field, value]) => ({
        target: 'reading' as const,
        targetId: reading.id,
        field,
        value,
        reason: values.reason.trim(),
      })),
      {
        onError: (error) => {
          setFormError(applyProblemToForm(form, error));
        },
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <VitalInputs form={form} required={false} />
        <Textarea
          size="md"
          label="Reason for the correction"
          required
          {...form.getInputProps('reason')}
        />
        <FormErrorAlert message={formError} />
        <Group>
          <Button type="submit" size="lg" loading={amend.isPending}>
            Save correction
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Corrects a signed reading by amendment: the original stays on the record, struck through. */
export function AmendReadingModal({
  session,
  reading,
  onClose,
}: {
  session: Session;
  reading: Reading | null;
  onClose: () => void;
}) {
  return (
    <Modal opened={reading !== null} onClose={onClose} title="Correct a reading" size="lg">
      {reading !== null && <CorrectionForm session={session} reading={reading} onDone={onClose} />}
    </Modal>
  );
}
