import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import { homePathFor } from '../auth/home-path';
import { useSession } from '../auth/use-session';

const LEARN_LINKS = [
  ['/learn/ketamine-therapy', 'What ketamine therapy is and how it is given'],
  ['/learn', 'Conditions it is used for'],
  ['/learn/who-should-not', 'Who should not have it'],
  ['/learn/interactions', 'Medicines that interact'],
  ['/learn/side-effects', 'Side effects and risks'],
  ['/learn/faq', 'Questions and answers'],
] as const;

export function LandingPage() {
  useDocumentTitle('KetaFlow · software for ketamine and esketamine clinics');
  const session = useSession();
  const user = session.data?.user;

  return (
    <Stack gap="lg" maw={680}>
      <Title order={1}>Safer ketamine and esketamine care, from first visit to follow-up</Title>
      <Text size="lg">
        KetaFlow is open-source software for clinics that treat patients with ketamine infusions and
        esketamine nasal spray. It keeps one versioned clinical knowledge base and builds the
        clinic&apos;s daily work on it.
      </Text>
      <List spacing="xs">
        <List.Item>Patients see their own record and who has opened it.</List.Item>
        <List.Item>
          Nurses and prescribers keep weights, allergies, conditions and medicines current.
        </List.Item>
        <List.Item>Every look at a patient&apos;s record is written to an audit log.</List.Item>
      </List>
      <nav aria-labelledby="learn-heading">
        <Title order={2} size="h3" id="learn-heading">
          Learn about ketamine therapy
        </Title>
        {/* Server-rendered pages (/learn): plain links, so they load as full documents. */}
        <List spacing="xs" mt="xs">
          {LEARN_LINKS.map(([href, label]) => (
            <List.Item key={href}>
              <Anchor href={href}>{label}</Anchor>
            </List.Item>
          ))}
        </List>
      </nav>
      <Group>
        {user === undefined ? (
          <>
            <Button component={Link} to="/check">
              Check if ketamine may suit you
            </Button>
            <Button component={Link} to="/consult" variant="default">
              Book a video consult
            </Button>
            <Button component={Link} to="/login" variant="default">
              Log in
            </Button>
            <Button component={Link} to="/register" variant="default">
              Register as a patient
            </Button>
          </>
        ) : (
          <Button component={Link} to={homePathFor(user)}>
            Continue as {user.displayName}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
