import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

/** The product name, linking to `to` (the landing page, or the person's home once logged in). */
export function Brand({ to }: { to: string }) {
  return (
    <Anchor component={Link} to={to} fw={700} fz="xl" underline="never" c="teal.8">
      KetaFlow
    </Anchor>
  );
}
