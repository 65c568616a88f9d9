import {
  Anchor,
  Button,
  Checkbox,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { register } from '../api/auth-api';
import { homePathFor } from '../auth/home-path';
import { readReturnPath } from '../auth/return-path';
import { useSession } from '../auth/use-session';
import { FormErrorAlert } from '../components/form-error-alert';
import { PageHeading } from '../components/page-heading';
import { applyProblemToForm } from '../forms/apply-problem';
import { ifFilled } from '../forms/form-values';
import {
  minimumPasswordLength,
  requireDate,
  requireText,
  validateEmail,
  validatePassword,
} from '../forms/validators';
import {
  forgetAnswersForRegistration,
  readAnswersForRegistration,
} from '../self-screening/intake-storage';
import { IntakeSummary } from '../self-screening/intake-summary';
import { CheckEmailNotice } from './check-email-notice';

interface RegistrationValues {
  givenName: string;
  familyName: string;
  birthDate: string;
  email: string;
  password: string;
  phone: string;
}

export function RegisterPage() {
  const session = useSession();
  const returnPath = readReturnPath(useLocation().state);
  const [formError, setFormError] = useState<string | null>(null);
  // Answers from the self-screening page, if the person came from there in this tab.
  const [intake] = useState(readAnswersForRegistration);
  const [includeIntake, setIncludeIntake] = useState(true);
  const form = useForm<RegistrationValues>({
    initialValues: {
      givenName: '',
      familyName: '',
      birthDate: '',
      email: '',
      password: '',
      phone: '',
    },
    validate: {
      givenName: requireText('Given name'),
      familyName: requireText('Family name'),
      birthDate: requireDate('Date of birth'),
      email: validateEmail,
      password: validatePassword,
    },
  });
  const registration = useMutation({
    mutationFn: register,
    onMutate: () => {
      setFormError(null);
    },
    // The answers went with the registration; the account is usable once the mailed link is opened.
    onSuccess: () => {
      forgetAnswersForRegistration();
    },
    onError: (error) => {
      setFormError(applyProblemToForm(form, error));
    },
  });

  if (session.data != null) {
    // Someone who chose a consult time before registering goes back to confirm it.
    const next = returnPath ?? homePathFor(session.data.user);
    return <Navigate to={next} replace />;
  }

  if (registration.isSuccess) {
    return (
      <Stack maw={560} gap="lg">
        <PageHeading>Confirm your e-mail</PageHeading>
        <CheckEmailNotice email={registration.variables.email} next={returnPath ?? undefined} />
      </Stack>
    );
  }

  return (
    <Stack maw={560} gap="lg">
      <PageHeading>Create your patient account</PageHeading>
      <Text>
        Register to see your record and who has opened it. Your clinic links your treatment to this
        account.
      </Text>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          registration.mutate({
            givenName: values.givenName.trim(),
            familyName: values.familyName.trim(),
            birthDate: values.birthDate,
            email: values.email.trim(),
            password: values.password,
            ...ifFilled('phone', values.phone),
            ...(intake !== null && includeIntake ? { intake } : {}),
            // The link in the mail brings the person back here (a consult time they chose).
            ...(returnPath === null ? {} : { next: returnPath }),
          });
        })}
      >
        <Stack gap="md">
          <FormErrorAlert message={formError} title="Registration failed" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Given name"
              autoComplete="given-name"
              required
              {...form.getInputProps('givenName')}
            />
            <TextInput
              label="Family name"
              autoComplete="family-name"
              required
              {...form.getInputProps('familyName')}
            />
          </SimpleGrid>
          <TextInput
            label="Date of birth"
            type="date"
            autoComplete="bday"
            required
            {...form.getInputProps('birthDate')}
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            description={`At least ${minimumPasswordLength} characters`}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <TextInput
            label="Phone (optional)"
            type="tel"
            autoComplete="tel"
            {...form.getInputProps('phone')}
          />
          {intake !== null && (
            <Paper withBorder p="md">
              <Stack gap="xs">
                <Checkbox
                  label="Add my self-check answers to my record"
                  description="Your clinician sees them as things you told us, to confirm at your consult."
                  checked={includeIntake}
                  onChange={(event) => {
                    setIncludeIntake(event.currentTarget.checked);
                  }}
                />
                <IntakeSummary answers={intake} />
              </Stack>
            </Paper>
          )}
          <Button type="submit" loading={registration.isPending}>
            Create account
          </Button>
        </Stack>
      </form>
      <Text size="sm">
        Already registered?{' '}
        <Anchor component={Link} to="/login">
          Log in
        </Anchor>
        .
      </Text>
    </Stack>
  );
}
