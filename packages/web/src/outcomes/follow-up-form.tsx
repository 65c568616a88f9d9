import { Button, Checkbox, Group, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { User } from '../api/auth-types';
import { followUpSafetyAlert } from '../api/outcomes-api';
import type { FollowUpField, SafetyAlert } from '../api/outcomes-types';
import { ApiProblemError, describeError } from '../api/problem';
import { queryKeys } from '../api/query-keys';
import { FormErrorAlert } from '../components/form-error-alert';
import { useNow } from '../format/use-now';
import { zonedInputAt, zonedInputToIso } from '../format/zoned-time';
import { useClinicTimeZone } from '../schedule/use-clinic-time-zone';
import { optionLabel } from './labels';

type Value = string | string[] | boolean;

/** A required date-time starts as "now" (see `withNow`), so it has no value of its own yet. */
function hasInitialValue(field: FollowUpField): boolean {
  return !(field.kind === 'date-time' && field.required);
}

function initialValue(field: FollowUpField): Value {
  if (field.kind === 'choices') return [];
  if (field.kind === 'boolean') return false;
  return '';
}

function initialValues(fields: readonly FollowUpField[]): Record<string, Value> {
  return Object.fromEntries(fields.filter(hasInitialValue).map((f) => [f.name, initialValue(f)]));
}

/**
 * The values with each untouched required date-time set to `now` on the clinic's clock: worked
 * out on each render rather than stored, so it follows the clinic's zone once that has loaded
 * instead of keeping the browser's.
 */
function withNow(
  fields: readonly FollowUpField[],
  values: Readonly<Record<string, Value>>,
  now: number,
  zone: string,
): Record<string, Value> {
  const out = { ...values };
  for (const field of fields)
    if (!hasInitialValue(field) && out[field.name] === undefined)
      out[field.name] = zonedInputAt(now, zone);
  return out;
}

/**
 * The body the server checks: empty optional fields left out, dates as ISO 8601 instants read
 * on the clinic's clock (`zone`), whatever zone the browser is set to.
 */
function toBody(
  fields: readonly FollowUpField[],
  values: Readonly<Record<string, Value>>,
  user: User,
  zone: string,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'staff-id') body[field.name] = user.id;
    else if (typeof value === 'boolean' || Array.isArray(value)) body[field.name] = value;
    else if (value === undefined || value.trim() === '') continue;
    // A point in time, not a period: in an hour the clocks repeat, the first occurrence.
    else if (field.kind === 'date-time') body[field.name] = zonedInputToIso(value, zone, 'start');
    else body[field.name] = value.trim();
  }
  return body;
}

function isEmpty(value: Value | undefined): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Field name -> message, from `errors[].path` such as `body.contact`. A required field left
 * empty says so, rather than the schema's wording ("must be a string").
 */
function fieldErrors(
  error: unknown,
  fields: readonly FollowUpField[],
  values: Readonly<Record<string, Value>>,
): Record<string, string> {
  if (!(error instanceof ApiProblemError)) return {};
  const out: Record<string, string> = {};
  for (const { path, message } of error.problem.errors ?? []) {
    const name = path.replace(/^body\./, '').split('.')[0] ?? path;
    const field = fields.find((f) => f.name === name);
    const shown =
      field?.required === true && isEmpty(values[name])
        ? field.kind === 'choices'
          ? 'Required: tick at least one'
          : 'Required'
        : message;
    out[name] = out[name] === undefined ? shown : `${out[name]}; ${shown}`;
  }
  return out;
}

/** The form-level sentence: how many fields to fix, plus anything no field could show. */
function formMessage(error: unknown, fields: readonly FollowUpField[]): string {
  if (!(error instanceof ApiProblemError) || error.problem.errors === undefined)
    return describeError(error);
  const names = new Set(fields.map((f) => f.name));
  const placed = error.problem.errors.filter((e) =>
    names.has(e.path.replace(/^body\./, '').split('.')[0] ?? ''),
  );
  const unplaced = error.problem.errors.filter((e) => !placed.includes(e));
  const count = new Set(placed.map((e) => e.path)).size;
  return [
    count === 1 ? 'Check the marked field.' : `Check the ${String(count)} marked fields.`,
    ...unplaced.map((e) => e.message),
  ].join(' ');
}

