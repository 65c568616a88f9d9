import {
  initialSelfScreeningValues,
  selfScreeningFieldMap,
  toSelfScreeningAnswers,
  validateSelfScreeningValues,
  type SelfScreeningValues,
} from '@ketaflow/core';
import { Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { fetchSelfScreeningQuestions, submitSelfScreening } from '../api/screening-api';
import type { SelfScreeningAnswer, SelfScreeningAnswers } from '../api/screening-types';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { applyProblemToForm } from '../forms/apply-problem';
import { keepAnswersForRegistration } from './intake-storage';
import { SelfScreeningAnswerView } from './self-screening-answer';
import { SelfScreeningForm } from './self-screening-form';

/** `/check`: anyone can ask whether ketamine treatment may suit them; nothing is stored. */
export function SelfScreeningPage() {
  const navigate = useNavigate();
  const questions = useQuery({
    queryKey: queryKeys.selfScreeningQuestions,
    queryFn: fetchSelfScreeningQuestions,
    staleTime: Infinity,
  });
  const form = useForm<SelfScreeningValues>({
    initialValues: initialSelfScreeningValues,
    validate: validateSelfScreeningValues,
  });
  const [formError, setFormError] = useState<string | null>(null);
  // The answer on screen and the answers it is for; `null` while the questions show.
  const [result, setResult] = useState<{
    answer: SelfScreeningAnswer;
    answers: SelfScreeningAnswers;
  } | null>(null);
  const check = useMutation({
    mutationFn: (answers: SelfScreeningAnswers) => submitSelfScreening(answers),
    onMutate: () => {
      setFormError(null);
    },
    onSuccess: (answer, answers) => {
      setResult({ answer, answers });
    },
    onError: (error) => {
      setFormError(applyProblemToForm(form, error, selfScreeningFieldMap));
    },
  });

  return (
    <Stack gap="lg" maw={640}>
      <PageHeading>Could ketamine treatment suit you?</PageHeading>
      <Text>
        A few questions about your health, in about two minutes. The answer says whether the
        treatment may suit you, or what a clinician would need to look at. It is not a diagnosis.
      </Text>
      {questions.isPending ? (
        <PageLoader label="Loading the questions" />
      ) : questions.isError ? (
        <QueryErrorAlert error={questions.error} />
      ) : result !== null ? (
        <SelfScreeningAnswerView
          answer={result.answer}
          onRegister={() => {
            keepAnswersForRegistration(result.answers);
            void navigate('/register');
          }}
          onChangeAnswers={() => {
            setResult(null);
          }}
        />
      ) : (
        <SelfScreeningForm
          form={form}
          questions={questions.data}
          submitting={check.isPending}
          formError={formError}
          onSubmit={(values) => {
            check.mutate(toSelfScreeningAnswers(values));
          }}
        />
      )}
    </Stack>
  );
}
