import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { startSession } from '../api/sessions-api';
import type { Session, StartInput } from '../api/session-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { sessionNasalDoseOptions } from '../dose/dose-inputs';
import { useKnowledge } from '../dose/use-knowledge';
import { applyProblemToForm } from '../forms/apply-problem';
import { requireDate, requireText } from '../forms/validators';
import { useSessionMutation } from './use-session';

interface StartValues {
  indication: string;
  doseValue: number | string;
  durationMin: number | string;
  nasalDoseMg: string;
  vialLot: string;
  vialExpiry: string;
}

/**
 * Starts the infusion or doses the nasal spray. Only the choices are sent: the server recomputes
 * the dose with today's weight and answers with the sheet's numbers.
 */
export function StartForm({ session }: { session: Session }) {
  const knowledge = useKnowledge();
  const nasal = session.product === 'esketamine-nasal';
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<StartValues>({
    initialValues: {
      indication: session.indication ?? 'depression',
      doseValue: '',
      durationMin: '',
      nasalDoseMg: '',
      vialLot: '',
      vialExpiry: '',
    },
    validate: {
      nasalDoseMg: (v) => (nasal && v === '' ? 'Choose the dose' : null),
      vialLot: requireText(nasal ? 'Device lot' : 'Vial lot'),
      vialExpiry: requireDate('Expiry'),
    },
  });
  // The schedules' doses (knowledge base), the smallest chosen until the nurse picks another.
  const nasalOptions = knowledge.data ? sessionNasalDoseOptions(knowledge.data) : [];
  const firstNasalDose = nasalOptions[0]?.value;
  useEffect(() => {
    if (firstNasalDose !== undefined && form.getValues().nasalDoseMg === '')
      form.setFieldValue('nasalDoseMg', firstNasalDose);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the options arrive
  }, [firstNasalDose]);
  const start = useSessionMutation((body: StartInput) => startSession(session.id, body));
  const submit = form.onSubmit((values) => {
    setFormError(null);
    const dose: StartInput['dose'] = nasal
      ? { product: 'esketamine-nasal', dose: { value: Number(values.nasalDoseMg), unit: 'mg' } }
      : {
          indication: values.indication,
          ...(typeof values.doseValue === 'number'
            ? { dose: { value: values.doseValue, unit: 'mg/kg' as const } }
            : {}),
          ...(typeof values.durationMin === 'number'
            ? { duration: { value: values.durationMin, unit: 'min' as const } }
            : {}),
        };
    start.mutate(
      { dose, vialLot: values.vialLot.trim(), vialExpiry: values.vialExpiry },
      {
        onError: (error) => {
          setFormError(
            applyProblemToForm(form, error, {
              'dose.dose.value': nasal ? 'nasalDoseMg' : 'doseValue',
              'dose.duration.value': 'durationMin',
              'dose.indication': 'indication',
            }),
          );
        },
      },
    );
  });
  const indications = knowledge.data?.indications ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="start-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="start-title">
            {nasal ? 'Dose the nasal spray' : 'Start the infusion'}
          </Title>
          <Text size="sm" c="dimmed">
            The server recomputes the dose with today&apos;s weight; leave dose and duration empty
            for the protocol&apos;s defaults.
          </Text>
          {nasal ? (
            <Select
              size="lg"
              label="Esketamine dose"
              data={nasalOptions}
              placeholder={knowledge.data ? undefined : 'Loading the doses…'}
              allowDeselect={false}
              {...form.getInputProps('nasalDoseMg')}
            />
          ) : (
            <Group grow align="flex-start">
              <Select
                size="lg"
                label="Protocol"
                data={
                  indications.length === 0
                    ? [{ value: form.values.indication, label: form.values.indication }]
                    : indications.map((i) => ({ value: i.id, label: i.displayName }))
                }
                allowDeselect={false}
                {...form.getInputProps('indication')}
              />
              <NumberInput
                size="lg"
                label="Dose (mg/kg)"
                placeholder="Protocol default"
                min={0}
                step={0.05}
                decimalScale={2}
                hideControls
                {...form.getInputProps('doseValue')}
              />
              <NumberInput
                size="lg"
                label="Duration (min)"
                placeholder="Protocol default"
                min={1}
                hideControls
                {...form.getInputProps('durationMin')}
              />
            </Group>
          )}
          <Group grow align="flex-start">
            <TextInput
              size="lg"
              label={nasal ? 'Device lot' : 'Vial lot'}
              required
              autoComplete="off"
              {...form.getInputProps('vialLot')}
            />
            <TextInput
              size="lg"
              type="date"
              label="Expiry"
              required
              {...form.getInputProps('vialExpiry')}
            />
          </Group>
          <FormErrorAlert message={formError} title="Not started" />
          <Group>
            <Button type="submit" size="lg" loading={start.isPending}>
              {nasal ? 'Record dose given' : 'Start infusion'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