interface FieldProps {
  field: FollowUpField;
  value: Value | undefined;
  error: string | undefined;
  user: User;
  /** The clinic's time zone, which date-times are typed in. */
  zone: string;
  onChange: (value: Value) => void;
}

function FollowUpInput({ field, value, error, user, zone, onChange }: FieldProps) {
  const common = { label: field.label, required: field.required, error };
  switch (field.kind) {
    case 'staff-id':
      return (
        <TextInput
          {...common}
          value={user.displayName}
          readOnly
          description="Documented under your name"
        />
      );
    case 'date-time':
      return (
        <TextInput
          {...common}
          type="datetime-local"
          description={`Clinic time (${zone})`}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => {
            onChange(event.currentTarget.value);
          }}
        />
      );
    case 'choice':
      return (
        <Radio.Group
          {...common}
          value={typeof value === 'string' && value !== '' ? value : null}
          onChange={onChange}
        >
          <Group gap="md" mt={4}>
            {(field.options ?? []).map((option) => (
              <Radio key={option} value={option} label={optionLabel(option)} />
            ))}
          </Group>
        </Radio.Group>
      );
    case 'choices':
      return (
        <Checkbox.Group {...common} value={Array.isArray(value) ? value : []} onChange={onChange}>
          <Stack gap={6} mt={4}>
            {(field.options ?? []).map((option) => (
              <Checkbox key={option} value={option} label={optionLabel(option)} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'boolean':
      return (
        <Checkbox
          label={field.label}
          error={error}
          checked={value === true}
          onChange={(event) => {
            onChange(event.currentTarget.checked);
          }}
        />
      );
    default:
      return (
        <Textarea
          {...common}
          autosize
          minRows={field.name === 'riskAssessment' ? 3 : 2}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => {
            onChange(event.currentTarget.value);
          }}
        />
      );
  }
}

/** The documented follow-up: one input per field the alert names; the server checks it all. */
export function FollowUpForm({ alert, user }: { alert: SafetyAlert; user: User }) {
  const queryClient = useQueryClient();
  // The alert has no location: its times are typed on the clinic's clock.
  const { zone } = useClinicTimeZone();
  const openedAt = useNow();
  const [typed, setTyped] = useState<Record<string, Value>>(() =>
    initialValues(alert.followUpFields),
  );
  const values = withNow(alert.followUpFields, typed, openedAt, zone);
  const save = useMutation({
    mutationFn: () =>
      followUpSafetyAlert(alert.id, toBody(alert.followUpFields, values, user, zone)),
    onSuccess: (saved) => {
      // Not reached: the attempt is on the alert, which stays open for the next one (the page
      // then shows a fresh form, at "now" again).
      queryClient.setQueryData(queryKeys.safetyAlert(alert.id), saved);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.safetyAlertsAll }),
  });
  const errors = save.isError ? fieldErrors(save.error, alert.followUpFields, values) : {};
  return (
    <form
      aria-label="Follow-up"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="md">
        {alert.followUpFields.map((field) => (
          <FollowUpInput
            key={field.name}
            field={field}
            value={values[field.name]}
            error={errors[field.name]}
            user={user}
            zone={zone}
            onChange={(value) => {
              setTyped((current) => ({ ...current, [field.name]: value }));
            }}
          />
        ))}
        <Text size="sm" c="dimmed">
          Saving closes the alert once the patient was reached; an attempt that did not reach them
          is recorded and the alert stays open.
        </Text>
        <FormErrorAlert
          message={save.isError ? formMessage(save.error, alert.followUpFields) : null}
        />
        <Group>
          <Button type="submit" loading={save.isPending} size="md">
            Save follow-up
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
