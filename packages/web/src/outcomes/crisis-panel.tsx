import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import type { PatientCrisisResource } from '@ketaflow/core';
import type { PatientCrisisMessage } from '../api/outcomes-types';

/** `tel:` and `sms:` links for a resource's number, as the clinic says it can be reached. */
function linksFor(resource: PatientCrisisResource): { href: string; label: string }[] {
  const { contact, reach } = resource;
  const digits = contact.replace(/[^0-9+]/g, '');
  const links: { href: string; label: string }[] = [];
  if (reach !== 'text') links.push({ href: `tel:${digits}`, label: `Call ${contact}` });
  if (reach !== 'call') links.push({ href: `sms:${digits}`, label: `Text ${contact}` });
  return links;
}

/**
 * The clinic's crisis resources (setting `crisisResources`), shown the moment an answer calls
 * for them. It takes focus and is announced, so a screen-reader user hears it before anything
 * else on the page.
 */
export function CrisisPanel({
  crisis,
  focus = true,
}: {
  crisis: PatientCrisisMessage;
  /** Off while the person is still answering, so focus stays on their answer. */
  focus?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="red"
      variant="filled"
      role="alert"
      aria-labelledby={headingId}
      p="lg"
      // Focus scrolls it into view; keep it clear of the fixed header.
      style={{ scrollMarginTop: 76 }}
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId} c="white">
          You are not alone — help is available now
        </Title>
        <Text c="white">{crisis.text}</Text>
        {crisis.resources.map((resource) => (
          <Stack key={resource.contact} gap={6}>
            <Text fw={700} c="white">
              {resource.name}: {resource.how}
            </Text>
            {linksFor(resource).map((link) => (
              <Button
                key={link.href}
                component="a"
                href={link.href}
                size="lg"
                color="white"
                c="red.9"
                fullWidth
              >
                {link.label}
              </Button>
            ))}
          </Stack>
        ))}
      </Stack>
    </Alert>
  );
}
