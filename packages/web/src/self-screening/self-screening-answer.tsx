import { Link } from 'react-router';
import { Anchor, Badge, Button, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { SelfScreeningAnswer, SelfScreeningOutcome } from '../api/screening-types';
import { AlternativesList } from './alternatives-list';

const outcomeColors: Readonly<Record<SelfScreeningOutcome, string>> = {
  'may-suit': 'teal',
  'clinician-review': 'yellow',
  'not-suitable': 'red',
};

/** How much a reason weighs, in words for the person rather than a clinical severity. */
const reasonLabels: Readonly<Record<string, { label: string; color: string }>> = {
  critical: { label: 'Usually rules it out', color: 'red' },
  warning: { label: 'For a clinician to judge', color: 'yellow' },
  info: { label: 'Good to know', color: 'gray' },
};

interface SelfScreeningAnswerViewProps {
  answer: SelfScreeningAnswer;
  onRegister: () => void;
  onChangeAnswers: () => void;
}

/** The outcome in the server's words, what led to it, and what to do next. */
export function SelfScreeningAnswerView(props: SelfScreeningAnswerViewProps) {
  const { answer, onRegister, onChangeAnswers } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  // Moving focus to the answer tells screen-reader users it has arrived, and scrolls to it.
  useEffect(() => {
    heading.current?.focus();
  }, [answer]);
  const color = outcomeColors[answer.outcome];

  return (
    <Paper
      component="section"
      aria-labelledby="answer-heading"
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      style={{ borderLeft: `6px solid var(--mantine-color-${color}-6)` }}
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="answer-heading" ref={heading} tabIndex={-1}>
          {answer.title}
        </Title>
        <Text>{answer.message}</Text>
        {answer.reasons.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h4">
              What in your answers led to this
            </Title>
            <List spacing="sm" aria-label="Reasons">
              {answer.reasons.map((reason) => {
                const weight = reasonLabels[reason.severity];
                return (
                  <List.Item key={`${reason.severity}:${reason.summary}`}>
                    {weight !== undefined && (
                      <Badge color={weight.color} variant="light" mr="xs" size="sm">
                        {weight.label}
                      </Badge>
                    )}
                    <Text span>{reason.summary}</Text>
                  </List.Item>
                );
              })}
            </List>
          </Stack>
        )}
        {answer.checkAtConsult.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h4">
              To be checked at your consult
            </Title>
            <List spacing="xs" aria-label="To be checked at your consult">
              {answer.checkAtConsult.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
          </Stack>
        )}
        {answer.alternatives.map((alternatives) => (
          <AlternativesList key={alternatives.indicationId} alternatives={alternatives} />
        ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {/* The label wraps rather than being cut short on a narrow phone. */}
          <Button
            size="md"
            h="auto"
            mih={42}
            py={8}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
            onClick={onRegister}
          >
            Create an account to book a consult
          </Button>
          <Button size="md" variant="default" onClick={onChangeAnswers}>
            Change my answers
          </Button>
        </SimpleGrid>
        <Anchor component={Link} to="/consult">
          See the times offered for a video consult
        </Anchor>
        <Text size="xs" c="dimmed">
          This check is not a diagnosis and not medical advice. Nothing you entered is stored unless
          you create an account. Knowledge base {answer.knowledgeVersion}.
        </Text>
      </Stack>
    </Paper>
  );
}
