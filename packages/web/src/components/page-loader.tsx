import { Center, Loader, VisuallyHidden } from '@mantine/core';

/**
 * A loading spinner that screen readers announce. The words sit in the status region as hidden
 * text: an aria-label on the spinner itself (a plain span) is not allowed, and axe reports it.
 */
export function PageLoader({ label = 'Loading' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-hidden="true" />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Center>
  );
}
