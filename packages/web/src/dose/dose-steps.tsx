import { List, Stack, Text, Title } from '@mantine/core';
import type { DoseJson } from '@ketaflow/core';

/** The arithmetic, step by step, for an independent re-check, and what was assumed. */
export function DoseSteps({ result }: { result: DoseJson }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5" id="dose-steps-heading">
        Arithmetic
      </Title>
      <List type="ordered" size="sm" aria-labelledby="dose-steps-heading" ff="monospace">
        {result.steps.map((step) => (
          <List.Item key={step}>{step}</List.Item>
        ))}
      </List>
      {result.notes.length > 0 && (
        <>
          <Title order={3} size="h5" id="dose-notes-heading">
            Notes
          </Title>
          <List size="sm" aria-labelledby="dose-notes-heading">
            {result.notes.map((note) => (
              <List.Item key={note}>
                <Text size="sm">{note}</Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
