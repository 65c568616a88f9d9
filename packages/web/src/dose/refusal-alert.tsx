import { Alert, Badge, Group, List, Stack, Text } from '@mantine/core';
import { ClinicSettingBadge } from './dose-limits';
import type { ServerErrors } from './server-errors';

/**
 * The server's refusal of a save. The server calculates from the record, so the limits it names
 * may differ from the ones above; each is listed with its level, and marked when it is a clinic
 * setting rather than a sourced limit, as the calculated ones are.
 */
export function RefusalAlert({ errors }: { errors: ServerErrors | null }) {
  if (errors === null) return null;
  return (
    <Alert color="red" role="alert" title="Not saved">
      <Stack gap="xs">
        <Text size="sm">{errors.message}</Text>
        {errors.limits.length > 0 && (
          <List size="sm" spacing={4} aria-label="Limits the server refused with">
            {errors.limits.map((limit) => (
              <List.Item key={limit.code} data-testid="refusal-limit">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Badge color={limit.level === 'hard' ? 'red' : 'yellow'} size="sm">
                      {limit.level === 'hard' ? 'Hard limit' : 'Soft limit'}
                    </Badge>
                    <ClinicSettingBadge limit={limit} />
                  </Group>
                  <Text size="sm">{limit.message}</Text>
                </Stack>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  );
}
