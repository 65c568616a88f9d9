import { Alert, Button, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { signScreening } from '../api/screening-api';
import type { Screening } from '../api/screening-types';
import { ApiProblemError, describeError } from '../api/problem';
import { useScreeningMutation } from './use-screenings';
import { reasonLabel, warningsToAccept } from './warning-codes';

const minimumReasonLength = 3;

/** Field errors by warning code, from the server's `<code>: a reason is required` messages. */
function errorsByCode(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblemError)) return {};
  const errors: Record<string, string> = {};
  for (const { message } of error.problem.errors ?? []) {
    const separator = message.indexOf(': ');
    if (separator > 0) errors[message.slice(0, separator)] = message.slice(separator + 2);
  }
  return errors;
}

/** A prescriber signs a current screening, accepting each warning with a reason. */
export function SignPanel({ screening }: { screening: Screening }) {
  const warnings = warningsToAccept(screening.result);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const sign = useScreeningMutation(
    screening.patientId,
    () =>
      signScreening(
        screening.id,
        warnings.map(({ code }) => ({ code, reason: (reasons[code] ?? '').trim() })),
      ),
    {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Screening signed' });
      },
      onError: (error) => {
        setErrors(errorsByCode(error));
        setFormError(describeError(error));
      },
    },
  );

  if (screening.result.decision === 'contraindicated')
    return (
      <Alert color="red" title="Cannot be signed">
        A critical finding makes the patient ineligible for this treatment, so this screening cannot
        be signed.
      </Alert>
    );

  return (
    <form
      noValidate
      aria-labelledby="sign-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const missing: Record<string, string> = {};
        for (const { code } of warnings)
          if ((reasons[code] ?? '').trim().length < minimumReasonLength)
            missing[code] = 'Give a reason for accepting this warning';
        setErrors(missing);
        setFormError(null);
        if (Object.keys(missing).length === 0) sign.mutate(undefined);
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id="sign-heading">
          Sign this screening
        </Title>
        <Text size="sm">
          {warnings.length === 0
            ? 'No warnings need a reason: signing records that you reviewed the findings.'
            : 'Signing accepts each warning below. Give a reason for each; they are recorded with your name.'}
        </Text>
        {formError !== null && (
          <Alert color="red" role="alert" title="Not signed">
            {formError}
          </Alert>
        )}
        {warnings.map((warning) => (
          <Textarea
            key={warning.code}
            label={reasonLabel(warning)}
            required
            autosize
            minRows={2}
            value={reasons[warning.code] ?? ''}
            error={errors[warning.code]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setReasons((current) => ({ ...current, [warning.code]: value }));
            }}
          />
        ))}
        <Button type="submit" loading={sign.isPending} w="fit-content">
          Sign screening
        </Button>
      </Stack>
    </form>
  );
}
