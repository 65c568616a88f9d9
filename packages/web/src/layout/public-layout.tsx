import { Anchor, Box, Container, Group } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { homePathFor } from '../auth/home-path';
import { useSession } from '../auth/use-session';
import { ClinicBrand, useBrandColor } from './clinic-brand';
import { PublicFooter } from './public-footer';
import { SkipLink } from './skip-link';

/** Header and main landmark for the pages anyone can open (landing, log-in, registration). */
export function PublicLayout() {
  const brandColor = useBrandColor();
  const user = useSession().data?.user;
  return (
    <>
      <SkipLink />
      <Box
        component="header"
        py="sm"
        style={{
          borderTop: `4px solid ${brandColor}`,
          borderBottom: '1px solid var(--mantine-color-gray-3)',
        }}
      >
        <Container size="md">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <ClinicBrand to="/" />
            <Group component="nav" aria-label="Site" gap="md">
              {/* Server-rendered pages: a full page load, not a client-side route. */}
              <Anchor href="/learn">Learn</Anchor>
              <Anchor component={Link} to="/costs">
                Costs
              </Anchor>
              <Anchor component={Link} to="/check">
                Could it suit me?
              </Anchor>
              {user === undefined ? (
                <>
                  <Anchor component={Link} to="/login">
                    Log in
                  </Anchor>
                  <Anchor component={Link} to="/register">
                    Register
                  </Anchor>
                </>
              ) : (
                // Someone logged in who opens a public page goes back to their own pages from here.
                <Anchor component={Link} to={homePathFor(user)}>
                  {user.role === 'patient' ? 'My record' : 'Clinic workspace'}
                </Anchor>
              )}
            </Group>
          </Group>
        </Container>
      </Box>
      <Container component="main" id="main-content" tabIndex={-1} size="md" py="xl">
        <Outlet />
      </Container>
      <PublicFooter />
    </>
  );
}
