import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { recordPreCheck } from '../api/sessions-api';
import type { PreCheckInput, Session, WeightUnit } from '../api/session-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { applyProblemToForm } from '../forms/apply-problem';
import { useSessionMutation } from './use-session';
import { emptyVitals, filledVitals, VitalInputs, type VitalValues } from './vital-inputs';

interface PreCheckValues extends VitalValues {
  weight: number | string;
  weightUnit: WeightUnit;
  pregnancyTest: '' | 'negative' | 'positive' | 'not-applicable';
  fasting: 'yes' | 'no' | '';
  medicationChanges: string;
  consentOnFile: boolean;
}

const numberRequired = (label: string) => (value: number | string) =>
  typeof value === 'number' ? null : `${label} is required`;

/** Vital signs, today's weight and the checks before a session; the server decides go or not. */
export function PreCheckForm({ session }: { session: Session }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PreCheckValues>({
    initialValues: {
      ...emptyVitals,
      weight: '',
      weightUnit: 'kg',
      pregnancyTest: '',
      fasting: '',
      medicationChanges: '',
      consentOnFile: false,
    },
    validate: {
      systolicMmHg: numberRequired('Systolic'),
      diastolicMmHg: numberRequired('Diastolic'),
      heartRate: numberRequired('Heart rate'),
      spo2: numberRequired('SpO2'),
      respiratoryRate: numberRequired('Respiratory rate'),
      temperatureC: numberRequired('Temperature'),
      weight: numberRequired("Today's weight"),
      fasting: (value) => (value === '' ? 'Say whether the patient has fasted' : null),
    },
  });
  const mutation = useSessionMutation((body: PreCheckInput) => recordPreCheck(session.id, body));
  const submit = form.onSubmit((values) => {
    setFormError(null);
    const body: PreCheckInput = {
      vitals: filledVitals(values),
      weight: { value: Number(values.weight), unit: values.weightUnit },
      ...(values.pregnancyTest === '' ? {} : { pregnancyTest: values.pregnancyTest }),
      fasting: values.fasting === 'yes',
      medicationChanges: values.medicationChanges
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
      consentOnFile: values.consentOnFile,
    };
    mutation.mutate(body, {
      onError: (error) => {
        setFormError(
          applyProblemToForm(form, error, {
            'vitals.systolicMmHg': 'systolicMmHg',
            'vitals.diastolicMmHg': 'diastolicMmHg',
            'vitals.heartRate': 'heartRate',
            'vitals.spo2': 'spo2',
            'vitals.respiratoryRate': 'respiratoryRate',
            'vitals.temperatureC': 'temperatureC',
            'weight.value': 'weight',
          }),
        );
      },
    });
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pre-check-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="pre-check-title">
            Pre-check
          </Title>
          <VitalInputs form={form} required />
          <Group align="flex-end" gap="sm">
            <NumberInput
              size="lg"
              label="Today's weight"
              min={20}
              max={400}
              decimalScale={1}
              inputMode="decimal"
              hideControls
              required
              w={200}
              {...form.getInputProps('weight')}
            />
            <SegmentedControl
              size="lg"
              aria-label="Weight unit"
              data={[
                { value: 'kg', label: 'kg' },
                { value: 'lb', label: 'lb' },
              ]}
              {...form.getInputProps('weightUnit')}
            />
          </Group>
          <Group align="flex-start" grow>
            <div>
              <Text size="lg" fw={600} id="fasting-label">
                Fasting as instructed
              </Text>
              <SegmentedControl
                size="lg"
                aria-labelledby="fasting-label"
                data={[
                  { value: 'yes', label: 'Yes' },
                  { value: 'no', label: 'No' },
                ]}
                value={form.values.fasting}
                onChange={(value) => {
                  form.setFieldValue('fasting', value);
                }}
              />
              {typeof form.errors.fasting === 'string' && (
                <Text c="red" size="sm">
                  {form.errors.fasting}
                </Text>
              )}
            </div>
            <Select
              size="lg"
              label="Pregnancy test"
              placeholder="Where it applies"
              data={[
                { value: 'not-applicable', label: 'Not applicable' },
                { value: 'negative', label: 'Negative' },
                { value: 'positive', label: 'Positive' },
              ]}
              clearable
              value={form.values.pregnancyTest === '' ? null : form.values.pregnancyTest}
              onChange={(value) => {
                form.setFieldValue('pregnancyTest', value ?? '');
              }}
            />
          </Group>
          <Textarea
            size="lg"
            label="Medication changes since screening"
            description="One per line; each is screened again. Leave empty when nothing changed."
            autosize
            minRows={2}
            {...form.getInputProps('medicationChanges')}
          />
          <Checkbox
            size="lg"
            label="Consent for today's treatment is on file"
            {...form.getInputProps('consentOnFile', { type: 'checkbox' })}
          />
          <FormErrorAlert message={formError} />
          <Group>
            <Button type="submit" size="lg" loading={mutation.isPending}>
              Record pre-check
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
