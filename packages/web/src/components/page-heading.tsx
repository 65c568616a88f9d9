import { Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';

/** The page's one `h1`; also names the browser tab so screen-reader users hear where they are. */
export function PageHeading({ children }: { children: string }) {
  useDocumentTitle(`${children} · KetaFlow`);
  return (
    <Title order={1} size="h2" mb="md">
      {children}
    </Title>
  );
}
