import { Alert, Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { idempotencyKeyFor, submitMyScale } from '../api/outcomes-api';
import type { InstrumentDefinition, SubmittedScale } from '../api/outcomes-types';
import { describeError } from '../api/problem';
import { queryKeys } from '../api/query-keys';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { useKnowledge } from '../dose/use-knowledge';
import { CrisisPanel } from './crisis-panel';
import { crisisOf } from './labels';
import { QuestionStep } from './question-step';
import { ReviewStep } from './review-step';
import { useDueScales } from './use-outcomes';

function SentResult({ sent }: { sent: SubmittedScale }) {
  const { response, crisis } = sent;
  return (
    <Stack gap="md">
      {crisis !== null && <CrisisPanel crisis={crisis} />}
      <Paper withBorder p="md" role="status" aria-label="Answers sent">
        <Stack gap="xs">
          <Text fw={700} size="lg">
            Thank you, your answers were sent.
          </Text>
          <Text>
            Your {response.instrumentName} score: <strong>{response.total}</strong> of{' '}
            {response.maxTotal}
            {response.band === null ? '' : ` (${response.band.label})`}
          </Text>
        </Stack>
      </Paper>
      <Button component={Link} to="/me/scales" size="lg" variant="light" fullWidth>
        See my progress
      </Button>
    </Stack>
  );
}

/** The questionnaire: one question per screen, a review, then send. */
function ScaleForm({
  instrument,
  definition,
}: {
  instrument: string;
  definition: InstrumentDefinition;
}) {
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [step, setStep] = useState(0);
  const keys = useRef(new Map<string, string>());
  const count = definition.items.length;
  const send = useMutation({
    mutationFn: () => {
      const body = { instrument, answers };
      return submitMyScale({ ...body, idempotencyKey: idempotencyKeyFor(keys.current, body) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.scalesAll }),
  });
  const goTo = (next: number) => {
    setStep(Math.max(0, Math.min(count, next)));
    window.scrollTo({ top: 0 });
  };

  if (send.isSuccess) return <SentResult sent={send.data} />;
  const refusedCrisis = send.isError ? crisisOf(send.error) : null;
  return (
    <Stack gap="md">
      {refusedCrisis !== null && <CrisisPanel crisis={refusedCrisis} />}
      {send.isError && (
        <Alert color="red" role="alert" title="Not sent">
          {describeError(send.error)}
        </Alert>
      )}
      {step < count ? (
        <QuestionStep
          definition={definition}
          index={step}
          answers={answers}
          onAnswer={(itemId, score) => {
            setAnswers((current) => ({ ...current, [itemId]: score }));
          }}
          onBack={() => {
            goTo(step - 1);
          }}
          onNext={() => {
            goTo(step + 1);
          }}
        />
      ) : (
        <ReviewStep
          definition={definition}
          answers={answers}
          sending={send.isPending}
          onChange={goTo}
          onSubmit={() => {
            send.mutate();
          }}
        />
      )}
    </Stack>
  );
}

/**
 * `/me/scales/:instrument`. The form comes from the due list (the server's definition for this
 * clinic); a built-in scale that is not due can still be filled in from the knowledge base.
 */
export function FillScalePage() {
  const { instrument = '' } = useParams();
  const due = useDueScales();
  const knowledge = useKnowledge();
  const dueItem = due.data?.find((d) => d.instrument === instrument);
  const standard = knowledge.data?.outcomes.instruments.find((i) => i.id === instrument);
  const definition: InstrumentDefinition | undefined = dueItem?.definition ?? standard;

  let body;
  if (definition !== undefined)
    body = <ScaleForm key={instrument} instrument={instrument} definition={definition} />;
  else if (due.isPending || knowledge.isPending) body = <PageLoader label="Loading the form" />;
  else if (due.isError) body = <QueryErrorAlert error={due.error} />;
  else
    body = (
      <Alert color="yellow" title="Nothing to fill in">
        This form is not due now.{' '}
        <Anchor component={Link} to="/me/scales">
          Back to my scales
        </Anchor>
      </Alert>
    );
  return (
    <Stack gap="xs" maw={640}>
      <Anchor component={Link} to="/me/scales" size="sm">
        ← My scales
      </Anchor>
      <PageHeading>{definition?.shortName ?? 'Rating scale'}</PageHeading>
      {definition !== undefined && (
        <Text c="dimmed" size="sm" mt={-12} mb="xs">
          {definition.name}
        </Text>
      )}
      {body}
    </Stack>
  );
}
