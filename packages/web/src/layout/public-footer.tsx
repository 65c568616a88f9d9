import { Anchor, Box, Container, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useMeta } from '../app/use-meta';
import { useBrandColor } from './clinic-brand';

/** The clinic's contact details from `/api/meta`, and the public pages' links. */
export function PublicFooter() {
  const meta = useMeta();
  const color = useBrandColor();
  const contact = meta.data?.branding?.contact;
  return (
    <Box component="footer" py="lg" mt="xl" style={{ borderTop: `4px solid ${color}` }}>
      <Container size="md">
        <Stack gap={4}>
          <Text fw={700}>{meta.data?.clinicName ?? 'KetaFlow'}</Text>
          {contact?.address != null && <Text size="sm">{contact.address}</Text>}
          <Group gap="md" wrap="wrap">
            {contact?.phone != null && (
              <Anchor size="sm" href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>
                {contact.phone}
              </Anchor>
            )}
            {contact?.email != null && (
              <Anchor size="sm" href={`mailto:${contact.email}`}>
                {contact.email}
              </Anchor>
            )}
            {contact?.website != null && (
              <Anchor size="sm" href={contact.website}>
                {contact.website.replace(/^https?:\/\//, '')}
              </Anchor>
            )}
          </Group>
          <Group gap="md" wrap="wrap" mt="xs">
            <Anchor size="sm" component={Link} to="/costs">
              Costs
            </Anchor>
            <Anchor size="sm" component={Link} to="/check">
              Self-check
            </Anchor>
            <Anchor size="sm" component={Link} to="/consult">
              Book a consultation
            </Anchor>
          </Group>
        </Stack>
      </Container>
    </Box>
  );
}
