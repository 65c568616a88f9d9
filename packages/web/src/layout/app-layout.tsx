import { AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { roleLabels, type User } from '../api/auth-types';
import { homePathFor } from '../auth/home-path';
import { useLogOut } from '../auth/use-log-out';
import { useSession } from '../auth/use-session';
import { useSafetyAlerts } from '../outcomes/use-outcomes';
import { Brand } from './brand';
import { isNavItemActive, navItemsFor } from './nav-items';
import { SkipLink } from './skip-link';

const navId = 'app-navigation';

/** The open-alert count beside "Safety alerts"; named in words for screen readers. */
function OpenAlertsCount({ enabled }: { enabled: boolean }) {
  const open = useSafetyAlerts('open', enabled);
  const count = open.data?.length ?? 0;
  if (count === 0) return null;
  return (
    <Badge color="red" size="sm" circle={count < 10} aria-label={`${String(count)} open`}>
      {count}
    </Badge>
  );
}

function UserBadge({ user }: { user: User }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text fw={500} size="sm">
        {user.displayName}
      </Text>
      <Badge variant="light">{roleLabels[user.role]}</Badge>
    </Group>
  );
}

/** The logged-in shell: header with the person and log-out, navigation by role, and the page. */
export function AppLayout() {
  const session = useSession();
  const location = useLocation();
  const [navOpened, nav] = useDisclosure(false);
  // Below the `sm` breakpoint the navigation is a drawer; when shut it must not take focus.
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const logOut = useLogOut();

  // RequireSession renders this only with a session.
  if (session.data == null) return null;
  const { user } = session.data;
  const items = navItemsFor(user.role);
  const countsAlerts = items.some((item) => item.count === 'openSafetyAlerts');

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navOpened}
              aria-controls={navId}
            />
            <Brand to={homePathFor(user)} />
          </Group>
          <Group gap="md" wrap="nowrap">
            <Group visibleFrom="sm">
              <UserBadge user={user} />
            </Group>
            <Button
              variant="default"
              size="xs"
              loading={logOut.isPending}
              onClick={() => {
                logOut.mutate();
              }}
            >
              Log out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id={navId} p="md" aria-label="Main" inert={isPhone && !navOpened}>
        <Stack gap="xs">
          <Group hiddenFrom="sm" pb="sm">
            <UserBadge user={user} />
          </Group>
          {items.map((item) => {
            const active = isNavItemActive(item, location.pathname, items);
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                rightSection={
                  item.count === 'openSafetyAlerts' ? (
                    <OpenAlertsCount enabled={countsAlerts} />
                  ) : undefined
                }
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={nav.close}
              />
            );
          })}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
