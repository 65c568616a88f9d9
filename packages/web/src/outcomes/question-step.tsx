import { Button, Group, Progress, Radio, Stack, Text } from '@mantine/core';
import { crisisMessageFor, type PatientCrisisMessage } from '@ketaflow/core';
import type { InstrumentDefinition, InstrumentItem } from '../api/outcomes-types';
import { useCrisisResources } from '../app/use-crisis-resources';
import { CrisisPanel } from './crisis-panel';

/** Until the clinic's numbers have loaded: no number is guessed. */
const NO_NUMBERS_YET: PatientCrisisMessage = {
  text: 'You do not have to wait for your care team. If you are in immediate danger, call your local emergency number now.',
  resources: [],
};

/** Shown as soon as a safety item is answered above zero, before anything is sent. */
function ImmediateCrisis() {
  const resources = useCrisisResources();
  const crisis = resources === null ? NO_NUMBERS_YET : crisisMessageFor(resources, 'answering');
  return <CrisisPanel crisis={crisis} focus={false} />;
}

export function needsCrisisNow(item: InstrumentItem, score: number | undefined): boolean {
  return item.safety === 'suicidal-thoughts' && score !== undefined && score > 0;
}

interface QuestionStepProps {
  definition: InstrumentDefinition;
  index: number;
  answers: Readonly<Record<string, number>>;
  onAnswer: (itemId: string, score: number) => void;
  onBack: () => void;
  onNext: () => void;
}

/** One question per screen, with large answer cards that fit a phone. */
export function QuestionStep({
  definition,
  index,
  answers,
  onAnswer,
  onBack,
  onNext,
}: QuestionStepProps) {
  const item = definition.items[index];
  if (item === undefined) return null;
  const count = definition.items.length;
  const answered = definition.items.filter((i) => answers[i.id] !== undefined).length;
  const score = answers[item.id];
  const isLast = index === count - 1;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text fw={600} id="question-position">
          Question {index + 1} of {count}
        </Text>
        <Progress
          value={(answered / count) * 100}
          size="lg"
          aria-label={`${String(answered)} of ${String(count)} answered`}
        />
      </Stack>
      <Text size="sm" c="dimmed">
        {definition.instructions}
      </Text>
      <Radio.Group
        value={score === undefined ? null : String(score)}
        onChange={(value) => {
          onAnswer(item.id, Number(value));
        }}
        label={item.text}
        labelProps={{ fz: 'lg', fw: 600, mb: 'sm' }}
      >
        <Stack gap="sm">
          {item.options.map((option) => (
            <Radio.Card
              key={option.score}
              value={String(option.score)}
              p="md"
              radius="md"
              mih={56}
              aria-label={option.label}
              style={
                score === option.score
                  ? {
                      borderColor: 'var(--mantine-primary-color-filled)',
                      background: 'var(--mantine-primary-color-light)',
                    }
                  : undefined
              }
            >
              <Group wrap="nowrap" gap="md">
                <Radio.Indicator size="md" />
                <Text size="lg">{option.label}</Text>
              </Group>
            </Radio.Card>
          ))}
        </Stack>
      </Radio.Group>
      {needsCrisisNow(item, score) && <ImmediateCrisis />}
      {/* Back keeps its own width and Next takes the rest: two equal halves of a phone cut
          "Review answers" short. */}
      <Group gap="sm" wrap="nowrap">
        <Button variant="default" size="lg" onClick={onBack} disabled={index === 0}>
          Back
        </Button>
        <Button size="lg" onClick={onNext} disabled={score === undefined} style={{ flex: 1 }}>
          {isLast ? 'Review answers' : 'Next'}
        </Button>
      </Group>
    </Stack>
  );
}
