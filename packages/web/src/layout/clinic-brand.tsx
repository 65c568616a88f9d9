import { Anchor, Group, Image, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useMeta } from '../app/use-meta';

/** KetaFlow's teal 9 (5:1 on white), used until the clinic sets its own colour. */
export const DEFAULT_BRAND_COLOR = 'var(--mantine-color-teal-9)';

/** The clinic's colour from `/api/meta` (checked 4.5:1 against white by the server). */
export function useBrandColor(): string {
  return useMeta().data?.branding?.primaryColor ?? DEFAULT_BRAND_COLOR;
}

/** The clinic's logo and name in its colour, linking home; "KetaFlow" until the meta loads. */
export function ClinicBrand({ to }: { to: string }) {
  const meta = useMeta();
  const color = useBrandColor();
  const logo = meta.data?.branding?.logo ?? null;
  return (
    <Anchor
      component={Link}
      to={to}
      underline="never"
      aria-label={`${meta.data?.clinicName ?? 'KetaFlow'}: home`}
    >
      <Group gap="xs" wrap="nowrap">
        {logo !== null && <Image src={logo} alt="" h={32} w="auto" fit="contain" />}
        <Text component="span" fw={700} fz="xl" style={{ color }}>
          {meta.data?.clinicName ?? 'KetaFlow'}
        </Text>
      </Group>
    </Anchor>
  );
}
