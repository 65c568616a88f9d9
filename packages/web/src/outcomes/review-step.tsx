import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { InstrumentDefinition } from '../api/outcomes-types';

interface ReviewStepProps {
  definition: InstrumentDefinition;
  answers: Readonly<Record<string, number>>;
  sending: boolean;
  onChange: (index: number) => void;
  onSubmit: () => void;
}

/** Every answer on one screen, each with a way back to its question, then Send. */
export function ReviewStep({ definition, answers, sending, onChange, onSubmit }: ReviewStepProps) {
  return (
    <Stack gap="md">
      <Text fw={600}>Check your answers</Text>
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {definition.items.map((item, index) => {
          const score = answers[item.id];
          const chosen = item.options.find((o) => o.score === score);
          return (
            <Paper key={item.id} component="li" withBorder p="sm">
              <Stack gap={4}>
                <Text size="sm">
                  {index + 1}. {item.text}
                </Text>
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600} c={chosen === undefined ? 'red' : 'inherit'}>
                    {chosen?.label ?? 'Not answered'}
                  </Text>
                  <Button
                    variant="subtle"
                    onClick={() => {
                      onChange(index);
                    }}
                    aria-label={`Change answer ${String(index + 1)}`}
                  >
                    Change
                  </Button>
                </Group>
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      <Button size="lg" fullWidth loading={sending} onClick={onSubmit}>
        Send answers
      </Button>
    </Stack>
  );
}
