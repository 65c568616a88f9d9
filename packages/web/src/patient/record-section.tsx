import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface RecordSectionProps {
  /** Used for the heading id, e.g. `weights`. */
  id: string;
  title: string;
  children: ReactNode;
}

/** One titled part of a patient record; a labelled region so it is a landmark for screen readers. */
export function RecordSection({ id, title, children }: RecordSectionProps) {
  const headingId = `${id}-heading`;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
