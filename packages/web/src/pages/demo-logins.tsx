import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';

export const demoPassword = 'ketaflow-demo';

const demoAccounts = [
  { role: 'Administrator', email: 'admin@demo.ketaflow.test' },
  { role: 'Prescriber', email: 'prescriber@demo.ketaflow.test' },
  { role: 'Nurse', email: 'nurse@demo.ketaflow.test' },
  { role: 'Patient', email: 'patient@demo.ketaflow.test' },
] as const;

/** Shown on the log-in page only when the server runs with demo data. */
export function DemoLogins({ onChoose }: { onChoose: (email: string) => void }) {
  return (
    <Card withBorder component="section" aria-labelledby="demo-logins-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="demo-logins-title">
          Demo log-ins
        </Title>
        <Text size="sm">
          This server holds made-up demo data. Every demo account uses the password{' '}
          <Text span ff="monospace">
            {demoPassword}
          </Text>
          .
        </Text>
        {demoAccounts.map((account) => (
          <Group key={account.email} justify="space-between" wrap="nowrap" gap="xs">
            <div>
              <Text size="sm" fw={500}>
                {account.role}
              </Text>
              <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {account.email}
              </Text>
            </div>
            <Button
              size="compact-sm"
              variant="default"
              aria-label={`Fill in the ${account.role.toLowerCase()} log-in`}
              onClick={() => {
                onChoose(account.email);
              }}
            >
              Fill in
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
